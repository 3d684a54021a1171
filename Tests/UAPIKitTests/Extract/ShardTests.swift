import Foundation
import XCTest

/// `--shard I/N` and `--merge`: the shards of a run, merged in order, are the run.
final class ShardTests: XCTestCase {
    private let system = ["/usr/include/linux/vfio.h", "/usr/include/linux/kvm.h", "/usr/include/linux/if.h", "/usr/include/linux/if_link.h",
                          "/usr/include/linux/types.h", "/usr/include/linux/ethtool.h", "/usr/include/linux/netlink.h", "/usr/include/rdma/vmw_pvrdma-abi.h"]

    private func snapshot(_ arguments: [String], in directory: URL) throws -> Data {
        let output = directory.appendingPathComponent("\(UUID().uuidString).json")
        let result = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64,i386,aarch64", "-o", output.path] + arguments, in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try Data(contentsOf: output)
    }

    private func merged(_ shards: Int, _ arguments: [String], in directory: URL) throws -> (whole: Data, merged: Data) {
        let whole = try snapshot(arguments, in: directory)
        var parts: [String] = []
        for index in 1...shards {
            let part = directory.appendingPathComponent("shard-\(index).json")
            try snapshot(["--shard", "\(index)/\(shards)"] + arguments, in: directory).write(to: part)
            parts.append(part.path)
        }
        let output = directory.appendingPathComponent("merged.json")
        let merge = try CommandRunner.uapi(["snapshot", "--merge", "-o", output.path] + parts, in: directory)
        XCTAssertEqual(merge.status, 0, merge.stderr)
        return (whole, try Data(contentsOf: output))
    }

    func testMergedShardsAreTheWholeRun() throws {
        let directory = try TestPaths.temporaryDirectory()
        for arguments in [system, ["--only-listed"] + system] {
            let (whole, merged) = try merged(3, arguments, in: directory)
            XCTAssertEqual(merged, whole, "\(arguments.first!)")
        }
        // More shards than headers: some shards are empty.
        let (whole, merged) = try merged(10, system, in: directory)
        XCTAssertEqual(merged, whole)
    }

    /// I and N near the top of the integers: no overflow, the last shard holds every header.
    func testHugeShardNumbersDoNotOverflow() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = Int.max
        let last = try CommandRunner.uapi(["snapshot", "--no-cache", "--shard", "\(huge)/\(huge)", "/usr/include/linux/vfio.h"], in: directory)
        XCTAssertEqual(last.status, 0, last.stderr)
        XCTAssertTrue(last.stdoutText.contains("\"linux/vfio.h\""), last.stderr)
        let first = try CommandRunner.uapi(["snapshot", "--no-cache", "--shard", "1/\(huge)", "/usr/include/linux/vfio.h"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stdoutText.contains("\"linux/vfio.h\""))
        let beyond = try CommandRunner.uapi(["snapshot", "--shard", "1/18446744073709551616", "/usr/include/linux/vfio.h"], in: directory)
        XCTAssertEqual(beyond.status, 2)
        XCTAssertTrue(beyond.stderr.contains("--shard takes I/N"), beyond.stderr)
    }

    func testShardsOfDifferentRunsDoNotMerge() throws {
        let directory = try TestPaths.temporaryDirectory()
        let x86 = directory.appendingPathComponent("x86.json"), arm = directory.appendingPathComponent("arm.json")
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--no-cache", "--shard", "1/2", "-o", x86.path] + system, in: directory).status, 0)
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "aarch64", "--shard", "2/2", "-o", arm.path] + system, in: directory).status, 0)
        let mixed = try CommandRunner.uapi(["snapshot", "--merge", x86.path, arm.path], in: directory)
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("merge the shards of one run"), mixed.stderr)

        // The same header in two versions.
        let tree = directory.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        let header = tree.appendingPathComponent("one.h")
        try "struct one { int a; };\n".write(to: header, atomically: true, encoding: .utf8)
        let first = directory.appendingPathComponent("first.json"), second = directory.appendingPathComponent("second.json")
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--no-cache", "-o", first.path, header.path], in: directory).status, 0)
        try "struct one { long a; };\n".write(to: header, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--no-cache", "-o", second.path, header.path], in: directory).status, 0)
        let versions = try CommandRunner.uapi(["snapshot", "--merge", first.path, second.path], in: directory)
        XCTAssertEqual(versions.status, 2)
        XCTAssertTrue(versions.stderr.contains("hold different versions of one.h"), versions.stderr)

        for bad in ["0/3", "4/3", "two/3", "1"] {
            let result = try CommandRunner.uapi(["snapshot", "--shard", bad, "linux/vfio.h"], in: directory)
            XCTAssertEqual(result.status, 2, bad)
            XCTAssertTrue(result.stderr.contains("--shard takes I/N"), result.stderr)
        }
    }
}
