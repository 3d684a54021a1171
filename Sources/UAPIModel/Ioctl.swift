/// A decoded ioctl request number.
public struct IoctlNumber: Codable, Sendable, Hashable {
    public enum Direction: String, Codable, Sendable, Hashable { case none, read, write, readWrite }

    public var direction: Direction
    /// The "magic" type byte (`';'` for VFIO).
    public var type: Int
    public var number: Int
    /// The argument size encoded in the number.
    public var size: Int
    /// The third macro argument as written (`struct vfio_device_info`), if any.
    public var argumentType: String?
    /// The record the argument type names, when the snapshot holds it.
    public var argumentRecord: String?

    public init(direction: Direction, type: Int, number: Int, size: Int,
                argumentType: String? = nil, argumentRecord: String? = nil) {
        self.direction = direction
        self.type = type
        self.number = number
        self.size = size
        self.argumentType = argumentType
        self.argumentRecord = argumentRecord
    }
}

/// How a target packs direction, size, type and number into a request number.
public struct IoctlEncoding: Sendable, Equatable {
    public enum Name: String, Codable, Sendable { case generic, powerpc, mips, sparc }

    public var name: Name
    public var sizeBits: Int
    public var directionBits: Int
    public var none: UInt64
    public var read: UInt64
    public var write: UInt64

    public static let numberBits = 8
    public static let typeBits = 8

    public static func named(_ name: Name) -> IoctlEncoding {
        switch name {
        case .generic: return IoctlEncoding(name: .generic, sizeBits: 14, directionBits: 2, none: 0, read: 2, write: 1)
        case .powerpc, .mips, .sparc: return IoctlEncoding(name: name, sizeBits: 13, directionBits: 3, none: 1, read: 2, write: 4)
        }
    }

    /// Splits `value` into its fields; nil when the direction bits are not a valid combination.
    public func decode(_ value: UInt64) -> IoctlNumber? {
        let number = value & 0xff
        let type = (value >> 8) & 0xff
        let size = (value >> 16) & ((1 << UInt64(sizeBits)) - 1)
        let bits = (value >> UInt64(16 + sizeBits)) & ((1 << UInt64(directionBits)) - 1)
        guard value >> UInt64(16 + sizeBits + directionBits) == 0 else { return nil }
        let direction: IoctlNumber.Direction
        switch bits {
        case none: direction = .none
        case read: direction = .read
        case write: direction = .write
        case read | write: direction = .readWrite
        default: return nil
        }
        return IoctlNumber(direction: direction, type: Int(type), number: Int(number), size: Int(size))
    }
}
