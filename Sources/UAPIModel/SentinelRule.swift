/// Which values are sentinels (`*_MAX`, `*_NUM`, `__NR_syscalls`): they move whenever
/// entries are added, which is harmless. An enumerator is one by name pattern, or by
/// evidence in its enum: the last enumerator, one more than the largest of the others,
/// with an enumerator added just before it. A macro is one by name pattern when its
/// value grows (a count that shrinks has lost entries). One rule serves the diff and
/// lint alike; a policy file may replace the patterns.
public struct SentinelRule: Sendable, Equatable {
    public var patterns: [String]
    /// The patterns of macros that count (`__`-prefixed names are ordinary values among macros: `__NR_read`).
    public var macroPatterns: [String]
    public var detectByValue: Bool

    public static let defaultMacroPatterns = ["*_MAX", "*_NUM", "*_COUNT", "*_CNT", "*_LAST", "NUM_*", "*_NUM_*", "__NR_syscalls", "NR_syscalls"]

    public static let `default` = SentinelRule(
        patterns: ["*_MAX", "*_NUM", "*_COUNT", "*_CNT", "*_LAST", "*_NR", "NUM_*", "*_NUM_*", "__*"],
        macroPatterns: defaultMacroPatterns, detectByValue: true)

    public init(patterns: [String], macroPatterns: [String] = SentinelRule.defaultMacroPatterns, detectByValue: Bool) {
        self.patterns = patterns
        self.macroPatterns = macroPatterns
        self.detectByValue = detectByValue
    }

    /// Whether a name alone marks a sentinel enumerator.
    public func matches(name: String) -> Bool {
        patterns.contains { Glob.matches($0, name) }
    }

    /// Whether a macro of this name counts entries.
    public func matches(macro name: String) -> Bool {
        macroPatterns.contains { Glob.matches($0, name) }
    }

    /// Whether the enumerator `name` of enum `enumName` looks like a sentinel on `target` alone
    /// (lint's question: no old side to show that something was added).
    public func matches(enumerator name: String, of enumName: String, in target: TargetSnapshot) -> Bool {
        if matches(name: name) { return true }
        guard detectByValue, let decl = target.enums.first(where: { $0.name == enumName }) else { return false }
        return Self.endsOneAboveTheRest(decl, name: name)
    }

    /// Whether the value change of enumerator `name` between two sides is a sentinel moving:
    /// its name says so, or it is still the last, one above the rest, and the enumerator just
    /// before it on the new side is new. Without that evidence a changed value is a changed value.
    public func isSentinelMove(enumerator name: String, oldEnum: String, newEnum: String, old: TargetSnapshot, new: TargetSnapshot) -> Bool {
        if matches(name: name) { return true }
        guard detectByValue, let after = new.enums.first(where: { $0.name == newEnum }), Self.endsOneAboveTheRest(after, name: name),
              let before = old.enums.first(where: { $0.name == oldEnum }) else { return false }
        let previous = after.enumerators[after.enumerators.count - 2].name
        return !before.enumerators.contains { $0.name == previous }
    }

    private static func endsOneAboveTheRest(_ decl: EnumDecl, name: String) -> Bool {
        guard let last = decl.enumerators.last, last.name == name, decl.enumerators.count > 1 else { return false }
        // In signed arithmetic, so that enums of negative values (`FIRST = 1 << 31`) have sentinels too.
        guard let largest = decl.enumerators.dropLast().compactMap({ $0.value.signed }).max(), largest < Int64.max,
              let value = last.value.signed else { return false }
        return value == largest + 1
    }
}
