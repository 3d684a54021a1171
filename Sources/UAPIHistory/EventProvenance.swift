import UAPIModel

/// Names, for each event, the commit that changed the header and its date. A revision
/// of a range is a first-parent commit, often a merge: the change itself is the newest
/// commit between the previous revision and this one that touched the header.
struct EventProvenance {
    let git: GitTree
    let path: String
    let revisions: [RevisionLabel]
    private var known: [String: (commit: String, date: String)?] = [:]

    init(git: GitTree, path: String, revisions: [RevisionLabel]) {
        self.git = git
        self.path = path
        self.revisions = revisions
    }

    mutating func annotate(_ document: inout HistoryDocument) throws {
        if var timelines = document.timelines {
            try annotate(&timelines)
            document.timelines = timelines
        }
        if var since = document.sinceSync {
            try annotate(&since.timelines)
            document.sinceSync = since
        }
        if var churns = document.rcChurn {
            for index in churns.indices { try annotate(&churns[index].timelines) }
            document.rcChurn = churns
        }
    }

    private mutating func annotate(_ timelines: inout [DefinitionTimeline]) throws {
        for t in timelines.indices {
            for e in timelines[t].events.indices where timelines[t].events[e].kind != .present {
                let event = timelines[t].events[e]
                guard let found = try change(at: event.index, header: timelines[t].header) else { continue }
                timelines[t].events[e].date = found.date
                if !revisions[event.index].commit.hasPrefix(found.commit) { timelines[t].events[e].commit = found.commit }
            }
        }
    }

    /// The newest commit in (previous revision, revision] that touched the header.
    private mutating func change(at index: Int, header: String) throws -> (commit: String, date: String)? {
        let key = "\(index)\u{0}\(header)"
        if let cached = known[key] { return cached }
        let revision = revisions[index].commit
        let range = index == 0 ? [revision] : ["\(revisions[index - 1].commit)..\(revision)"]
        let file = path.isEmpty ? header : "\(path)/\(header)"
        let line = try git.git(["log", "-1", "--format=%h %cs"] + range + ["--", file]).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = line.split(separator: " ")
        let found = parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        known[key] = found
        return found
    }
}
