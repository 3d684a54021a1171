import Foundation
import UAPIModel

/// What an update did: how many revisions it recorded and how many header parts it
/// had to parse versus found stored (blob reuse).
public struct UpdateStatistics: Sendable, Equatable {
    public var revisions = 0
    public var newRevisions = 0
    public var partsParsed = 0
    public var partsReused = 0
}

/// Brings the database up to date for a list of revisions: revisions already recorded
/// are skipped without reading a blob; for the others, only headers whose key is new
/// are parsed. A chunk of revisions is parsed in parallel, then each is recorded in
/// its own transaction, oldest first.
struct HistoryUpdater {
    let git: GitTree
    let store: HistoryStore
    let scope: HistoryScope
    let targets: [Target]
    let workers: Int
    let progress: ((String) -> Void)?

    /// One revision's plan: each header's part key per target.
    private struct Plan {
        var label: RevisionLabel
        var entries: RevisionEntries
        var keys: [PartKey]
    }

    func update(_ revisions: [RevisionLabel]) throws -> UpdateStatistics {
        var statistics = UpdateStatistics(revisions: revisions.count)
        var pending: [(RevisionLabel, [Target])] = []
        for revision in revisions {
            let done = try store.scannedTargets(commit: revision.commit, scope: scope.id)
            let missing = targets.filter { !done.contains($0.name) }
            if !missing.isEmpty { pending.append((revision, missing)) }
        }
        statistics.newRevisions = pending.count
        guard !pending.isEmpty else { return statistics }
        var planner = KeyPlanner(reader: try GitObjectReader(repository: git.repository), scope: scope)
        var recorded = revisions.count - pending.count
        // Enough revisions per chunk to keep every worker busy, few enough that an
        // interrupted run loses little.
        for chunk in pending.chunked(max(2, workers * 2)) {
            let plans = try chunk.map { revision, missing in try plan(revision, missing, &planner) }
            let candidates = Set(plans.flatMap { $0.keys.map(\.id) })
            let stored = try store.storedKeys(candidates)
            var jobs: [ParseJob] = []
            var queued = Set<String>()
            for plan in plans {
                for key in plan.keys where !stored.contains(key.id) && queued.insert(key.id).inserted {
                    jobs.append(ParseJob(key: key, files: try planner.files(for: key), preludes: scope.preludes))
                }
            }
            let parsed = parallelMap(count: jobs.count, workers: workers, makeState: { () }) { _, index in
                PartParser.parse(jobs[index])
            }
            var fresh = Dictionary(parsed.map { ($0.key.id, $0) }, uniquingKeysWith: { a, _ in a })
            statistics.partsParsed += parsed.count
            // A parse per header per revision is what blob reuse saves.
            statistics.partsReused += plans.map(\.keys.count).reduce(0, +) - parsed.count
            planner.forgetContents()
            for plan in plans {
                let newParts = plan.keys.compactMap { fresh.removeValue(forKey: $0.id) }
                try store.record(plan.label, scope: scope.id, entries: plan.entries, newParts: newParts)
                recorded += 1
                let failed = newParts.filter { $0.error != nil }.map(\.key.header)
                progress?("history: [\(recorded)/\(revisions.count)] \(plan.label.short) \(plan.label.name): "
                          + "\(newParts.count) parsed" + (failed.isEmpty ? "" : ", failed to parse: \(failed.joined(separator: ", "))"))
            }
        }
        return statistics
    }

    private func plan(_ revision: RevisionLabel, _ targets: [Target], _ planner: inout KeyPlanner) throws -> Plan {
        let tree = try planner.tree(at: revision.commit)
        var entries: RevisionEntries = [:]
        var keys: [PartKey] = []
        for target in targets {
            entries[target.name] = [:]
            // What a parse for this target sees of the revision: its asm/, the path, the -I roots.
            let visible = try planner.visibleTree(at: revision.commit, for: target, scopeTree: tree)
            for header in tree.headers(matching: scope.patterns) {
                let includes = try planner.closure(of: header, in: visible, revision: revision.name)
                let key = PartKey(header: header, blob: tree.blobs[header]!, includes: includes.map { [$0, visible.blobs[$0]!] },
                                  target: target.name, tool: try PartKey.tool(), flags: scope.flags)
                entries[target.name]![header] = key.id
                keys.append(key)
            }
        }
        return Plan(label: revision, entries: entries, keys: keys)
    }
}

