import UAPILint
import UAPIPolicy

extension LintRules {
    /// `uapi lint --explain ID`.
    public static func explanation(of rule: LintRule) -> String {
        """
        \(rule.id): \(rule.summary)
        default severity: \(LintReport.word(rule.defaultSeverity))

        \(rule.explanation)

        fix: \(rule.fixHint)

        """
    }
}
