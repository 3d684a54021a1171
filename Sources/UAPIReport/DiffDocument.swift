import Foundation
import UAPIDiff
import UAPIModel
import UAPIPolicy

extension JudgedChange {
    /// The change's sentence with what the policy made of it.
    public var message: String {
        ChangeWording.sentence(change) + (isExtensibleRecord ? " (extensible record)" : "") + (isExperimental ? " (experimental)" : "")
    }
}

extension DiffReport {
    /// Notes about what was not compared.
    public var notes: [String] {
        var notes: [String] = []
        if !targetsOnlyInOld.isEmpty { notes.append("targets only in the old side, not compared: \(targetsOnlyInOld.joined(separator: ", "))") }
        if !targetsOnlyInNew.isEmpty { notes.append("targets only in the new side, not compared: \(targetsOnlyInNew.joined(separator: ", "))") }
        return notes
    }

    public var summaryLine: String {
        "\(verdict.breaking) breaking, \(verdict.compatible) compatible, \(verdict.info) info"
            + (verdict.suppressed > 0 ? ", \(verdict.suppressed) suppressed" : "") + "; version bump: \(verdict.versionBump.rawValue)"
    }

    /// The diff as a renderable document.
    public var document: ReportDocument { document(command: "diff") }

    /// The document, titled after the command that made it (`uapi check: baseline -> current headers`).
    public func document(command: String) -> ReportDocument {
        let items = changes.map { judged in
            let change = judged.change
            var properties = ["item": change.item.rawValue, "name": change.name]
            if let newName = change.newName { properties["newName"] = newName }
            if let old = ChangeWording.before(change) { properties["old"] = old }
            if let new = ChangeWording.after(change) { properties["new"] = new }
            return ReportItem(ruleId: change.category.rawValue, severity: judged.severity, suppressedBy: judged.suppressedBy,
                              header: change.header, location: change.location,
                              locationIsOld: change.newLocation == nil && change.oldLocation != nil,
                              item: change.item.rawValue, name: change.name,
                              message: judged.message, targets: change.targets, targetSpecific: change.targetSpecific,
                              properties: properties)
        }
        let rules = ChangeCategory.allCases.map {
            ReportRule(id: $0.rawValue, summary: $0.summary,
                       explanation: "\($0.summary) Default severity: \($0.defaultSeverity.rawValue). Adjust with a policy file: severity, experimental, extensible, sentinels or suppress (with a reason).",
                       defaultSeverity: $0.defaultSeverity)
        }
        return ReportDocument(
            title: "uapi \(command): \(old) -> \(new)", kind: "ABI report", targets: targets, headers: headers, items: items,
            rules: rules, summaryLine: summaryLine,
            counts: (verdict.breaking, verdict.compatible, verdict.info, verdict.suppressed),
            unmatchedSuppressions: unmatchedSuppressions, notes: notes,
            json: { [self] in DiffJSON(self).encoded() },
            properties: ["old": old, "new": new, "versionBump": verdict.versionBump.rawValue],
            severityWords: [:], emptyMessage: "No ABI changes.")
    }
}

/// The `uapi-diff` JSON document (docs/diff.schema.json).
struct DiffJSON: Encodable {
    var format = "uapi-diff"
    var schemaVersion = 1
    var old: String
    var new: String
    var targets: [String]
    var headers: [String]
    var changes: [ChangeJSON]
    var summary: Summary
    var unmatchedSuppressions: [Suppression]
    var notes: [String]

    struct Summary: Encodable {
        var breaking: Int
        var compatible: Int
        var info: Int
        var suppressed: Int
        var versionBump: String
    }

    struct ChangeJSON: Encodable {
        var category: String
        var item: String
        var name: String
        var newName: String?
        var header: String
        var oldLocation: SourceLocation?
        var newLocation: SourceLocation?
        var old: String?
        var new: String?
        var message: String
        var targets: [String]
        var targetSpecific: Bool
        var severity: Severity
        var suppressedBy: String?
    }

    init(_ report: DiffReport) {
        old = report.old
        new = report.new
        targets = report.targets
        headers = report.headers
        changes = report.changes.map { judged in
            let change = judged.change
            return ChangeJSON(category: change.category.rawValue, item: change.item.rawValue, name: change.name, newName: change.newName,
                              header: change.header, oldLocation: change.oldLocation, newLocation: change.newLocation,
                              old: ChangeWording.before(change), new: ChangeWording.after(change), message: judged.message,
                              targets: change.targets, targetSpecific: change.targetSpecific, severity: judged.severity,
                              suppressedBy: judged.suppressedBy)
        }
        let verdict = report.verdict
        summary = Summary(breaking: verdict.breaking, compatible: verdict.compatible, info: verdict.info,
                          suppressed: verdict.suppressed, versionBump: verdict.versionBump.rawValue)
        unmatchedSuppressions = report.unmatchedSuppressions
        notes = report.notes
    }
}
