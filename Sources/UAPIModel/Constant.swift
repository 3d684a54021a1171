/// An object-like macro whose expansion clang evaluated to a constant.
public struct Constant: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case integer, string, float }

    public var name: String
    public var location: SourceLocation
    /// The macro's replacement text, tokens joined by single spaces.
    public var text: String
    public var kind: Kind
    /// The C type of the expansion (`unsigned int`, `unsigned long`, `const char *`).
    public var cType: String
    public var value: IntegerValue?
    public var stringValue: String?
    public var floatValue: Double?
    /// Present when the macro is built with `_IO`/`_IOR`/`_IOW`/`_IOWR`/`_IOC`.
    public var ioctl: IoctlNumber?

    public init(name: String, location: SourceLocation, text: String, kind: Kind, cType: String,
                value: IntegerValue? = nil, stringValue: String? = nil, floatValue: Double? = nil,
                ioctl: IoctlNumber? = nil) {
        self.name = name
        self.location = location
        self.text = text
        self.kind = kind
        self.cType = cType
        self.value = value
        self.stringValue = stringValue
        self.floatValue = floatValue
        self.ioctl = ioctl
    }
}

/// A macro that is not a constant: function-like, or one whose expansion did not evaluate.
public struct Macro: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// `#define F(x) ...`: recorded by its text.
        case functionLike
        /// Expands to nothing (include guards, feature markers).
        case empty
        /// Object-like, but its expansion is not a constant expression (a type, an attribute, ...).
        case notConstant
    }

    public var name: String
    public var location: SourceLocation
    public var status: Status
    public var parameters: [String]?
    public var text: String

    public init(name: String, location: SourceLocation, status: Status, parameters: [String]?, text: String) {
        self.name = name
        self.location = location
        self.status = status
        self.parameters = parameters
        self.text = text
    }
}
