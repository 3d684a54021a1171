import Foundation
import UAPIModel

/// Compares the fields of one record on one target: moved, retyped, removed,
/// renamed, appended at the tail, or carved out of a reserved field.
struct FieldComparison {
    let old: Record
    let new: Record
    /// Whether two differently named types of a field (old side, new side) are the same to a
    /// binary: structs or unions of the same layout, enums of the same integer type.
    var equivalentTypes: (Field, Field) -> Bool = { _, _ in false }
    /// Whether the field's type is a record that reports its own size change (an untagged member type).
    var reportsOwnLayout: (Field, Field) -> Bool = { _, _ in false }
    /// True when appended fields account for the record's size change.
    private(set) var explainsSize = false
    /// True when appended fields alone account for the record's alignment growing.
    private(set) var explainsAlignment = false

    typealias Found = (item: ItemKind, name: String, fact: ChangeFact)

    init(old: Record, new: Record) {
        self.old = old
        self.new = new
    }

    mutating func changes() -> [Found] {
        let record = new.name
        var changes: [Found] = []
        let key: (Field) -> String = { $0.name.isEmpty ? "<anon@\($0.record ?? "")>" : $0.name }
        let oldByName = Dictionary(old.fields.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(new.fields.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var unmatchedNew = new.fields.filter { oldByName[key($0)] == nil && !$0.name.isEmpty }
        var unchangedOffsets = true
        // Old fields still at the same place: a reserved field folded into a union may share their bytes.
        let keptInPlace = old.fields.filter { field in
            newByName[key(field)].map { $0.offsetBits == field.offsetBits && $0.size == field.size } ?? false
        }

        let shrunk = shrunkReserved(oldByName: oldByName, newByName: newByName, unmatched: unmatchedNew)
        unmatchedNew.removeAll { candidate in shrunk.values.contains { $0.contains { $0.name == candidate.name } } }

        for field in old.fields {
            let name = "\(record).\(key(field))"
            if let by = shrunk[field.name] {
                changes.append((.field, name, .reservedUsed(field: field.name, by: by.map(\.name))))
                continue
            }
            guard let other = newByName[key(field)] else {
                if field.name.isEmpty { continue }
                // Same bytes, new name: a rename, or a reserved field put to use.
                let inPlace = unmatchedNew.filter { overlaps($0, field) }
                if RecordDiffer.isReservedName(field.name), !inPlace.isEmpty, inPlace.allSatisfy({ fitsIn($0, reserved: field, kept: keptInPlace) }) {
                    unmatchedNew.removeAll { candidate in inPlace.contains { $0.name == candidate.name } }
                    changes.append((.field, name, .reservedUsed(field: field.name, by: inPlace.map(\.name))))
                } else if let renamed = inPlace.first(where: { $0.offsetBits == field.offsetBits && $0.canonicalType == field.canonicalType && $0.bitWidth == field.bitWidth }) {
                    unmatchedNew.removeAll { $0.name == renamed.name }
                    changes.append((.field, name, .fieldRenamed(from: field.name, to: renamed.name)))
                } else {
                    unchangedOffsets = false
                    changes.append((.field, name, .fieldRemoved(type: field.type, offsetBits: field.offsetBits)))
                }
                continue
            }
            changes += compare(field, other, name: name, unchangedOffsets: &unchangedOffsets)
        }

        // Fields appended after everything the old record had: a tail extension.
        let oldEnd = old.fields.map { $0.offsetBits + ($0.size ?? 0) * 8 }.max() ?? 0
        let tail = unmatchedNew.filter { $0.offsetBits >= oldEnd && $0.offsetBits >= (old.size ?? 0) * 8 }
        // A flexible or zero-length array appended without changing the size is a plain addition.
        let grows = (new.size ?? 0) > (old.size ?? 0) || tail.contains { !$0.isFlexibleArray && ($0.size ?? 0) > 0 }
        if !tail.isEmpty, grows, unchangedOffsets, tail.count == unmatchedNew.count, (new.size ?? 0) >= (old.size ?? 0) {
            explainsSize = true
            // A tail field whose size and offset are multiples of the new alignment can demand it;
            // the old fields kept their offsets, so they did not.
            let grew = (new.alignment ?? 0) > (old.alignment ?? 0)
            explainsAlignment = grew && tail.contains { field in
                new.alignment.map { (field.size ?? 0) % $0 == 0 && field.offsetBits % ($0 * 8) == 0 } ?? false
            }
            changes.append((.record, record, .tailAppended(oldSize: old.size, newSize: new.size, fields: tail.map(\.name),
                                                           oldAlignment: explainsAlignment ? old.alignment : nil,
                                                           newAlignment: explainsAlignment ? new.alignment : nil)))
        } else {
            for field in unmatchedNew {
                changes.append((.field, "\(record).\(field.name)", .fieldAdded(type: field.type, offsetBits: field.offsetBits)))
            }
        }
        return changes
    }

    /// The same field on both sides: where it is, how wide, of which type.
    private func compare(_ field: Field, _ other: Field, name: String, unchangedOffsets: inout Bool) -> [Found] {
        var changes: [Found] = []
        if field.offsetBits != other.offsetBits {
            unchangedOffsets = false
            changes.append((.field, name, .fieldOffset(oldBits: field.offsetBits, newBits: other.offsetBits)))
        }
        if field.bitWidth != other.bitWidth {
            changes.append((.field, name, .fieldBitWidth(old: field.bitWidth, new: other.bitWidth)))
        }
        if ArrayShape.isFlexibleConversion(field, other) {
            // `[0]`/`[1]` <-> `[]`: the same element at the same place; a size change shows in the record's size.
            changes.append((.field, name, .flexibleArray(old: field.type, new: other.type)))
            return changes
        }
        if field.isFlexibleArray != other.isFlexibleArray
            || (field.size != other.size && field.canonicalType == other.canonicalType && !reportsOwnLayout(field, other)) {
            changes.append((.field, name, .fieldSize(old: FieldSize(field), new: FieldSize(other))))
        }
        let sameMeaning = TypeMeaning.key(canonical: field.canonicalType, size: field.size)
            == TypeMeaning.key(canonical: other.canonicalType, size: other.size)
        if field.canonicalType != other.canonicalType, !sameMeaning, field.size == other.size, equivalentTypes(field, other) {
            // Two untagged types have no names to tell apart: the member type reports its own change.
            let untagged = field.canonicalType.contains("<anonymous>") && other.canonicalType.contains("<anonymous>")
            if !untagged { changes.append((.field, name, .fieldTypeRenamed(old: field.canonicalType, new: other.canonicalType))) }
        } else if field.canonicalType != other.canonicalType, !sameMeaning {
            changes.append((.field, name, .fieldType(old: field.canonicalType, new: other.canonicalType,
                                                     oldSize: FieldSize(field), newSize: FieldSize(other))))
        } else if field.type != other.type {
            changes.append((.field, name, .fieldSpelling(old: field.type, new: other.type,
                                                         meaning: TypeMeaning.key(canonical: other.canonicalType, size: other.size),
                                                         canonical: other.canonicalType)))
        }
        return changes
    }

    /// Reserved fields that kept their name but gave part of their bytes to new fields
    /// (`__u32 reserved[6]` -> `__u32 reserved[2]; __u64 cap; __u64 more;`, `__u8 pad[3]` ->
    /// `__u8 x; __u8 pad[2]`): what is left lies in the old bytes, and new fields fill the
    /// rest of them exactly. By old field name, the new fields that took the bytes.
    private func shrunkReserved(oldByName: [String: Field], newByName: [String: Field], unmatched: [Field]) -> [String: [Field]] {
        var result: [String: [Field]] = [:]
        for field in old.fields where RecordDiffer.isReservedName(field.name) {
            guard let other = newByName[field.name], (field.bitWidth == nil) == (other.bitWidth == nil),
                  other.offsetBits != field.offsetBits || other.size != field.size || other.bitWidth != field.bitWidth,
                  contains(range(field), range(other)) else { continue }
            let oldRange = range(field)
            let takers = unmatched.filter { range($0).overlaps(oldRange) }
            guard !takers.isEmpty, takers.allSatisfy({ contains(oldRange, range($0)) }) else { continue }
            // Together, what is left and the new fields cover the old bytes exactly once.
            let spans = ([other] + takers).map(range).sorted { $0.lowerBound < $1.lowerBound }
            var reach = oldRange.lowerBound
            var exact = true
            for span in spans {
                if span.lowerBound != reach { exact = false; break }
                reach = span.upperBound
            }
            if exact, reach == oldRange.upperBound { result[field.name] = takers }
        }
        return result
    }

    private func contains(_ outer: Range<Int>, _ inner: Range<Int>) -> Bool {
        inner.lowerBound >= outer.lowerBound && inner.upperBound <= outer.upperBound && !inner.isEmpty
    }

    private func overlaps(_ a: Field, _ b: Field) -> Bool {
        let aEnd = a.offsetBits + (a.bitWidth ?? (a.size ?? 0) * 8), bEnd = b.offsetBits + (b.bitWidth ?? (b.size ?? 0) * 8)
        return a.offsetBits < bEnd && b.offsetBits < aEnd
    }

    /// Whether `inner` lies in the bytes of the reserved field together with fields that stay
    /// where they were (`pad2` folded with `uar_pfn` into `union { uar_pfn; uar_pfn64; }`).
    private func fitsIn(_ inner: Field, reserved: Field, kept: [Field]) -> Bool {
        var covered = [range(reserved)] + kept.filter { overlaps($0, inner) }.map(range)
        covered.sort { $0.lowerBound < $1.lowerBound }
        var reach = range(inner).lowerBound
        for span in covered where span.lowerBound <= reach {
            reach = max(reach, span.upperBound)
        }
        return reach >= range(inner).upperBound && range(inner).overlaps(range(reserved))
    }

    private func range(_ field: Field) -> Range<Int> {
        field.offsetBits..<(field.offsetBits + (field.bitWidth ?? (field.size ?? 0) * 8))
    }
}

/// An array type's element and count, read from its canonical spelling (`unsigned char[0]`, `__u32[]`).
enum ArrayShape {
    static func split(_ canonical: String) -> (element: String, count: Int?)? {
        guard let bracket = canonical.lastIndex(of: "["), canonical.hasSuffix("]") else { return nil }
        let element = canonical[..<bracket].trimmingCharacters(in: .whitespaces)
        let count = canonical[canonical.index(after: bracket)..<canonical.index(before: canonical.endIndex)]
        return (element, count.isEmpty ? nil : Int(count))
    }

    /// A zero- or one-element array on one side, a flexible array of the same element on the other, at the same offset.
    static func isFlexibleConversion(_ a: Field, _ b: Field) -> Bool {
        guard a.isFlexibleArray != b.isFlexibleArray, a.offsetBits == b.offsetBits,
              let left = split(a.canonicalType), let right = split(b.canonicalType), left.element == right.element else { return false }
        let fixed = a.isFlexibleArray ? right : left
        return fixed.count == 0 || fixed.count == 1
    }
}
