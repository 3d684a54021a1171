import UAPIModel

/// What follows from a field's change in the same record: the fields after it that moved,
/// and the record's new size and alignment. Said with the change that caused them, so one
/// field type change is one finding, not eight.
public struct LayoutConsequences: Codable, Sendable, Hashable {
    /// Fields that moved (`record.field`), in the record's order.
    public var movedFields: [String]
    /// Set when the record's size changed.
    public var oldSize: Int?
    public var newSize: Int?
    /// Set when the record's alignment changed.
    public var oldAlignment: Int?
    public var newAlignment: Int?

    public var isEmpty: Bool { movedFields.isEmpty && oldSize == nil && newSize == nil && oldAlignment == nil && newAlignment == nil }

    /// Folds offset, size and alignment changes that follow a field change into that change.
    /// A cause is a field that was removed, resized or retyped, or one that moved right after a
    /// field that stayed put (`__u64` -> `__aligned_u64`: its own alignment moved it). A move belongs to the
    /// nearest cause before it; the record's size and alignment follow only from a sole cause
    /// (with two, neither alone explains them, and they stand on their own). Without a cause, the
    /// first field that moved is the cause of the moves after it.
    static func fold(_ changes: [Change], old: Record, new: Record) -> [Change] {
        let oldFields = Dictionary(old.fields.map { ("\(old.name).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let newFields = Dictionary(new.fields.map { ("\(new.name).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let changedFields = Set(changes.filter { isCause($0.fact) }.map(\.name))
        var causes = changes.indices.compactMap { index -> (index: Int, place: Int)? in
            let change = changes[index]
            guard let place = (oldFields[change.name] ?? newFields[change.name])?.offsetBits else { return nil }
            if isCause(change.fact) { return (index, place) }
            // A field that changed type moved with it: that move is part of its own change.
            guard !changedFields.contains(change.name) else { return nil }
            // A move that opens a gap after a field that stayed put comes from the field's own alignment
            // (`__u64` -> `__aligned_u64`): a change of its own, not a consequence.
            if case .fieldOffset = change.fact, movedByItsOwnAlignment(change.name, old: old, oldFields: oldFields, newFields: newFields) {
                return (index, place)
            }
            return nil
        }
        if causes.isEmpty {
            causes = changes.indices.compactMap { index in
                guard case let .fieldOffset(oldBits, _) = changes[index].fact else { return nil }
                return (index, oldBits)
            }.min { ($0.1, $0.0) < ($1.1, $1.0) }.map { [$0] } ?? []
        }
        guard !causes.isEmpty else { return changes }
        causes.sort { ($0.place, $0.index) < ($1.place, $1.index) }
        let causeIndices = Set(causes.map(\.index))
        var consequences: [Int: LayoutConsequences] = [:]
        var folded = Set<Int>()
        for (index, change) in changes.enumerated() where !causeIndices.contains(index) {
            switch change.fact {
            case let .fieldOffset(oldBits, _):
                guard let owner = causes.last(where: { $0.place <= oldBits }) else { continue }
                consequences[owner.index, default: LayoutConsequences(movedFields: [])].movedFields.append(change.name)
            case let .recordSize(oldSize, newSize) where causes.count == 1:
                consequences[causes[0].index, default: LayoutConsequences(movedFields: [])].oldSize = oldSize
                consequences[causes[0].index]!.newSize = newSize
            case let .recordAlignment(oldAlignment, newAlignment) where causes.count == 1:
                consequences[causes[0].index, default: LayoutConsequences(movedFields: [])].oldAlignment = oldAlignment
                consequences[causes[0].index]!.newAlignment = newAlignment
            default:
                continue
            }
            folded.insert(index)
        }
        var result: [Change] = []
        for (index, change) in changes.enumerated() where !folded.contains(index) {
            var kept = change
            if let found = consequences[index], !found.isEmpty { kept.consequences = found }
            result.append(kept)
        }
        return result
    }

    private static func movedByItsOwnAlignment(_ name: String, old: Record, oldFields: [String: Field], newFields: [String: Field]) -> Bool {
        guard let before = oldFields[name], let after = newFields[name],
              let position = old.fields.firstIndex(where: { "\(old.name).\($0.name)" == name }), position > 0 else { return false }
        let previous = old.fields[position - 1]
        guard let previousNow = newFields["\(old.name).\(previous.name)"], previousNow.offsetBits == previous.offsetBits,
              previousNow.size == previous.size, previousNow.bitWidth == previous.bitWidth, previous.bitWidth == nil else { return false }
        let end = previous.offsetBits + (previous.size ?? 0) * 8
        return after.offsetBits - end != before.offsetBits - end
    }

    private static func isCause(_ fact: ChangeFact) -> Bool {
        switch fact {
        // Not an addition: a move or size change said with an added field would read as compatible.
        case .fieldRemoved, .fieldBitWidth, .fieldSize:
            return true
        case let .fieldType(_, _, oldSize, newSize):
            return oldSize != newSize
        default:
            return false
        }
    }
}
