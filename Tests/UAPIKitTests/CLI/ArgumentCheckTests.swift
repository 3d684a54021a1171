import Foundation
import XCTest

/// Option values the parser's types cannot check: each bad one is named with its option and what it takes.
final class ArgumentCheckTests: XCTestCase {
    func testBadJobsAndDefinesAreNamedWithTheirOption() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "#define X 1\n".write(to: directory.appendingPathComponent("x.h"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--jobs", "-1"], "The value '-1' is invalid for '--jobs <jobs>': give a number of worker threads of at least 1"),
            (["--jobs=0"], "The value '0' is invalid for '--jobs <jobs>'"),
            (["-D", "1BAD"], "The value '1BAD' is invalid for '-D <define>': a definition is NAME or NAME=VALUE, with NAME a C identifier"),
            (["-D", "A-B=1"], "The value 'A-B=1' is invalid for '-D <define>'"),
        ]
        for (arguments, message) in cases {
            let result = try CommandRunner.uapi(["snapshot", "--no-config"] + arguments + ["x.h"], in: directory)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        for arguments in [["--jobs", "2"], ["-D", "OK=1"], ["-D", "F(x)=x"], ["-D", "_Y"]] {
            let result = try CommandRunner.uapi(["snapshot", "--no-config", "--no-cache"] + arguments + ["x.h"], in: directory)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        }
    }

    func testASnapshotWhereAHeaderIsExpectedIsNamedAsOne() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "#define X 1\n".write(to: directory.appendingPathComponent("x.h"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--no-config", "--no-cache", "-o", "s.json", "x.h"], in: directory).status, 0)
        let result = try CommandRunner.uapi(["snapshot", "--no-config", "s.json"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("s.json is a uapi snapshot, not a header"), result.stderr)
        XCTAssertEqual(try CommandRunner.uapi(["layout", "--no-config", "s.json"], in: directory).status, 0)
    }

    /// An output path through a file names that file instead of Foundation's "error 512".
    func testAnOutputPathThroughAFileNamesTheFile() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "#define X 1\n".write(to: directory.appendingPathComponent("x.h"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["bindgen", "--no-config", "-o", "afile/package", "x.h"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("afile is a file, not a directory"), result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
    }
}
