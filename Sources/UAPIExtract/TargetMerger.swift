import Foundation
import UAPIClang
import UAPIModel

/// Merges the per-header extractions of one target: an item seen through several
/// headers' translation units is kept once, everything sorted by name then header.
struct TargetMerger {
    let target: Target
    let listed: Set<String>
    let onlyListed: Bool
    /// Shared by the targets of one build: each file is hashed once.
    var fileHashes = FileHashes()

    func merge(_ extractions: [HeaderExtraction]) throws -> TargetSnapshot {
        var files: [String: String] = [:]
        for extraction in extractions { files.merge(extraction.files) { first, _ in first } }
        let keep: (SourceLocation) -> Bool = { !onlyListed || listed.contains($0.header) }

        let records = extractions.flatMap(\.records), enums = extractions.flatMap(\.enums)
        let typedefs = extractions.flatMap(\.typedefs), constants = extractions.flatMap(\.constants)
        let macros = extractions.flatMap(\.macros), functions = extractions.flatMap(\.functions)
        let variables = extractions.flatMap(\.variables)
        // What is kept and what is kept aside are merged independently: each on its own core.
        let (merged, included) = inParallel({
            var snapshot = TargetSnapshot(target: target.name, triple: target.triple, ioctlEncoding: target.ioctlEncoding)
            Self.mergeItems(records: records, enums: enums, typedefs: typedefs, constants: constants, macros: macros,
                            functions: functions, keep: keep, into: &snapshot)
            // Variables are compared only where listed headers declare them.
            snapshot.variables = Self.unique(variables.filter { keep($0.location) }.sorted { $0.location < $1.location },
                                        key: { ($0.name, $0.location.header) })
            return snapshot
        }, {
            onlyListed ? Self.includedDefinitions(records: records, enums: enums, typedefs: typedefs, constants: constants,
                                                  macros: macros, functions: functions, isIncluded: { !keep($0) }) : nil
        })
        var snapshot = merged
        snapshot.included = included

        let used = Set(files.values).filter { !onlyListed || listed.contains($0) }
        var hashes: [String: String] = [:]
        for (path, name) in files.sorted(by: { $0.key < $1.key }) where used.contains(name) && hashes[name] == nil {
            guard let hash = fileHashes.sha256(ofFile: path) else { throw UAPIError.headerNotFound(path, searched: []) }
            hashes[name] = hash
        }
        snapshot.headers = hashes.keys.sorted().map { HeaderFile(path: $0, sha256: hashes[$0]!, listed: listed.contains($0)) }
        return snapshot
    }

    /// The items of several translation units (or of partial snapshots, in order) with
    /// each (name, header) once: the first seen, a definition over a forward declaration,
    /// a constant over a macro that did not evaluate elsewhere.
    static func mergeItems(records: [Record], enums: [EnumDecl], typedefs: [Typedef], constants: [Constant], macros: [Macro],
                           functions: [FunctionDecl], keep: (SourceLocation) -> Bool, into snapshot: inout TargetSnapshot) {
        // A forward declaration seen in one header loses to the definition seen in another.
        let defined = Set(records.lazy.filter(\.isComplete).map(\.name))
        snapshot.records = unique(records.filter { keep($0.location) && ($0.isComplete || !defined.contains($0.name)) },
                                  key: { ($0.name, $0.location.header) })
        snapshot.enums = unique(enums.filter { keep($0.location) }, key: { ($0.name, $0.location.header) })
        snapshot.typedefs = unique(typedefs.filter { keep($0.location) }, key: { ($0.name, $0.location.header) })
        snapshot.constants = unique(constants.filter { keep($0.location) }, key: { ($0.name, $0.location.header) })
        // A macro one translation unit could not evaluate may be a constant in another.
        let evaluated = Set(snapshot.constants.map { NameInHeader(($0.name, $0.location.header)) })
        snapshot.macros = unique(macros.filter { keep($0.location) && !evaluated.contains(NameInHeader(($0.name, $0.location.header))) },
                                 key: { ($0.name, $0.location.header) })
        // A prototype and a later definition are one function: the first declaration's line.
        snapshot.functions = unique(functions.filter { keep($0.location) }.sorted { $0.location < $1.location },
                                    key: { ($0.name, $0.location.header) })
        linkIoctlArguments(&snapshot)
    }

    /// What was left out under `--only-listed`, merged by the same rules, kept aside so
    /// that the diff can tell a definition that moved into an included header from a removal.
    static func includedDefinitions(records: [Record], enums: [EnumDecl], typedefs: [Typedef], constants: [Constant], macros: [Macro],
                                    functions: [FunctionDecl], isIncluded: (SourceLocation) -> Bool) -> IncludedDefinitions {
        var aside = TargetSnapshot(target: "", triple: "", ioctlEncoding: .generic)
        mergeItems(records: records, enums: enums, typedefs: typedefs, constants: constants, macros: macros, functions: functions,
                   keep: isIncluded, into: &aside)
        // Include guards never move anywhere a program would notice.
        let macros = aside.macros.filter { $0.status != .empty || !IncludeGuard.looksLikeOne($0.name) }
        return IncludedDefinitions(records: aside.records, enums: aside.enums, typedefs: aside.typedefs, constants: aside.constants,
                                   macros: macros, functions: aside.functions)
    }

    /// Keeps the first of each (name, header), sorted by name, then header.
    static func unique<T>(_ items: [T], key: (T) -> (String, String)) -> [T] {
        var seen = Set<NameInHeader>()
        seen.reserveCapacity(items.count)
        return items.filter { seen.insert(NameInHeader(key($0))).inserted }
            .sorted { key($0) < key($1) }
    }

    /// Ties `_IOWR(..., struct vfio_x)` to the record `vfio_x`, through typedefs too.
    private static func linkIoctlArguments(_ snapshot: inout TargetSnapshot) {
        let records = Set(snapshot.records.map(\.name))
        let typedefs = Dictionary(snapshot.typedefs.map { ($0.name, $0.canonicalType) }, uniquingKeysWith: { a, _ in a })
        for i in snapshot.constants.indices {
            // Partial snapshots may have tied it to a record of their own: decide again.
            if snapshot.constants[i].ioctl != nil { snapshot.constants[i].ioctl?.argumentRecord = nil }
            guard let written = snapshot.constants[i].ioctl?.argumentType else { continue }
            var name = written
            if let canonical = typedefs[name] { name = canonical }
            for prefix in ["struct ", "union "] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
            if records.contains(name) { snapshot.constants[i].ioctl?.argumentRecord = name }
        }
    }
}

/// An item's identity in a target: its name and the header it is defined in.
private struct NameInHeader: Hashable {
    let name: String
    let header: String

    init(_ key: (String, String)) {
        name = key.0
        header = key.1
    }
}
