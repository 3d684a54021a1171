import Foundation
import XCTest

/// libclang is opened on the first parse, not at start-up: reading snapshots and a
/// warm cache never open it, and a machine without it gets one clear error.
final class ParserLoadingTests: XCTestCase {
    private func uapi(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandResult {
        try CommandRunner.run(TestPaths.uapiBinary.path, arguments, in: directory, environment: environment)
    }

    private func headers() throws -> URL {
        let directory = try TestPaths.temporaryDirectory()
        try "#define A 1\nstruct s { int a; };\n".write(to: directory.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n#define B 2\nstruct s { int a; };\n".write(to: directory.appendingPathComponent("b.h"), atomically: true, encoding: .utf8)
        return directory
    }

    func testWithoutLibclangAParseFailsWithOneClearError() throws {
        let directory = try headers()
        let missing = ["UAPI_TEST_LIBCLANG": directory.appendingPathComponent("missing/libclang.so").path]
        for keepGoing in [[], ["--keep-going"]] {
            let result = try uapi(["snapshot", "--no-config", "--no-cache"] + keepGoing + ["a.h", "-o", "out.json"], in: directory, environment: missing)
            XCTAssertEqual(result.status, 2, result.stderr)
            // Every file tried is named (paths under the working directory are shown relative to it).
            XCTAssertTrue(result.stderr.hasPrefix("uapi: error: cannot load libclang: missing/libclang.so: cannot open shared object file"), result.stderr)
            XCTAssertTrue(result.stderr.contains("apt-get install -y libclang1-14"), result.stderr)
            // Not a header's failure that --keep-going would leave out.
            XCTAssertFalse(result.stderr.contains("skipped"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path))
        }
    }

    func testWithoutLibclangSnapshotsAreStillCompared() throws {
        let directory = try headers()
        for name in ["a", "b"] {
            let made = try uapi(["snapshot", "--no-config", "--no-cache", "\(name).h", "-o", "\(name).json"], in: directory)
            XCTAssertEqual(made.status, 0, made.stderr)
        }
        let missing = ["UAPI_TEST_LIBCLANG": directory.appendingPathComponent("missing/libclang.so").path]
        let diff = try uapi(["diff", "--no-config", "--format", "json", "a.json", "b.json"], in: directory, environment: missing)
        XCTAssertEqual(diff.status, 4, diff.stderr)
        XCTAssertTrue(diff.stdoutText.contains("\"B\""), diff.stdoutText)
    }

    func testAWarmRunNeverOpensLibclang() throws {
        let directory = try headers()
        let cache = directory.appendingPathComponent("cache").path
        // The dynamic loader names every library it opens, dlopen included.
        let traced = ["LD_DEBUG": "files"]
        let cold = try uapi(["snapshot", "--no-config", "--cache", cache, "a.h", "-o", "cold.json"], in: directory, environment: traced)
        XCTAssertEqual(cold.status, 0, cold.stderr)
        XCTAssertTrue(cold.stderr.contains("libclang"), "a cold run parses, so it opens libclang")
        let warm = try uapi(["snapshot", "--no-config", "--cache", cache, "a.h", "-o", "warm.json"], in: directory, environment: traced)
        XCTAssertEqual(warm.status, 0, warm.stderr)
        XCTAssertFalse(warm.stderr.contains("libclang"), warm.stderr.split(separator: "\n").filter { $0.contains("libclang") }.joined(separator: "\n"))
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("cold.json")),
                       try Data(contentsOf: directory.appendingPathComponent("warm.json")))
    }
}
