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
    /// The cause is the first field (by place) that was removed, resized or retyped; a field moved at or after it, and the record's size and alignment, follow from it.
    /// Without such a cause, the first field that moved is the cause of the moves after it.
    static func fold(_ changes: [Change], old: Record, new: Record) -> [Change] {
        let oldOffsets = Dictionary(old.fields.map { ("\(old.name).\($0.name)", $0.offsetBits) }, uniquingKeysWith: { a, _ in a })
        let newOffsets = Dictionary(new.fields.map { ("\(new.name).\($0.name)", $0.offsetBits) }, uniquingKeysWith: { a, _ in a })
        var causes = changes.indices.compactMap { index -> (index: Int, place: Int)? in
            let change = changes[index]
            guard isCause(change.fact), let place = oldOffsets[change.name] ?? newOffsets[change.name] else { return nil }
            return (index, place)
        }
        if causes.isEmpty {
            // Nothing before it changed, so the first field that moved did so by its own alignment
            // (`__u64` -> `__aligned_u64`): it is the cause of what follows.
            causes = changes.indices.compactMap { index in
                guard case let .fieldOffset(oldBits, _) = changes[index].fact else { return nil }
                return (index, oldBits)
            }
        }
        guard let cause = causes.min(by: { ($0.place, $0.index) < ($1.place, $1.index) }) else { return changes }
        var consequences = LayoutConsequences(movedFields: [])
        var folded = Set<Int>()
        for (index, change) in changes.enumerated() {
            switch change.fact {
            case let .fieldOffset(oldBits, _) where oldBits >= cause.place && index != cause.index:
                consequences.movedFields.append(change.name)
            case let .recordSize(oldSize, newSize):
                consequences.oldSize = oldSize
                consequences.newSize = newSize
            case let .recordAlignment(oldAlignment, newAlignment):
                consequences.oldAlignment = oldAlignment
                consequences.newAlignment = newAlignment
            default:
                continue
            }
            folded.insert(index)
        }
        var result: [Change] = []
        for (index, change) in changes.enumerated() where !folded.contains(index) {
            var kept = change
            if index == cause.index, !consequences.isEmpty { kept.consequences = consequences }
            result.append(kept)
        }
        return result
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
