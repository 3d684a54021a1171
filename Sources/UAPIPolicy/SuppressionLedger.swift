import UAPIDiff
import UAPILint
import UAPIModel

/// Which suppressions matched something: one ledger per policy and engine run, so
/// "matched nothing" is decided by one rule for the diff and lint alike.
public struct SuppressionLedger: Sendable {
    public enum Engine: Sendable { case diff, lint }

    public let suppressions: [Suppression]
    public let engine: Engine
    private var matched: Set<Int> = []

    public init(_ suppressions: [Suppression], engine: Engine) {
        self.suppressions = suppressions
        self.engine = engine
    }

    /// The first suppression that hides `change`, noted as matched.
    mutating func reason(for change: Change) -> String? {
        note(suppressions.firstIndex { $0.matches(change) })
    }

    /// The first suppression that hides `finding`, noted as matched.
    mutating func reason(for finding: LintFinding) -> String? {
        note(suppressions.firstIndex { $0.matches(finding) })
    }

    private mutating func note(_ index: Int?) -> String? {
        guard let index else { return nil }
        matched.insert(index)
        return suppressions[index].reason
    }

    /// Suppressions meant for this engine that matched nothing; one for the other
    /// engine (a lint `rule:` during a diff) is not this run's to report.
    public var unmatched: [Suppression] {
        suppressions.indices.filter { !matched.contains($0) && suppressions[$0].applies(to: engine) }.map { suppressions[$0] }
    }

    /// Several runs of one policy (the groups of a sync): a suppression is unmatched
    /// only when it matched in none of them.
    public static func unmatched(across ledgers: [SuppressionLedger]) -> [Suppression] {
        guard let first = ledgers.first else { return [] }
        return first.unmatched.filter { suppression in ledgers.allSatisfy { $0.unmatched.contains(suppression) } }
    }
}
