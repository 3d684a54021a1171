import Foundation

/// Writes JSON byte for byte as `JSONEncoder` does with `.sortedKeys, .prettyPrinted,
/// .withoutEscapingSlashes` (two-space indentation, `"key" : value`, an empty
/// container as an empty line), so snapshots written by hand-written encoders are
/// identical to the ones written before. Callers give members in sorted order.
package struct JSONWriter {
    private let output: ByteBuffer
    /// Per open container: whether a member or element was written yet.
    private var hasContent: [Bool] = []
    /// Indentation levels above this writer (a part written on its own, see `element(raw:)`).
    private let baseDepth: Int
    /// False for machine-only files (the extraction cache): no newlines or indentation.
    private let pretty: Bool

    package init(capacity: Int = 0, pretty: Bool = true) {
        self.init(capacity: capacity, pretty: pretty, baseDepth: 0)
    }

    private init(capacity: Int, pretty: Bool, baseDepth: Int) {
        output = ByteBuffer(capacity: max(capacity, 256))
        self.pretty = pretty
        self.baseDepth = baseDepth
    }

    /// A writer for one element of the array open here, to be written on another
    /// thread and put in with `element(raw:)`.
    package func elementWriter(capacity: Int = 0) -> JSONWriter {
        JSONWriter(capacity: capacity, pretty: pretty, baseDepth: baseDepth + hasContent.count)
    }

    package var bytes: [UInt8] { output.bytes }

    /// The bytes written, handed over without a copy; the writer is empty afterwards.
    package func takeData() -> Data { output.takeData() }

    /// Bytes outside the JSON value (a file's final newline).
    package mutating func raw(_ byte: UInt8) { output.append(byte) }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value comes next.
    package mutating func key(_ name: StaticString) {
        newLine()
        output.append(UInt8(ascii: "\""))
        output.append(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        if pretty {
            output.append(UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " "))
        } else {
            output.append(UInt8(ascii: "\""), UInt8(ascii: ":"))
        }
    }

    /// Starts an element of the open array; its value comes next.
    package mutating func element() { newLine() }

    /// An element written by `elementWriter()`.
    package mutating func element(raw part: JSONWriter) {
        newLine()
        part.output.withBytes { output.append($0) }
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            output.append(UInt8(ascii: "\""))
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            output.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart...]))
            output.append(UInt8(ascii: "\""))
        }
    }

    package mutating func int(_ value: Int) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
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
            output.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    package mutating func bool(_ value: Bool) {
        if value {
            output.append(UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e"))
        } else {
            output.append(UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"))
            output.append(UInt8(ascii: "e"))
        }
    }

    /// As `JSONEncoder`: the shortest text that reads back the same, without a trailing `.0`.
    package mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { output.append(UnsafeRawBufferPointer($0)) }
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        hasContent.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadContent = hasContent.removeLast()
        if pretty {
            output.append(0x0A)
            if !hadContent { output.append(0x0A) }
            output.appendSpaces((baseDepth + hasContent.count) * 2)
        }
        output.append(bracket)
    }

    private mutating func newLine() {
        if hasContent[hasContent.count - 1] {
            output.append(UInt8(ascii: ","))
        } else {
            hasContent[hasContent.count - 1] = true
        }
        guard pretty else { return }
        output.append(0x0A)
        output.appendSpaces((baseDepth + hasContent.count) * 2)
    }

    private mutating func appendEscape(_ byte: UInt8) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
    }
}

/// Growable bytes with appends that compile to a bounds check and a store: the
/// writer's hot path (a whole tree is tens of megabytes of small appends). Grown with
/// `realloc`, which moves large blocks by remapping pages instead of copying them.
private final class ByteBuffer {
    private var base: UnsafeMutableRawPointer
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = malloc(capacity)!
    }

    deinit { free(base) }

    var bytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: base, count: count)) }

    func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 256
        count = 0
        base = malloc(capacity)!
        return data
    }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    @inline(__always)
    func append(_ a: UInt8, _ b: UInt8) {
        if count + 2 > capacity { grow(to: count + 2) }
        base.storeBytes(of: a, toByteOffset: count, as: UInt8.self)
        base.storeBytes(of: b, toByteOffset: count + 1, as: UInt8.self)
        count += 2
    }

    @inline(__always)
    func append(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        if count + 4 > capacity { grow(to: count + 4) }
        base.storeBytes(of: a, toByteOffset: count, as: UInt8.self)
        base.storeBytes(of: b, toByteOffset: count + 1, as: UInt8.self)
        base.storeBytes(of: c, toByteOffset: count + 2, as: UInt8.self)
        base.storeBytes(of: d, toByteOffset: count + 3, as: UInt8.self)
        count += 4
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    func appendSpaces(_ width: Int) {
        if count + width > capacity { grow(to: count + width) }
        (base + count).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: " "), count: width)
        count += width
    }

    private func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        base = realloc(base, capacity)!
    }
}
