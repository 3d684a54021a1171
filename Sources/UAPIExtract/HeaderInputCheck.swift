import UAPIModel

/// What is checked before clang parses a listed header: that it and everything it
/// includes are regular files within `maxHeaderBytes`, and that no expression in
/// them, macros expanded, is too large for clang's stack.
struct HeaderInputCheck {
    let searchPath: IncludeSearchPath
    let limits: InputLimits
    /// What the umbrella file includes before the header.
    let preludeIncludes: [SourceDirectives.IncludeOperand]
    let cache: SourceScanCache

    init(arguments: [String], virtualDirectories: [String: String] = [:], limits: InputLimits, prelude: String, cache: SourceScanCache) {
        searchPath = IncludeSearchPath(arguments: arguments, virtualDirectories: virtualDirectories)
        self.limits = limits
        self.cache = cache
        preludeIncludes = ScannedSource(path: "", bytes: Array(prelude.utf8)).directives.includes.map(\.operand)
    }

    /// The files the header can reach (itself first), once they pass.
    @discardableResult
    func check(_ header: String) throws -> [ScannedSource] {
        let closure = try IncludeClosure(header: header, preludeIncludes: preludeIncludes, searchPath: searchPath,
                                         maxBytes: limits.maxHeaderBytes, cache: cache)
        let sizes = ExpansionSizes(definitions: closure.files.flatMap(\.directives.definitions),
                                   limit: InputLimits.maxExpressionTokens)
        for file in closure.files {
            try ExpressionSizeCheck.checkDefinitions(file.directives.definitions, in: file.path, sizes: sizes)
            try ExpressionSizeCheck.checkCode(file, in: file.path, sizes: sizes)
        }
        return closure.files
    }
}
