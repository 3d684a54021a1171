import Foundation
import XCTest
@testable import UAPIModel

/// A header that does not parse is an error naming file and line, never a snapshot
/// with a wrong layout, and never a "removed" header in a diff.
final class ParseFailureTests: XCTestCase {
    private let fixtures = TestPaths.fixtures.appendingPathComponent("accuracy")

    func testAStructLeftOpenInsideAnIncludeGuardIsAnError() throws {
        let result = try CommandRunner.uapi(["snapshot", "unterminated.h"], in: fixtures.appendingPathComponent("unterminated"))
        XCTAssertEqual(result.status, 2, result.stdoutText)
        XCTAssertTrue(result.stderr.contains("unterminated.h:5: 'unterminated' is not finished when the header ends"), result.stderr)
        XCTAssertFalse(result.stdoutText.contains("__uapi_probe"), result.stdoutText)
    }

    /// Real headers with their last `};` removed: gcc rejects every one, and so must uapi.
    func testRealHeadersCutShortAreRejectedLikeGCCRejectsThem() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = ["vfio.h", "if_link.h", "pkt_sched.h", "ethtool.h", "input.h", "fs.h", "perf_event.h"]
        let gcc = try XCTUnwrap(GCC.forTarget("x86_64"))
        for name in names {
            let text = try String(contentsOfFile: "/usr/include/linux/\(name)", encoding: .utf8)
            let cut = try XCTUnwrap(text.range(of: "};", options: .backwards), name)
            let header = directory.appendingPathComponent(name)
            try text.replacingCharacters(in: cut, with: "").write(to: header, atomically: true, encoding: .utf8)
            XCTAssertFalse(try gcc.accepts("#include \"\(header.path)\"\n"), "gcc accepted \(name) cut short")

            let result = try CommandRunner.uapi(["snapshot", "--target", "x86_64,aarch64", name], in: directory)
            XCTAssertEqual(result.status, 2, "\(name) cut short was accepted")
            XCTAssertNotNil(result.stderr.range(of: #"\#(name):\d+"#, options: .regularExpression), result.stderr)
        }
    }

    /// A header that stops parsing on one side is compared on neither side, and named.
    func testAHeaderThatStopsParsingIsLeftOutNotRemoved() throws {
        let result = try CommandRunner.uapi(["diff", "--format", "json", "old", "new"], in: fixtures.appendingPathComponent("left-out"))
        XCTAssertEqual(result.status, 0, result.stdoutText)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        XCTAssertEqual((report["changes"] as? [Any])?.count, 0, result.stdoutText)
        XCTAssertTrue(result.stderr.contains("left out breaks.h for x86_64: it does not parse on the new side: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("new/breaks.h:4:"), result.stderr)
        XCTAssertFalse(result.stderr.contains("stable.h"), result.stderr)
    }

    /// QEMU's standard-headers use uint32_t without including <stdint.h>.
    func testStandardHeadersNeedTheStdintPrelude() throws {
        let folder = fixtures.appendingPathComponent("standard-headers")
        let header = "include/standard-headers/linux/virtio_fixture.h"
        let without = try CommandRunner.uapi(["snapshot", "-I", "include", header], in: folder)
        XCTAssertEqual(without.status, 2)
        XCTAssertTrue(without.stderr.contains("unknown type name 'uint32_t'"), without.stderr)

        let with = try CommandRunner.uapi(["snapshot", "--prelude", "stdint", "-I", "include", "--only-listed",
                                           "--target", "x86_64,i386,aarch64", header], in: folder)
        XCTAssertEqual(with.status, 0, with.stderr)
        let snapshot = try SnapshotCoding.decode(with.stdout, path: "stdout")
        for target in snapshot.targets {
            let record = try XCTUnwrap(target.record(named: "virtio_fixture_config"), target.target)
            let gcc = try XCTUnwrap(GCC.forTarget(target.target))
            let source = "#include <stdint.h>\n#include \"\(folder.path)/\(header)\"\n#include <stddef.h>\n"
                + "_Static_assert(sizeof(struct virtio_fixture_config) == \(record.size ?? -1), \"size\");\n"
                + "_Static_assert(offsetof(struct virtio_fixture_config, queues) == \(record.fields.last?.offsetBytes ?? -1), \"queues\");\n"
            // assemble fails the test when gcc rejects an assertion.
            XCTAssertNotNil(try gcc.assemble(source, extraFlags: ["-I", folder.appendingPathComponent("include").path]), target.target)
        }
        XCTAssertNotEqual(snapshot.target(named: "i386")?.record(named: "virtio_fixture_config")?.size,
                          snapshot.target(named: "x86_64")?.record(named: "virtio_fixture_config")?.size)
    }
}
