import UAPIClang
import UAPIModel

/// A `#define` as the preprocessing record saw it, before evaluation.
struct MacroDefinition {
    var name: String
    var file: String
    var line: Int
    var isFunctionLike: Bool
    var parameters: [String]
    /// Replacement tokens.
    var body: [String]

    var text: String { TokenText.join(body) }

    private static let statementWords: Set<String> = [
        "struct", "union", "enum", "typedef", "static", "extern", "do", "if", "while", "for",
        "return", "__attribute__", "__attribute", "asm", "__asm__", "inline", "__inline__",
    ]

    /// Whether clang should be asked to evaluate this macro: object-like, non-empty,
    /// and not obviously a statement or declaration fragment (those would only
    /// produce errors in the probe file).
    var isProbeCandidate: Bool {
        guard !isFunctionLike, let first = body.first else { return false }
        if MacroDefinition.statementWords.contains(first) { return false }
        return !body.contains { $0 == "{" || $0 == "}" || $0 == ";" || $0 == "#" || $0 == "##" }
    }

    /// The same rule on lexed tokens: the first token's text and the body's punctuators.
    static func isProbeCandidate<P: Sequence>(firstToken: String, punctuators: P) -> Bool where P.Element == UInt8 {
        if statementWords.contains(firstToken) { return false }
        return !punctuators.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "#") }
    }

    /// The same test on replacement text whose string and character literals
    /// were blanked, for names found by scanning a file.
    static func isProbeCandidate(code: String, firstWord: String?) -> Bool {
        guard let firstWord else { return false }
        if statementWords.contains(firstWord) { return false }
        return !code.contains { $0 == "{" || $0 == "}" || $0 == ";" || $0 == "#" }
    }

    /// Parses the tokens of a macro definition cursor's extent: `NAME ( a , b ) body...`.
    init?(tokens: [String], isFunctionLike: Bool, file: String, line: Int) {
        guard let name = tokens.first else { return nil }
        self.name = name
        self.file = file
        self.line = line
        self.isFunctionLike = isFunctionLike
        var rest = tokens.dropFirst()
        var parameters: [String] = []
        if isFunctionLike, rest.first == "(" {
            rest = rest.dropFirst()
            while let token = rest.first, token != ")" {
                if token != "," { parameters.append(token) }
                rest = rest.dropFirst()
            }
            rest = rest.dropFirst()
        }
        self.parameters = parameters
        self.body = Array(rest)
    }
}
