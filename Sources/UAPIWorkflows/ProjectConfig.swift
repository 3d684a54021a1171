import Foundation
import Yams
import UAPIModel
import UAPIExtract
import UAPIDiff
import UAPILint
import UAPIPolicy
import UAPIReport
import UAPISync
import UAPIBindings

/// A project's `uapi.yaml`: which headers it tracks, from where, for which targets.
public struct ProjectConfig: Sendable, Equatable {
    /// Include roots (absolute, or relative to the config file).
    public var include: [String]
    public var targets: [String]
    public var headers: [String]
    /// Headers that are left out, with a note, when the include roots lack them.
    public var optionalHeaders: [String]
    /// The committed baseline snapshot (relative to the config file).
    public var baseline: String?
    /// The policy file for `uapi check` (relative to the config file).
    public var policy: String?
    public var onlyListed: Bool
    public var kernelTypes: Bool
    /// Preprocessor definitions (`NAME` or `NAME=VALUE`), before any `-D` of the command line.
    public var defines: [String] = []
    /// Header groups `uapi sync` copies into the project.
    public var sync: [SyncGroup] = []
    /// The directory holding the config file; relative paths resolve against it.
    public var directory: String
    /// What a reader should hear about the file (deprecated keys), one line each.
    public var notes: [String] = []

    static let knownKeys: Set<String> = ["include", "targets", "headers", "optional-headers", "baseline", "policy", "only-listed", "kernel-types", "defines", "sync"]

