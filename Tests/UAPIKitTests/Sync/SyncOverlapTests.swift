import Foundation
import XCTest

/// A sync never writes where it reads (#22): --to equal to --from, inside a directory the sync
/// reads, reached through a symbolic link, or containing --from is refused and nothing changes.
final class SyncOverlapTests: XCTestCase {
    private let headers = ["linux/fixdev*.h", "asm-x86/fixdev.h"]

    func testADestinationThatOverlapsTheSourceIsRefused() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let kernel = work.appendingPathComponent("linux")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sync/kernel-v1"), to: kernel)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("uapi-link").path,
                                                   withDestinationPath: kernel.appendingPathComponent("include/uapi").path)
        let before = try snapshotOfFiles(kernel)
        let refused: [(String, String)] = [
            ("linux", "it is the --from tree"),
            ("linux/include/uapi", "which the sync reads its headers from"),
            ("linux/include/uapi/new-dir", "which the sync reads its headers from"),
            ("linux/arch/x86/include/uapi", "which the sync reads its headers from"),
            ("uapi-link", "which the sync reads its headers from"),
            (".", "it contains the --from tree"),
        ]
        for (destination, reason) in refused {
            let result = try CommandRunner.uapi(["sync", "--no-config", "--from", "linux", "--to", destination] + headers, in: work)
            XCTAssertEqual(result.status, 2, "\(destination): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(reason), "\(destination): \(result.stderr)")
        }
        XCTAssertEqual(try snapshotOfFiles(kernel), before, "the kernel tree is untouched")
        // headers_install's own default, inside the kernel tree but outside what is read, stays allowed.
        let allowed = try CommandRunner.uapi(["sync", "--no-config", "--from", "linux", "--to", "linux/usr/include"] + headers, in: work)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
    }

    private func snapshotOfFiles(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path) ?? FileManager.default.enumerator(atPath: "/")! {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { result[path] = data }
        }
        return result
    }
}
