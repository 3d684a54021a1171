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

    package func matches(_ record: Record) -> Bool {
        if let first = record.fields.first?.name, firstFields.contains(first) { return true }
        return records.contains { Glob.matches($0, record.name) }
    }
}

