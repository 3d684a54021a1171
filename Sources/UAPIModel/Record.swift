/// A struct or union, including nested and anonymous ones.
public struct Record: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case `struct`, union }

    /// Stable path: `vfio_device_info`, `outer.member` for a named member of anonymous
    /// type, `outer.member[]` for an anonymous element type, `outer::<anon union at 8>`.
    public var name: String
    public var kind: Kind
    public var location: SourceLocation
    public var isAnonymous: Bool
    /// False for a forward declaration without a definition in the headers.
    public var isComplete: Bool
    public var size: Int?
    public var alignment: Int?
    public var isPacked: Bool
    /// The value of an explicit `__attribute__((aligned(N)))` on the record, if any.
    public var alignedAttribute: Int?
    public var fields: [Field]
    /// For an anonymous struct or union member (`union { ... };` inside a record):
    /// the named record whose fields it holds, at offsets counted from that record.
    public var owner: String?

    /// True for an anonymous struct or union member: its fields belong to `owner` in C.
    public var isAnonymousMember: Bool { owner != nil }

    public init(name: String, kind: Kind, location: SourceLocation, isAnonymous: Bool,
                isComplete: Bool, size: Int?, alignment: Int?, isPacked: Bool,
                alignedAttribute: Int?, fields: [Field], owner: String? = nil) {
        self.name = name
        self.kind = kind
        self.location = location
        self.isAnonymous = isAnonymous
        self.isComplete = isComplete
        self.size = size
        self.alignment = alignment
        self.isPacked = isPacked
        self.alignedAttribute = alignedAttribute
        self.fields = fields
        self.owner = owner
    }
}

extension Record {
    private enum CodingKeys: String, CodingKey {
        case name, kind, location, isAnonymous, isComplete, size, alignment, isPacked, alignedAttribute, fields, owner
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(Kind.self, forKey: .kind)
        location = try container.decode(SourceLocation.self, forKey: .location)
        isAnonymous = try container.decode(Bool.self, forKey: .isAnonymous)
        isComplete = try container.decode(Bool.self, forKey: .isComplete)
        size = try container.decodeIfPresent(Int.self, forKey: .size)
        alignment = try container.decodeIfPresent(Int.self, forKey: .alignment)
        isPacked = try container.decode(Bool.self, forKey: .isPacked)
        alignedAttribute = try container.decodeIfPresent(Int.self, forKey: .alignedAttribute)
        fields = try container.decode([Field].self, forKey: .fields)
        // Snapshots written before `owner` existed name anonymous members `owner::<anon ...>`.
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
            ?? name.prefix(before: "::<anon ")
    }
}

/// A member of a record. Members of anonymous structs and unions appear in the
/// anonymous record with offsets relative to the outermost named record.
public struct Field: Codable, Sendable, Equatable {
    /// Empty for an anonymous struct or union member.
    public var name: String
    /// The type as written (`__u32`, `struct vfio_info_cap_header`).
    public var type: String
    /// The canonical type (`unsigned int`).
    public var canonicalType: String
    public var offsetBits: Int
    /// Size in bytes; nil for a flexible array member.
    public var size: Int?
    /// Width in bits for a bit-field, nil otherwise.
    public var bitWidth: Int?
    public var isFlexibleArray: Bool
    /// The record path of an anonymous or nested record type this field holds.
    public var record: String?

    public init(name: String, type: String, canonicalType: String, offsetBits: Int, size: Int?,
                bitWidth: Int?, isFlexibleArray: Bool, record: String?) {
        self.name = name
        self.type = type
        self.canonicalType = canonicalType
        self.offsetBits = offsetBits
        self.size = size
        self.bitWidth = bitWidth
        self.isFlexibleArray = isFlexibleArray
        self.record = record
    }

    public var offsetBytes: Int { offsetBits / 8 }
}
