import Foundation
import XCTest
@testable import UAPIExtract
@testable import UAPIModel
@testable import UAPIPolicy

/// The text scans made before clang or Yams read a file: they must see what the
/// preprocessor sees, or a hostile file could hide an include or an expression.
final class InputScanTests: XCTestCase {
    private func directives(_ text: String) -> SourceDirectives {
        ScannedSource(path: "t.h", bytes: Array(text.utf8)).directives
    }

    func testIncludesAreFoundHoweverTheyAreSpelled() {
        let text = """
        #include "plain.h"
          #  include <spaced.h>
        %:include "digraph.h"
        #/* comment */include "commented.h"
        #inc\\
        lude "spliced.h"
        #include_next <next.h>
        #include NAME
        /* #include "in-a-comment.h" */
        const char *s = "#include \\"in-a-string.h\\"";
        """
        let found = directives(text).includes
        XCTAssertEqual(found.map(\.operand), [.quoted("plain.h"), .angled("spaced.h"), .quoted("digraph.h"), .quoted("commented.h"),
                                              .quoted("spliced.h"), .angled("next.h"), .macro("NAME")])
        XCTAssertEqual(found.map(\.line), [1, 2, 3, 4, 5, 7, 8])
    }

    func testDefinitionsKnowTheirSizeAndWhatTheyName() {
        let found = directives("#define A (B + B)\n#define F(x) x x\n#define H <h.h>\n#define Q \"q.h\"\n").definitions
        XCTAssertEqual(found.map(\.name), ["A", "F", "H", "Q"])
        XCTAssertEqual(found.map(\.tokens), [5, 2, 5, 1])
        XCTAssertEqual(found[0].identifiers, ["B": 2])
        XCTAssertEqual(found.map(\.isFunctionLike), [false, true, false, false])
        XCTAssertEqual(found.map(\.includeOperand), [nil, nil, .angled("h.h"), .quoted("q.h")])
    }

    func testExpansionSizesMultiplyAndStopAtCycles() {
        let text = "#define A 1 + 1\n#define B A A A\n#define C B B\n#define X Y + 1\n#define Y X + 1\n"
        let sizes = ExpansionSizes(definitions: directives(text).definitions, limit: 1_000)
        XCTAssertEqual(sizes.tokens(of: "A"), 3)
        XCTAssertEqual(sizes.tokens(of: "B"), 9)
        XCTAssertEqual(sizes.tokens(of: "C"), 18)
        XCTAssertEqual(sizes.tokens(of: "not_a_macro"), 1)
        // X expands Y, whose X is not expanded again: 3 + (3 - 1).
        XCTAssertEqual(sizes.tokens(of: "X"), 5)
        let capped = ExpansionSizes(definitions: directives(text).definitions, limit: 10)
        XCTAssertEqual(capped.tokens(of: "C"), 11)
    }

    func testPiecesSplitAtStatementsAndTopLevelCommas() throws {
        let limit = 6
        let sizes = ExpansionSizes(definitions: directives("#define TWO 1 + 1\n").definitions, limit: limit)
        func check(_ code: String) throws {
            let source = ScannedSource(path: "t.h", bytes: Array(code.utf8))
            try ExpressionSizeCheck.checkCode(source, in: "t.h", sizes: sizes)
        }
        XCTAssertNoThrow(try check("enum { A = 1, B = 2, C = 3, D = 4 };\nint x; int y; int z;\n"))
        XCTAssertThrowsError(try check("int a;\nint x[(1, 2, 3, 4)];\n")) { error in
            XCTAssertEqual(error as? UAPIError, .expressionTooLarge(place: "t.h:2", limit: limit))
        }
        XCTAssertThrowsError(try check("int x = TWO + TWO;\n")) { error in
            XCTAssertEqual(error as? UAPIError, .expressionTooLarge(place: "t.h:1", limit: limit))
        }
        XCTAssertThrowsError(try check("#if 1 + 1 + 1 + 1\n#endif\n"))
    }

    func testTheSearchPathFollowsTheCompilerArguments() {
        let path = IncludeSearchPath(arguments: ["-x", "c", "-target", "x86_64-linux-gnu", "-nostdlibinc", "-I", "/user",
                                                 "-I/joined", "-iquote", "/quote", "-isystem", "/sys", "-idirafter", "/after",
                                                 "-resource-dir", "/res"])
        XCTAssertEqual(path.quoted, ["/quote"])
        XCTAssertEqual(path.angled, ["/user", "/joined", "/sys", "/res/include", "/after"])
        let standard = IncludeSearchPath(arguments: ["-target", "aarch64-linux-gnu", "--sysroot=/root", "-nobuiltininc"])
        XCTAssertEqual(standard.angled, ["/root/usr/local/include", "/root/usr/include/aarch64-linux-gnu", "/root/usr/include"])
        XCTAssertEqual(path.candidates(for: .quoted("a.h"), includingDirectory: "/here"),
                       ["/here/a.h", "/quote/a.h", "/user/a.h", "/joined/a.h", "/sys/a.h", "/res/include/a.h", "/after/a.h"])
        XCTAssertEqual(path.candidates(for: .angled("/abs/a.h"), includingDirectory: nil).first, "/abs/a.h")
        // clang falls back to the quoted search for an angled include it cannot find.
        XCTAssertEqual(path.candidates(for: .angled("b.h"), includingDirectory: "/here").suffix(2), ["/here/b.h", "/quote/b.h"])
        XCTAssertEqual(path.candidates(for: .quoted(" c.h"), includingDirectory: nil).last, "/after/c.h")
        let checked = IncludeSearchPath(arguments: ["-fno-spell-checking", "-nostdinc", "-I", "/user"])
        XCTAssertEqual(checked.candidates(for: .quoted(" c.h"), includingDirectory: nil), ["/user/ c.h"])
        XCTAssertEqual(checked.candidates(for: .angled("/abs/a.h"), includingDirectory: nil), ["/abs/a.h"])
    }

    func testYAMLDepthCountsIndentationIndicatorsAndBrackets() throws {
        XCTAssertNoThrow(try YAMLLimits.check("a:\n  b:\n    - c: [d, {e: f}]\n# [[[[[[\nq: '[[[['\n", path: "ok.yaml"))
        let deepBlock = (0..<70).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        XCTAssertThrowsError(try YAMLLimits.check(deepBlock, path: "b.yaml"))
        XCTAssertThrowsError(try YAMLLimits.check(String(repeating: "- ", count: 70) + "x\n", path: "d.yaml")) { error in
            XCTAssertEqual((error as? UAPIError)?.errorDescription?.hasPrefix("d.yaml:1: nested more than 64 levels deep"), true)
        }
        XCTAssertThrowsError(try YAMLLimits.check("a: " + String(repeating: "{", count: 65), path: "f.yaml"))
    }
}
