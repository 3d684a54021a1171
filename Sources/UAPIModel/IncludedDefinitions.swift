/// Under `--only-listed`, the definitions a parse saw in headers that were only
/// included. They are not part of the snapshot's ABI: they are kept aside so that a
/// definition moving between a listed header and one it includes (`linux/kvm.h` ->
/// `asm/kvm.h`) is recognised as a move instead of a removal, and compared.
public struct IncludedDefinitions: Codable, Sendable, Equatable {
    public var records: [Record]
    public var enums: [EnumDecl]
    public var typedefs: [Typedef]
    public var constants: [Constant]
    public var macros: [Macro]
    public var functions: [FunctionDecl]

    public init(records: [Record] = [], enums: [EnumDecl] = [], typedefs: [Typedef] = [], constants: [Constant] = [],
                macros: [Macro] = [], functions: [FunctionDecl] = []) {
        self.records = records
        self.enums = enums
        self.typedefs = typedefs
        self.constants = constants
        self.macros = macros
        self.functions = functions
    }

    public var isEmpty: Bool {
        records.isEmpty && enums.isEmpty && typedefs.isEmpty && constants.isEmpty && macros.isEmpty && functions.isEmpty
    }

    /// The same definitions without those of `names` (header names).
    public func leavingOut(headers names: Set<String>) -> IncludedDefinitions {
        var copy = self
        copy.records.removeAll { names.contains($0.location.header) }
        copy.enums.removeAll { names.contains($0.location.header) }
        copy.typedefs.removeAll { names.contains($0.location.header) }
        copy.constants.removeAll { names.contains($0.location.header) }
        copy.macros.removeAll { names.contains($0.location.header) }
        copy.functions.removeAll { names.contains($0.location.header) }
        return copy
    }

    /// Adds another parse's definitions (several headers' parts of one revision).
    public mutating func append(_ other: IncludedDefinitions) {
        records += other.records
        enums += other.enums
        typedefs += other.typedefs
        constants += other.constants
        macros += other.macros
        functions += other.functions
    }

    /// Each definition once (two headers that include one file both saw it), by name then header.
    public func deduplicated() -> IncludedDefinitions {
        func unique<T>(_ items: [T], _ key: (T) -> (String, String)) -> [T] {
            var seen = Set<String>()
            return items.filter { let (name, header) = key($0); return seen.insert(name + "\u{0}" + header).inserted }
                .sorted { key($0) < key($1) }
        }
        return IncludedDefinitions(records: unique(records) { ($0.name, $0.location.header) },
                                   enums: unique(enums) { ($0.name, $0.location.header) },
                                   typedefs: unique(typedefs) { ($0.name, $0.location.header) },
                                   constants: unique(constants) { ($0.name, $0.location.header) },
                                   macros: unique(macros) { ($0.name, $0.location.header) },
                                   functions: unique(functions) { ($0.name, $0.location.header) })
    }
}
