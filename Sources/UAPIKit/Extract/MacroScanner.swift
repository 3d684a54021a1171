import Foundation

/// Finds the names of object-like `#define`s in a file's text, so their probes can
/// go into the first parse. Only names are taken from the text; what they mean
/// comes from clang.
enum MacroScanner {
    private static let define = try! NSRegularExpression(
        pattern: #"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)(\()?((?:[^\n]*\\\n)*[^\n]*)"#, options: [.anchorsMatchLines])
    /// Comments, and string and character literals (whose `;` or `#` mean nothing).
    private static let noise = try! NSRegularExpression(
        pattern: #"/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'"#, options: [.dotMatchesLineSeparators])

    static func objectLikeNames(inFile path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        let range = NSRange(text.startIndex..., in: text)
        var names = Set<String>()
        for match in define.matches(in: text, range: range) where match.range(at: 2).location == NSNotFound {
            guard let name = Range(match.range(at: 1), in: text), let body = Range(match.range(at: 3), in: text) else { continue }
            // A probe that is not an expression could upset the parse of the probes after it.
            if isExpressionLike(String(text[body])) { names.insert(String(text[name])) }
        }
        return names.sorted()
    }

    private static func isExpressionLike(_ body: String) -> Bool {
        let range = NSRange(body.startIndex..., in: body)
        let code = noise.stringByReplacingMatches(in: body, range: range, withTemplate: " 0 ")
            .replacingOccurrences(of: "\\\n", with: " ")
        let words = code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
        return MacroDefinition.isProbeCandidate(code: code, firstWord: words.first)
    }
}
