import UAPIClang
import UAPIModel

/// What one header contributed for one target, before merging.
struct HeaderExtraction {
    var records: [Record] = []
    var enums: [EnumDecl] = []
    var typedefs: [Typedef] = []
    var constants: [Constant] = []
    var macros: [Macro] = []
    var functions: [FunctionDecl] = []
    var variables: [VariableDecl] = []
    /// Absolute path -> header name, for every file that contributed an item.
    var files: [String: String] = [:]
    /// Every file a macro definition came from, whether or not it contributed an item.
    var macroFiles: Set<String> = []
    /// Every file the translation unit entered (normalized path -> header name).
    var includedFiles: [String: String] = [:]
    var warnings: [String] = []
    /// Items read from the cache, put into the lists above when targets are merged.
    var cachedChunks: [ItemChunk] = []
}
