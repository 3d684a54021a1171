/// A variable a header declares (`extern int lib_errno;`, `extern const char lib_version[];`):
/// a program that uses it links against a symbol of this type.
public struct VariableDecl: Codable, Sendable, Equatable {
    public var name: String
    public var location: SourceLocation
    /// The type as written (`const lib_flags_t`) and canonical (`const unsigned int`).
    public var type: String
    public var canonicalType: String
    /// `static`: each program has its own copy (a lookup table in a header); nothing is linked.
    public var isStatic: Bool
    /// `__thread` / `_Thread_local`: a program reaches it through thread-local storage, so a
    /// binary built for one kind does not link with the other.
    public var isThreadLocal: Bool

    public init(name: String, location: SourceLocation, type: String, canonicalType: String, isStatic: Bool = false,
                isThreadLocal: Bool = false) {
        self.name = name
        self.location = location
        self.type = type
        self.canonicalType = canonicalType
        self.isStatic = isStatic
        self.isThreadLocal = isThreadLocal
    }
}