/// Lists revisions' trees and works out which same-tree headers a header includes,
/// reading each tree and blob once per run.
struct KeyPlanner {
    let reader: GitObjectReader
    let scope: HistoryScope
    private var walker: TreeWalker
    private var includes: [String: [IncludeScanner.Include]] = [:]
    private var contents: [String: Data] = [:]

    init(reader: GitObjectReader, scope: HistoryScope) {
        self.reader = reader
        self.scope = scope
        walker = TreeWalker(reader: reader)
    }

    mutating func tree(at commit: String) throws -> HeaderTree {
        try walker.tree(commit: commit, prefix: scope.path)
    }

    /// One walker per other directory (asm, -I roots), so each keeps its own previous revision.
    private var otherWalkers: [String: TreeWalker] = [:]

    /// The files a parse of the scope's headers for `target` can include from the revision,
    /// by include name: the target's `asm/` first, then the path, then each -I root.
    mutating func visibleTree(at commit: String, for target: Target, scopeTree: HeaderTree) throws -> HeaderTree {
        var blobs: [String: String] = [:]
        for prefix in scope.asmPrefixes(for: target) {
            for (name, blob) in try otherTree(at: commit, prefix: prefix).blobs where blobs["asm/\(name)"] == nil {
                blobs["asm/\(name)"] = blob
            }
        }
        for (name, blob) in scopeTree.blobs where blobs[name] == nil { blobs[name] = blob }
        for root in scope.includeRoots {
            for (name, blob) in try otherTree(at: commit, prefix: root).blobs where blobs[name] == nil { blobs[name] = blob }
        }
        return HeaderTree(blobs: blobs)
    }

    private mutating func otherTree(at commit: String, prefix: String) throws -> HeaderTree {
        var walker = otherWalkers[prefix] ?? TreeWalker(reader: reader)
        defer { otherWalkers[prefix] = walker }
        return try walker.tree(commit: commit, prefix: prefix)
    }

    /// The same-tree headers `header` reads, directly or through others, sorted.
    mutating func closure(of header: String, in tree: HeaderTree, revision: String) throws -> [String] {
        var seen: Set<String> = [header]
        var queue = [header]
        while let current = queue.popLast() {
            for include in try includesOf(current, blob: tree.blobs[current]!, revision: revision) {
                guard let found = tree.resolve(include, from: current), seen.insert(found).inserted else { continue }
                queue.append(found)
            }
        }
        return seen.subtracting([header]).sorted()
    }

    /// Drops the blobs read so far (the include lists stay): memory stays flat over long ranges.
    mutating func forgetContents() {
        contents.removeAll()
    }

    /// The files a parse of `key` writes into its include root.
    mutating func files(for key: PartKey) throws -> [String: Data] {
        var files = [key.header: try content(key.blob, what: key.header)]
        for pair in key.includes { files[pair[0]] = try content(pair[1], what: pair[0]) }
        return files
    }

    private mutating func includesOf(_ name: String, blob: String, revision: String) throws -> [IncludeScanner.Include] {
        if let known = includes[blob] { return known }
        let found = IncludeScanner.includes(in: try content(blob, what: "\(scope.path)/\(name) at \(revision)"))
        includes[blob] = found
        return found
    }

    private mutating func content(_ blob: String, what: String) throws -> Data {
        if let known = contents[blob] { return known }
        let data = try reader.blob(blob, what: what)
        contents[blob] = data
        return data
    }
}
