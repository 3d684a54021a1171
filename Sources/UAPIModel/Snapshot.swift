/// Everything a binary depends on in a set of headers, for every target ABI asked for.
public struct Snapshot: Codable, Sendable, Equatable {
    public static let formatName = "uapi-snapshot"
    /// Bumped whenever a reader of an older version could misread the file.
    public static let currentSchemaVersion = 1

    public var format: String
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var targets: [TargetSnapshot]

    public init(tool: ToolInfo = .current, targets: [TargetSnapshot]) {
        self.format = Snapshot.formatName
        self.schemaVersion = Snapshot.currentSchemaVersion
        self.tool = tool
        self.targets = targets
    }

    public func target(named name: String) -> TargetSnapshot? {
        targets.first { $0.target == name }
    }
}

public struct ToolInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String

    public static let current = ToolInfo(name: "uapi", version: UAPIVersion.string)
}

public enum UAPIVersion {
    public static let string = "0.1.0"
}

/// A header file, named relative to its include root (`linux/vfio.h`).
public struct HeaderFile: Codable, Sendable, Equatable, Hashable {
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// True when the user asked for this header; false when it was only included.
    public var listed: Bool

    public init(path: String, sha256: String, listed: Bool) {
        self.path = path
        self.sha256 = sha256
        self.listed = listed
    }
}

/// The items of one target ABI, each list sorted by name (then header).
public struct TargetSnapshot: Codable, Sendable, Equatable {
    public var target: String
    public var triple: String
    public var ioctlEncoding: IoctlEncoding.Name
    /// Every header this target's parse saw items from, listed or only included, with its hash.
    public var headers: [HeaderFile] = []
    public var records: [Record]
    public var enums: [EnumDecl]
    public var typedefs: [Typedef]
    public var constants: [Constant]
    public var macros: [Macro]
    /// Function declarations and inline helpers (absent from snapshots written before they were recorded).
    public var functions: [FunctionDecl] = []
    /// Variables declared by the headers (absent from snapshots written before they were recorded).
    public var variables: [VariableDecl] = []
    /// Under `--only-listed`, what the parse saw in headers that were only included (see
    /// `IncludedDefinitions`); nil otherwise, and in snapshots written before it was recorded.
    public var included: IncludedDefinitions?
    /// Listed headers that did not parse on their own for this target (`--keep-going`, a
    /// directory of headers), with clang's reason; nil when none. A diff leaves them out
    /// on both sides instead of reporting their items as removed.
    public var leftOut: [LeftOutHeader]?

    public init(target: String, triple: String, ioctlEncoding: IoctlEncoding.Name,
                records: [Record] = [], enums: [EnumDecl] = [], typedefs: [Typedef] = [],
                constants: [Constant] = [], macros: [Macro] = [], functions: [FunctionDecl] = []) {
        self.target = target
        self.triple = triple
        self.ioctlEncoding = ioctlEncoding
        self.records = records
        self.enums = enums
        self.typedefs = typedefs
        self.constants = constants
        self.macros = macros
        self.functions = functions
    }

    /// The same target without the items of `names` (header names), for comparing
    /// only what parsed on both sides.
    public func leavingOut(headers names: Set<String>) -> TargetSnapshot {
        var copy = self
        copy.headers.removeAll { names.contains($0.path) }
        copy.records.removeAll { names.contains($0.location.header) }
        copy.enums.removeAll { names.contains($0.location.header) }
        copy.typedefs.removeAll { names.contains($0.location.header) }
        copy.constants.removeAll { names.contains($0.location.header) }
        copy.macros.removeAll { names.contains($0.location.header) }
        copy.functions.removeAll { names.contains($0.location.header) }
        copy.variables.removeAll { names.contains($0.location.header) }
        copy.included = included?.leavingOut(headers: names)
        return copy
    }

    public func record(named name: String) -> Record? { records.first { $0.name == name } }
    public func constant(named name: String) -> Constant? { constants.first { $0.name == name } }
    public func enumDecl(named name: String) -> EnumDecl? { enums.first { $0.name == name } }
}

extension TargetSnapshot {
    private enum CodingKeys: String, CodingKey {
        case target, triple, ioctlEncoding, headers, records, enums, typedefs, constants, macros, functions, variables, included, leftOut
    }

    /// As the JSON writer writes it: `variables` only when there are some.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(target, forKey: .target)
        try container.encode(triple, forKey: .triple)
        try container.encode(ioctlEncoding, forKey: .ioctlEncoding)
        try container.encode(headers, forKey: .headers)
        try container.encode(records, forKey: .records)
        try container.encode(enums, forKey: .enums)
        try container.encode(typedefs, forKey: .typedefs)
        try container.encode(constants, forKey: .constants)
        try container.encode(macros, forKey: .macros)
        try container.encode(functions, forKey: .functions)
        if !variables.isEmpty { try container.encode(variables, forKey: .variables) }
        try container.encodeIfPresent(included, forKey: .included)
        try container.encodeIfPresent(leftOut, forKey: .leftOut)
    }

    /// Snapshots written before `functions` was recorded still load, with none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        target = try container.decode(String.self, forKey: .target)
        triple = try container.decode(String.self, forKey: .triple)
        ioctlEncoding = try container.decode(IoctlEncoding.Name.self, forKey: .ioctlEncoding)
        headers = try container.decode([HeaderFile].self, forKey: .headers)
        records = try container.decode([Record].self, forKey: .records)
        enums = try container.decode([EnumDecl].self, forKey: .enums)
        typedefs = try container.decode([Typedef].self, forKey: .typedefs)
        constants = try container.decode([Constant].self, forKey: .constants)
        macros = try container.decode([Macro].self, forKey: .macros)
        functions = try container.decodeIfPresent([FunctionDecl].self, forKey: .functions) ?? []
        variables = try container.decodeIfPresent([VariableDecl].self, forKey: .variables) ?? []
        included = try container.decodeIfPresent(IncludedDefinitions.self, forKey: .included)
        leftOut = try container.decodeIfPresent([LeftOutHeader].self, forKey: .leftOut)
    }
}

/// A listed header a snapshot does not hold for one target, and why.
public struct LeftOutHeader: Codable, Sendable, Equatable, Hashable, Comparable {
    /// The header's name (`linux/ndctl.h`).
    public var header: String
    /// What clang said, with file and line.
    public var reason: String

    public init(header: String, reason: String) {
        self.header = header
        self.reason = reason
    }

    public static func < (a: LeftOutHeader, b: LeftOutHeader) -> Bool { (a.header, a.reason) < (b.header, b.reason) }
}

/// Where an item is defined: the header relative to its include root, and the line.
public struct SourceLocation: Codable, Sendable, Equatable, Hashable, Comparable {
    public var header: String
    public var line: Int

    public init(header: String, line: Int) {
        self.header = header
        self.line = line
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.header, a.line) < (b.header, b.line)
    }

    public var description: String { "\(header):\(line)" }
}
