import UAPIDiff
import UAPIModel

/// A diff judged by a policy: what reporters render and the CLI turns into an exit status.
public struct DiffReport: Sendable, Equatable {
    /// What was compared, as the user named it.
    public var old: String
    public var new: String
    public var targets: [String]
    /// Every listed header of either side (one test case each in JUnit).
    public var headers: [String]
    public var changes: [JudgedChange]
    public var verdict: Verdict
    public var unmatchedSuppressions: [Suppression]
    public var targetsOnlyInOld: [String]
    public var targetsOnlyInNew: [String]

    public var hasBreaking: Bool { verdict.hasBreaking }

    /// Several reports as one (the groups of a sync): changes together, counts added up,
    /// a suppression unmatched only when no group matched it.
    public static func merged(_ reports: [DiffReport], ledgers: [SuppressionLedger], old: String, new: String) -> DiffReport {
        DiffReport(old: old, new: new, targets: reports.first?.targets ?? [],
                   headers: Array(Set(reports.flatMap(\.headers))).sorted(), changes: reports.flatMap(\.changes),
                   verdict: .sum(reports.map(\.verdict)),
                   unmatchedSuppressions: SuppressionLedger.unmatched(across: ledgers),
                   targetsOnlyInOld: Array(Set(reports.flatMap(\.targetsOnlyInOld))).sorted(),
                   targetsOnlyInNew: Array(Set(reports.flatMap(\.targetsOnlyInNew))).sorted())
    }
}

/// Applies a policy to the facts of a diff.
public enum PolicyJudge {
    /// Diffs two snapshots and judges the facts: the one place the two steps meet
    /// (`Comparison.compare` adds the checks a command needs; history calls this directly).
    public static func compare(old: Snapshot, new: Snapshot, policy: Policy, oldLabel: String, newLabel: String,
                               ledger: inout SuppressionLedger) -> DiffReport {
        let result = SnapshotDiffer(sentinels: policy.sentinels).diff(old: old, new: new)
        return judge(result, policy: policy, old: old, new: new, oldLabel: oldLabel, newLabel: newLabel, ledger: &ledger)
    }

    public static func judge(_ result: DiffResult, policy: Policy, old: Snapshot, new: Snapshot,
                             oldLabel: String, newLabel: String) -> DiffReport {
        var ledger = SuppressionLedger(policy.suppressions, engine: .diff)
        return judge(result, policy: policy, old: old, new: new, oldLabel: oldLabel, newLabel: newLabel, ledger: &ledger)
    }

    /// Judges with a ledger the caller keeps (to merge several runs of one policy).
    public static func judge(_ result: DiffResult, policy: Policy, old: Snapshot, new: Snapshot,
                             oldLabel: String, newLabel: String, ledger: inout SuppressionLedger) -> DiffReport {
        let extensible = Set((new.targets + old.targets).flatMap(\.records).filter(policy.extensible.matches).map(\.name))
        let changes = result.changes.map { change -> JudgedChange in
            var judged = JudgedChange(change: change, severity: policy.severity(of: change))
            if change.category == .tailExtension, extensible.contains(change.name) {
                judged.severity = .compatible
                judged.isExtensibleRecord = true
            }
            let names = [change.name] + (change.newName.map { [$0] } ?? [])
            if policy.experimental.contains(where: { pattern in names.contains { Glob.matches(pattern, $0) } }) {
                judged.severity = .info
                judged.isExperimental = true
            }
            judged.suppressedBy = ledger.reason(for: change)
            return judged
        }
        // One listed header on each side is one header under two names: report it by its new name.
        let listedOld = Set(old.targets.flatMap { $0.headers.filter(\.listed).map(\.path) })
        let listedNew = Set(new.targets.flatMap { $0.headers.filter(\.listed).map(\.path) })
        let listed = listedOld.count == 1 && listedNew.count == 1 ? listedNew : listedOld.union(listedNew)
        return DiffReport(old: oldLabel, new: newLabel, targets: result.targets,
                          headers: Set(listed + changes.map(\.change.header)).sorted(), changes: changes,
                          verdict: verdict(of: changes.map { ($0.severity, $0.suppressedBy != nil) }),
                          unmatchedSuppressions: ledger.unmatched,
                          targetsOnlyInOld: result.targetsOnlyInOld, targetsOnlyInNew: result.targetsOnlyInNew)
    }

    /// Counts of judged items: suppressed ones apart.
    static func verdict(of items: [(severity: Severity, suppressed: Bool)]) -> Verdict {
        let active = items.filter { !$0.suppressed }
        let count: (Severity) -> Int = { severity in active.filter { $0.severity == severity }.count }
        return Verdict(breaking: count(.breaking), compatible: count(.compatible), info: count(.info),
                       suppressed: items.count - active.count)
    }
}
