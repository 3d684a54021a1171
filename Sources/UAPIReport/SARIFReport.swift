import Foundation
import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// SARIF 2.1.0: one rule per category or lint rule, one result per item, located
/// at the header line (the old one's for removals).
public enum SARIFReport: ReportRenderer {
    public static let identifier = "sarif"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let rules: [[String: Any]] = document.rules.map { rule in
            ["id": rule.id,
             "name": rule.id.split(separator: "-").map { $0.capitalized }.joined(),
             "shortDescription": ["text": rule.summary],
             "fullDescription": ["text": rule.explanation],
             "defaultConfiguration": ["level": level(rule.defaultSeverity)],
             "help": ["text": rule.explanation]]
        }
        let ruleIndex = Dictionary(document.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let results: [[String: Any]] = document.grouped().flatMap { _, items in
            items.map { item -> [String: Any] in
                var properties: [String: Any] = item.properties
                properties["targets"] = item.targets
                properties["severity"] = item.severity.rawValue
                var result: [String: Any] = [
                    "ruleId": item.ruleId,
                    "level": level(item.severity),
                    "message": ["text": item.message + item.targetNote],
                    "properties": properties,
                ]
                if let index = ruleIndex[item.ruleId] { result["ruleIndex"] = index }
                let location = item.location ?? SourceLocation(header: item.header, line: 0)
                var physical: [String: Any] = ["artifactLocation": ["uri": options.pathPrefix + location.header]]
                if location.line > 0 { physical["region"] = ["startLine": location.line] }
                result["locations"] = [["physicalLocation": physical]]
                if let reason = item.suppressedBy {
                    result["suppressions"] = [["kind": "external", "justification": reason]]
                }
                return result
            }
        }
        var runProperties: [String: Any] = document.properties
        runProperties["targets"] = document.targets
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": "uapi", "version": UAPIVersion.string, "semanticVersion": UAPIVersion.string, "rules": rules]],
                "results": results,
                "properties": runProperties,
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
}
