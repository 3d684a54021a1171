/// An integer that is exact over the whole signed and unsigned 64-bit range.
/// In JSON it is a plain number, written with every digit.
public struct IntegerValue: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var magnitude: UInt64
    public var isNegative: Bool

    public init(_ value: Int64) {
        isNegative = value < 0
        magnitude = value.magnitude
    }

    public init(_ value: UInt64) {
        isNegative = false
        magnitude = value
    }

    /// The value as a signed 64-bit integer, when it fits.
    public var signed: Int64? {
        if isNegative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The 64-bit pattern (two's complement for negative values).
    public var bitPattern: UInt64 { isNegative ? 0 &- magnitude : magnitude }

    public var description: String { isNegative ? "-\(magnitude)" : "\(magnitude)" }

    /// `0x...` for values that read better in hex (flags, ioctl numbers).
    public var hex: String {
        isNegative ? "-0x" + String(magnitude, radix: 16) : "0x" + String(magnitude, radix: 16)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let unsigned = try? container.decode(UInt64.self) {
            self.init(unsigned)
        } else {
            self.init(try container.decode(Int64.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if isNegative {
            try container.encode(Int64(bitPattern: bitPattern))
        } else {
            try container.encode(magnitude)
        }
    }

    public static func < (a: IntegerValue, b: IntegerValue) -> Bool {
        switch (a.isNegative, b.isNegative) {
        case (true, false): return true
        case (false, true): return false
        case (true, true): return a.magnitude > b.magnitude
        case (false, false): return a.magnitude < b.magnitude
        }
    }
}
