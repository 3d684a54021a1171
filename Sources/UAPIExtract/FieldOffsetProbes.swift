import UAPIClang
import UAPIModel

/// Field offsets of very large records, asked of clang in one more parse.
///
/// libclang checks every field of the record on each `clang_Cursor_getOffsetOfField`
/// call, so asking field by field takes time quadratic in the field count (a struct of
/// 40,000 fields took 21 s). Here each named field that is not a bit-field gets a
/// probe `__builtin_offsetof(TYPE, FIELD)`, which clang answers from its record layout
/// directly; bit-fields, which offsetof cannot name, are still asked one by one.
struct FieldOffsetProbes {
    /// Records with more fields than this take the probe route; no UAPI header comes close (79).
    static let threshold = 256
    static let prefix = "__uapi_offset_"

    /// A field whose offset is left to the probes.
    struct Pending {
        var record: String
        var fieldIndex: Int
        /// How C spells the record's type: `struct name`, or the name of its typedef.
        var type: String
        var field: String
        /// The field's cursor, to ask libclang directly when the probe fails.
        var cursor: Cursor
    }

    private(set) var pending: [Pending] = []

    /// The C spelling of the record collected as `name`, when the probes can name it.
    static func typeSpelling(of record: Cursor, name: String, isAnonymous: Bool) -> String? {
        guard CIdentifier.isValid(name) else { return nil }
        if isAnonymous { return name } // a typedef name
        return record.kind == .unionDecl ? "union \(name)" : "struct \(name)"
    }

    mutating func add(_ field: Pending) {
        pending.append(field)
    }

    /// Probe declarations, one per line.
    var source: String {
        pending.enumerated().map { index, field in
            "static const unsigned long long \(Self.prefix)\(index) = __builtin_offsetof(\(field.type), \(field.field));\n"
        }.joined()
    }

    /// Fills the offsets (in bits) into `records`, from `unit` parsed with `source` after the header.
    func fill(_ records: inout [Record], from unit: TranslationUnit) {
        var offsets = [Int?](repeating: nil, count: pending.count)
        for cursor in unit.cursor.children where cursor.kind == .varDecl {
            let name = cursor.spelling
            guard name.hasPrefix(Self.prefix), let index = Int(name.dropFirst(Self.prefix.count)), index < offsets.count,
                  let result = cursor.evaluate() else { continue }
            switch result.value {
            case let .unsigned(bytes): offsets[index] = Int(bytes) * 8
            case let .signed(bytes) where bytes >= 0: offsets[index] = Int(bytes) * 8
            default: break
            }
        }
        var positions: [String: Int] = [:]
        for (position, record) in records.enumerated() where positions[record.name] == nil { positions[record.name] = position }
        for (index, field) in pending.enumerated() {
            guard let position = positions[field.record] else { continue }
            let bits = offsets[index] ?? field.cursor.offsetOfField ?? 0
            records[position].fields[field.fieldIndex].offsetBits += bits
        }
    }
}

private enum CIdentifier {
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
