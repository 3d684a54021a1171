import Foundation
import UAPIModel
import UAPIExtract
import UAPIDiff
import UAPILint
import UAPIPolicy
import UAPIReport
import UAPISync
import UAPIBindings

/// Everything a sync decides before it writes, for one group: the new texts
/// (headers_install, then the rewrite), the include and rewrite checks, the ABI
/// report against the group's current files, and the plan.
public struct PreparedSync {
    public var group: SyncGroup
    public var files: [String: String]
    public var existing: [String: Data]
    public var report: DiffReport
}

public struct SyncPreparer {
    public var source: SyncSource
    public var checker: SyncChecker
    public var policy: Policy
    /// The source's own header tree: the new headers include from there, never from the build machine.
    public var sourceTree: HeaderTree = .host

    public init(source: SyncSource, checker: SyncChecker, policy: Policy, sourceTree: HeaderTree = .host) {
        self.source = source
        self.checker = checker
        self.policy = policy
        self.sourceTree = sourceTree
    }

    public func prepare(_ group: SyncGroup, ledger: inout SuppressionLedger) throws -> PreparedSync {
        var names: [String] = []
        for pattern in group.headers { names += try source.names(matching: pattern) }
        names = Array(Set(names)).sorted()

        var installed: [String: String] = [:], final: [String: String] = [:]
        let portable = PortableRewrite(packedMacro: group.packedMacro)
        for name in names {
            let text = try source.read(name)
            installed[name] = text
            final[name] = group.rewrite == .portable ? portable.apply(text) : text
        }
        try SyncChecker.checkIncludes(final, allowed: group.allowedIncludes, root: group.to)

        let defines = group.packedMacro.map { ["\($0)=__attribute__((packed))"] } ?? []
        if group.rewrite == .portable {
            let problems = try checker.rewriteProblems(original: installed, rewritten: final, defines: defines, tree: sourceTree)
            guard problems.isEmpty else {
                let list = problems.map { "  \($0.category.rawValue): \(ChangeWording.sentence($0))" + ($0.targetSpecific ? " (\($0.targets.joined(separator: ", ")) only)" : "") }
                throw UAPIError.badArgument("\(group.to): the portable rewrite changes the ABI; nothing written:\n" + list.joined(separator: "\n"))
            }
        }

        let existing = try SyncDestination(group.to).contents(of: names)
        let current = existing.mapValues { String(decoding: $0, as: UTF8.self) }
        // The project's copy is read with the project's tree (QEMU's, a vendored directory), the new one with the source's.
        let projectTree = HeaderTree.detect(containing: group.to) ?? .host
        let before = current.isEmpty
            ? Snapshot(targets: checker.targets.map { TargetSnapshot(target: $0.name, triple: $0.triple, ioctlEncoding: $0.ioctlEncoding) })
            : try checker.snapshot(current, defines: defines, tree: projectTree)
        let after = try checker.snapshot(final, defines: defines, tree: sourceTree)
        let report = try Comparison.compare(old: before, new: after, policy: policy, oldLabel: group.to, newLabel: source.label,
                                            ledger: &ledger)
        return PreparedSync(group: group, files: final, existing: existing, report: report)
    }
}
