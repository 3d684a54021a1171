import Foundation
import XCTest

/// A FIFO in the kernel tree a sync reads from must be refused, not waited on.
final class SyncSourceFIFOTests: XCTestCase {
    func testAFIFOInTheSourceTreeIsRefusedAtOnce() throws {
        let directory = try TestPaths.temporaryDirectory()
        let kernel = directory.appendingPathComponent("kernel")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sync/kernel-v1"), to: kernel)
        let queue = kernel.appendingPathComponent("include/uapi/linux/fixdev_queue.h")
        try FileManager.default.removeItem(at: queue)
        XCTAssertEqual(mkfifo(queue.path, 0o644), 0)
        let result = try BoundedRun.uapi(["sync", "--from", "kernel", "--to", "linux-headers", "linux/fixdev*.h"], in: directory, budget: 60)
        XCTAssertFalse(result.timedOut, result.summary)
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("fixdev_queue.h is not a regular file"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("linux-headers").path))
    }
}
