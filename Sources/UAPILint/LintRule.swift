import UAPIModel

/// A UAPI hygiene rule: its id, what it says, why, how to fix it, and the check.
public protocol LintRule: Sendable {
    var id: String { get }
    var summary: String { get }
    var explanation: String { get }
    var fixHint: String { get }
    var defaultSeverity: Severity { get }
    func check(_ context: LintContext) -> [LintFinding]
}

/// What rules look at: every target of a snapshot, restricted to the listed headers.
public struct LintContext: Sendable {
    public var snapshot: Snapshot
    public var headers: Set<String>
    /// The policy's sentinel rule: sentinels are left out of value checks.
    public var sentinels: SentinelRule

    public init(snapshot: Snapshot, sentinels: SentinelRule = .default) {
        self.snapshot = snapshot
        self.sentinels = sentinels
        headers = Set(snapshot.targets.flatMap { $0.headers.filter(\.listed).map(\.path) })
    }

    public var targets: [TargetSnapshot] { snapshot.targets }

    /// Named (non-anonymous-member) complete records of the listed headers, per target.
    func records(in target: TargetSnapshot) -> [Record] {
        target.records.filter { headers.contains($0.location.header) && $0.isComplete && !$0.isAnonymousMember }
    }

    func constants(in target: TargetSnapshot) -> [Constant] {
        target.constants.filter { headers.contains($0.location.header) }
    }

    func enums(in target: TargetSnapshot) -> [EnumDecl] {
        target.enums.filter { headers.contains($0.location.header) }
    }
}

/// One finding; the same fact on several targets is one finding with several targets.
public struct LintFinding: Codable, Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    public var name: String
    public var header: String
    public var location: SourceLocation
    public var message: String
    public var hint: String
    public var targets: [String]
    public var targetSpecific: Bool
    public var suppressedBy: String?

    public init(rule: LintRule, name: String, location: SourceLocation, message: String, targets: [String]) {
        self.rule = rule.id
        self.severity = rule.defaultSeverity
        self.name = name
        self.header = location.header
        self.location = location
        self.message = message
        self.hint = rule.fixHint
        self.targets = targets
        self.targetSpecific = false
        self.suppressedBy = nil
    }

    /// Identity for `--known-findings`: the same rule on the same item on the same targets.
    public var key: String { "\(rule)|\(name)|\(targets.joined(separator: ","))" }
}

extension LintRule {
    /// Runs `body` per target and merges findings with the same name and message.
    func perTarget(_ context: LintContext, _ body: (TargetSnapshot) -> [LintFinding]) -> [LintFinding] {
        var merged: [String: LintFinding] = [:]
        var order: [String] = []
        for target in context.targets {
            for finding in body(target) {
                let key = "\(finding.name)|\(finding.message)"
                if merged[key] == nil {
                    merged[key] = finding
                    order.append(key)
                } else {
                    merged[key]!.targets += finding.targets
                }
            }
        }
        return order.map { merged[$0]! }
    }
}
