import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIBindings
@testable import UAPIDiff
@testable import UAPIExtract
@testable import UAPILint
@testable import UAPIModel
@testable import UAPIPolicy
@testable import UAPIReport
@testable import UAPISync
@testable import UAPIWorkflows

final class BadInputTests: XCTestCase {
    func testUnwritableOutputIsAnErrorAndWritesNothing() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("snapshot/vfio-like")
        let result = try CommandRunner.uapi(["snapshot", "fixture_vfio.h", "-o", "/nonexistent-dir/out.json"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent-dir/out.json: cannot write"), result.stderr)
    }

    func testFailedSnapshotKeepsThePreviousOutput() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("snap.json")
        try Data("previous".utf8).write(to: output)
        try "struct x { int a }\n".write(to: directory.appendingPathComponent("bad.h"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["snapshot", "bad.h", "-o", output.path], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("bad.h:1:"), result.stderr)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testMissingAsmHeadersNameThePackage() throws {
        let target = Target(name: "mips", triple: "mips-linux-gnu", multiarchNames: ["mips-linux-gnu"], kernelArchitecture: "mips",
                            libcDirectories: ["/nonexistent/include"], libcMarker: "gnu/stubs-o32_hard.h",
                            debianPackage: "linux-libc-dev-mips-cross", libcPackage: "libc6-dev-mips-cross", ioctlEncoding: .mips)
        let request = SnapshotRequest(headers: [ListedHeader(path: "/usr/include/linux/vfio.h", name: "linux/vfio.h")], targets: [target])
        XCTAssertThrowsError(try SnapshotBuilder(request: request).build()) { error in
            XCTAssertTrue((error as? UAPIError)?.errorDescription?.contains("apt-get install -y linux-libc-dev-mips-cross") == true, "\(error)")
        }
    }

    func testCorruptAndNewerSnapshotsAreRejected() throws {
        XCTAssertThrowsError(try SnapshotCoding.decode(Data("{\"format\": \"uapi-snapshot\", ".utf8), path: "t.json")) { error in
            XCTAssertTrue("\(error.localizedDescription)".contains("t.json: not a usable uapi snapshot: not valid JSON"), error.localizedDescription)
        }
        let newer = #"{"format": "uapi-snapshot", "schemaVersion": 99, "tool": {"name": "uapi", "version": "9"}, "targets": []}"#
        XCTAssertThrowsError(try SnapshotCoding.decode(Data(newer.utf8), path: "n.json")) { error in
            XCTAssertTrue(error.localizedDescription.contains("schemaVersion 99 is newer"), error.localizedDescription)
        }
    }
}
