import Foundation

/// A forward-only reader over the bytes of one JSON document, for decoders written
/// by hand: values are read in place, keys are compared without making strings.
/// Foundation's `JSONDecoder` builds a tree of every value first and then walks it
/// through `Codable`'s containers, which is most of the time a large snapshot takes.
package struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    package private(set) var position = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Containers

    /// Members of an object being read: `while let key = try members.next(&reader)`.
    package struct Members {
        private var first = true

        package mutating func next(_ reader: inout JSONReader) throws(JSONReadError) -> JSONKey? {
            reader.skipWhitespace()
            if reader.peek == UInt8(ascii: "}") {
                reader.position += 1
                return nil
            }
            if first {
                first = false
            } else {
                try reader.expect(UInt8(ascii: ","), "',' or '}'")
                reader.skipWhitespace()
            }
            guard reader.peek == UInt8(ascii: "\"") else { throw reader.syntaxError("expected a key in quotes") }
            let key = try reader.key()
            reader.skipWhitespace()
            try reader.expect(UInt8(ascii: ":"), "':' after a key")
            reader.skipWhitespace()
            return key
        }
    }

    /// Elements of an array being read: `while try elements.next(&reader)`.
    package struct Elements {
        private var first = true

        package mutating func next(_ reader: inout JSONReader) throws(JSONReadError) -> Bool {
            reader.skipWhitespace()
            if reader.peek == UInt8(ascii: "]") {
                reader.position += 1
                return false
            }
            if first {
                first = false
            } else {
                try reader.expect(UInt8(ascii: ","), "',' or ']'")
                reader.skipWhitespace()
            }
            return true
        }
    }

    package mutating func object() throws(JSONReadError) -> Members {
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else { throw mismatch("an object") }
        position += 1
        return Members()
    }

    package mutating func array() throws(JSONReadError) -> Elements {
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else { throw mismatch("an array") }
        position += 1
        return Elements()
    }

    // MARK: Scalars

    package mutating func string() throws(JSONReadError) -> String {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw mismatch("a string") }
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw syntaxError("a control character inside a string") }
            position += 1
        }
        throw syntaxError("a string that does not end")
    }

    /// An integer that fits in `Int`.
    package mutating func int() throws(JSONReadError) -> Int {
        let (negative, magnitude) = try integerParts()
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw mismatch("an integer that fits in 64 bits") }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw mismatch("an integer that fits in 64 bits") }
        return Int(magnitude)
    }

    /// Any integer from `Int64.min` to `UInt64.max`, as sign and magnitude.
    package mutating func integerParts() throws(JSONReadError) -> (negative: Bool, magnitude: UInt64) {
        skipWhitespace()
        let start = position
        let negative = peek == UInt8(ascii: "-")
        if negative { position += 1 }
        guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            position = start
            throw mismatch("an integer")
        }
        var magnitude: UInt64 = 0
        var overflow = false
        while let digit = peek, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
            position += 1
        }
        if first == UInt8(ascii: "0"), position - start > (negative ? 2 : 1) {
            throw syntaxError("a number with a leading zero", at: start)
        }
        if let next = peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            position = start
            throw mismatch("an integer")
        }
        if overflow || (negative && magnitude > UInt64(Int64.max) + 1) {
            position = start
            throw mismatch("an integer that fits in 64 bits")
        }
        return (negative, magnitude)
    }

    package mutating func double() throws(JSONReadError) -> Double {
        skipWhitespace()
        let start = position
        try skipNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw syntaxError("a malformed number", at: start) }
        return value
    }

    package mutating func bool() throws(JSONReadError) -> Bool {
        skipWhitespace()
        if consume("true") { return true }
        if consume("false") { return false }
        throw mismatch("true or false")
    }

    /// Consumes `null` if it comes next: an optional member that is present but empty.
    package mutating func null() -> Bool {
        skipWhitespace()
        return consume("null")
    }

    /// Skips one value of any kind, checking its syntax. Iterative, so that deep
    /// nesting in a hostile file cannot exhaust the stack.
    package mutating func skipValue() throws(JSONReadError) {
        var open: [UInt8] = []
        repeat {
            skipWhitespace()
            guard let byte = peek else { throw syntaxError("the file ends where a value should be") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if peek == (byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                } else {
                    open.append(byte)
                    if byte == UInt8(ascii: "{") { try skipKey() }
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try string()
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                _ = try bool()
            case UInt8(ascii: "n"):
                guard null() else { throw syntaxError("an unknown word") }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try skipNumber()
            default:
                throw syntaxError("an unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
            // After a value: the next member or element, or the end of containers.
            while let container = open.last {
                skipWhitespace()
                let close = container == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if peek == close {
                    position += 1
                    open.removeLast()
                    continue
                }
                try expect(UInt8(ascii: ","), container == UInt8(ascii: "{") ? "',' or '}'" : "',' or ']'")
                if container == UInt8(ascii: "{") { try skipKey() }
                break
            }
        } while !open.isEmpty
    }

    /// Goes back to an earlier value, to skip it after a mismatch inside it.
    package mutating func rewind(to offset: Int) {
        position = offset
    }

    /// Only whitespace may follow the document.
    package mutating func end() throws(JSONReadError) {
        skipWhitespace()
        guard position == bytes.count else { throw syntaxError("more data after the end of the document") }
    }

    // MARK: Errors

    /// A value of the wrong kind at the current position.
    package func mismatch(_ expected: String) -> JSONReadError {
        guard let byte = peek else { return syntaxError("the file ends where \(expected) should be") }
        let found: String
        switch byte {
        case UInt8(ascii: "{"): found = "an object"
        case UInt8(ascii: "["): found = "an array"
        case UInt8(ascii: "\""): found = "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
        case UInt8(ascii: "n"): found = "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): found = "a number"
        default: return syntaxError("an unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
        return JSONReadError(kind: .wrongValue, offset: position, message: "expected \(expected), found \(found)")
    }

    package func syntaxError(_ message: String, at offset: Int? = nil) -> JSONReadError {
        JSONReadError(kind: .syntax, offset: offset ?? position, message: message)
    }

    /// The 1-based line of a byte offset, for messages.
    package func line(of offset: Int) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }

    // MARK: Below the values

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    /// Indentation is most of a pretty-printed snapshot's whitespace: runs of spaces
    /// are skipped eight bytes at a time.
    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20:
                position += 1
                while position + 8 <= bytes.count,
                      UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                    position += 8
                }
            case 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONReadError) {
        guard peek == byte else {
            throw syntaxError(peek == nil ? "the file ends where \(what) should be" : "expected \(what)")
        }
        position += 1
    }

    private mutating func consume(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0 else { return false }
        position += count
        return true
    }

    private mutating func key() throws(JSONReadError) -> JSONKey {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return JSONKey(start: bytes.baseAddress! + start, count: position - 1 - start)
            }
            if byte == UInt8(ascii: "\\") {
                position = start - 1
                return JSONKey(unescaped: try string())
            }
            if byte < 0x20 { throw syntaxError("a control character inside a key") }
            position += 1
        }
        throw syntaxError("a key that does not end")
    }

    private mutating func skipKey() throws(JSONReadError) {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw syntaxError("expected a key in quotes") }
        _ = try string()
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after a key")
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func skipNumber() throws(JSONReadError) {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard skipDigits() > 0 else { throw syntaxError("a malformed number", at: start) }
        let integerDigits = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        if bytes[integerDigits] == UInt8(ascii: "0"), position - integerDigits > 1 {
            throw syntaxError("a number with a leading zero", at: start)
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw syntaxError("a malformed number", at: start) }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw syntaxError("a malformed number", at: start) }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = position
        while let digit = peek, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    /// The slow path of `string()`: a string with backslash escapes.
    private mutating func escapedString(from start: Int) throws(JSONReadError) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = peek else { break }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
                default: throw syntaxError("an unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
                }
            default:
                if byte < 0x20 { throw syntaxError("a control character inside a string", at: position - 1) }
                utf8.append(byte)
            }
        }
        throw syntaxError("a string that does not end")
    }

    /// `\uXXXX` (the `\u` already read), with a following low surrogate if this is a high one.
    private mutating func unicodeEscape() throws(JSONReadError) -> [UInt8] {
        let high = try hexQuad()
        var scalar = Unicode.Scalar(high)
        if (0xD800..<0xDC00).contains(high), consume("\\u") {
            let low = try hexQuad()
            if (0xDC00..<0xE000).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            }
        }
        return Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
    }

    private mutating func hexQuad() throws(JSONReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw syntaxError("a malformed \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { throw syntaxError("a malformed \\u escape") }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }
}

/// A member name, compared with `case "name":` in a switch without making a string.
package struct JSONKey {
    private let start: UnsafePointer<UInt8>?
    private let count: Int
    private let unescaped: String?

    init(start: UnsafePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
        self.unescaped = nil
    }

    init(unescaped: String) {
        self.start = nil
        self.count = 0
        self.unescaped = unescaped
    }

    package var text: String {
        if let unescaped { return unescaped }
        return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    package static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        if let unescaped = key.unescaped { return pattern.description == unescaped }
        return pattern.utf8CodeUnitCount == key.count && memcmp(pattern.utf8Start, key.start!, key.count) == 0
    }
}

/// Where and why a document could not be read.
package struct JSONReadError: Error {
    package enum Kind {
        /// Not JSON at all.
        case syntax
        /// JSON, but not the value the schema has there.
        case wrongValue
        /// A member the schema requires is absent.
        case missingKey
    }

    package var kind: Kind
    package var offset: Int
    package var message: String
    /// Where in the document: `.targets[0].records[12].name`, built while the error travels up.
    package var path: [String] = []

    package init(kind: Kind, offset: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    package func inside(key: JSONKey) -> JSONReadError {
        var copy = self
        copy.path.insert(".\(key.text)", at: 0)
        return copy
    }

    package func inside(index: Int) -> JSONReadError {
        var copy = self
        copy.path.insert("[\(index)]", at: 0)
        return copy
    }

    package static func missing(_ key: String, at offset: Int) -> JSONReadError {
        JSONReadError(kind: .missingKey, offset: offset, message: "missing \"\(key)\"")
    }
}
