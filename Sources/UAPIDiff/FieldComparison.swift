import UAPIModel

/// Compares the fields of one record on one target: moved, retyped, removed,
/// renamed, appended at the tail, or carved out of a reserved field.
struct FieldComparison {
    let old: Record
    let new: Record
    /// True when appended fields account for the record's size change.
    private(set) var explainsSize = false

    typealias Make = (ChangeCategory, ItemKind, String, String?, String?, String) -> Change

    init(old: Record, new: Record) {
        self.old = old
        self.new = new
    }

    mutating func changes(change: Make) -> [Change] {
        let record = new.name
        var changes: [Change] = []
        let key: (Field) -> String = { $0.name.isEmpty ? "<anon@\($0.record ?? "")>" : $0.name }
        let oldByName = Dictionary(old.fields.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(new.fields.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var unmatchedNew = new.fields.filter { oldByName[key($0)] == nil && !$0.name.isEmpty }
        var unchangedOffsets = true

        for field in old.fields {
            let name = "\(record).\(key(field))"
            guard let other = newByName[key(field)] else {
                if field.name.isEmpty { continue }
                // Same bytes, new name: a rename, or a reserved field put to use.
                let inPlace = unmatchedNew.filter { overlaps($0, field) }
                if RecordDiffer.isReservedName(field.name), !inPlace.isEmpty, inPlace.allSatisfy({ within($0, field) }) {
                    unmatchedNew.removeAll { candidate in inPlace.contains { $0.name == candidate.name } }
                    changes.append(change(.reservedUsed, .field, name, field.name, inPlace.map(\.name).joined(separator: ", "),
                                          "\(record).\(field.name) (reserved) now holds \(inPlace.map(\.name).joined(separator: ", ")) in the same bytes"))
                } else if let renamed = inPlace.first(where: { $0.offsetBits == field.offsetBits && $0.canonicalType == field.canonicalType && $0.bitWidth == field.bitWidth }) {
                    unmatchedNew.removeAll { $0.name == renamed.name }
                    var rename = change(.renamed, .field, name, field.name, renamed.name,
                                        "\(record).\(field.name) is now \(renamed.name) (same offset and type); the old name is gone for source users")
                    rename.newName = "\(record).\(renamed.name)"
                    changes.append(rename)
                } else {
                    unchangedOffsets = false
                    changes.append(change(.removed, .field, name, "\(field.type) at \(offsetText(field))", nil,
                                          "\(record).\(field.name) was removed"))
                }
                continue
            }
            if field.offsetBits != other.offsetBits {
                unchangedOffsets = false
                changes.append(change(.layoutDrift, .field, name, offsetText(field), offsetText(other),
                                      "offset of \(name) moved from \(offsetText(field)) to \(offsetText(other))"))
            }
            if field.bitWidth != other.bitWidth {
                changes.append(change(.layoutDrift, .field, name, widthText(field), widthText(other),
                                      "bit-field width of \(name) changed from \(widthText(field)) to \(widthText(other))"))
            }
            if field.isFlexibleArray != other.isFlexibleArray || (field.size != other.size && field.canonicalType == other.canonicalType) {
                changes.append(change(.layoutDrift, .field, name, sizeText(field), sizeText(other),
                                      "size of \(name) changed from \(sizeText(field)) to \(sizeText(other))"))
            }
            let sameMeaning = TypeMeaning.key(canonical: field.canonicalType, size: field.size)
                == TypeMeaning.key(canonical: other.canonicalType, size: other.size)
            if field.canonicalType != other.canonicalType, !sameMeaning {
                let category: ChangeCategory = field.size == other.size ? .typeChanged : .layoutDrift
                changes.append(change(category, .field, name, field.canonicalType, other.canonicalType,
                                      "type of \(name) changed from \(field.canonicalType) to \(other.canonicalType)"
                                        + (field.size == other.size ? "" : " (\(sizeText(field)) -> \(sizeText(other)))")))
            } else if field.type != other.type {
                let meaning = TypeMeaning.key(canonical: other.canonicalType, size: other.size)
                changes.append(change(.spellingChanged, .field, name, field.type, other.type,
                                      "\(name) is spelled \(other.type) instead of \(field.type); both are \(meaning == other.canonicalType ? meaning : "\(meaning) (\(other.canonicalType))")"))
            }
        }

        // Fields appended after everything the old record had: a tail extension.
        let oldEnd = old.fields.map { $0.offsetBits + ($0.size ?? 0) * 8 }.max() ?? 0
        let tail = unmatchedNew.filter { $0.offsetBits >= oldEnd && $0.offsetBits >= (old.size ?? 0) * 8 }
        // A flexible array appended without changing the size is a plain addition.
        let grows = (new.size ?? 0) > (old.size ?? 0) || tail.contains { !$0.isFlexibleArray }
        if !tail.isEmpty, grows, unchangedOffsets, tail.count == unmatchedNew.count, (new.size ?? 0) >= (old.size ?? 0) {
            explainsSize = true
            changes.append(change(.tailExtension, .record, record, "\(old.size.map(String.init) ?? "?") bytes",
                                  "\(new.size.map(String.init) ?? "?") bytes",
                                  "\(record) grew from \(old.size.map(String.init) ?? "?") to \(new.size.map(String.init) ?? "?") bytes by appending \(tail.map(\.name).joined(separator: ", "))"))
        } else {
            for field in unmatchedNew {
                changes.append(change(.added, .field, "\(record).\(field.name)", nil, "\(field.type) at \(offsetText(field))",
                                      "\(record).\(field.name) was added at \(offsetText(field))"))
            }
        }
        return changes
    }

    private func overlaps(_ a: Field, _ b: Field) -> Bool {
        let aEnd = a.offsetBits + (a.bitWidth ?? (a.size ?? 0) * 8), bEnd = b.offsetBits + (b.bitWidth ?? (b.size ?? 0) * 8)
        return a.offsetBits < bEnd && b.offsetBits < aEnd
    }

    private func within(_ inner: Field, _ outer: Field) -> Bool {
        inner.offsetBits >= outer.offsetBits
            && inner.offsetBits + (inner.bitWidth ?? (inner.size ?? 0) * 8) <= outer.offsetBits + (outer.bitWidth ?? (outer.size ?? 0) * 8)
    }

    private func offsetText(_ field: Field) -> String {
        field.offsetBits % 8 == 0 ? "byte \(field.offsetBits / 8)" : "bit \(field.offsetBits)"
    }

    private func widthText(_ field: Field) -> String { field.bitWidth.map { "\($0) bits" } ?? "not a bit-field" }

    private func sizeText(_ field: Field) -> String {
        field.isFlexibleArray ? "flexible array" : "\(field.size.map(String.init) ?? "?") bytes"
    }
}
