import Foundation
import XCTest

/// The same inputs give byte-identical JSON whatever the argument order and thread count.
final class DeterminismTests: XCTestCase {
    func testOrderAndThreadsDoNotChangeTheBytes() throws {
        let headers = ["linux/vfio.h", "linux/kvm.h", "rdma/vmw_pvrdma-abi.h"]
        let base = ["snapshot", "--target", "x86_64,i386,aarch64"]
        let one = try CommandRunner.uapi(base + ["--jobs", "1"] + headers)
        let two = try CommandRunner.uapi(base + ["--jobs", "2"] + headers.reversed())
        let targetsReordered = try CommandRunner.uapi(["snapshot", "--target", "aarch64,x86_64,i386", "--jobs", "3"] + headers)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertGreaterThan(one.stdout.count, 100_000)
        XCTAssertEqual(one.stdout, two.stdout)
        // Target order is the user's choice and is kept; the content of each target is the same.
        XCTAssertEqual(targetsReordered.status, 0)
        XCTAssertNotEqual(one.stdout, targetsReordered.stdout)
        let again = try CommandRunner.uapi(base + ["--jobs", "3"] + headers)
        XCTAssertEqual(one.stdout, again.stdout)
    }

    func testNoAbsolutePathsInSnapshots() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("snapshot/vfio-like")
        let result = try CommandRunner.uapi(["snapshot", "fixture_vfio.h"], in: folder)
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stdoutText.contains(TestPaths.repository.path))
        XCTAssertFalse(result.stdoutText.contains("/usr/include"))
    }
}
