import Foundation
import UAPIModel

/// Which revisions a history covers: a range `A..B` (A itself, then B's first-parent
/// commits after A that touch the path or carry a tag, oldest first), everything up
/// to `B`, or an explicit list.
public enum RevisionSelection: Equatable, Sendable {
    case range(from: String?, to: String)
    case list([String])

    /// `v6.1..v6.8`, `..v6.8` or `v6.8` (the whole first-parent history up to it).
    public static func parse(_ text: String) throws -> RevisionSelection {
        guard let dots = text.range(of: "..") else { return .range(from: nil, to: text) }
        let from = String(text[..<dots.lowerBound]), to = String(text[dots.upperBound...])
        guard !to.isEmpty, !to.hasPrefix(".") else {
            throw UAPIError.badArgument("'\(text)': a range is A..B with both ends named (e.g. v6.1..v6.8); three dots are not supported")
        }
        return .range(from: from.isEmpty ? nil : from, to: to)
    }
}

/// A revision of the history: its commit and how to call it.
public struct RevisionLabel: Codable, Sendable, Equatable, Hashable {
    public var commit: String
    public var short: String
    /// Tags on this very commit, sorted.
    public var tags: [String]
    /// `git describe --tags`: the tag itself, or the nearest one before (`v6.8-rc6-2-g1a2b3c4`).
    public var describe: String?

    public init(commit: String, short: String, tags: [String], describe: String?) {
        self.commit = commit
        self.short = short
        self.tags = tags
        self.describe = describe
    }

    /// The exact tag, else the nearest one via describe, else the short id.
    public var name: String {
        if let describe, tags.contains(describe) { return describe }
        return tags.first ?? describe ?? short
    }
}

/// Resolves a selection to commits with git (first-parent, oldest first).
final class RevisionResolver {
    let git: GitTree
    let path: String
    private var tags: [String: [String]]?

    init(git: GitTree, path: String) {
        self.git = git
        self.path = path
    }

    struct Resolved {
        var commits: [String]
        /// True when the first revision is where the history of the path starts, so
        /// its definitions appeared there rather than being present before the range.
        var startsAtRoot: Bool
    }

    func resolve(_ selection: RevisionSelection) throws -> Resolved {
        switch selection {
        case let .list(revisions):
            var seen = Set<String>()
            let commits = try revisions.map { try git.commit($0) }.filter { seen.insert($0).inserted }
            return Resolved(commits: commits, startsAtRoot: false)
        case let .range(from, to):
            let end = try git.commit(to)
            let start = try from.map { try git.commit($0) }
            let span = start.map { "\($0)..\(end)" } ?? end
            let line = try lines(["rev-list", "--first-parent", "--reverse", span])
            let touching = Set(try lines(["rev-list", "--first-parent", span, "--", pathspec]))
            let tagged = Set(try tagsByCommit().keys)
            var commits = line.filter { touching.contains($0) || tagged.contains($0) || $0 == end }
            if let start { commits.insert(start, at: 0) }
            return Resolved(commits: commits, startsAtRoot: start == nil)
        }
    }

    /// Short ids, tags and describe output for commits, with one git call each.
    func labels(_ commits: [String]) throws -> [RevisionLabel] {
        guard !commits.isEmpty else { return [] }
        let tags = try tagsByCommit()
        var result: [RevisionLabel] = []
        // Batches keep the command line short on long ranges.
        for batch in commits.chunked(500).map(Array.init) {
            let shorts = try lines(["log", "--no-walk=unsorted", "--format=%h"] + batch)
            let described = try lines(["describe", "--tags", "--always"] + batch)
            guard shorts.count == batch.count, described.count == batch.count else {
                throw UAPIError.gitError("git log and git describe gave \(shorts.count) and \(described.count) lines for \(batch.count) commits in \(git.repository)")
            }
            result += batch.indices.map { index in
                let describe = described[index] == shorts[index] ? nil : described[index]
                return RevisionLabel(commit: batch[index], short: shorts[index], tags: tags[batch[index]] ?? [], describe: describe)
            }
        }
        return result
    }

    /// Every tag's commit (annotated tags peeled), each commit's tags sorted.
    func tagsByCommit() throws -> [String: [String]] {
        if let tags { return tags }
        var result: [String: [String]] = [:]
        for line in try lines(["for-each-ref", "--format=%(objectname) %(*objectname) %(refname:strip=2)", "refs/tags"]) {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard words.count >= 3 else { continue }
            let commit = words[1].isEmpty ? words[0] : words[1]
            result[commit, default: []].append(words[2...].joined(separator: " "))
        }
        tags = result.mapValues { $0.sorted() }
        return tags!
    }

    private var pathspec: String {
        let clean = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return clean.isEmpty ? "." : clean
    }

    private func lines(_ arguments: [String]) throws -> [String] {
        try git.git(arguments).split(separator: "\n").map(String.init)
    }
}
