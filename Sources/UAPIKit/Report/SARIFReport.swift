import Foundation

/// SARIF 2.1.0: one rule per change category, one result per change, located at
/// the new header's line (the old one's for removals).
public enum SARIFReport: DiffRenderer {
    public static let identifier = "sarif"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        let categories = ChangeCategory.allCases
        let rules: [[String: Any]] = categories.map { category in
            ["id": category.rawValue,
             "name": category.rawValue.split(separator: "-").map { $0.capitalized }.joined(),
             "shortDescription": ["text": category.summary],
             "fullDescription": ["text": "\(category.summary) Default severity: \(category.defaultSeverity.rawValue)."],
             "defaultConfiguration": ["level": level(category.defaultSeverity)],
             "help": ["text": "Adjust with a policy file: severity, experimental, extensible, sentinels or suppress (with a reason)."]]
        }
        let results: [[String: Any]] = report.grouped().flatMap { _, changes in
            changes.map { change -> [String: Any] in
                var result: [String: Any] = [
                    "ruleId": change.category.rawValue,
                    "ruleIndex": categories.firstIndex(of: change.category)!,
                    "level": level(change.severity),
                    "message": ["text": change.message + change.targetNote],
                    "properties": properties(change),
                ]
                let location = change.location ?? SourceLocation(header: change.header, line: 0)
                var physical: [String: Any] = ["artifactLocation": ["uri": options.pathPrefix + location.header]]
                if location.line > 0 { physical["region"] = ["startLine": location.line] }
                result["locations"] = [["physicalLocation": physical]]
                if let reason = change.suppressedBy {
                    result["suppressions"] = [["kind": "external", "justification": reason]]
                }
                return result
            }
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "uapi", "version": UAPIVersion.string, "semanticVersion": UAPIVersion.string, "rules": rules]],
                "results": results,
                "properties": ["old": report.old, "new": report.new, "targets": report.targets,
                               "versionBump": report.summary.versionBump],
            ]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .breaking: return "error"
        case .compatible: return "warning"
        case .info: return "note"
        }
    }

    private static func properties(_ change: Change) -> [String: Any] {
        var properties: [String: Any] = ["item": change.item.rawValue, "name": change.name, "targets": change.targets,
                                         "severity": change.severity.rawValue]
        if let newName = change.newName { properties["newName"] = newName }
        if let old = change.old { properties["old"] = old }
        if let new = change.new { properties["new"] = new }
        return properties
    }
}
