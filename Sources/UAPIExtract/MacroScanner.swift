import Foundation
import UAPIClang
import UAPIModel

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
        // A plain scan of the bytes: only lines starting with `#` (after blanks) matter,
        // and the regular expressions run on those few lines alone.
        var names = Set<String>()
        let text = String(decoding: data, as: UTF8.self)
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !pending.isEmpty {
                pending += "\n" + line
            } else if line.first(where: { $0 != " " && $0 != "\t" }) == "#" {
                pending = String(line)
            } else {
                continue
            }
            if pending.hasSuffix("\\") { continue }
            let directive = pending
            pending = ""
            let range = NSRange(directive.startIndex..., in: directive)
            guard let match = define.firstMatch(in: directive, range: range), match.range(at: 2).location == NSNotFound,
                  let name = Range(match.range(at: 1), in: directive), let body = Range(match.range(at: 3), in: directive) else { continue }
            // A probe that is not an expression could upset the parse of the probes after it.
            if isExpressionLike(String(directive[body])) { names.insert(String(directive[name])) }
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
