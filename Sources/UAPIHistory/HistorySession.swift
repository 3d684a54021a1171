import Foundation
import UAPIModel
import UAPIPolicy
import UAPIExtract

/// What a `uapi history` run is asked: where, which revisions and headers, and which views.
public struct HistoryRequest {
    public var repository: String
    /// `A..B` or `B`; nil when `revisions` (or the matrix) lists the revisions.
    public var selection: RevisionSelection?
    public var revisions: [String]
    public var scope: HistoryScope
    public var targets: [Target]
    /// nil: `.uapi-history.sqlite` at the top of the repository.
    public var database: String?
    public var policy: Policy
    public var item: String?
    public var sinceSync: String?
    public var rcChurn: Bool
    public var matrix: [String]
    public var workers: Int
    /// Called once per newly recorded revision.
    public var progress: ((String) -> Void)?

    public init(repository: String, selection: RevisionSelection?, revisions: [String], scope: HistoryScope,
                targets: [Target], database: String?, policy: Policy, item: String?, sinceSync: String?,
                rcChurn: Bool, matrix: [String], workers: Int, progress: ((String) -> Void)?) {
        self.repository = repository
        self.selection = selection
        self.revisions = revisions
        self.scope = scope
        self.targets = targets
        self.database = database
        self.policy = policy
        self.item = item
        self.sinceSync = sinceSync
        self.rcChurn = rcChurn
        self.matrix = matrix
        self.workers = workers
        self.progress = progress
    }
}

/// Runs a history: brings the database up to date for the revisions, then answers
/// the views from the database alone.
public enum HistorySession {
    public struct Outcome {
        public var document: HistoryDocument
        public var statistics: UpdateStatistics
        public var database: String
    }

    public static func run(_ request: HistoryRequest) throws -> Outcome {
        let git = GitTree(repository: try topLevel(of: request.repository))
        let database = try request.database ?? defaultDatabase(git)
        let store = try HistoryStore(path: database)
        let resolver = RevisionResolver(git: git, path: request.scope.path)
        let resolved = try resolver.resolve(try selection(of: request))
        let labels = try self.labels(resolved.commits, store: store, resolver: resolver)
        let statistics = try HistoryUpdater(git: git, store: store, scope: request.scope, targets: request.targets,
                                            workers: request.workers, progress: request.progress).update(labels)
        let history = try RecordedHistory(store: store, scope: request.scope, targets: request.targets.map(\.name),
                                          policy: request.policy, labels: labels)
        let document = try answer(request, history: history, git: git, startsAtRoot: resolved.startsAtRoot)
        return Outcome(document: document, statistics: statistics, database: database)
    }

    private static func selection(of request: HistoryRequest) throws -> RevisionSelection {
        switch (request.selection, request.revisions.isEmpty) {
        case (let selection?, true): return selection
        case (nil, false): return .list(request.revisions)
        case (nil, true) where !request.matrix.isEmpty: return .list(request.matrix)
        case (nil, true):
            throw UAPIError.badArgument("no revisions: give a range (e.g. v6.1..v6.8) or --rev for each revision")
        case (.some, false):
            throw UAPIError.badArgument("give either a range or --rev revisions, not both")
        }
    }

    /// Labels for the commits: those recorded come from the database, the rest from git.
    private static func labels(_ commits: [String], store: HistoryStore, resolver: RevisionResolver) throws -> [RevisionLabel] {
        var known: [String: RevisionLabel] = [:]
        for commit in commits { known[commit] = try store.revision(commit) }
        let asked = try resolver.labels(commits.filter { known[$0] == nil })
        for label in asked { known[label.commit] = label }
        return commits.map { known[$0]! }
    }

