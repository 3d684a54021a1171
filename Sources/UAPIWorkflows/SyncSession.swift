import Foundation
import UAPIExtract
import UAPIModel
import UAPIPolicy
import UAPIReport
import UAPISync

/// A whole `uapi sync`: every group checked and planned before anything is written,
/// one ABI report for all groups, the commit message, then the writes.
public struct SyncSession {
    public var source: SyncSource
    public var groups: [SyncGroup]
    public var checker: SyncChecker
    public var policy: Policy
    /// Why breaking changes are accepted (--allow-breaking --reason), kept in the sync record.
    public var acceptedBreaking: String?

    public init(source: SyncSource, groups: [SyncGroup], checker: SyncChecker, policy: Policy, acceptedBreaking: String?) {
        self.source = source
        self.groups = groups
        self.checker = checker
        self.policy = policy
        self.acceptedBreaking = acceptedBreaking
    }

    /// The groups of a config file (if any) and of the command line.
    public static func groups(config: LocatedConfig?, commandLine: SyncGroup?) throws -> [SyncGroup] {
        var groups: [SyncGroup] = []
        if let config {
            groups = config.config.sync
            guard !groups.isEmpty else {
                throw UAPIError.badConfig(path: config.path, line: nil,
                                          reason: "no 'sync:' groups" + (commandLine == nil ? "; name --to and the headers" : ""))
            }
        }
        if let commandLine { groups.append(commandLine) }
        guard !groups.isEmpty else {
            throw UAPIError.badArgument("nothing to sync: name --to and the headers, or a uapi.yaml with 'sync:' groups (--config)")
        }
        return groups
    }

    /// Reads, rewrites, checks and judges every group; writes nothing.
    public func prepare() throws -> PreparedSession {
        for group in groups { try SyncOverlap.check(destination: group.to, source: source) }
        let sourceTree = try SourceTreeOnDisk(source)
        defer { sourceTree.remove() }
        let preparer = SyncPreparer(source: source, checker: checker, policy: policy, sourceTree: sourceTree.tree)
        var ledgers: [SuppressionLedger] = []
        let prepared = try groups.map { group in
            var ledger = SuppressionLedger(policy.suppressions, engine: .diff)
            defer { ledgers.append(ledger) }
            return try preparer.prepare(group, ledger: &ledger)
        }
        let combined = DiffReport.merged(prepared.map(\.report), ledgers: ledgers,
                                         old: groups.map(\.to).joined(separator: ", "), new: source.label)
        let commit = source.commit
        let date = ISO8601DateFormatter().string(from: Date())
        let plans = prepared.map { group -> (PreparedSync, SyncPlan) in
            var record = SyncRecord(source: source.label, kernelVersion: source.kernelVersion, commit: commit?.id, describe: commit?.describe,
                                    rewrite: group.group.rewrite.rawValue, date: date, files: group.files)
            if group.report.hasBreaking { record.breakingAccepted = acceptedBreaking }
            return (group, SyncPlan(incoming: group.files, existing: group.existing, record: record))
        }
        let message = SyncCommitMessage.make(
            directories: groups.map { ($0.to as NSString).lastPathComponent }, record: plans[0].1.record, subject: commit?.subject,
            report: combined, changedFiles: plans.flatMap { $0.1.changedFiles.map(\.path) })
        return PreparedSession(plans: plans.map { ($0.0.group.to, $0.1) }, report: combined, commitMessage: message)
    }
}

/// What a sync will do, decided: the plans, the combined report and the commit message.
public struct PreparedSession {
    public var plans: [(destination: String, plan: SyncPlan)]
    public var report: DiffReport
    public var commitMessage: String

    /// Writes every group (each swapped in whole); `skipped` hears of groups already up to date.
    public func apply(skipped: (String) -> Void) throws {
        for (destination, _) in plans { try SyncApplier(destination: destination).preflight() }
        for (destination, plan) in plans {
            if plan.isNoOp {
                skipped(destination)
                continue
            }
            try SyncApplier(destination: destination).apply(plan)
        }
    }
}

/// The header tree of a sync's source, on disk: a kernel tree or an installed tree as it
/// is, a kernel revision's `include/uapi` and `arch/*/include/uapi` copied out of git.
struct SourceTreeOnDisk {
    let tree: HeaderTree
    private let checkout: GitSideCheckout?

    init(_ source: SyncSource) throws {
        switch source.kind {
        case let .kernelTree(root), let .installedTree(root):
            // A kernel tree as checked out lacks the generated asm headers: the build machine's fill in.
            tree = try HeaderTree.open(root, option: "--from").borrowingFromHost
            checkout = nil
        case let .kernelRevision(repository, revision):
            let checkout = try GitSideCheckout.make(repository: repository, revision: revision, path: "include/uapi/linux",
                                                    cacheDirectory: nil)
            self.checkout = checkout
            tree = HeaderTree.detect(containing: checkout.sidePath) ?? .host
        }
    }

    func remove() { checkout?.removeIfTemporary() }
}
