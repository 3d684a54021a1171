/// Which enumerators are sentinels (`*_MAX`, `*_NUM`): their value moves whenever
/// entries are added, which is harmless. Detected by name pattern, or by value:
/// the last enumerator of its enum, one more than the largest of the others.
/// One rule serves the diff and lint alike; a policy file may replace the patterns.
public struct SentinelRule: Sendable, Equatable {
    public var patterns: [String]
    public var detectByValue: Bool

    public static let `default` = SentinelRule(
        patterns: ["*_MAX", "*_NUM", "*_COUNT", "*_LAST", "*_NR", "NUM_*", "*_NUM_*", "__*"], detectByValue: true)

    public init(patterns: [String], detectByValue: Bool) {
        self.patterns = patterns
        self.detectByValue = detectByValue
    }

    /// Whether a name alone marks a sentinel.
    public func matches(name: String) -> Bool {
        patterns.contains { Glob.matches($0, name) }
    }

    /// Whether the enumerator `name` of enum `enumName` is a sentinel on `target`.
    public func matches(enumerator name: String, of enumName: String, in target: TargetSnapshot) -> Bool {
        if matches(name: name) { return true }
        guard detectByValue, let decl = target.enums.first(where: { $0.name == enumName }),
              let last = decl.enumerators.last, last.name == name, decl.enumerators.count > 1 else { return false }
        // In signed arithmetic, so that enums of negative values (`FIRST = 1 << 31`) have sentinels too.
        guard let largest = decl.enumerators.dropLast().compactMap({ $0.value.signed }).max(), largest < Int64.max,
              let value = last.value.signed else { return false }
        return value == largest + 1
    }
}
