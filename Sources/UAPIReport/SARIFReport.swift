import Foundation
import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// SARIF 2.1.0: one rule per category or lint rule, one result per item, located at
/// the header line; an item gone from the new file points at the file, with its old
/// line as a related location. Fingerprints let code scanning track a finding across runs.
public enum SARIFReport: ReportRenderer {
    public static let identifier = "sarif"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let rules: [[String: Any]] = document.rules.map { rule in
            var descriptor = descriptor(rule)
            if let base = options.helpURI { descriptor["helpUri"] = "\(base)#\(rule.id)" }
            return descriptor
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
                let uri = options.pathPrefix + location.header
                if item.locationIsOld {
                    // Gone from the new file: point at the file, and at the line it had in the old version.
                    result["locations"] = [["physicalLocation": ["artifactLocation": ["uri": uri]]]]
                    if location.line > 0 {
                        result["relatedLocations"] = [["id": 1, "message": ["text": "where it was in the old version"],
                                                       "physicalLocation": ["artifactLocation": ["uri": uri], "region": ["startLine": location.line]]]]
                    }
                } else {
                    var physical: [String: Any] = ["artifactLocation": ["uri": uri]]
                    if location.line > 0 { physical["region"] = ["startLine": location.line] }
                    result["locations"] = [["physicalLocation": physical]]
                }
                result["partialFingerprints"] = ["uapiItem/v1": fingerprint(item, uri: uri)]
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

    private static func descriptor(_ rule: ReportRule) -> [String: Any] {
        ["id": rule.id,
         "name": rule.id.split(separator: "-").map { $0.capitalized }.joined(),
         "shortDescription": ["text": rule.summary],
         "fullDescription": ["text": rule.explanation],
         "defaultConfiguration": ["level": level(rule.defaultSeverity)],
         "help": ["text": rule.explanation, "markdown": "**\(rule.id)**: \(rule.explanation)"]]
    }

    /// Stable across runs and line moves: the rule, the item and where it belongs, not the wording or the line.
    private static func fingerprint(_ item: ReportItem, uri: String) -> String {
        let identity = [item.ruleId, item.item, item.name, item.properties["newName"] ?? "", uri, item.targets.joined(separator: ",")]
        return String(SHA256.hex(of: Data(identity.joined(separator: "\u{1F}").utf8)).prefix(32))
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .breaking: return "error"
        case .compatible: return "warning"
        case .info: return "note"
        }
    }
}
