import UAPIModel
import UAPIDiff
import UAPILint

/// A diff judged by a policy: what reporters render and the CLI turns into an exit status.
public struct DiffReport: Codable, Sendable, Equatable {
    public static let formatName = "uapi-diff"
    public static let currentSchemaVersion = 1

    public var format: String = DiffReport.formatName
    public var schemaVersion: Int = DiffReport.currentSchemaVersion
    /// What was compared, as the user named it.
    public var old: String
    public var new: String
    public var targets: [String]
    /// Every listed header of either side (one test case each in JUnit).
    public var headers: [String]
    public var changes: [Change]
    public var summary: Summary
    public var unmatchedSuppressions: [Suppression]
    public var notes: [String]

    public struct Summary: Codable, Sendable, Equatable {
        public var breaking: Int
        public var compatible: Int
        public var info: Int
        public var suppressed: Int
        /// `major` for breaking changes, `minor` for compatible ones, `patch` otherwise, `none` without changes.
        public var versionBump: String
    }

    public var hasBreaking: Bool { summary.breaking > 0 }

    /// Several reports as one (the groups of a sync): changes together, counts added up.
    public static func merged(_ reports: [DiffReport], old: String, new: String) -> DiffReport {
        let sum: (KeyPath<Summary, Int>) -> Int = { key in reports.map { $0.summary[keyPath: key] }.reduce(0, +) }
        let bumps = ["none", "patch", "minor", "major"]
        let bump = reports.map(\.summary.versionBump).max { (bumps.firstIndex(of: $0) ?? 0) < (bumps.firstIndex(of: $1) ?? 0) } ?? "none"
        return DiffReport(old: old, new: new, targets: reports.first?.targets ?? [],
                          headers: Array(Set(reports.flatMap(\.headers))).sorted(), changes: reports.flatMap(\.changes),
                          summary: Summary(breaking: sum(\.breaking), compatible: sum(\.compatible), info: sum(\.info),
                                           suppressed: sum(\.suppressed), versionBump: bump),
                          unmatchedSuppressions: reports.first?.unmatchedSuppressions ?? [],
                          notes: Array(Set(reports.flatMap(\.notes))).sorted())
    }
    public var hasCompatible: Bool { summary.compatible > 0 }
}

/// Applies a policy to the facts of a diff.
public enum PolicyJudge {
    public static func judge(_ result: DiffResult, policy: Policy, old: Snapshot, new: Snapshot,
                             oldLabel: String, newLabel: String) -> DiffReport {
        let extensible = Set((new.targets + old.targets).flatMap(\.records).filter(policy.extensible.matches).map(\.name))
        var matched = Set<Int>()
        var changes = result.changes
        for index in changes.indices {
            var change = changes[index]
            var severity = policy.severity(of: change.category)
            if change.category == .tailExtension, extensible.contains(change.name) {
                severity = .compatible
                change.message += " (extensible record)"
            }
            let names = [change.name] + (change.newName.map { [$0] } ?? [])
            if policy.experimental.contains(where: { pattern in names.contains { Glob.matches(pattern, $0) } }) {
                severity = .info
                change.message += " (experimental)"
            }
            change.severity = severity
            if let hit = policy.suppressions.firstIndex(where: { $0.matches(change) }) {
                matched.insert(hit)
                change.suppressedBy = policy.suppressions[hit].reason
            }
            changes[index] = change
        }
        let active = changes.filter { $0.suppressedBy == nil }
        let count: (Severity) -> Int = { severity in active.filter { $0.severity == severity }.count }
        let bump = changes.isEmpty ? "none" : count(.breaking) > 0 ? "major" : count(.compatible) > 0 ? "minor" : "patch"
        var notes: [String] = []
        if !result.targetsOnlyInOld.isEmpty { notes.append("targets only in the old side, not compared: \(result.targetsOnlyInOld.joined(separator: ", "))") }
        if !result.targetsOnlyInNew.isEmpty { notes.append("targets only in the new side, not compared: \(result.targetsOnlyInNew.joined(separator: ", "))") }
        let unmatched = policy.suppressions.enumerated().filter { !matched.contains($0.offset) }.map(\.element)
        let listed = (old.targets + new.targets).flatMap { $0.headers.filter(\.listed).map(\.path) }
        let headers = Set(listed + changes.map(\.header)).sorted()
        return DiffReport(old: oldLabel, new: newLabel, targets: result.targets, headers: headers, changes: changes,
                          summary: .init(breaking: count(.breaking), compatible: count(.compatible), info: count(.info),
                                         suppressed: changes.count - active.count, versionBump: bump),
                          unmatchedSuppressions: unmatched, notes: notes)
    }
}
