/// How many tokens an expression becomes once macros are expanded, counted before
/// clang sees it: clang's stack use grows with that, not with the file's size
/// (`#define B A A A` repeats all of A three times).
///
/// An estimate from above for object-like macros; a function-like macro counts as
/// its replacement list, whatever its arguments.
struct ExpansionSizes {
    let limit: Int
    /// Macro name -> tokens it expands to, at most `limit + 1`.
    private var sizes: [String: Int] = [:]
    /// Hashes (`SourceLexer.hash`) of macros that expand to more than one token -> how many tokens they add.
    private(set) var growing: [UInt64: Int] = [:]

    init(definitions: [SourceDirectives.Definition], limit: Int) {
        self.limit = limit
        var byName: [String: [SourceDirectives.Definition]] = [:]
        for definition in definitions { byName[definition.name, default: []].append(definition) }
        for name in byName.keys.sorted() where sizes[name] == nil { compute(name, definitions: byName) }
        for (name, size) in sizes where size > 1 { growing[SourceLexer.hash(name.utf8), default: 0] += size - 1 }
    }

    /// Tokens that `name` stands for once expanded: 1 for a word that is not a macro.
    func tokens(of name: String) -> Int { sizes[name] ?? 1 }

    /// Post-order over the macros a name refers to, with an explicit stack: a chain
    /// of a million macros must not recurse a million levels here either.
    private mutating func compute(_ root: String, definitions: [String: [SourceDirectives.Definition]]) {
        var inProgress = Set<String>()
        var stack = [(name: root, childrenDone: false)]
        while let (name, childrenDone) = stack.popLast() {
            guard sizes[name] == nil, let versions = definitions[name] else { continue }
            if childrenDone {
                inProgress.remove(name)
                sizes[name] = versions.map { expanded($0) }.max() ?? 1
                continue
            }
            // A macro met again while it is being expanded is not expanded again (C 6.10.3.4).
            guard inProgress.insert(name).inserted else { continue }
            stack.append((name, true))
            for version in versions {
                for word in version.identifiers.keys where definitions[word] != nil && sizes[word] == nil && !inProgress.contains(word) {
                    stack.append((word, false))
                }
            }
        }
    }

    /// The definition's own tokens, each word replaced by its expansion; saturates past the limit.
    private func expanded(_ definition: SourceDirectives.Definition) -> Int {
        var total = definition.tokens
        for (word, count) in definition.identifiers {
            total += count * (tokens(of: word) - 1)
            if total > limit { return limit + 1 }
        }
        return min(total, limit + 1)
    }
}
