import Foundation
import UAPIModel

/// Compares the records of one target.
struct RecordDiffer {
    let old: TargetSnapshot
    let new: TargetSnapshot
    let moves: HeaderMoves
    /// The first record of each name, as `TargetSnapshot.record(named:)` finds it.
    private let oldByName: [String: Record]
    private let newByName: [String: Record]

    init(old: TargetSnapshot, new: TargetSnapshot, moves: HeaderMoves) {
        self.old = old
        self.new = new
        self.moves = moves
        oldByName = Dictionary(old.records.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        newByName = Dictionary(new.records.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func changes() -> [Change] {
        let chosen = DefinitionChoice(old: old.records, new: new.records, name: \.name, header: { moves.canonical($0.location.header) })
        let oldRecords = chosen.old, newRecords = chosen.new
        var changes: [Change] = []
        // Anonymous members, and the untagged types of named members (`outer.member`), are
        // part of their owner: their changes show in the owner's fields.
        let tracked: (Record) -> Bool = { !$0.isAnonymousMember && !($0.isAnonymous && $0.name.containsASCII(".")) }
        // An opaque declaration (`struct ib_pd;`, named only by a prototype) has no layout to lose or gain.
        let removed = old.records.filter { tracked($0) && $0.isComplete && newRecords[$0.name] == nil }
        let added = new.records.filter { tracked($0) && $0.isComplete && oldRecords[$0.name] == nil }
        let aliases = Dictionary(new.macros.map { ($0.name, $0.text.trimmingCharacters(in: .whitespaces)) }, uniquingKeysWith: { a, _ in a })
        // A record whose old name stays as a `#define` of its new one is aliased, not renamed (checked below).
        let renames = RenameMatcher.pairs(removed: removed.filter { aliases[$0.name] == nil }.map { ($0.name, $0) },
                                          added: added.map { ($0.name, $0) },
                                          same: { RecordShape($0) == RecordShape($1) && $0.isComplete })
        let renamedOld = Set(renames.map(\.old)), renamedNew = Set(renames.map(\.new))
        for (oldName, newName) in renames {
            let record = newRecords[newName]!
            changes.append(Change(.recordRenamed(kind: record.kind), item: .record, name: oldName, newName: newName,
                                  header: record.location.header, oldLocation: oldRecords[oldName]!.location,
                                  newLocation: record.location))
        }
        for record in removed where !renamedOld.contains(record.name) {
            // `#define old_name new_name`: the old spelling still names the same layout.
            if let target = aliases[record.name], let aliased = newRecords[target], aliased.isComplete,
               aliased.kind == record.kind, RecordShape(aliased).ignoringAlignment == RecordShape(record).ignoringAlignment {
                let change = { (fact: ChangeFact) in
                    Change(fact, item: .record, name: record.name, header: aliased.location.header,
                           oldLocation: record.location, newLocation: aliased.location)
                }
                changes.append(change(.recordAliased(kind: record.kind, to: target)))
                if aliased.alignment != record.alignment {
                    changes.append(change(.recordAlignment(old: record.alignment, new: aliased.alignment)))
                }
                continue
            }
            changes.append(Change(.recordRemoved(kind: record.kind), item: .record, name: record.name,
                                  header: record.location.header, oldLocation: record.location))
        }
        for record in added where !renamedNew.contains(record.name) {
            changes.append(Change(.recordAdded(kind: record.kind), item: .record, name: record.name,
                                  header: record.location.header, newLocation: record.location))
        }
        // An anonymous member is compared as part of its owner (its fields are the owner's).
        for newRecord in new.records where !newRecord.isAnonymousMember && newRecords[newRecord.name]?.location == newRecord.location {
            guard let oldRecord = oldRecords[newRecord.name] else { continue }
            changes += compare(oldRecord, newRecord)
        }
        // A repeated name's definitions in the other headers both sides define it in.
        for (_, oldRecord, newRecord) in chosen.others {
            guard let oldRecord, let newRecord, !newRecord.isAnonymousMember else { continue }
            changes += compare(oldRecord, newRecord)
        }
        return changes
    }

    func compare(_ old: Record, _ new: Record) -> [Change] {
        let change = { (fact: ChangeFact) in
            Change(fact, item: .record, name: new.name, header: new.location.header,
                   oldLocation: old.location, newLocation: new.location)
        }
        // Anonymous and nested member types move with the record that holds them.
        let move = new.isAnonymousMember || new.name.containsASCII(".") ? nil : moves.fact(from: old.location, to: new.location)
        let moved = move.map { [change($0)] } ?? []
        if let added = widenedIntoUnion(old, new) { return moved + [change(.memberTypeBecameUnion(added: added))] }
        // A typedef'd untagged record takes the typedef's name: the same name, with or without `struct x`.
        var tag: [Change] = []
        if old.kind == new.kind, !new.name.containsASCII("."), !new.isAnonymousMember, old.isAnonymous != new.isAnonymous {
            tag = [change(old.isAnonymous ? .recordTagGained(kind: new.kind) : .recordTagLost(kind: old.kind))]
        }
        if old.kind != new.kind { return moved + [change(.recordKindChanged(old: old.kind, new: new.kind))] }
        if old.isComplete != new.isComplete {
            return moved + tag + [change(old.isComplete ? .recordLostDefinition : .recordGainedDefinition)]
        }
        // Members of anonymous structs and unions are members of the record in C:
        // a field moved into `union { ... };` keeps its name and offset.
        let oldFlat = flattened(old, in: oldByName), newFlat = flattened(new, in: newByName)
        if oldFlat.fields == newFlat.fields, old.size == new.size, old.alignment == new.alignment, old.isPacked == new.isPacked {
            return moved + tag
        }
        var fields = FieldComparison(old: oldFlat, new: newFlat)
        fields.equivalentTypes = equivalentTypes
        fields.reportsOwnLayout = { a, b in
            // An untagged member type (`outer.member`) reports its own size and fields.
            [a.record, b.record].allSatisfy { path in path.flatMap { oldByName[$0] ?? newByName[$0] }.map { $0.isAnonymous && !$0.isAnonymousMember } ?? false }
        }
        var fieldChanges = fields.changes().map { item, name, fact in
            Change(fact, item: item, name: name, header: new.location.header, oldLocation: old.location, newLocation: new.location)
        }
        for index in fieldChanges.indices where fieldChanges[index].fact.category == .renamed {
            if case let .fieldRenamed(_, to) = fieldChanges[index].fact { fieldChanges[index].newName = "\(new.name).\(to)" }
        }
        var recordChanges: [Change] = []
        if old.size != new.size, !fields.explainsSize { recordChanges.append(change(.recordSize(old: old.size, new: new.size))) }
        if old.alignment != new.alignment, !fields.explainsAlignment {
            recordChanges.append(change(.recordAlignment(old: old.alignment, new: new.alignment)))
        }
        var changes = moved + tag + LayoutConsequences.fold(fieldChanges + recordChanges, old: oldFlat, new: newFlat)
        if old.isPacked != new.isPacked { changes.append(change(.recordPacking(isPacked: new.isPacked))) }
        return changes
    }

    /// A field's type renamed without a change a binary sees: a struct or union of the
    /// same layout (also one that lost or gained its tag), an enum of the same integer
    /// type, or `char` spelled as its signedness on this target.
    private func equivalentTypes(_ a: Field, _ b: Field) -> Bool {
        let arrays = (ArrayShape.split(a.canonicalType)?.count, ArrayShape.split(b.canonicalType)?.count)
        guard arrays.0 == arrays.1 else { return false }
        if let left = a.record.flatMap({ oldByName[$0] }), let right = b.record.flatMap({ newByName[$0] }) {
            // Alignment is left out: a member type's alignment shows in the owner's offsets and alignment.
            if widenedIntoUnion(left, right) != nil { return true } // said once, as the member type's own change
            return left.isComplete && right.isComplete && left.kind == right.kind && RecordShape(left).ignoringAlignment == RecordShape(right).ignoringAlignment
        }
        let element = { (field: Field) in ArrayShape.split(field.canonicalType)?.element ?? field.canonicalType }
        let (left, right) = (element(a), element(b))
        let undeclared = old.enumDecl(named: String(left.dropFirst(5))) == nil || new.enumDecl(named: String(right.dropFirst(5))) == nil
        if left.hasPrefix("enum "), right.hasPrefix("enum "), undeclared {
            // An anonymous enum (inside a struct too) has no name to look up: two enums of one size are one integer type.
            return a.size == b.size
        }
        return integerMeaning(left, in: old) == integerMeaning(right, in: new) && integerMeaning(left, in: old) != nil
    }

    /// An untagged member type that became a union holding every old field at the same
    /// place, with the same size and alignment (`struct { __u64 gfn; } shared_info` ->
    /// `union { __u64 gfn; __u64 hva; } shared_info`): no source can name the type (it is
    /// `outer.member`, not a typedef's) and every old access reads the same bytes. The
    /// names of the fields added as alternatives; nil otherwise.
    private func widenedIntoUnion(_ old: Record, _ new: Record) -> [String]? {
        guard old.kind == .struct, new.kind == .union, old.isAnonymous, new.isAnonymous, old.name.containsASCII("."),
              old.isComplete, new.isComplete, old.size == new.size, old.alignment == new.alignment else { return nil }
        let oldFlat = flattened(old, in: oldByName), newFlat = flattened(new, in: newByName)
        let kept = Set(RecordShape(newFlat).fields)
        guard !oldFlat.fields.isEmpty, RecordShape(oldFlat).fields.allSatisfy(kept.contains) else { return nil }
        let oldNames = Set(oldFlat.fields.map(\.name))
        return newFlat.fields.map(\.name).filter { !oldNames.contains($0) }
    }

    /// `enum x` as its underlying integer type, `char` as the signed or unsigned char it is here.
    private func integerMeaning(_ type: String, in target: TargetSnapshot) -> String? {
        if type.hasPrefix("enum "), let decl = target.enumDecl(named: String(type.dropFirst(5))) { return decl.underlyingType }
        if type == "char" { return TypeMeaning.plainCharIsUnsigned(on: target.target) ? "unsigned char" : "signed char" }
        if ["unsigned char", "signed char"].contains(type) { return type }
        return type.hasPrefix("enum ") ? nil : type
    }

    private func flattened(_ record: Record, in records: [String: Record]) -> Record {
        var copy = record
        copy.fields = record.fields.flatMap { field -> [Field] in
            // An unnamed bit-field (`__u32 :24;`) is padding no program can name: its
            // effect shows in the offsets of the named fields after it and in the size.
            if field.name.isEmpty, field.record == nil { return [] }
            guard field.name.isEmpty, let path = field.record,
                  let member = records[path], member.isAnonymousMember else { return [field] }
            return flattened(member, in: records).fields
        }
        // `__DECLARE_FLEX_ARRAY(T, x)` wraps `T x[]` with an empty `__empty_x` so that it may stand
        // in a union: the empty member is spelling, not a field anyone reads.
        let names = Set(copy.fields.map(\.name))
        copy.fields.removeAll { $0.name.hasPrefix("__empty_") && ($0.size ?? 0) == 0 && names.contains(String($0.name.dropFirst(8))) }
        return copy
    }

    /// `reserved`, `__rsvd3`, `pad2`, `ss_pad`, `cap_reserved`, `reserved_mbz`, `spare`: a word of its
    /// own (digits aside) at either end of the name. `paddr`, `keypad` and `unused_blocks` are real
    /// fields: taking them for reserved space would rate their shrinking compatible.
    static func isReservedName(_ name: String) -> Bool {
        let words = name.lowercased().split(separator: "_").map { String($0.reversed().drop { $0.isNumber }.reversed()) }.filter { !$0.isEmpty }
        guard let first = words.first, let last = words.last else { return false }
        if strongReservedWords.contains(first) || strongReservedWords.contains(last) { return true }
        return words.count == 1 && weakReservedWords.contains(first)
    }

    /// Words that mark reserved space wherever they end a name; the weak ones only alone.
    private static let strongReservedWords: Set<String> = ["reserved", "resv", "rsvd", "rsv", "pad", "padding"]
    private static let weakReservedWords: Set<String> = ["spare", "unused", "mbz"]
}

/// What must match for a removed and an added record to be one renamed record.
struct RecordShape: Equatable {
    var size: Int?
    var alignment: Int?
    var fields: [String]

    /// The same layout as far as the fields and the size go.
    var ignoringAlignment: RecordShape {
        var copy = self
        copy.alignment = nil
        return copy
    }

    init(_ record: Record) {
        size = record.size
        alignment = record.alignment
        fields = record.fields.map { "\($0.name)|\(TypeMeaning.key(canonical: $0.canonicalType, size: $0.size))|\($0.offsetBits)|\($0.bitWidth ?? -1)" }
    }
}
