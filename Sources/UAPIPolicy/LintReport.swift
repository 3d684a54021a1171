import Foundation
import UAPIModel
import UAPIDiff
import UAPILint

/// The findings of a lint run, judged by a policy and a baseline.
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
        /// Findings left out because the baseline already had them.
        public var baselined: Int
    }

    public var hasErrors: Bool { summary.errors > 0 }
    public var hasWarnings: Bool { summary.warnings > 0 }

    package static func word(_ severity: Severity) -> String {
        switch severity {
        case .breaking: return "error"
        case .compatible: return "warning"
        case .info: return "note"
        }
    }
}

/// Runs the rules, applies suppressions, and drops what the baseline already knows.
public enum LintEngine {
    public static func run(_ snapshot: Snapshot, subject: String, policy: Policy, baseline: LintReport?) -> LintReport {
        let context = LintContext(snapshot: snapshot)
        let targetNames = snapshot.targets.map(\.target)
        var all = LintRules.all.flatMap { $0.check(context) }
        for index in all.indices {
            all[index].targetSpecific = all[index].targets.count < targetNames.count
        }
        let known = Set(baseline?.findings.map(\.key) ?? [])
        let fresh = all.filter { !known.contains($0.key) }
        var matched = Set<Int>()
        var findings = fresh.map { finding -> LintFinding in
            var finding = finding
            if let hit = policy.suppressions.firstIndex(where: { $0.matches(finding) }) {
                matched.insert(hit)
                finding.suppressedBy = policy.suppressions[hit].reason
            }
            return finding
        }
        findings.sort { ($0.header, $0.location.line, $0.rule, $0.name) < ($1.header, $1.location.line, $1.rule, $1.name) }
        let active = findings.filter { $0.suppressedBy == nil }
        let count: (Severity) -> Int = { severity in active.filter { $0.severity == severity }.count }
        return LintReport(subject: subject, targets: targetNames, headers: context.headers.sorted(), findings: findings,
                          summary: .init(errors: count(.breaking), warnings: count(.compatible), notes: count(.info),
                                         suppressed: findings.count - active.count, baselined: all.count - fresh.count),
                          unmatchedSuppressions: policy.suppressions.enumerated().filter { !matched.contains($0.offset) && $0.element.category == nil }.map(\.element))
    }
}
