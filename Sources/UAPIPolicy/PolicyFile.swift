import Foundation
import Yams
import UAPIModel
import UAPIDiff
import UAPILint

/// Reads a policy YAML file. Every error names the file and line.
public enum PolicyFile {
    static let knownKeys: Set<String> = ["preset", "severity", "experimental", "extensible", "sentinels", "suppress"]

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

        func level(_ value: Node) throws -> Severity {
            guard value.scalar != nil, let level = value.string.flatMap(Severity.init(rawValue:)) else {
                throw fail(value, "severity must be breaking, compatible or info, not '\(value.string ?? "?")'")
            }
            return level
        }

        var policy = Policy.strict
        if let preset = mapping["preset"] {
            guard let name = preset.string, let value = PolicyPreset(rawValue: name) else {
                throw fail(preset, "unknown preset '\(preset.string ?? "?")'; presets: \(PolicyPreset.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            policy.preset = value
        }
        if let severity = mapping["severity"] {
            guard let entries = severity.mapping else { throw fail(severity, "'severity' maps categories to breaking, compatible or info") }
            for (key, value) in entries {
                let named = try category(key)
                guard let kinds = value.mapping else {
                    policy.severities[named] = try level(value)
                    continue
                }
                // `removed: {function: info, "*": breaking}`: per kind of item, `*` for the rest.
                for (kindKey, kindValue) in kinds {
                    if kindKey.string == "*" {
                        policy.severities[named] = try level(kindValue)
                        continue
                    }
                    guard let kind = kindKey.string.flatMap(ItemKind.init(rawValue:)) else {
                        throw fail(kindKey, "unknown kind of item '\(kindKey.string ?? "?")'; kinds: \(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")), *")
                    }
                    policy.kindSeverities[named, default: [:]][kind] = try level(kindValue)
                }
            }
        }
        policy.experimental = try strings(mapping["experimental"], "experimental")
        if let extensible = mapping["extensible"] {
            guard let entries = extensible.mapping else { throw fail(extensible, "'extensible' takes 'first-field', 'records' and 'headers'") }
            for (key, _) in entries where !["first-field", "records", "headers"].contains(key.string ?? "") {
                throw fail(key, "unknown 'extensible' setting '\(key.string ?? "?")'; known: first-field, records, headers")
            }
            policy.extensible = ExtensibleRule(firstFields: try strings(entries["first-field"], "first-field"),
                                               records: try strings(entries["records"], "records"),
                                               headers: try strings(entries["headers"], "headers"))
        }
        if let sentinels = mapping["sentinels"] {
            guard let entries = sentinels.mapping else { throw fail(sentinels, "'sentinels' takes 'patterns', 'macro-patterns' and 'detect-by-value'") }
            for (key, _) in entries where !["patterns", "macro-patterns", "detect-by-value"].contains(key.string ?? "") {
                throw fail(key, "unknown 'sentinels' setting '\(key.string ?? "?")'; known: patterns, macro-patterns, detect-by-value")
            }
            if let patterns = entries["patterns"] { policy.sentinels.patterns = try strings(patterns, "patterns") }
            if let patterns = entries["macro-patterns"] { policy.sentinels.macroPatterns = try strings(patterns, "macro-patterns") }
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
