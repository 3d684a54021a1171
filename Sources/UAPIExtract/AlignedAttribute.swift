import UAPIClang
import UAPIModel

/// libclang exposes `__attribute__((aligned(N)))` as a cursor but not its value;
/// read N from the attribute's tokens when it is a literal.
enum AlignedAttribute {
    static func value(on record: Cursor) -> Int? {
        var result: Int?
        record.visitChildren { child in
            guard child.kind == .alignedAttribute else { return .continue }
            let tokens = child.unit.tokens(in: child.extent)
            let literal = tokens.lazy.compactMap { IntegerLiteral.parse($0) }.first
            // `aligned` with no argument means the target's largest alignment: fall back to the record's.
            result = literal.map { Int($0) } ?? (try? record.type.alignment.get())
            return .stop
        }
        return result
    }
}

/// Parses a C integer literal (`0x10`, `8`, `16UL`).
enum IntegerLiteral {
    static func parse(_ token: String) -> UInt64? {
        var text = token.lowercased()
        while let last = text.last, last == "u" || last == "l" { text.removeLast() }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        if text.count > 1, text.hasPrefix("0") { return UInt64(text.dropFirst(), radix: 8) }
        return UInt64(text)
    }
}
