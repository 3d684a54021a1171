/// An enum and its enumerators.
public struct EnumDecl: Codable, Sendable, Equatable {
    /// The tag, or `<anon enum FIRST_ENUMERATOR>` for an anonymous enum (stable across line moves).
    public var name: String
    public var isAnonymous: Bool
    public var location: SourceLocation
    public var underlyingType: String
    public var enumerators: [Enumerator]

    public init(name: String, isAnonymous: Bool, location: SourceLocation,
                underlyingType: String, enumerators: [Enumerator]) {
        self.name = name
        self.isAnonymous = isAnonymous
        self.location = location
        self.underlyingType = underlyingType
        self.enumerators = enumerators
    }
}

public struct Enumerator: Codable, Sendable, Equatable {
    public var name: String
    public var value: IntegerValue
    public var line: Int

    public init(name: String, value: IntegerValue, line: Int) {
        self.name = name
        self.value = value
        self.line = line
    }
}

/// A typedef and what it stands for.
public struct Typedef: Codable, Sendable, Equatable {
    public var name: String
    public var location: SourceLocation
    public var underlyingType: String
    public var canonicalType: String

    public init(name: String, location: SourceLocation, underlyingType: String, canonicalType: String) {
        self.name = name
        self.location = location
        self.underlyingType = underlyingType
        self.canonicalType = canonicalType
    }
}
