import UAPIModel
import UAPIDiff
import UAPILint

/// How a project judges changes: category severities, experimental names,
/// extensible structs, sentinels and suppressions (each with a reason).
public struct Policy: Sendable, Equatable {
    /// What the project publishes: the starting severities that `severities` and `kindSeverities` adjust.
    public var preset: PolicyPreset = .uapi
    public var severities: [ChangeCategory: Severity]
    /// Per category, a severity for some kinds of item (`removed` of a `function`: info).
    public var kindSeverities: [ChangeCategory: [ItemKind: Severity]] = [:]
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

    /// The severity of a change: the policy's rule for its category and kind of item, else for its
    /// category, else the preset's.
    public func severity(of change: Change) -> Severity {
        if let severity = kindSeverities[change.category]?[change.item] ?? severities[change.category] { return severity }
        // A library's interface is what its functions and variables use.
        if preset == .library, change.outsideInterface, change.category.defaultSeverity != .info { return .info }
        return preset.severity(of: change.category, item: change.item)
    }

    /// A category's severity for items of no particular kind (rule lists, help).
    public func severity(of category: ChangeCategory) -> Severity {
        severities[category] ?? preset.severity(of: category, item: nil)
    }
}

/// Records whose growth at the tail is compatible: VFIO-style structs whose first
/// field is `argsz`, or records named by pattern.
public struct ExtensibleRule: Sendable, Equatable {
    public var firstFields: [String]
    public var records: [String]
    /// Every record of these headers (rdma-core's driver ABIs, `rdma/*-abi.h`).
    public var headers: [String]

    public init(firstFields: [String], records: [String], headers: [String] = []) {
        self.firstFields = firstFields
        self.records = records
        self.headers = headers
    }

    package func matches(_ record: Record) -> Bool {
        if let first = record.fields.first?.name, firstFields.contains(first) { return true }
        if headers.contains(where: { Glob.matches($0, record.location.header) }) { return true }
        return records.contains { Glob.matches($0, record.name) }
    }
}

