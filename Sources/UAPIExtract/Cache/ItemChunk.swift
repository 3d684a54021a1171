import UAPIModel

/// The items one header contributed to one translation unit: the unit of storage in
/// the cache. Stored once under the hash of its bytes, so `linux/types.h`'s items,
/// seen by hundreds of units (and often the same on every target), are written,
/// read and merged once.
final class ItemChunk: @unchecked Sendable {
    let id: String
    let records: [Record]
    let enums: [EnumDecl]
    let typedefs: [Typedef]
    let constants: [Constant]
    let macros: [Macro]
    let functions: [FunctionDecl]
    let variables: [VariableDecl]

    init(id: String, records: [Record], enums: [EnumDecl], typedefs: [Typedef], constants: [Constant],
         macros: [Macro], functions: [FunctionDecl], variables: [VariableDecl]) {
        self.id = id
        self.records = records
        self.enums = enums
        self.typedefs = typedefs
        self.constants = constants
        self.macros = macros
        self.functions = functions
        self.variables = variables
    }

    /// An extraction's items split by header name, each with its bytes as stored.
    static func split(_ extraction: HeaderExtraction) throws -> [(chunk: ItemChunk, bytes: [UInt8])] {
        var order: [String] = []
        var groups: [String: (records: [Record], enums: [EnumDecl], typedefs: [Typedef], constants: [Constant],
                              macros: [Macro], functions: [FunctionDecl], variables: [VariableDecl])] = [:]
        func group(_ header: String) {
            if groups[header] == nil {
                order.append(header)
                groups[header] = ([], [], [], [], [], [], [])
            }
        }
        for item in extraction.records { group(item.location.header); groups[item.location.header]!.records.append(item) }
        for item in extraction.enums { group(item.location.header); groups[item.location.header]!.enums.append(item) }
        for item in extraction.typedefs { group(item.location.header); groups[item.location.header]!.typedefs.append(item) }
        for item in extraction.constants { group(item.location.header); groups[item.location.header]!.constants.append(item) }
        for item in extraction.macros { group(item.location.header); groups[item.location.header]!.macros.append(item) }
        for item in extraction.functions { group(item.location.header); groups[item.location.header]!.functions.append(item) }
        for item in extraction.variables { group(item.location.header); groups[item.location.header]!.variables.append(item) }
        return try order.map { header in
            let items = groups[header]!
            var writer = JSONWriter(pretty: false)
            writer.beginObject()
            writer.key("constants"); try writer.array(items.constants) { try $1.write(to: &$0) }
            writer.key("enums"); writer.array(items.enums) { $1.write(to: &$0) }
            writer.key("functions"); writer.array(items.functions) { $1.write(to: &$0) }
            writer.key("macros"); writer.array(items.macros) { $1.write(to: &$0) }
            writer.key("records"); writer.array(items.records) { $1.write(to: &$0) }
            writer.key("typedefs"); writer.array(items.typedefs) { $1.write(to: &$0) }
            if !items.variables.isEmpty { writer.key("variables"); writer.array(items.variables) { $1.write(to: &$0) } }
            writer.endObject()
            let bytes = writer.bytes
            let chunk = ItemChunk(id: bytes.withUnsafeBytes { SHA256.hex(of: $0) }, records: items.records, enums: items.enums,
                                  typedefs: items.typedefs, constants: items.constants, macros: items.macros, functions: items.functions,
                                  variables: items.variables)
            return (chunk, bytes)
        }
    }

    /// Reads a stored chunk; nil when its bytes are not what `split` writes.
    static func read(id: String, bytes: [UInt8]) -> ItemChunk? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var records: [Record] = [], enums: [EnumDecl] = [], typedefs: [Typedef] = []
            var constants: [Constant] = [], macros: [Macro] = [], functions: [FunctionDecl] = [], variables: [VariableDecl] = []
            do {
                var members = try reader.object()
                while let key = try members.next(&reader) {
                    switch key {
                    case "records": records = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Record(json: &r) }
                    case "enums": enums = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try EnumDecl(json: &r) }
                    case "typedefs": typedefs = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Typedef(json: &r) }
                    case "constants": constants = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Constant(json: &r) }
                    case "macros": macros = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Macro(json: &r) }
                    case "functions": functions = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try FunctionDecl(json: &r) }
                    case "variables": variables = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try VariableDecl(json: &r) }
                    default: try reader.skipValue()
                    }
                }
                try reader.end()
            } catch {
                return nil
            }
            return ItemChunk(id: id, records: records, enums: enums, typedefs: typedefs, constants: constants,
                             macros: macros, functions: functions, variables: variables)
        }
    }
}

extension Array where Element == HeaderExtraction {
    /// Puts the items of cached chunks into the extractions, in order, leaving out a
    /// chunk an earlier extraction already brought: its items are identical, and the
    /// merge keeps the first of each anyway.
    mutating func expandCachedChunks() {
        var seen = Set<String>()
        for index in indices where !self[index].cachedChunks.isEmpty {
            for chunk in self[index].cachedChunks where seen.insert(chunk.id).inserted {
                self[index].records += chunk.records
                self[index].enums += chunk.enums
                self[index].typedefs += chunk.typedefs
                self[index].constants += chunk.constants
                self[index].macros += chunk.macros
                self[index].functions += chunk.functions
                self[index].variables += chunk.variables
            }
            self[index].cachedChunks = []
        }
    }
}
