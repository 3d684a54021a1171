import UAPIModel
import UAPIDiff
import UAPILint

/// How a project judges changes: category severities, experimental names,
/// extensible structs, sentinels and suppressions (each with a reason).
public struct Policy: Sendable, Equatable {
    public var severities: [ChangeCategory: Severity]
    /// Name patterns whose changes are reported as info.
    public var experimental: [String]
    public var extensible: ExtensibleRule
    public var sentinels: SentinelRule
    public var suppressions: [Suppression]

    public static let strict = Policy(severities: [:], experimental: [], extensible: ExtensibleRule(firstFields: [], records: []),
                                      sentinels: .default, suppressions: [])

    public init(severities: [ChangeCategory: Severity], experimental: [String], extensible: ExtensibleRule,
                sentinels: SentinelRule, suppressions: [Suppression]) {
        self.severities = severities
        self.experimental = experimental
        self.extensible = extensible
        self.sentinels = sentinels
        self.suppressions = suppressions
    }

    public func severity(of category: ChangeCategory) -> Severity {
        severities[category] ?? category.defaultSeverity
    }
}

/// Records whose growth at the tail is compatible: VFIO-style structs whose first
/// field is `argsz`, or records named by pattern.
public struct ExtensibleRule: Sendable, Equatable {
    public var firstFields: [String]
    public var records: [String]

    public init(firstFields: [String], records: [String]) {
        self.firstFields = firstFields
        self.records = records
    }

    func matches(_ record: Record) -> Bool {
        if let first = record.fields.first?.name, firstFields.contains(first) { return true }
        return records.contains { Glob.matches($0, record.name) }
    }
}

/// Hides matching changes from the verdict (they stay in the report, marked).
public struct Suppression: Codable, Sendable, Equatable {
    public var name: String?
    public var header: String?
    /// A diff category: the suppression then applies to `diff` and `check` only.
    public var category: ChangeCategory?
    /// A lint rule id: the suppression then applies to `lint` only.
    public var rule: String?
    public var target: String?
    public var reason: String
    /// Where it was declared, for the report of suppressions that matched nothing.
    public var source: String

    public init(name: String?, header: String?, category: ChangeCategory?, rule: String? = nil, target: String?,
                reason: String, source: String) {
        self.name = name
        self.header = header
        self.category = category
        self.rule = rule
        self.target = target
        self.reason = reason
        self.source = source
    }

    func matches(_ change: Change) -> Bool {
        guard rule == nil else { return false }
        if let category, category != change.category { return false }
        return matches(names: [change.name] + (change.newName.map { [$0] } ?? []), header: change.header, targets: change.targets)
    }

    func matches(_ finding: LintFinding) -> Bool {
        guard category == nil else { return false }
        if let rule, rule != finding.rule { return false }
        return matches(names: [finding.name], header: finding.header, targets: finding.targets)
    }

    private func matches(names: [String], header changeHeader: String, targets: [String]) -> Bool {
        if let name, !names.contains(where: { Glob.matches(name, $0) }) { return false }
        if let header, !Glob.matches(header, changeHeader) { return false }
        if let target, !targets.contains(target) { return false }
        return true
    }
}
