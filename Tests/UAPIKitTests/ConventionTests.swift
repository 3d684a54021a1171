import Foundation
import XCTest

/// The command line says the same thing the same way everywhere: -o/--output, old
/// names kept as hidden aliases that say they are old.
final class ConventionTests: XCTestCase {
    func testBindgenTakesOutputAndStillAcceptsOut() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "#define A_VALUE 1\nstruct a { int x; };\n".write(to: directory.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        let current = try CommandRunner.uapi(["bindgen", "a.h", "--module", "CA", "-o", "new"], in: directory)
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertFalse(current.stderr.contains("deprecated"), current.stderr)
        let old = try CommandRunner.uapi(["bindgen", "a.h", "--module", "CA", "--out", "old"], in: directory)
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.stderr.contains("--out is deprecated; use -o/--output"), old.stderr)
        let constants = "Sources/A/Constants.swift"
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("new/\(constants)"), encoding: .utf8),
                       try String(contentsOf: directory.appendingPathComponent("old/\(constants)"), encoding: .utf8))
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("new/\(constants)"), encoding: .utf8)
            .contains("Regenerate with: uapi bindgen a.h --module CA -o <this package>"))

        let both = try CommandRunner.uapi(["bindgen", "a.h", "-o", "x", "--out", "y"], in: directory)
        XCTAssertEqual(both.status, 2)
        let none = try CommandRunner.uapi(["bindgen", "a.h"], in: directory)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("-o/--output"), none.stderr)
        let help = try CommandRunner.uapi(["bindgen", "--help"])
        XCTAssertTrue(help.stdoutText.contains("-o, --output"), help.stdoutText)
        XCTAssertFalse(help.stdoutText.contains("--out "), help.stdoutText)
    }
}
