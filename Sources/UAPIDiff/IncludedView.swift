import UAPIModel

/// Under `--only-listed` a side keeps aside what it saw in headers it only included.
/// A definition the other side has in a listed header, which this side has only
/// aside, moved between a listed header and an included one (`linux/kvm.h` ->
/// `asm/kvm.h`): it is brought into view here so that the usual comparison pairs it
/// (a move, plus whatever else changed) instead of reporting a removal or an addition.
///
/// Not a move: the other side had the same name aside in that same header too (the
/// listed header's own definition was removed; the included one was always there).
public enum IncludedView {
    /// Both snapshots with what moved brought into view, target by target (reports
    /// show the same records the diff compared).
    public static func complete(old: Snapshot, new: Snapshot) -> (old: Snapshot, new: Snapshot) {
        var (old, new) = (old, new)
        for (i, target) in old.targets.enumerated() {
            guard let j = new.targets.firstIndex(where: { $0.target == target.target }) else { continue }
            (old.targets[i], new.targets[j]) = complete(old: target, new: new.targets[j])
        }
        return (old, new)
    }

    static func complete(old: TargetSnapshot, new: TargetSnapshot) -> (old: TargetSnapshot, new: TargetSnapshot) {
        guard old.included?.isEmpty == false || new.included?.isEmpty == false else { return (old, new) }
        var (old, new) = (old, new)
        // What listed functions and variables use, defined in a header that was only included (a
        // third-party handle taken by value): part of the interface, compared on both sides.
        let reached = Names(interface: InterfaceTypes(old), InterfaceTypes(new))
        if !reached.isEmpty {
            Incoming(side: old, names: Names(old), missing: reached.subtracting(Names(old)), otherAside: nil).apply(to: &old)
            Incoming(side: new, names: Names(new), missing: reached.subtracting(Names(new)), otherAside: nil).apply(to: &new)
        }
        // Names are indexed once per side; most diffs then find nothing missing and stop there.
        let (oldNames, newNames) = inParallel({ Names(old) }, { Names(new) })
        let intoOld = Incoming(side: old, names: oldNames, missing: newNames.subtracting(oldNames), otherAside: new.included)
        let intoNew = Incoming(side: new, names: newNames, missing: oldNames.subtracting(newNames), otherAside: old.included)
        intoOld.apply(to: &old)
        intoNew.apply(to: &new)
        // What came into one side comes into the other as well when that side has it only aside
        // (an enum brought in for one enumerator is compared with the other side's copy).
        if !intoNew.names.isEmpty {
            let names = Names(old)
            Incoming(side: old, names: names, missing: intoNew.names.subtracting(names), otherAside: nil).apply(to: &old)
        }
        if !intoOld.names.isEmpty {
            let names = Names(new)
            Incoming(side: new, names: names, missing: intoOld.names.subtracting(names), otherAside: nil).apply(to: &new)
        }
        return (old, new)
    }
}

/// Names by C's namespaces: what a side has in view, or what it lacks.
private struct Names {
    /// Named records (not anonymous members nor untagged member types).
    var records: Set<String>
    var typedefs: Set<String>
    var functions: Set<String>
    var enums: Set<String>
    /// Constants, enumerators and macros: one namespace in C.
    var values: Set<String>

    /// What `target` has in view.
    init(_ target: TargetSnapshot) {
        self.init(records: target.records, typedefs: target.typedefs, functions: target.functions, enums: target.enums,
                  constants: target.constants, macros: target.macros)
    }

    init(records: [Record], typedefs: [Typedef], functions: [FunctionDecl], enums: [EnumDecl], constants: [Constant], macros: [Macro]) {
        self.records = Set(records.lazy.filter { !$0.isAnonymousMember && !$0.name.containsASCII(".") }.map(\.name))
        self.typedefs = Set(typedefs.map(\.name))
        self.functions = Set(functions.map(\.name))
        self.enums = Set(enums.map(\.name))
        values = Set(constants.map(\.name) + macros.map(\.name))
        for decl in enums { for enumerator in decl.enumerators { values.insert(enumerator.name) } }
    }

    /// The types either side's functions and variables reach.
    init(interface old: InterfaceTypes, _ new: InterfaceTypes) {
        records = old.records.union(new.records)
        typedefs = old.typedefs.union(new.typedefs)
        enums = old.enums.union(new.enums)
        functions = []
        values = []
    }

    /// These names without those of `other`, namespace by namespace.
    func subtracting(_ other: Names) -> Names {
        // Filtered, not copied and subtracted: the result is small, and removing 40,000
        // names one by one from a copy cost a tenth of a whole-tree diff.
        var result = self
        result.records = records.filter { !other.records.contains($0) }
        result.typedefs = typedefs.filter { !other.typedefs.contains($0) }
        result.functions = functions.filter { !other.functions.contains($0) }
        result.enums = enums.filter { !other.enums.contains($0) }
        result.values = values.filter { !other.values.contains($0) }
        return result
    }

    var isEmpty: Bool { records.isEmpty && typedefs.isEmpty && functions.isEmpty && enums.isEmpty && values.isEmpty }
}

