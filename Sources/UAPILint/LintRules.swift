import UAPIModel

/// Every lint rule, in report order.
public enum LintRules {
    public static let all: [LintRule] = [
        ImplicitHoleRule(), TailPaddingRule(), LayoutDivergenceRule(), UnalignedU64Rule(), NonFixedWidthRule(),
        OldFlexibleArrayRule(), IoctlSizeDivergenceRule(), DuplicateValueRule(), BitFieldRule(),
    ]

    public static func named(_ id: String) -> LintRule? { all.first { $0.id == id } }
}
