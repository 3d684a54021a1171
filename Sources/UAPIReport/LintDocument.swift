import Foundation
import UAPIModel
import UAPILint
import UAPIPolicy
import UAPIDiff

extension LintReport {
    public var document: ReportDocument {
        let items = findings.map { finding in
            ReportItem(ruleId: finding.rule, severity: finding.severity, suppressedBy: finding.suppressedBy,
                       header: finding.header, location: finding.location, item: "rule", name: finding.name,
                       message: finding.message, targets: finding.targets, targetSpecific: finding.targetSpecific,
                       properties: ["name": finding.name, "hint": finding.hint])
        }
        let rules = LintRules.all.map {
            ReportRule(id: $0.id, summary: $0.summary, explanation: "\($0.explanation) Fix: \($0.fixHint)", defaultSeverity: $0.defaultSeverity)
        }
        let line = "\(summary.errors) errors, \(summary.warnings) warnings, \(summary.notes) notes"
            + (summary.suppressed > 0 ? ", \(summary.suppressed) suppressed" : "")
            + (summary.baselined > 0 ? ", \(summary.baselined) already known" : "")
        return ReportDocument(
            title: "uapi lint: \(subject)", kind: "lint report", targets: targets, headers: headers, items: items, rules: rules,
            summaryLine: line, counts: (summary.errors, summary.warnings, summary.notes, summary.suppressed),
            unmatchedSuppressions: unmatchedSuppressions, notes: [],
            json: { [self] in (try? SnapshotCoding.encode(self)) ?? Data() }, properties: ["subject": subject],
            severityWords: LintWording.words, emptyMessage: "No findings.")
    }
}