/// The items to bring into view on one side: definitions it had aside.
private struct Incoming {
    private(set) var items = IncludedDefinitions()

    /// What was brought in, namespace by namespace (an enum's enumerators are values).
    var names: Names {
        Names(records: items.records, typedefs: items.typedefs, functions: items.functions, enums: items.enums,
              constants: items.constants, macros: items.macros)
    }

    /// Items aside on `side` of a `missing` name not in view there; `otherAside`: skip a
    /// name the other side had aside in the same header (nil: skip none).
    init(side: TargetSnapshot, names: Names, missing: Names, otherAside: IncludedDefinitions?) {
        guard let aside = side.included, !aside.isEmpty, !missing.isEmpty else { return }
        let other = otherAside ?? IncludedDefinitions()
        let recordsAside = missing.records.isEmpty ? [] : Set(other.records.map { Place($0) })
        let recordRoots = Set(aside.records.lazy.filter { missing.records.contains($0.name) && !recordsAside.contains(Place($0)) }.map(\.name))
        // A record comes with its anonymous members and untagged member types (`r::<anon ...>`, `r.member`).
        items.records = recordRoots.isEmpty ? [] : aside.records.filter { recordRoots.contains(Self.root(of: $0)) }
        items.typedefs = Self.pick(aside.typedefs, missing.typedefs, other.typedefs)
        items.functions = Self.pick(aside.functions, missing.functions, other.functions)

        let values = missing.values
        guard !values.isEmpty || !missing.enums.isEmpty else { return }
        let valuesAside = Set(other.constants.map { Place($0.name, $0.location.header) } + other.macros.map { Place($0.name, $0.location.header) }
            + other.enums.flatMap { decl in decl.enumerators.map { Place($0.name, decl.location.header) } })
        items.constants = aside.constants.filter { values.contains($0.name) && !valuesAside.contains(Place($0.name, $0.location.header)) }
        items.macros = aside.macros.filter { values.contains($0.name) && !valuesAside.contains(Place($0.name, $0.location.header)) }
        let enumsAside = Set(other.enums.map { Place($0.name, $0.location.header) })
        items.enums = aside.enums.filter { decl in
            guard !names.enums.contains(decl.name) else { return false }
            if missing.enums.contains(decl.name), !enumsAside.contains(Place(decl.name, decl.location.header)) { return true }
            return decl.enumerators.contains { values.contains($0.name) && !valuesAside.contains(Place($0.name, decl.location.header)) }
        }
    }

    func apply(to side: inout TargetSnapshot) {
        Self.merge(items.records, into: &side.records)
        Self.merge(items.enums, into: &side.enums)
        Self.merge(items.typedefs, into: &side.typedefs)
        Self.merge(items.constants, into: &side.constants)
        Self.merge(items.macros, into: &side.macros)
        Self.merge(items.functions, into: &side.functions)
    }

    private static func pick<T: Located>(_ aside: [T], _ missing: Set<String>, _ otherAside: [T]) -> [T] {
        guard !missing.isEmpty else { return [] }
        let already = Set(otherAside.map { Place($0.name, $0.location.header) })
        return aside.filter { missing.contains($0.name) && !already.contains(Place($0.name, $0.location.header)) }
    }

    /// The named record an anonymous member or untagged member type belongs to, however
    /// deep (`r.u::<anon struct at 0>` belongs to `r`): its name up to the first `.` or `::`.
    private static func root(of record: Record) -> String {
        let cut = record.name.firstIndex { $0 == "." || $0 == ":" } ?? record.name.endIndex
        return String(record.name[..<cut])
    }

    /// Adds `incoming` to `items`, both in the snapshot's order (by name, then header), in one pass.
    private static func merge<T: Located>(_ incoming: [T], into items: inout [T]) {
        guard !incoming.isEmpty else { return }
        let sortedIncoming = incoming.sorted { Place($0) < Place($1) }
        var merged: [T] = []
        merged.reserveCapacity(items.count + incoming.count)
        var i = items.startIndex, j = sortedIncoming.startIndex
        while i < items.endIndex || j < sortedIncoming.endIndex {
            if j == sortedIncoming.endIndex || (i < items.endIndex && !(Place(sortedIncoming[j]) < Place(items[i]))) {
                merged.append(items[i])
                i += 1
            } else {
                merged.append(sortedIncoming[j])
                j += 1
            }
        }
        items = merged
    }
}

/// A name defined in a header.
private struct Place: Hashable, Comparable {
    let name: String
    let header: String

    init(_ name: String, _ header: String) {
        self.name = name
        self.header = header
    }

    init<T: Located>(_ item: T) {
        self.init(item.name, item.location.header)
    }

    static func < (a: Place, b: Place) -> Bool { (a.name, a.header) < (b.name, b.header) }
}

/// Items with a name and a location, picked the same way.
private protocol Located {
    var name: String { get }
    var location: SourceLocation { get }
}

extension Record: Located {}
extension EnumDecl: Located {}
extension Typedef: Located {}
extension Constant: Located {}
extension Macro: Located {}
extension FunctionDecl: Located {}