    public static func load(path: String) throws -> ProjectConfig {
        guard let text = try InputFile.readText(path, maxBytes: YAMLLimits.maxBytes) else {
            throw UAPIError.badConfig(path: path, line: nil, reason: "cannot read the file")
        }
        try YAMLLimits.check(text, path: path)
        let node: Node
        do {
            guard let parsed = try Yams.compose(yaml: text) else {
                throw UAPIError.badConfig(path: path, line: nil, reason: "the file is empty; it needs at least 'headers:'")
            }
            node = parsed
        } catch let error as YamlError {
            throw UAPIError.badConfig(path: path, line: yamlLine(error), reason: "not valid YAML: \(error)")
        }
        guard let mapping = node.mapping else {
            throw UAPIError.badConfig(path: path, line: node.mark?.line, reason: "expected a mapping of settings at the top level")
        }
        for (key, _) in mapping {
            guard let name = key.string, knownKeys.contains(name) else {
                throw UAPIError.badConfig(path: path, line: key.mark?.line,
                                          reason: "unknown setting '\(key.string ?? "?")'; known: \(knownKeys.sorted().joined(separator: ", "))")
            }
        }
        func strings(_ key: String) throws -> [String] {
            guard let value = mapping[key] else { return [] }
            if let scalar = value.string { return [scalar] }
            guard let sequence = value.sequence else {
                throw UAPIError.badConfig(path: path, line: value.mark?.line, reason: "'\(key)' must be a list of strings")
            }
            return try sequence.map { item in
                guard let string = item.string else {
                    throw UAPIError.badConfig(path: path, line: item.mark?.line, reason: "'\(key)' must be a list of strings")
                }
                return string
            }
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = mapping[key] else { return false }
            guard let bool = value.bool else {
                throw UAPIError.badConfig(path: path, line: value.mark?.line, reason: "'\(key)' must be true or false")
            }
            return bool
        }
        let directory = (HeaderResolver.absolute(path) as NSString).deletingLastPathComponent
        let config = ProjectConfig(
            include: try strings("include").map { $0.hasPrefix("/") ? $0 : "\(directory)/\($0)" },
            targets: try strings("targets"), headers: try strings("headers"),
            optionalHeaders: try strings("optional-headers"), baseline: try strings("baseline").first,
            policy: try strings("policy").first,
            onlyListed: try flag("only-listed"), kernelTypes: try flag("kernel-types"), directory: directory)
        var result = config
        result.defines = try strings("defines")
        if let groups = mapping["sync"] {
            guard let entries = groups.sequence else {
                throw UAPIError.badConfig(path: path, line: groups.mark?.line, reason: "'sync' is a list of groups (to, headers, rewrite, packed-macro, allow-include)")
            }
            result.sync = try entries.map { entry in
                guard let fields = entry.mapping else {
                    throw UAPIError.badConfig(path: path, line: entry.mark?.line, reason: "a sync group is a mapping (to, headers, rewrite, packed-macro, allow-include)")
                }
                for (key, _) in fields where !SyncGroup.keys.contains(key.string ?? "") && SyncGroup.deprecatedKeys[key.string ?? ""] == nil {
                    throw UAPIError.badConfig(path: path, line: key.mark?.line, reason: "unknown sync setting '\(key.string ?? "?")'; known: \(SyncGroup.keys.sorted().joined(separator: ", "))")
                }
                guard let to = fields["to"]?.string else {
                    throw UAPIError.badConfig(path: path, line: entry.mark?.line, reason: "a sync group needs 'to:'")
                }
                let names = try fields["headers"].map { node -> [String] in
                    guard let list = node.sequence?.compactMap(\.string), !list.isEmpty else {
                        throw UAPIError.badConfig(path: path, line: node.mark?.line, reason: "'headers' must list header names or globs")
                    }
                    return list
                } ?? []
                guard !names.isEmpty else { throw UAPIError.badConfig(path: path, line: entry.mark?.line, reason: "a sync group needs 'headers:'") }
                let rewriteName = fields["rewrite"]?.string ?? "verbatim"
                guard let rewrite = RewriteMode(rawValue: rewriteName) else {
                    throw UAPIError.badConfig(path: path, line: fields["rewrite"]?.mark?.line, reason: "rewrite is verbatim or portable, not '\(rewriteName)'")
                }
                return SyncGroup(to: to.hasPrefix("/") ? to : "\(directory)/\(to)", headers: names, rewrite: rewrite,
                                 packedMacro: fields["packed-macro"]?.string,
                                 allowedIncludes: try allowedIncludes(fields, path: path, notes: &result.notes))
            }
        }
        guard !result.headers.isEmpty || !result.sync.isEmpty else {
            throw UAPIError.badConfig(path: path, line: nil, reason: "'headers' lists no headers")
        }
        return result
    }

    /// `allow-include` (as on the command line), or its old name `allowed-includes` with a
    /// note; a glob or a list of them.
    private static func allowedIncludes(_ fields: Node.Mapping, path: String, notes: inout [String]) throws -> [String] {
        let present = fields.filter { ["allow-include", "allowed-includes"].contains($0.key.string ?? "") }
        guard let (key, value) = present.first else { return [] }
        if present.count > 1 {
            throw UAPIError.badConfig(path: path, line: present[1].key.mark?.line, reason: "give 'allow-include' once ('allowed-includes' is its old name)")
        }
        if key.string == "allowed-includes" {
            let note = "note: \(path):\(key.mark?.line ?? 0): 'allowed-includes' is deprecated; call it 'allow-include', like the command-line option"
            if !notes.contains(note) { notes.append(note) }
        }
        if let glob = value.string { return [glob] }
        guard let list = value.sequence, list.allSatisfy({ $0.string != nil }) else {
            throw UAPIError.badConfig(path: path, line: value.mark?.line, reason: "'allow-include' must be a glob or a list of globs")
        }
        return list.compactMap(\.string)
    }

    /// The configured targets, or nil when the file names none.
    public func targetList() throws -> [Target]? {
        targets.isEmpty ? nil : try Target.parseList(targets)
    }

    public var baselinePath: String? { baseline.map(resolve) }
    public var policyPath: String? { policy.map(resolve) }

    private func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : "\(directory)/\(path)" }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
