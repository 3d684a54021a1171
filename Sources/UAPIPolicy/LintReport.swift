import Foundation
import UAPIModel
import UAPIDiff
import UAPILint

/// The findings of a lint run, judged by a policy, less the findings an earlier report already had.
public struct LintReport: Codable, Sendable, Equatable {
    public var format = "uapi-lint"
    public var schemaVersion = 1
    public var subject: String
    public var targets: [String]
    public var headers: [String]
    public var findings: [LintFinding]
    public var summary: Summary
    public var unmatchedSuppressions: [Suppression]

    public struct Summary: Codable, Sendable, Equatable {
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        public var suppressed: Int
        /// Findings left out because the earlier report (`--known-findings`) already had them.
        /// The JSON key keeps its first name, `baselined`, for readers of schema version 1.
        public var baselined: Int
    }

    /// Errors count as breaking, warnings as compatible, notes as info.
    public var verdict: Verdict {
        Verdict(breaking: summary.errors, compatible: summary.warnings, info: summary.notes, suppressed: summary.suppressed)
    }
}

/// Runs the rules, applies suppressions, and drops what an earlier report already knows.
public enum LintEngine {
    public static func run(_ snapshot: Snapshot, subject: String, policy: Policy, knownFindings: LintReport?) -> LintReport {
        let context = LintContext(snapshot: snapshot, sentinels: policy.sentinels)
        let targetNames = snapshot.targets.map(\.target)
        var all = LintRules.all.flatMap { $0.check(context) }
        for index in all.indices {
            all[index].targetSpecific = all[index].targets.count < targetNames.count
        }
        let known = Set(knownFindings?.findings.map(\.key) ?? [])
        let fresh = all.filter { !known.contains($0.key) }
        var ledger = SuppressionLedger(policy.suppressions, engine: .lint)
        var findings = fresh.map { finding -> LintFinding in
            var finding = finding
            finding.suppressedBy = ledger.reason(for: finding)
            return finding
        }
        findings.sort { ($0.header, $0.location.line, $0.rule, $0.name) < ($1.header, $1.location.line, $1.rule, $1.name) }
        let verdict = PolicyJudge.verdict(of: findings.map { ($0.severity, $0.suppressedBy != nil) })
        return LintReport(subject: subject, targets: targetNames, headers: context.headers.sorted(), findings: findings,
                          summary: .init(errors: verdict.breaking, warnings: verdict.compatible, notes: verdict.info,
                                         suppressed: verdict.suppressed, baselined: all.count - fresh.count),
                          unmatchedSuppressions: ledger.unmatched)
    }
}
