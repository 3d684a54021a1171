import Foundation
import XCTest
@testable import UAPIExtract
@testable import UAPIModel

/// The extraction cache through the command line: a warm run gives the same bytes as
/// a cold one and parses nothing; a changed file re-parses exactly the headers that
/// include it; concurrent runs share a directory; damaged files are parsed again.
final class CacheTests: XCTestCase {
    private struct Tree {
        let root: URL
        let cache: String
        let output: String

        func write(_ name: String, _ text: String) throws {
            let url = root.appendingPathComponent("include/proj/\(name)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        /// `uapi snapshot` of `include/proj` (or `headers`) for two targets; the
        /// snapshot's bytes and the cache statistics.
        func snapshot(_ extra: [String] = [], headers: [String] = ["include/proj"], output: String? = nil) throws -> (json: Data, stats: Stats, stderr: String) {
            let out = output ?? self.output
            let result = try CommandRunner.uapi(["snapshot"] + extra + ["--keep-going", "--recursive", "--target", "x86_64,i386",
                                                 "-I", "include", "--stats", "-o", out] + headers, in: root)
            XCTAssertEqual(result.status, 0, result.stderr)
            return (try Data(contentsOf: URL(fileURLWithPath: out)), Stats(result.stderr), result.stderr)
        }

        func cold(headers: [String] = ["include/proj"]) throws -> Data {
            try snapshot(["--no-cache"], headers: headers, output: root.appendingPathComponent("cold.json").path).json
        }
    }

    private struct Stats: Equatable {
        var hits = -1, parsed = -1, unreadable = 0

        init(hits: Int, parsed: Int, unreadable: Int = 0) {
            self.hits = hits
            self.parsed = parsed
            self.unreadable = unreadable
        }

        init(_ stderr: String) {
            guard let line = stderr.split(separator: "\n").first(where: { $0.contains("uapi: cache: ") }) else { return }
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count >= 3 else { return }
            hits = numbers[0]
            parsed = numbers[1]
            if line.contains("unreadable") { unreadable = numbers[3] }
        }
    }

    private func makeTree() throws -> Tree {
        let root = try TestPaths.temporaryDirectory()
        let tree = Tree(root: root, cache: root.appendingPathComponent("cache").path, output: root.appendingPathComponent("out.json").path)
        try tree.write("common.h", "#include <linux/types.h>\n#define COMMON_VERSION 3\nstruct common_hdr { __u32 len; __u16 kind; };\n")
        try tree.write("a.h", "#include <proj/common.h>\nstruct a { struct common_hdr h; __u64 x; };\n#define A_SIZE sizeof(struct a)\n")
        try tree.write("b.h", "#include \"common.h\"\nenum b_kind { B_ONE = COMMON_VERSION, B_TWO };\n")
        try tree.write("c.h", "#include <linux/types.h>\nstruct c { __u8 tag; __u64 value; };\n")
        try tree.write("broken.h", "#include <linux/types.h>\nstruct broken { not_a_type x; };\n")
        return tree
    }

    func testWarmRunIsByteIdenticalAndParsesNothing() throws {
        let tree = try makeTree()
        let cold = try tree.cold()
        let first = try tree.snapshot(["--cache", tree.cache])
        XCTAssertEqual(first.stats, Stats(hits: 0, parsed: 10))
        let warm = try tree.snapshot(["--cache", tree.cache])
        XCTAssertEqual(warm.stats, Stats(hits: 10, parsed: 0))
        XCTAssertEqual(first.json, cold)
        XCTAssertEqual(warm.json, cold)
        // The header that does not parse is left out with the same words from the cache.
        let skipped = { (stderr: String) in stderr.split(separator: "\n").filter { $0.hasPrefix("skipped") } }
        XCTAssertEqual(skipped(warm.stderr).count, 2)
        XCTAssertEqual(skipped(warm.stderr), skipped(first.stderr))
    }

    func testAChangedFileReparsesExactlyTheHeadersThatIncludeIt() throws {
        let tree = try makeTree()
        _ = try tree.snapshot(["--cache", tree.cache])
        try tree.write("common.h", "#include <linux/types.h>\n#define COMMON_VERSION 4\nstruct common_hdr { __u32 len; __u32 kind; };\n")
        let changed = try tree.snapshot(["--cache", tree.cache])
        // common.h, a.h and b.h on two targets; c.h and broken.h from the cache.
        XCTAssertEqual(changed.stats, Stats(hits: 4, parsed: 6))
        XCTAssertEqual(changed.json, try tree.cold())
        XCTAssertTrue(String(decoding: changed.json, as: UTF8.self).contains("\"value\" : 4"))
        try tree.write("c.h", "#include <linux/types.h>\nstruct c { __u8 tag; __u32 value; };\n")
        XCTAssertEqual(try tree.snapshot(["--cache", tree.cache]).stats, Stats(hits: 8, parsed: 2))
    }

    func testOtherHeaderListsKeepTheirOwnResults() throws {
        let tree = try makeTree()
        _ = try tree.snapshot(["--cache", tree.cache])
        // Alone, a.h evaluates common.h's macros itself (common.h is not listed): another variant.
        let alone = try tree.snapshot(["--cache", tree.cache], headers: ["include/proj/a.h"])
        XCTAssertEqual(alone.stats, Stats(hits: 0, parsed: 2))
        XCTAssertEqual(alone.json, try tree.cold(headers: ["include/proj/a.h"]))
        XCTAssertEqual(try tree.snapshot(["--cache", tree.cache], headers: ["include/proj/a.h"]).stats, Stats(hits: 2, parsed: 0))
        XCTAssertEqual(try tree.snapshot(["--cache", tree.cache]).stats, Stats(hits: 10, parsed: 0))
    }

    func testAHeaderThatWasMissingIsLookedForAgain() throws {
        let tree = try makeTree()
        try tree.write("../other/needs.h", "#include <other/later.h>\nstruct needs { struct later l; };\n")
        try tree.write("../other/fine.h", "struct fine { int a; };\n")
        let first = try tree.snapshot(["--cache", tree.cache], headers: ["include/other"])
        XCTAssertEqual(first.stats, Stats(hits: 0, parsed: 4))
        XCTAssertTrue(first.stderr.contains("'other/later.h' file not found"), first.stderr)
        XCTAssertEqual(try tree.snapshot(["--cache", tree.cache], headers: ["include/other"]).stats, Stats(hits: 4, parsed: 0))
        try tree.write("../other/later.h", "struct later { int x; };\n")
        let found = try tree.snapshot(["--cache", tree.cache], headers: ["include/other"])
        XCTAssertEqual(found.stats, Stats(hits: 2, parsed: 4), "needs.h again and the new later.h, on two targets")
        XCTAssertFalse(found.stderr.contains("file not found"), found.stderr)
        XCTAssertEqual(found.json, try tree.cold(headers: ["include/other"]))
    }

    func testAFileThatAppearsEarlierOnTheIncludePathIsNoticed() throws {
        let tree = try makeTree()
        try tree.write("../extra/defs.h", "#define DEFS_WIDTH 32\n")
        try tree.write("c.h", "#include <linux/types.h>\n#include <extra/defs.h>\nstruct c { __u8 tag; __u64 value; };\n")
        let first = tree.root.appendingPathComponent("first/extra")
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        let flags = ["--cache", tree.cache, "-I", "first"]
        _ = try tree.snapshot(flags)
        XCTAssertEqual(try tree.snapshot(flags).stats, Stats(hits: 10, parsed: 0))
        // c.h's <extra/defs.h> is now this file, earlier on the include path.
        try "#define DEFS_WIDTH 64\n".write(to: first.appendingPathComponent("defs.h"), atomically: true, encoding: .utf8)
        let shadowed = try tree.snapshot(flags)
        XCTAssertEqual(shadowed.stats, Stats(hits: 8, parsed: 2))
        XCTAssertEqual(shadowed.json, try tree.snapshot(["--no-cache", "-I", "first"], output: tree.root.appendingPathComponent("cold.json").path).json)
        XCTAssertTrue(String(decoding: shadowed.json, as: UTF8.self).contains("\"value\" : 64"))
        XCTAssertEqual(try tree.snapshot(flags).stats, Stats(hits: 10, parsed: 0))
    }

    func testConcurrentRunsShareOneDirectory() throws {
        let tree = try makeTree()
        let cold = try tree.cold()
        let outputs = (0..<4).map { tree.root.appendingPathComponent("run\($0).json").path }
        let results = UnsafeMutableBufferPointer<Data?>.allocate(capacity: outputs.count)
        defer { results.deallocate() }
        results.initialize(repeating: nil)
        DispatchQueue.concurrentPerform(iterations: outputs.count) { index in
            results[index] = try? tree.snapshot(["--cache", tree.cache], output: outputs[index]).json
        }
        for result in results { XCTAssertEqual(result, cold) }
        XCTAssertEqual(try tree.snapshot(["--cache", tree.cache]).stats, Stats(hits: 10, parsed: 0))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(tree.cache)/v1/tmp")
        XCTAssertEqual(leftovers, [], "every temporary file was renamed into place")
    }

    func testDamagedFilesAreParsedAgainAndRewritten() throws {
        let tree = try makeTree()
        let cold = try tree.cold()
        _ = try tree.snapshot(["--cache", tree.cache])
        let files = (FileManager.default.enumerator(atPath: "\(tree.cache)/v1")?.allObjects as? [String] ?? [])
            .map { "\(tree.cache)/v1/\($0)" }.filter { !$0.hasSuffix("/tmp") && FileManager.default.contents(atPath: $0) != nil }
        XCTAssertGreaterThan(files.count, 10)
        for (position, path) in files.enumerated() {
            let bytes = FileManager.default.contents(atPath: path)!
            // Cut short, or garbage: what a crash or a full disk can leave.
            let damaged = position % 2 == 0 ? bytes.prefix(bytes.count / 2) : Data("\u{0}\u{0}not json".utf8)
            try damaged.write(to: URL(fileURLWithPath: path))
        }
        let repaired = try tree.snapshot(["--cache", tree.cache])
        XCTAssertEqual(repaired.json, cold)
        XCTAssertEqual(repaired.stats.parsed, 10)
        XCTAssertGreaterThan(repaired.stats.unreadable, 0)
        let again = try tree.snapshot(["--cache", tree.cache])
        XCTAssertEqual(again.stats, Stats(hits: 10, parsed: 0))
        XCTAssertEqual(again.json, cold)
    }

    func testTheCacheStaysUnderItsSize() throws {
        let tree = try makeTree()
        let cold = try tree.cold()
        let small = try tree.snapshot(["--cache", tree.cache, "--cache-size", "16K"])
        XCTAssertEqual(small.json, cold)
        XCTAssertLessThanOrEqual(try diskUsage(tree.cache), 16 << 10)
        // Nothing left to reuse but a little: still the same snapshot.
        let next = try tree.snapshot(["--cache", tree.cache, "--cache-size", "16K"])
        XCTAssertGreaterThan(next.stats.parsed, 0)
        XCTAssertEqual(next.json, cold)
    }

    func testAStoredFailureIsTheSameError() throws {
        let error = UAPIError.headerOutsideTree(target: "aarch64", header: "drm/drm.h", path: "/cross/drm/drm.h", expected: ["/usr/include"])
        let input = CacheVariant.Input(path: "/usr/include/linux/kfd_ioctl.h", sha256: String(repeating: "0", count: 64),
                                       name: "linux/kfd_ioctl.h", listed: true)
        let entry = CacheEntry(variants: [CacheVariant(inputs: [input], outcome: .failure(error, missing: "x.h", includer: "/d"))])
        let read = try XCTUnwrap(CacheEntry(bytes: entry.encoded(key: "k"), key: "k"))
        XCTAssertNil(CacheEntry(bytes: entry.encoded(key: "k"), key: "other"), "an entry under another key is not used")
        XCTAssertEqual(read.variants.map(\.inputs), [[input]])
        guard case let .failure(readError, missing, includer) = read.variants[0].outcome else { return XCTFail("not a failure") }
        XCTAssertEqual(readError, error)
        XCTAssertEqual(missing, "x.h")
        XCTAssertEqual(includer, "/d")
    }

    func testSizesAndTheDefaultDirectory() {
        XCTAssertEqual(ExtractionCache.parseSize("512M"), 512 << 20)
        XCTAssertEqual(ExtractionCache.parseSize("2g"), 2 << 30)
        XCTAssertEqual(ExtractionCache.parseSize("64KiB"), 64 << 10)
        XCTAssertEqual(ExtractionCache.parseSize("1000"), 1000)
        XCTAssertNil(ExtractionCache.parseSize("lots"))
        XCTAssertEqual(ExtractionCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]), "/x/uapi")
        XCTAssertEqual(ExtractionCache.defaultDirectory(environment: ["HOME": "/h"]), "/h/.cache/uapi")
        XCTAssertNil(ExtractionCache.defaultDirectory(environment: [:]))
    }

    func testEntriesNameTheBuildThatWroteThem() throws {
        let readelf = try CommandRunner.run("readelf", ["-n", TestPaths.uapiBinary.path]).stdoutText
        let line = try XCTUnwrap(readelf.split(separator: "\n").first { $0.contains("Build ID:") })
        let expected = line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(BuildIdentity.gnuBuildID(ofExecutableAt: TestPaths.uapiBinary.path), expected)
    }

    private func diskUsage(_ directory: String) throws -> Int64 {
        var total: Int64 = 0
        for name in FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [] {
            var info = stat()
            if lstat("\(directory)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG { total += Int64(info.st_blocks) * 512 }
        }
        return total
    }
}
