import UAPIDiff
import UAPIModel
import UAPIPolicy

/// Snapshot -> diff -> judgement: the one comparison behind `diff`, `check`,
/// `check --update-baseline` and `sync`.
public enum Comparison {
    /// Compares two snapshots under a policy. Two sides without a target in common
    /// compare nothing, which is an error rather than "no changes".
    public static func compare(old: Snapshot, new: Snapshot, policy: Policy, oldLabel: String, newLabel: String) throws -> DiffReport {
        var ledger = SuppressionLedger(policy.suppressions, engine: .diff)
        return try compare(old: old, new: new, policy: policy, oldLabel: oldLabel, newLabel: newLabel, ledger: &ledger)
    }

    /// The same, keeping the suppression ledger (several groups of one sync share a policy).
    public static func compare(old: Snapshot, new: Snapshot, policy: Policy, oldLabel: String, newLabel: String,
                               ledger: inout SuppressionLedger) throws -> DiffReport {
        let oldTargets = old.targets.map(\.target), newTargets = new.targets.map(\.target)
        guard !oldTargets.isEmpty, !newTargets.isEmpty, oldTargets.contains(where: newTargets.contains) else {
            throw UAPIError.noCommonTarget(old: oldLabel, oldTargets: oldTargets, new: newLabel, newTargets: newTargets)
        }
        return PolicyJudge.compare(old: old, new: new, policy: policy, oldLabel: oldLabel, newLabel: newLabel, ledger: &ledger)
    }
}
