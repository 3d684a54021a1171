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
        guard old.included != nil || new.included != nil else { return (old, new) }
        var (old, new) = (old, new)
        let (intoOld, intoNew) = (Incoming(side: old, other: new), Incoming(side: new, other: old))
        intoOld.apply(to: &old)
        intoNew.apply(to: &new)
        // What came into one side comes into the other as well when that side has it only aside
        // (an enum brought in for one enumerator is compared with the other side's copy).
        Incoming(side: old, other: new, only: intoNew.names).apply(to: &old)
        Incoming(side: new, other: old, only: intoOld.names).apply(to: &new)
        return (old, new)
    }
}

/// The items to bring into view on one side.
private struct Incoming {
    var records: [Record] = []
    var enums: [EnumDecl] = []
    var typedefs: [Typedef] = []
    var constants: [Constant] = []
    var macros: [Macro] = []
    var functions: [FunctionDecl] = []

    /// Every name brought in (records, types and values share this set: the second pass asks by name).
    var names: Set<String> {
        Set(records.map(\.name) + enums.map(\.name) + enums.flatMap { $0.enumerators.map(\.name) } + typedefs.map(\.name)
            + constants.map(\.name) + macros.map(\.name) + functions.map(\.name))
    }

    /// `only`: bring in just these names, those the other side has in view or not.
    init(side: TargetSnapshot, other: TargetSnapshot, only: Set<String>? = nil) {
        guard let aside = side.included, !aside.isEmpty else { return }
        // The second pass brings in what the first brought into the other side, aside there or not.
        let otherAside = only == nil ? other.included ?? IncludedDefinitions() : IncludedDefinitions()
        let wanted = { (otherNames: Set<String>) in only ?? otherNames }

        let ownRecords = Set(side.records.map(\.name))
        let wantedRecords = wanted(Set(other.records.lazy.filter { !$0.isAnonymousMember && !$0.name.contains(".") }.map(\.name)))
        let alreadyAside = Set(otherAside.records.map { Place($0.name, $0.location.header) })
        let roots = Set(aside.records.filter {
            wantedRecords.contains($0.name) && !ownRecords.contains($0.name) && !alreadyAside.contains(Place($0.name, $0.location.header))
        }.map(\.name))
        // A record comes with its anonymous members and untagged member types (`r::<anon ...>`, `r.member`).
        records = aside.records.filter { record in
            !ownRecords.contains(record.name) && (roots.contains(record.name) || roots.contains(Self.root(of: record)))
        }

        typedefs = Self.pick(aside.typedefs, wanted: wanted(Set(other.typedefs.map(\.name))), own: Set(side.typedefs.map(\.name)),
                             alreadyAside: Set(otherAside.typedefs.map { Place($0.name, $0.location.header) }))
        functions = Self.pick(aside.functions, wanted: wanted(Set(other.functions.map(\.name))), own: Set(side.functions.map(\.name)),
                              alreadyAside: Set(otherAside.functions.map { Place($0.name, $0.location.header) }))

        // Values: constants, enumerators and macros share one namespace in C.
        let otherValues = Set(other.constants.map(\.name) + other.enums.flatMap { $0.enumerators.map(\.name) } + other.macros.map(\.name))
        let ownValues = Set(side.constants.map(\.name) + side.enums.flatMap { $0.enumerators.map(\.name) } + side.macros.map(\.name))
        let valuesAside = Set(otherAside.constants.map { Place($0.name, $0.location.header) }
            + otherAside.macros.map { Place($0.name, $0.location.header) }
            + otherAside.enums.flatMap { decl in decl.enumerators.map { Place($0.name, decl.location.header) } })
        let wantedValues = wanted(otherValues).subtracting(ownValues)
        constants = Self.pick(aside.constants, wanted: wantedValues, own: [], alreadyAside: valuesAside)
        macros = Self.pick(aside.macros, wanted: wantedValues, own: [], alreadyAside: valuesAside)
        let ownEnums = Set(side.enums.map(\.name))
        let wantedEnums = wanted(Set(other.enums.map(\.name)))
        let enumsAside = Set(otherAside.enums.map { Place($0.name, $0.location.header) })
        enums = aside.enums.filter { decl in
            guard !ownEnums.contains(decl.name) else { return false }
            if wantedEnums.contains(decl.name), !enumsAside.contains(Place(decl.name, decl.location.header)) { return true }
            return decl.enumerators.contains {
                wantedValues.contains($0.name) && !valuesAside.contains(Place($0.name, decl.location.header))
            }
        }
    }

    func apply(to side: inout TargetSnapshot) {
        let key = { (name: String, location: SourceLocation) in Place(name, location.header) }
        if !records.isEmpty { side.records = Self.sorted(side.records + records) { key($0.name, $0.location) } }
        if !enums.isEmpty { side.enums = Self.sorted(side.enums + enums) { key($0.name, $0.location) } }
        if !typedefs.isEmpty { side.typedefs = Self.sorted(side.typedefs + typedefs) { key($0.name, $0.location) } }
        if !constants.isEmpty { side.constants = Self.sorted(side.constants + constants) { key($0.name, $0.location) } }
        if !macros.isEmpty { side.macros = Self.sorted(side.macros + macros) { key($0.name, $0.location) } }
        if !functions.isEmpty { side.functions = Self.sorted(side.functions + functions) { key($0.name, $0.location) } }
    }

    /// Items of a wanted name this side does not have in view, unless the other side had
    /// the same name aside in the same header.
    private static func pick<T: Located>(_ aside: [T], wanted: Set<String>, own: Set<String>, alreadyAside: Set<Place>) -> [T] {
        aside.filter { wanted.contains($0.name) && !own.contains($0.name) && !alreadyAside.contains(Place($0.name, $0.location.header)) }
    }

    /// The named record an anonymous member or untagged member type belongs to.
    private static func root(of record: Record) -> String {
        if let owner = record.owner { return owner }
        let cut = record.name.firstIndex { $0 == "." || $0 == ":" } ?? record.name.endIndex
        return String(record.name[..<cut])
    }

    /// The snapshot's order: by name, then header.
    private static func sorted<T>(_ items: [T], key: (T) -> Place) -> [T] {
        items.sorted { key($0) < key($1) }
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

    static func < (a: Place, b: Place) -> Bool { (a.name, a.header) < (b.name, b.header) }
}

/// Items with a name and a location, picked the same way.
private protocol Located {
    var name: String { get }
    var location: SourceLocation { get }
}

extension Typedef: Located {}
extension Constant: Located {}
extension Macro: Located {}
extension FunctionDecl: Located {}
