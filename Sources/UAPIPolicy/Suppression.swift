import UAPIDiff
import UAPILint
import UAPIModel

/// Hides matching changes or lint findings from the verdict (they stay in the report,
/// marked). A suppression with a `category` is for the diff, one with a `rule` for lint,
/// one with neither for both.
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

    package func matches(_ change: Change) -> Bool {
        guard rule == nil else { return false }
        if let category, category != change.category { return false }
        return matches(names: [change.name] + (change.newName.map { [$0] } ?? []), header: change.header, targets: change.targets)
    }

    package func matches(_ finding: LintFinding) -> Bool {
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

extension Suppression {
    /// Which engine a suppression can match in.
    package func applies(to engine: SuppressionLedger.Engine) -> Bool {
        switch engine {
        case .diff: return rule == nil
        case .lint: return category == nil
        }
    }
}
