import UAPIModel
import UAPILint
import UAPIPolicy

extension LintRules {
    /// `uapi lint --explain ID`.
    public static func explanation(of rule: LintRule) -> String {
        """
        \(rule.id): \(rule.summary)
        default severity: \(LintWording.word(rule.defaultSeverity))

        \(rule.explanation)

        fix: \(rule.fixHint)

        """
    }
}

/// Lint speaks of errors, warnings and notes where the diff says breaking, compatible, info.
enum LintWording {
    static let words: [Severity: String] = [.breaking: "error", .compatible: "warning", .info: "note"]

    static func word(_ severity: Severity) -> String { words[severity] ?? severity.rawValue }
}
