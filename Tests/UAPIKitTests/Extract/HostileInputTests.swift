import Foundation
import XCTest
@testable import UAPIExtract
@testable import UAPIModel

/// Inputs that used to crash `uapi` (signal 11) or make it run without end. Each
/// must now end in one of the documented statuses, with the offending file named.
/// Hostile files live only in temporary directories; devices and FIFOs are made there.
final class HostileInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try TestPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String], budget: TimeInterval = 300) throws -> BoundedResult {
        let result = try BoundedRun.uapi(arguments, in: directory, budget: budget)
        XCTAssertFalse(result.signaled || result.timedOut, result.summary)
        return result
    }

    private static func chain(_ terms: Int) -> String {
        "(" + Array(repeating: "1", count: terms).joined(separator: "+") + ")"
    }

    // MARK: stack

    /// 40,000 terms overflowed libclang's 8 MiB parsing thread; the workers' 1 GiB stack holds them.
    func testAMacroOf40000TermsIsEvaluated() throws {
        try write("deep.h", "#define BIG \(Self.chain(40_000))\nstruct s { int a; };\n")
        let result = try run(["snapshot", "deep.h"])
        XCTAssertEqual(result.status, 0, result.summary)
        let snapshot = try SnapshotCoding.decode(result.stdout, path: "stdout")
        XCTAssertEqual(snapshot.targets.first?.constant(named: "BIG")?.value, IntegerValue(Int64(40_000)))
    }

    func testAnExpressionOverTheTokenLimitIsRefusedByName() throws {
        // `sizeof` costs clang the most stack per token; one over the limit is refused before parsing.
        let tokens = InputLimits.maxExpressionTokens + 1
        try write("sizes.h", "struct s { int a; };\nenum { E = " + String(repeating: "sizeof ", count: tokens - 1) + "1 };\n")
        let result = try run(["snapshot", "sizes.h"])
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("sizes.h:2: one expression or declaration of more than \(InputLimits.maxExpressionTokens) tokens"), result.stderr)
    }

    func testMacrosThatMultiplyEachOtherAreCountedExpanded() throws {
        // 400 x 400 tokens: each definition is short, the expansion of B is not.
        let a = Array(repeating: "1", count: 200).joined(separator: "+")
        let b = Array(repeating: "A", count: 400).joined(separator: "+")
        try write("product.h", "#define A \(a)\n#define B \(b)\nstruct s { int a; };\n")
        let result = try run(["snapshot", "product.h"])
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("product.h:2: #define B: one expression"), result.stderr)
    }

    /// Nested calls of a macro that repeats its argument expand past the token estimate
    /// (4^11 terms here): libclang's crash recovery, run on the worker's alternate signal
    /// stack, turns the stack overflow into an error for that header.
    func testAStackOverflowInsideClangFailsOnlyThatHeader() throws {
        try write("dir/bomb.h", "#define F(x) x+x+x+x\n#define BOMB F(F(F(F(F(F(F(F(F(F(F(1)))))))))))\n")
        try write("dir/good.h", "struct good { int a; };\n")
        let alone = try run(["snapshot", "dir/bomb.h"])
        XCTAssertEqual(alone.status, 2, alone.summary)
        XCTAssertTrue(alone.stderr.contains("uapi: error: dir/bomb.h: libclang crashed while parsing it"), alone.stderr)
        let together = try run(["snapshot", "--jobs", "1", "--recursive", "--keep-going", "dir"])
        XCTAssertEqual(together.status, 0, together.summary)
        XCTAssertTrue(together.stderr.contains("skipped dir/bomb.h for x86_64"), together.stderr)
        XCTAssertNotNil(try SnapshotCoding.decode(together.stdout, path: "stdout").targets.first?.record(named: "good"))
    }

    /// The worker parsed a good header first, so the crash happens in a reparse of its unit:
    /// the header fails once, as when it is parsed first, whatever the number of jobs.
    func testACrashAfterAGoodHeaderFailsOnlyThatHeaderOnce() throws {
        try write("dir/a_good.h", "struct good { int a; };\n")
        try write("dir/b_bomb.h", "#define F(x) x+x+x+x\n#define BOMB F(F(F(F(F(F(F(F(F(F(F(1)))))))))))\n")
        try write("dir/c_after.h", "struct after { int b; };\n")
        for jobs in ["1", "2"] {
            let result = try run(["snapshot", "--jobs", jobs, "--recursive", "--keep-going", "dir"])
            XCTAssertEqual(result.status, 0, result.summary)
            XCTAssertTrue(result.stderr.contains("skipped dir/b_bomb.h for x86_64"), result.stderr)
            // libclang says so once: the header is not parsed a second time.
            XCTAssertEqual(result.stderr.components(separatedBy: "crash detected").count - 1, 1, result.stderr)
            let snapshot = try SnapshotCoding.decode(result.stdout, path: "stdout")
            XCTAssertNotNil(snapshot.targets.first?.record(named: "good"))
            XCTAssertNotNil(snapshot.targets.first?.record(named: "after"))
        }
    }

    func testKeepGoingSurvivesATooDeepHeaderAndKeepsTheOthers() throws {
        try write("dir/good.h", "struct good { int a; };\n")
        try write("dir/deep.h", "#define BIG \(Self.chain(InputLimits.maxExpressionTokens))\n")
        let result = try run(["snapshot", "--recursive", "--keep-going", "dir"])
        XCTAssertEqual(result.status, 0, result.summary)
        XCTAssertTrue(result.stderr.contains("skipped dir/deep.h for x86_64"), result.stderr)
        let snapshot = try SnapshotCoding.decode(result.stdout, path: "stdout")
        XCTAssertNotNil(snapshot.targets.first?.record(named: "good"))
    }

    // MARK: files that never end

    func testFIFOsAndDevicesAreRefusedWhereverTheyAreReached() throws {
        try XCTSkipUnless(mkfifo(directory.appendingPathComponent("fifo.h").path, 0o644) == 0, "mkfifo failed")
        try XCTSkipUnless(mkfifo(directory.appendingPathComponent("fifo.json").path, 0o644) == 0, "mkfifo failed")
        // The character device of /dev/zero (major 1, minor 5: glibc encodes it 0x105), made in the temporary directory.
        try XCTSkipUnless(mknod(directory.appendingPathComponent("zero.h").path, S_IFCHR | 0o644, dev_t(0x105)) == 0,
                          "mknod needs root")
        try write("by-fifo.h", "struct a { int x; };\n#include \"fifo.h\"\n")
        try write("by-zero.h", "#include <zero.h>\n")
        try write("by-macro.h", "#define TARGET \"zero.h\"\n#include TARGET\n")
        try write("good.h", "struct good { int x; };\n")
        let cases: [([String], String)] = [
            (["snapshot", "by-fifo.h"], "by-fifo.h:2: #include reaches fifo.h, which is a FIFO"),
            (["snapshot", "-I", ".", "by-zero.h"], "by-zero.h:1: #include reaches zero.h, which is a character device"),
            (["snapshot", "by-macro.h"], "by-macro.h:2: #include reaches zero.h, which is a character device"),
            (["snapshot", "fifo.h"], "fifo.h is a FIFO, not a regular file"),
            (["lint", "zero.h"], "zero.h is a character device, not a regular file"),
            (["diff", "--policy", "fifo.h", "by-fifo.h", "by-fifo.h"], "fifo.h is a FIFO, not a regular file"),
            (["diff", "fifo.json", "fifo.json"], "fifo.json is a FIFO, not a regular file"),
            (["lint", "--known-findings", "fifo.json", "good.h"], "fifo.json is a FIFO, not a regular file"),
            // Not found as <zero.h>, clang takes it as "zero.h" beside the header.
            (["snapshot", "by-zero.h"], "by-zero.h:1: #include reaches zero.h, which is a character device"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments, budget: 120)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.summary)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    /// Under --sysroot clang reads the tree through a virtual file system overlay; the checks
    /// before parsing follow it, `..` in an include too (they used to read the host's copies).
    func testAFIFOInASysrootTreeIsRefused() throws {
        let tree = directory.appendingPathComponent("tree/usr/include")
        for name in ["linux", "asm-generic", "x86_64-linux-gnu/asm"] {
            try FileManager.default.createDirectory(at: tree.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try write("tree/usr/include/x86_64-linux-gnu/asm/types.h", "typedef unsigned int __u32;\n")
        try XCTSkipUnless(mkfifo(tree.appendingPathComponent("asm-generic/fifo.h").path, 0o644) == 0, "mkfifo failed")
        try write("tree/usr/include/linux/direct.h", "#include <asm-generic/fifo.h>\n")
        try write("tree/usr/include/linux/dotted.h", "#include <asm/types.h>\n#include <asm/../asm-generic/fifo.h>\n")
        for header in ["direct.h", "dotted.h"] {
            let result = try run(["snapshot", "--no-config", "--no-cache", "--sysroot", "tree", "tree/usr/include/linux/\(header)"], budget: 60)
            XCTAssertEqual(result.status, 2, "\(header): \(result.summary)")
            XCTAssertTrue(result.stderr.contains("asm-generic/fifo.h, which is a FIFO"), "\(header): \(result.stderr)")
        }
    }

    func testAHeaderOverTheSizeLimitIsRefusedWithTheOption() throws {
        try write("big.h", "struct big { int a; };\n" + String(repeating: "/* padding */\n", count: 100))
        try write("includes-big.h", "#include \"big.h\"\n")
        for header in ["big.h", "includes-big.h"] {
            let result = try run(["snapshot", "--max-header-bytes", "1000", header])
            XCTAssertEqual(result.status, 2, result.summary)
            XCTAssertTrue(result.stderr.contains("big.h is 1423 bytes, over the limit of 1000; raise --max-header-bytes"), result.stderr)
        }
        XCTAssertEqual(try run(["snapshot", "--max-header-bytes", "2000", "includes-big.h"]).status, 0)
    }

    func testAHeaderOverItsTimeLimitEndsWithStatus2AndNoOutput() throws {
        // 100,000 small structs take clang and uapi many seconds; the limit is one.
        try write("slow.h", (0..<100_000).map { "struct s\($0) { int a; };\n" }.joined())
        let result = try run(["snapshot", "--timeout-per-header", "1", "slow.h", "-o", "out.json"])
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("slow.h (x86_64): parsing took longer than 1 s; raise --timeout-per-header"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path))
    }

    // MARK: YAML

    func testDeeplyNestedYAMLIsRefusedBeforeYamsReadsIt() throws {
        try write("a.h", "struct a { int x; };\n")
        // 1,400 levels of one-space indentation: as deep as a block can go within the size limit.
        let block = "severity:\n" + (1..<1_400).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        try write("block.yaml", block)
        try write("flow.yaml", "severity: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n")
        try write("uapi.yaml", "headers: [a.h]\ninclude: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n")
        let cases: [([String], String)] = [
            (["diff", "--no-config", "--policy", "block.yaml", "a.h", "a.h"], "block.yaml:64: nested more than 64 levels deep"),
            (["diff", "--no-config", "--policy", "flow.yaml", "a.h", "a.h"], "flow.yaml:1: nested more than 64 levels deep"),
            (["snapshot", "--config", "uapi.yaml"], "uapi.yaml:2: nested more than 64 levels deep"),
            // Found rather than named: refused all the same.
            (["diff", "a.h", "a.h"], "uapi.yaml:2: nested more than 64 levels deep"),
        ]
        for (arguments, message) in cases {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.summary)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    func testAPolicyOverOneMebibyteIsRefused() throws {
        try write("a.h", "struct a { int x; };\n")
        try write("huge.yaml", "experimental:\n" + String(repeating: "  - some_name_or_other\n", count: 60_000))
        let result = try run(["diff", "--policy", "huge.yaml", "a.h", "a.h"])
        XCTAssertEqual(result.status, 2, result.summary)
        XCTAssertTrue(result.stderr.contains("huge.yaml is 1380014 bytes, over the limit of 1048576"), result.stderr)
    }
}
