import UAPIModel

/// Which object-like macros Swift's Clang importer turns into Swift constants by
/// itself. It handles a literal, a name, a unary `-`/`~` on one, or one binary
/// operator between two of them, in optional parentheses; anything longer (function-like
/// macro calls such as `_IO(...)`, `sizeof`, casts, chains of operators) is dropped.
/// Those are the ones the overlay must supply. The generated package's tests prove it.
enum ImporterRules {
    private static let binary: Set<String> = ["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&&", "||", "==", "!=", "<", ">", "<=", ">="]

    /// What the importer makes of a name: an integer constant, a value of an imported
    /// enum type (an enumerator of a named C enum), or nothing.
    enum Kind: Equatable { case integer, enumValue, enumerator, none }

    /// `known` says what a name the text refers to is imported as.
    static func kind(of text: String, known: (String) -> Kind) -> Kind {
        var tokens = tokenize(text)
        while tokens.first == "(", tokens.last == ")", balanced(Array(tokens.dropFirst().dropLast())) {
            tokens = Array(tokens.dropFirst().dropLast())
        }
        switch tokens.count {
        case 1:
            // A macro that only names an enumerator is dropped too (seen with Swift 6.3).
            let kind = operand(tokens[0], known)
            return kind == .integer ? .integer : .none
        case 2: return (tokens[0] == "-" || tokens[0] == "~") && operand(tokens[1], known) == .integer ? .integer : .none
        case 3:
            return operand(tokens[0], known) == .integer && binary.contains(tokens[1]) && operand(tokens[2], known) == .integer ? .integer : .none
        default: return .none
        }
    }

    private static func operand(_ token: String, _ known: (String) -> Kind) -> Kind {
        guard let first = token.first else { return .none }
        // Character literals are not imported (observed with Swift 6.3: `(';')` is dropped).
        if first.isNumber || first == "\"" { return .integer }
        return first.isLetter || first == "_" ? known(token) : .none
    }

    private static func balanced(_ tokens: [String]) -> Bool {
        var depth = 0
        for token in tokens {
            if token == "(" { depth += 1 }
            if token == ")" { depth -= 1; if depth < 0 { return false } }
        }
        return depth == 0
    }

    /// Splits the macro text (as uapi records it) into C tokens.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        let operators = ["<<", ">>", "&&", "||", "==", "!=", "<=", ">="]
        var characters = Array(text)[...]
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        while let c = characters.first {
            if let q = quote {
                current.append(c)
                characters = characters.dropFirst()
                if c == "\\", let next = characters.first { current.append(next); characters = characters.dropFirst() }
                else if c == q { quote = nil; flush() }
                continue
            }
            if c == "\"" || c == "'" { flush(); quote = c; current.append(c); characters = characters.dropFirst(); continue }
            if c.isWhitespace { flush(); characters = characters.dropFirst(); continue }
            if c.isLetter || c.isNumber || c == "_" || (c == "." && current.first?.isNumber == true) {
                current.append(c); characters = characters.dropFirst(); continue
            }
            flush()
            let pair = String(characters.prefix(2))
            if operators.contains(pair) { tokens.append(pair); characters = characters.dropFirst(2) }
            else { tokens.append(String(c)); characters = characters.dropFirst() }
        }
        flush()
        return tokens
    }
}
