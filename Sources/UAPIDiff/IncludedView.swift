import UAPIModel

/// Under `--only-listed` a side keeps aside what it saw in headers it only included.
/// A definition the other side has in a listed header, which this side has only
/// aside, moved between a listed header and an included one (`linux/kvm.h` ->
/// `asm/kvm.h`): it is brought into view here so that the usual comparison pairs it
/// (a move, plus whatever else changed) instead of reporting a removal or an addition.
/// Macros aside were not evaluated: `ValueDiffer` matches them by their text.
enum IncludedView {
    static func complete(old: TargetSnapshot, new: TargetSnapshot) -> (old: TargetSnapshot, new: TargetSnapshot) {
        guard old.included != nil || new.included != nil else { return (old, new) }
        return (bringingIn(to: old, wantedBy: new), bringingIn(to: new, wantedBy: old))
    }

    private static func bringingIn(to side: TargetSnapshot, wantedBy other: TargetSnapshot) -> TargetSnapshot {
        guard let aside = side.included, !aside.isEmpty else { return side }
        var copy = side
        copy.records = adding(aside.records, to: side.records, wanted: Set(other.records.map(\.name)), key: { ($0.name, $0.location.header) })
        copy.typedefs = adding(aside.typedefs, to: side.typedefs, wanted: Set(other.typedefs.map(\.name)), key: { ($0.name, $0.location.header) })
        copy.functions = adding(aside.functions, to: side.functions, wanted: Set(other.functions.map(\.name)), key: { ($0.name, $0.location.header) })
        // An enum comes with its enumerators: wanted when the other side has it or any of them.
        let otherValues = Set(other.enums.flatMap { [$0.name] + $0.enumerators.map(\.name) } + other.constants.map(\.name))
        let ownValues = Set(side.enums.flatMap { [$0.name] + $0.enumerators.map(\.name) } + side.constants.map(\.name))
        let enums = aside.enums.filter { decl in
            ([decl.name] + decl.enumerators.map(\.name)).contains { otherValues.contains($0) && !ownValues.contains($0) }
        }
        if !enums.isEmpty { copy.enums = sorted(side.enums + enums, key: { ($0.name, $0.location.header) }) }
        // A macro is wanted as a macro only: a constant's unevaluated text is `ValueDiffer`'s.
        copy.macros = adding(aside.macros, to: side.macros, wanted: Set(other.macros.map(\.name)).subtracting(side.constants.map(\.name)),
                             key: { ($0.name, $0.location.header) })
        copy.constants = adding(aside.constants, to: side.constants, wanted: Set(other.constants.map(\.name)), key: { ($0.name, $0.location.header) })
        return copy
    }

    /// `items` plus those of `aside` whose name is wanted and not already there.
    private static func adding<T>(_ aside: [T], to items: [T], wanted: Set<String>, key: (T) -> (String, String)) -> [T] {
        let present = Set(items.map { key($0).0 })
        let incoming = aside.filter { wanted.contains(key($0).0) && !present.contains(key($0).0) }
        return incoming.isEmpty ? items : sorted(items + incoming, key: key)
    }

    /// The snapshot's order: by name, then header.
    private static func sorted<T>(_ items: [T], key: (T) -> (String, String)) -> [T] {
        items.sorted { key($0) < key($1) }
    }
}