    private static func answer(_ request: HistoryRequest, history: RecordedHistory, git: GitTree,
                               startsAtRoot: Bool) throws -> HistoryDocument {
        if history.revisions.isEmpty, let first = history.notes.first {
            throw UAPIError.noHeaders("every revision has a header that does not parse (\(first)); check --path, --target and the headers")
        }
        for (target, headers) in history.failedEverywhere.sorted(by: { $0.key < $1.key }) {
            if let (header, reason) = headers.sorted(by: { $0.key < $1.key }).first {
                throw UAPIError.noHeaders("\(header) does not parse at any of the \(history.revisions.count) revisions for \(target): \(reason)")
            }
        }
        guard history.states.contains(where: { $0.values.contains { !$0.isEmpty } }) else {
            throw UAPIError.noHeaders("nothing under '\(request.scope.path)' matches \(request.scope.patterns.joined(separator: ", ")) at any of the \(history.revisions.count) revisions; check --path and the header names (relative to --path, e.g. linux/vfio.h)")
        }
        let seen = Set(history.states.flatMap { $0.values.flatMap(\.keys) })
        for pattern in request.scope.patterns where !seen.contains(where: { Glob.matches(pattern, $0) }) {
            throw UAPIError.noHeaders("'\(pattern)' matches no header under '\(request.scope.path)' at any of the \(history.revisions.count) revisions; check the name (relative to --path, e.g. linux/vfio.h) and --path")
        }
        let views = HistoryViews(history: history, startsAtRoot: startsAtRoot)
        let selected = try request.item.map { try HistoryViews.select($0, from: views.timelines) } ?? views.timelines
        let names = request.item.map { _ in Set(selected.map(\.name)) }
        let position = { (revision: String, option: String) throws -> Int in
            let commit = try git.commit(revision)
            guard let index = history.index(of: commit) else {
                throw UAPIError.badArgument("\(option) \(revision): commit \(commit.prefix(12)) is not among the revisions of this history; use a range that contains it or add --rev \(revision)")
            }
            return index
        }
        var document = HistoryDocument(path: request.scope.path, headers: request.scope.patterns,
                                       targets: history.targets, revisions: history.revisions, notes: history.notes)
        if let base = request.sinceSync {
            document.sinceSync = views.sinceSync(try position(base, "--since-sync"), timelines: selected, names: names)
        }
        if request.rcChurn { document.rcChurn = views.rcChurn(timelines: selected) }
        if !request.matrix.isEmpty {
            document.matrix = views.matrix(try request.matrix.map { try position($0, "--matrix") })
        }
        let otherView = request.sinceSync != nil || request.rcChurn || !request.matrix.isEmpty
        if request.item != nil || !otherView { document.timelines = selected }
        var provenance = EventProvenance(git: git, path: request.scope.path, revisions: history.revisions)
        try provenance.annotate(&document)
        return document
    }

    /// `.uapi-history.sqlite` at the top of the work tree; for a bare repository, which
    /// has none (and whose git directory is git's own), `<name>.uapi-history.sqlite` here.
    private static func defaultDatabase(_ git: GitTree) throws -> String {
        let bare = (try? git.git(["rev-parse", "--is-bare-repository"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
        guard bare else { return "\(git.repository)/.uapi-history.sqlite" }
        var name = (HeaderNamer.normalize(HeaderResolver.absolute(git.repository)) as NSString).lastPathComponent
        if name.hasSuffix(".git") { name = String(name.dropLast(4)) }
        return FileManager.default.currentDirectoryPath + "/\(name.isEmpty ? "repository" : name).uapi-history.sqlite"
    }

    /// The top of the work tree holding `directory` (or the directory itself for a bare repository).
    private static func topLevel(of directory: String) throws -> String {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw UAPIError.gitError("\(directory): no such directory; pass the repository with --repo")
        }
        let git = GitTree(repository: directory)
        if let top = try? git.git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines), !top.isEmpty {
            return top
        }
        guard (try? git.git(["rev-parse", "--git-dir"])) != nil else {
            throw UAPIError.gitError("\(directory) is not a git repository; pass one with --repo")
        }
        return directory
    }
}
