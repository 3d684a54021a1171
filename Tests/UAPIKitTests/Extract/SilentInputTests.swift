import Foundation
import XCTest
@testable import UAPIBindings
@testable import UAPIModel

/// Inputs that were accepted silently, or reported with uapi's internals in the
/// message: each must now fail with status 2 and words about the user's own files.
final class SilentInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try TestPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> BoundedResult {
        let result = try BoundedRun.uapi(arguments, in: directory)
        XCTAssertFalse(result.signaled || result.timedOut, result.summary)
        return result
    }

    func testADirectoryWhereEveryHeaderFailsIsAnErrorNamingEach() throws {
        try write("broken/a.h", "struct a { int x }\n")
        try write("broken/b.h", "struct b { unknown_t y; };\n")
        for arguments in [["snapshot", "--recursive", "--keep-going", "broken"], ["lint", "broken"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.summary)")
            XCTAssertTrue(result.stderr.contains("every header failed"), result.stderr)
            XCTAssertTrue(result.stderr.contains("broken/a.h for x86_64: broken/a.h:1:"), result.stderr)
            XCTAssertTrue(result.stderr.contains("broken/b.h for x86_64: broken/b.h:1:"), result.stderr)
            XCTAssertTrue(result.stdout.isEmpty, "\(arguments) printed a report")
        }
    }

    func testOneGoodHeaderIsEnoughToKeepGoing() throws {
        try write("mixed/a.h", "struct a { int x }\n")
        try write("mixed/good.h", "struct good { int x; };\n")
        let result = try run(["snapshot", "--recursive", "--keep-going", "mixed"])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertTrue(result.stderr.contains("skipped mixed/a.h for x86_64"), result.stderr)
    }

    func testAnUnclosedHeaderIsReportedAgainstTheHeaderNotTheUmbrellaFile() throws {
        try write("open-struct.h", "#define A 1\nstruct x { int a;\n")
        try write("open-body.h", "#define A 1\nstatic inline int f(void) {\n")
        try write("open-init.h", "static const int x = \n")
        for header in ["open-struct.h", "open-body.h", "open-init.h"] {
            let result = try run(["snapshot", header])
            XCTAssertEqual(result.status, 2, "\(header): \(result.summary)")
            // Named by the unfinished declaration's line in the header itself.
            XCTAssertTrue(result.stderr.contains("uapi: error: \(header):"), result.stderr)
            XCTAssertTrue(result.stderr.contains("is not finished when the header ends"), result.stderr)
            XCTAssertFalse(result.stderr.contains("__uapi"), result.stderr)
            XCTAssertFalse(result.stdoutText.contains("__uapi"), "\(header): uapi's probes leaked into the snapshot")
        }
    }

    func testFileNamesThatAreNotUTF8AreNamedAsSuch() throws {
        let name = Data([0x62, 0xFF, 0x2E, 0x68]) // "b\xFF.h"
        let path = directory.appendingPathComponent("odd").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let full = Data(path.utf8) + Data("/".utf8) + name + Data([0])
        XCTAssertEqual(full.withUnsafeBytes { creat($0.baseAddress!.assumingMemoryBound(to: CChar.self), 0o644) } >= 0, true)
        for arguments in [["snapshot", "--recursive", "odd"], ["lint", "odd"], ["diff", "odd", "odd"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.summary)")
            XCTAssertTrue(result.stderr.contains("file name is not valid UTF-8: odd/b\\xFF.h"), result.stderr)
        }
    }

    func testAHeaderWhoseNameHoldsAQuoteIsIncludedAnyway() throws {
        try write("say\"what.h", "struct quoted { int a; };\n")
        let result = try run(["snapshot", "say\"what.h"])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertTrue(result.stdoutText.contains("\"quoted\""))
    }

    func testBindgenRefusesNamesThatWouldBreakTheGeneratedPackage() throws {
        try write("a.h", "struct a { int x; };\n")
        let cases: [([String], String)] = [
            (["--package", "a\"b\\"], "--package must be letters, digits"),
            (["--module", "Swift"], "--module Swift would hide the standard module Swift"),
            (["--module", "CA", "--overlay", "Foundation"], "--overlay Foundation would hide the standard module"),
            (["--module", "CA", "--overlay", "CA"], "--overlay and --module are both CA"),
            (["--module", "CA", "--overlay", "A-B"], "--overlay must be a Swift identifier"),
        ]
        for (options, message) in cases {
            let result = try run(["bindgen", "a.h", "-o", "out"] + options)
            XCTAssertEqual(result.status, 2, "\(options): \(result.summary)")
            XCTAssertTrue(result.stderr.contains(message), "\(options): \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    func testEveryStringInTheGeneratedPackageIsEscaped() throws {
        let request = BindingsRequest(module: "CA", overlay: "A", includes: ["<a.h>"], packageName: "pkg",
                                      command: "uapi bindgen 'x */ y\n#error injected' a.h")
        let files = SwiftBindings.files(for: Snapshot(targets: []), request: request)
        for (path, text) in files {
            XCTAssertFalse(text.contains("\n#error injected"), "\(path) let a line break of the command through")
            if path.hasSuffix(".h") { XCTAssertFalse(text.contains("x */ y"), "\(path) closes its comment early") }
        }
        XCTAssertEqual(SwiftNames.stringLiteral("a\"b\\c\n"), #""a\"b\\c\n""#)
    }
}
