import Foundation
import Yams
import UAPIModel
import UAPIDiff
import UAPILint

/// Reads a policy YAML file. Every error names the file and line.
public enum PolicyFile {
    static let knownKeys: Set<String> = ["severity", "experimental", "extensible", "sentinels", "suppress"]

    public static func load(path: String) throws -> Policy {
        guard let text = try InputFile.readText(path, maxBytes: YAMLLimits.maxBytes) else {
            throw UAPIError.badConfig(path: path, line: nil, reason: "cannot read the policy file")
        }
        try YAMLLimits.check(text, path: path)
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw UAPIError.badConfig(path: path, line: nil, reason: "not valid YAML: \(error)")
        }
        guard let root else { return .strict }
        return try parse(root, path: path)
    }

    static func parse(_ root: Node, path: String) throws -> Policy {
        let fail = { (node: Node?, reason: String) -> UAPIError in UAPIError.badConfig(path: path, line: node?.mark?.line, reason: reason) }
        guard let mapping = root.mapping else { throw fail(root, "a policy is a mapping of settings") }
        for (key, _) in mapping where !knownKeys.contains(key.string ?? "") {
            throw fail(key, "unknown policy setting '\(key.string ?? "?")'; known: \(knownKeys.sorted().joined(separator: ", "))")
        }
        func strings(_ node: Node?, _ what: String) throws -> [String] {
            guard let node else { return [] }
            if let scalar = node.string, node.scalar != nil { return [scalar] }
            guard let sequence = node.sequence else { throw fail(node, "'\(what)' must be a list of names or patterns") }
            return try sequence.map { item in
                guard let string = item.string else { throw fail(item, "'\(what)' must be a list of names or patterns") }
                return string
            }
        }
        func category(_ node: Node) throws -> ChangeCategory {
            guard let name = node.string, let category = ChangeCategory(rawValue: name) else {
                throw fail(node, "unknown category '\(node.string ?? "?")'; categories: \(ChangeCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return category
        }

        var policy = Policy.strict
        if let severity = mapping["severity"] {
            guard let entries = severity.mapping else { throw fail(severity, "'severity' maps categories to breaking, compatible or info") }
            for (key, value) in entries {
                guard let level = value.string.flatMap(Severity.init(rawValue:)) else {
                    throw fail(value, "severity must be breaking, compatible or info, not '\(value.string ?? "?")'")
                }
                policy.severities[try category(key)] = level
            }
        }
        policy.experimental = try strings(mapping["experimental"], "experimental")
        if let extensible = mapping["extensible"] {
            guard let entries = extensible.mapping else { throw fail(extensible, "'extensible' takes 'first-field' and 'records'") }
            for (key, _) in entries where !["first-field", "records"].contains(key.string ?? "") {
                throw fail(key, "unknown 'extensible' setting '\(key.string ?? "?")'; known: first-field, records")
            }
            policy.extensible = ExtensibleRule(firstFields: try strings(entries["first-field"], "first-field"),
                                               records: try strings(entries["records"], "records"))
        }
        if let sentinels = mapping["sentinels"] {
            guard let entries = sentinels.mapping else { throw fail(sentinels, "'sentinels' takes 'patterns' and 'detect-by-value'") }
            for (key, _) in entries where !["patterns", "detect-by-value"].contains(key.string ?? "") {
                throw fail(key, "unknown 'sentinels' setting '\(key.string ?? "?")'; known: patterns, detect-by-value")
            }
            if let patterns = entries["patterns"] { policy.sentinels.patterns = try strings(patterns, "patterns") }
            if let detect = entries["detect-by-value"] {
                guard let flag = detect.bool else { throw fail(detect, "'detect-by-value' must be true or false") }
                policy.sentinels.detectByValue = flag
            }
        }
        if let suppress = mapping["suppress"] {
            guard let entries = suppress.sequence else { throw fail(suppress, "'suppress' is a list of suppressions") }
            policy.suppressions = try entries.map { entry in
                guard let fields = entry.mapping else { throw fail(entry, "a suppression is a mapping (name, header, category, target, reason)") }
                for (key, _) in fields where !["name", "header", "category", "rule", "target", "reason"].contains(key.string ?? "") {
                    throw fail(key, "unknown suppression setting '\(key.string ?? "?")'; known: name, header, category, rule, target, reason")
                }
                if let rule = fields["rule"], !LintRules.all.contains(where: { $0.id == rule.string }) {
                    throw fail(rule, "unknown lint rule '\(rule.string ?? "?")'; rules: \(LintRules.all.map(\.id).joined(separator: ", "))")
                }
                guard let reason = fields["reason"]?.string, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(entry, "every suppression needs a 'reason'")
                }
                if let target = fields["target"]?.string, Target.named(target) == nil { throw fail(fields["target"], "unknown target '\(target)'") }
                return Suppression(name: fields["name"]?.string, header: fields["header"]?.string,
                                   category: try fields["category"].map(category), rule: fields["rule"]?.string, target: fields["target"]?.string.flatMap { Target.named($0)?.name },
                                   reason: reason, source: "\(path):\(entry.mark?.line ?? 0)")
            }
        }
        return policy
    }
}
