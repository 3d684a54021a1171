/// How much a change or finding matters: the policy decides, reporters choose the words.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case info, compatible, breaking

    private var rank: Int {
        switch self {
        case .info: return 0
        case .compatible: return 1
        case .breaking: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
