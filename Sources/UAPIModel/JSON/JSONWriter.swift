import Foundation

/// Writes JSON byte for byte as `JSONEncoder` does with `.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes` (two-space indentation, `"key" : value`, an empty
/// container as an empty line), so snapshots written by hand-written encoders are
/// identical to the ones written before. Callers give members in sorted order.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    /// Per open container: whether a member or element was written yet.
    private var hasContent: [Bool] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value comes next.
    package mutating func key(_ name: StaticString) {
        newLine()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Self.keySeparator)
    }

    /// Starts an element of the open array; its value comes next.
    package mutating func element() { newLine() }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    package mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        unsigned(value.magnitude)
    }

    package mutating func unsigned<T: UnsignedInteger & FixedWidthInteger>(_ value: T) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes hold UInt64.max's 20 digits
        var count = 0
        var rest = UInt64(value)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    package mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? Self.trueWord : Self.falseWord)
    }

    /// As `JSONEncoder`: the shortest text that reads back the same, without a trailing `.0`.
    package mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    // MARK: Layout

    private static let keySeparator: [UInt8] = Array("\" : ".utf8)
    private static let trueWord: [UInt8] = Array("true".utf8)
    private static let falseWord: [UInt8] = Array("false".utf8)
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasContent.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadContent = hasContent.removeLast()
        bytes.append(0x0A)
        if !hadContent { bytes.append(0x0A) }
        indent()
        bytes.append(bracket)
    }

    private mutating func newLine() {
        if hasContent[hasContent.count - 1] {
            bytes.append(UInt8(ascii: ","))
        } else {
            hasContent[hasContent.count - 1] = true
        }
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        var width = hasContent.count * 2
        while width > 0 {
            let chunk = min(width, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<chunk])
            width -= chunk
        }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
