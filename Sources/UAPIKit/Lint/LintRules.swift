/// Every lint rule, in report order.
public enum LintRules {
    public static let all: [LintRule] = [
        ImplicitHoleRule(), TailPaddingRule(), LayoutDivergenceRule(), UnalignedU64Rule(), NonFixedWidthRule(),
        OldFlexibleArrayRule(), IoctlSizeDivergenceRule(), DuplicateValueRule(), BitFieldRule(),
    ]

    public static func named(_ id: String) -> LintRule? { all.first { $0.id == id } }

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
