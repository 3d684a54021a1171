import UAPIModel

/// Merges the partial snapshots of one run split with `--shard I/N` into the
/// snapshot the whole run gives: items go through the same rules as the translation
/// units of one run (the first seen wins, a definition beats a forward declaration,
/// a constant beats a macro that did not evaluate elsewhere). Shards are contiguous
/// runs of the sorted headers, so given in order (1/N first) the first unit that saw
/// an item is in the first shard that has it.
public enum SnapshotMerger {
    /// `parts` in shard order; `names` label them in messages (their file names).
    public static func merge(_ parts: [Snapshot], names: [String]) throws -> Snapshot {
        guard let first = parts.first else { throw UAPIError.noHeaders("no snapshots to merge") }
        let layout = first.targets.map { "\($0.target) \($0.triple) \($0.ioctlEncoding.rawValue)" }
        for (part, name) in zip(parts, names) where part.targets.map({ "\($0.target) \($0.triple) \($0.ioctlEncoding.rawValue)" }) != layout {
            throw UAPIError.badArgument("\(name) has targets \(part.targets.map(\.target).joined(separator: ",")), \(names[0]) has \(first.targets.map(\.target).joined(separator: ",")): merge the shards of one run")
        }
        let ordered = Array(zip(parts, names))
        var targets: [TargetSnapshot] = []
        for (position, base) in first.targets.enumerated() {
            let pieces = ordered.map { ($0.0.targets[position], $0.1) }
            var merged = TargetSnapshot(target: base.target, triple: base.triple, ioctlEncoding: base.ioctlEncoding)
            TargetMerger.mergeItems(records: pieces.flatMap(\.0.records), enums: pieces.flatMap(\.0.enums),
                                    typedefs: pieces.flatMap(\.0.typedefs), constants: pieces.flatMap(\.0.constants),
                                    macros: pieces.flatMap(\.0.macros), functions: pieces.flatMap(\.0.functions),
                                    keep: { _ in true }, into: &merged)
            merged.variables = TargetMerger.unique(pieces.flatMap(\.0.variables).sorted { $0.location < $1.location },
                                                   key: { ($0.name, $0.location.header) })
            merged.headers = try headers(pieces)
            let aside = pieces.compactMap(\.0.included)
            if !aside.isEmpty {
                // A header one shard only included may be listed in another: it is not aside then.
                let listed = Set(merged.headers.filter(\.listed).map(\.path))
                merged.included = TargetMerger.includedDefinitions(
                    records: aside.flatMap(\.records), enums: aside.flatMap(\.enums), typedefs: aside.flatMap(\.typedefs),
                    constants: aside.flatMap(\.constants), macros: aside.flatMap(\.macros), functions: aside.flatMap(\.functions),
                    isIncluded: { !listed.contains($0.header) })
            }
            targets.append(merged)
        }
        return Snapshot(tool: first.tool, targets: targets)
    }

    /// Every header once, listed when any shard listed it; one header with two hashes
    /// means the shards read two trees.
    private static func headers(_ pieces: [(TargetSnapshot, String)]) throws -> [HeaderFile] {
        var byPath: [String: (file: HeaderFile, from: String)] = [:]
        for (target, name) in pieces {
            for header in target.headers {
                guard let known = byPath[header.path] else {
                    byPath[header.path] = (header, name)
                    continue
                }
                guard known.file.sha256 == header.sha256 else {
                    throw UAPIError.badArgument("\(known.from) and \(name) hold different versions of \(header.path) (\(target.target)): merge the shards of one run over one tree")
                }
                if header.listed { byPath[header.path]!.file.listed = true }
            }
        }
        return byPath.keys.sorted().map { byPath[$0]!.file }
    }
}
