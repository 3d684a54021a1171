import Foundation
import XCTest

/// The cache never leaves its root (#22): links planted as `v1/tmp`, `v1/entries` or a bucket
/// are not walked, written through or cleaned up through, and a FIFO where an entry should be
/// is read as a missing entry instead of blocking the run. Temporary directories only.
final class CacheLinkTests: XCTestCase {
    private func header(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("c.h")
        try "struct cl_a { int x; };\n#define CL_V 3\n".write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    private func run(_ cache: URL, _ header: String, _ extra: [String] = [], in directory: URL) throws -> BoundedResult {
        try BoundedRun.uapi(["snapshot", "--no-config", "--cache", cache.path] + extra + ["-o", directory.appendingPathComponent("out.json").path, header],
                            in: directory, budget: 60)
    }

    func testLinksInsideTheCacheLeadNowhere() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let header = try header(in: work)
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("ab"), withIntermediateDirectories: true)
        let victim = elsewhere.appendingPathComponent("old-file"), nested = elsewhere.appendingPathComponent("ab/old-nested")
        for file in [victim, nested] {
            try "keep me".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: file.path)
        }
        for planted in ["tmp", "entries", "chunks"] {
            let cache = work.appendingPathComponent("cache-\(planted)")
            try FileManager.default.createDirectory(at: cache.appendingPathComponent("v1"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent("v1/\(planted)").path, withDestinationPath: elsewhere.path)
            let result = try run(cache, header, ["--cache-size", "1"], in: work)
            XCTAssertEqual(result.status, 0, "\(planted): \(result.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted()
            XCTAssertEqual(left, ["ab", "old-file"], "\(planted): nothing deleted or written through the link")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("ab").path), ["old-nested"])
        }
        // The whole v1 as a link: the cache is not used at all, and the run is still right.
        let cache = work.appendingPathComponent("cache-v1")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent("v1").path, withDestinationPath: elsewhere.path)
        XCTAssertEqual(try run(cache, header, ["--cache-size", "1"], in: work).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted(), ["ab", "old-file"])
    }

    func testAFIFOWhereAnEntryShouldBeDoesNotBlock() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let header = try header(in: work)
        let cache = work.appendingPathComponent("cache")
        XCTAssertEqual(try run(cache, header, in: work).status, 0)
        let expected = try Data(contentsOf: work.appendingPathComponent("out.json"))
        let entries = cache.appendingPathComponent("v1/entries")
        for bucket in try FileManager.default.contentsOfDirectory(atPath: entries.path) {
            for entry in try FileManager.default.contentsOfDirectory(atPath: entries.appendingPathComponent(bucket).path) {
                let path = entries.appendingPathComponent("\(bucket)/\(entry)").path
                try FileManager.default.removeItem(atPath: path)
                XCTAssertEqual(mkfifo(path, 0o600), 0)
            }
        }
        let result = try run(cache, header, in: work)
        XCTAssertFalse(result.timedOut, "a FIFO in the cache blocked the run")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("out.json")), expected)
    }

    /// A digit flipped in a stored chunk, or two entries swapped, is detected and parsed again:
    /// the run is byte for byte what a clean one gives.
    func testDamagedOrSwappedFilesAreNeverUsed() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try "struct ci_a { int x; int y; int z; int w; };\n".write(to: work.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        try "struct ci_b { long q; };\n#define CI_B 9\n".write(to: work.appendingPathComponent("b.h"), atomically: true, encoding: .utf8)
        let cache = work.appendingPathComponent("cache")
        let arguments = ["snapshot", "--no-config", "--cache", cache.path, "-o", "out.json", "a.h", "b.h"]
        XCTAssertEqual(try CommandRunner.uapi(arguments, in: work).status, 0)
        let clean = try Data(contentsOf: work.appendingPathComponent("out.json"))
        let files = { (area: String) throws -> [String] in
            let root = cache.appendingPathComponent("v1/\(area)")
            return try FileManager.default.contentsOfDirectory(atPath: root.path).flatMap { bucket in
                try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(bucket).path).map { root.appendingPathComponent("\(bucket)/\($0)").path }
            }.sorted()
        }
        // "size":16 -> "size":17 in the chunk holding ci_a.
        for path in try files("chunks") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if text.contains("ci_a") { try text.replacingOccurrences(of: "\"size\":16", with: "\"size\":17").write(toFile: path, atomically: true, encoding: .utf8) }
        }
        XCTAssertEqual(try CommandRunner.uapi(arguments, in: work).status, 0)
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("out.json")), clean, "a flipped digit in a chunk")
        // The two headers' entries swapped.
        let entries = try files("entries")
        XCTAssertEqual(entries.count, 2)
        let first = try Data(contentsOf: URL(fileURLWithPath: entries[0])), second = try Data(contentsOf: URL(fileURLWithPath: entries[1]))
        try second.write(to: URL(fileURLWithPath: entries[0]))
        try first.write(to: URL(fileURLWithPath: entries[1]))
        let swapped = try CommandRunner.uapi(arguments + ["--stats"], in: work)
        XCTAssertEqual(swapped.status, 0)
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("out.json")), clean, "swapped entries")
        XCTAssertEqual(try CommandRunner.uapi(arguments, in: work).status, 0)
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("out.json")), clean, "and repaired")
    }
}
