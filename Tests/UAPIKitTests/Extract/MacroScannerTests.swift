import Foundation
import XCTest
@testable import UAPIExtract

/// The byte-level macro scanner finds exactly the names the regular-expression
/// scanner it replaced found (kept below as the oracle), on the installed kernel headers.
final class MacroScannerTests: XCTestCase {
    func testEveryKernelHeaderGivesTheOraclesNames() throws {
        let roots = ["/usr/include/linux", "/usr/include/asm-generic", "/usr/include/rdma", "/usr/include/x86_64-linux-gnu/asm",
                     TestPaths.fixtures.path]
        var checked = 0
        for root in roots {
            for name in FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [] where name.hasSuffix(".h") {
                let path = "\(root)/\(name)"
                XCTAssertEqual(MacroScanner.objectLikeNames(inFile: path), RegexMacroScanner.objectLikeNames(inFile: path), path)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testTheCornersOfTheOracle() throws {
        let text = """
        #define PLAIN 1
          #  define SPACED (2 + 3)
        #define FUNC(x) ((x) + 1)
        #define EMPTY
        #define COMMENTED 4 /* a ; in a comment */
        #define LINE_COMMENT 5 // { brace
        #define STRING "a;b"
        #define CHAR ';'
        #define ESCAPED "a\\"b;"
        #define STATEMENT do { } while (0)
        #define TYPE struct foo
        #define CONTINUED (6 + \\
                7)
        #define UNCLOSED /* open ; comment
        #if 0 \\
        #define LATER 8
        #define	TABBED	9
        #defineGLUED 10
        #define STRAY_QUOTE 'x
        #define UNICODE_Ä 11
        #define HASH #x
        #define WORDLESS (+)
        #define LAST \\
        """
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("corners.h").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let names = MacroScanner.objectLikeNames(inFile: path)
        XCTAssertEqual(names, RegexMacroScanner.objectLikeNames(inFile: path))
        XCTAssertTrue(names.contains("PLAIN") && names.contains("CONTINUED") && names.contains("LATER") && names.contains("STRING"), "\(names)")
        XCTAssertFalse(names.contains("FUNC") || names.contains("STATEMENT") || names.contains("UNCLOSED"), "\(names)")
    }
}

private enum RegexMacroScanner {
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
