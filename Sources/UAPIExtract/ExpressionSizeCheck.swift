import UAPIModel

/// Refuses, before clang parses it, a file holding one expression or declaration
/// too large for clang's stack, macros expanded. A piece ends at `;`, `{`, `}` or a
/// comma outside parentheses (so a long enum or initializer list is many small
/// pieces); a `#if` condition is a piece of its own.
enum ExpressionSizeCheck {
    /// Every object-like macro is evaluated by a probe, so each must fit by itself.
    static func checkDefinitions(_ definitions: [SourceDirectives.Definition], in path: String, sizes: ExpansionSizes) throws {
        for definition in definitions where !definition.isFunctionLike && sizes.tokens(of: definition.name) > sizes.limit {
            throw UAPIError.expressionTooLarge(place: "\(path):\(definition.line): #define \(definition.name)", limit: sizes.limit)
        }
    }

    /// Checks the code of a file, quickly when its profile shows no piece can be too large.
    static func checkCode(_ file: ScannedSource, in path: String, sizes: ExpansionSizes) throws {
        guard file.profile.bound(sizes) > sizes.limit else { return }
        var tokens = 0
        try walkPieces(file.lexer, directive: { _, _, _, _ in }, token: { lexer, token in
            tokens += token.kind == .identifier ? sizes.tokens(of: lexer.text(of: token)) : 1
        }, end: { lexer, first in
            defer { tokens = 0 }
            if tokens > sizes.limit, let first {
                throw UAPIError.expressionTooLarge(place: "\(path):\(lexer.line(of: first))", limit: sizes.limit)
            }
        })
    }

    /// One pass over a file: `directive` gets each directive line but `#if` and `#elif`
    /// (`#`, the name, the rest); `token` each token of code and of `#if` conditions;
    /// `end` the first token of each piece when the piece ends.
    static func walkPieces(_ source: SourceLexer,
                           directive: (SourceLexer, SourceLexer.Token, SourceLexer.Token, [SourceLexer.Token]) -> Void,
                           token visit: (SourceLexer, SourceLexer.Token) throws -> Void,
                           end: (SourceLexer, SourceLexer.Token?) throws -> Void) throws {
        var lexer = source
        var first: SourceLexer.Token?
        var depth = 0
        var conditionLine: Int?
        func finish() throws {
            try end(lexer, first)
            first = nil
            depth = 0
        }
        var pending = lexer.next()
        while let token = pending {
            pending = lexer.next()
            if let line = conditionLine, token.logicalLine != line {
                try finish()
                conditionLine = nil
            }
            if token.startsLine, token.kind == .punctuator(UInt8(ascii: "#")) {
                try finish()
                guard let name = pending, name.logicalLine == token.logicalLine, name.kind == .identifier else {
                    // `#` alone, or a line marker (`# 12 "file"`)
                    while let next = pending, next.logicalLine == token.logicalLine { pending = lexer.next() }
                    continue
                }
                pending = lexer.next()
                if ["if", "elif"].contains(lexer.text(of: name)) {
                    conditionLine = token.logicalLine
                    continue
                }
                // Other directives hold no expression clang evaluates (#define is measured on its own).
                var rest: [SourceLexer.Token] = []
                while let next = pending, next.logicalLine == token.logicalLine {
                    rest.append(next)
                    pending = lexer.next()
                }
                directive(lexer, token, name, rest)
                continue
            }
            switch token.kind {
            case .punctuator(UInt8(ascii: ";")), .punctuator(UInt8(ascii: "{")), .punctuator(UInt8(ascii: "}")):
                try finish()
                continue
            case .punctuator(UInt8(ascii: ",")) where depth == 0 && conditionLine == nil:
                try finish()
                continue
            case .punctuator(UInt8(ascii: "(")), .punctuator(UInt8(ascii: "[")):
                depth += 1
            case .punctuator(UInt8(ascii: ")")), .punctuator(UInt8(ascii: "]")):
                depth = max(0, depth - 1)
            default:
                break
            }
            if first == nil { first = token }
            try visit(lexer, token)
        }
        try finish()
    }
}

/// A file's pieces in brief, so that most files need one look per snapshot: the
/// largest piece, and for each word the most times it occurs in one piece. Words are
/// kept as hashes: two words sharing one only make the bound larger, never smaller.
struct PieceProfile {
    private(set) var largestPiece = 0
    private(set) var wordCounts: [UInt64: Int] = [:]
    private var tokens = 0
    private var words: [UInt64: Int] = [:]

    mutating func add(_ token: SourceLexer.Token, lexer: SourceLexer) {
        tokens += 1
        if token.kind == .identifier { words[lexer.hash(of: token), default: 0] += 1 }
    }

    mutating func endPiece() {
        largestPiece = max(largestPiece, tokens)
        for (word, count) in words where count > wordCounts[word, default: 0] { wordCounts[word] = count }
        tokens = 0
        words.removeAll(keepingCapacity: true)
    }

    /// No piece of the file, macros expanded, can have more tokens than this.
    func bound(_ sizes: ExpansionSizes) -> Int {
        var total = largestPiece
        // Whichever is shorter: the file's words, or the macros that expand to several tokens.
        if sizes.growing.count < wordCounts.count {
            for (word, extra) in sizes.growing {
                total += (wordCounts[word] ?? 0) * extra
                if total > sizes.limit { return total }
            }
        } else {
            for (word, count) in wordCounts {
                total += count * (sizes.growing[word] ?? 0)
                if total > sizes.limit { return total }
            }
        }
        return total
    }
}
