import Foundation
import XCTest

/// The fuzzer's findings stay fixed: every input that once crashed or hung `uapi`
/// is a folder under Tests/Fixtures/fuzz (its command line in `args`, the status it
/// must end with in `expected.status`, optionally a line of `expected.stderr`).
final class FuzzRegressionTests: XCTestCase {
    func testEveryInputThatEverCrashedEndsWithItsStatus() throws {
        let root = TestPaths.fixtures.appendingPathComponent("fuzz")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertFalse(cases.isEmpty)
        for name in cases {
            let source = root.appendingPathComponent(name)
            let directory = try TestPaths.temporaryDirectory().appendingPathComponent(name)
            defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
            try FileManager.default.copyItem(at: source, to: directory)
            guard try makeSpecialFiles(in: directory) || !name.contains("device") else {
                print("SKIPPED fuzz case \(name): mknod needs root")
                continue
            }
            let arguments = try String(contentsOf: source.appendingPathComponent("args"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).map(String.init)
            let expected = try String(contentsOf: source.appendingPathComponent("expected.status"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let result = try BoundedRun.uapi(arguments, in: directory, budget: 180)
            XCTAssertFalse(result.signaled || result.timedOut, "\(name): \(result.summary)")
            XCTAssertEqual("\(result.status)", expected, "\(name): \(result.summary)")
            if let line = try? String(contentsOf: source.appendingPathComponent("expected.stderr"), encoding: .utf8) {
                XCTAssertTrue(result.stderr.contains(line.trimmingCharacters(in: .newlines)), "\(name): \(result.stderr)")
            }
        }
    }

    /// What the fuzzer makes in each case's directory: a FIFO, and the device of /dev/zero
    /// (major 1, minor 5, which glibc encodes 0x105). Returns whether the device could be made.
    private func makeSpecialFiles(in directory: URL) throws -> Bool {
        XCTAssertEqual(mkfifo(directory.appendingPathComponent("fuzz-fifo.h").path, 0o644), 0)
        return mknod(directory.appendingPathComponent("fuzz-device.h").path, S_IFCHR | 0o644, dev_t(0x105)) == 0
    }
}

/// A short pass of scripts/fuzz.py with a fixed seed, so `make test` runs the harness too.
/// With the corpus as committed, seed 9's twelve cases include a config nested 5,000
/// levels deep, which crashed uapi before YAML depth was checked.
final class FuzzSmokeTests: XCTestCase {
    func testASmokePassOfTheFuzzerFindsNothing() throws {
        let failures = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: failures) }
        let script = TestPaths.repository.appendingPathComponent("scripts/fuzz.py").path
        let result = try CommandRunner.run("python3", [script, "--binary", TestPaths.uapiBinary.path, "--seed", "9",
                                                       "--cases", "12", "--budget", "180", "--failures", failures.path])
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
        XCTAssertTrue(result.stdoutText.contains("fuzz: seed 9: 12 cases, 0 failed"), result.stdoutText)
    }
}
