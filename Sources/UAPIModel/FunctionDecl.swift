/// A function declared in a header: a prototype a program links against, or a
/// `static inline` helper compiled into every program that includes the header.
public struct FunctionDecl: Codable, Sendable, Equatable {
    public var name: String
    public var location: SourceLocation
    /// The return type as written (`__u32`) and canonical (`unsigned int`).
    public var returnType: String
    public var canonicalReturnType: String
    public var parameters: [Parameter]
    /// Ends in `...`.
    public var isVariadic: Bool
    /// Declared `inline`: its body is part of every program that calls it.
    public var isInline: Bool
    /// `static`: each translation unit gets its own copy; nothing is linked.
    public var isStatic: Bool
    /// The calling convention's attribute (`ms_abi`, `stdcall`, `regparm(3)`) when it is not the
    /// target's ordinary one: how arguments reach the function.
    public var callingConvention: String?

    public struct Parameter: Codable, Sendable, Equatable {
        /// Empty when the declaration leaves the parameter unnamed.
        public var name: String
        public var type: String
        public var canonicalType: String

        public init(name: String, type: String, canonicalType: String) {
            self.name = name
            self.type = type
            self.canonicalType = canonicalType
        }
    }

    public init(name: String, location: SourceLocation, returnType: String, canonicalReturnType: String,
                parameters: [Parameter], isVariadic: Bool, isInline: Bool, isStatic: Bool, callingConvention: String? = nil) {
        self.name = name
        self.location = location
        self.returnType = returnType
        self.canonicalReturnType = canonicalReturnType
        self.parameters = parameters
        self.isVariadic = isVariadic
        self.isInline = isInline
        self.isStatic = isStatic
        self.callingConvention = callingConvention
    }
}
