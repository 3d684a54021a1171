import Foundation
import XCTest
@testable import UAPIExtract
@testable import UAPIModel

/// Every header of a snapshot comes from the tree being snapshotted: generic headers
/// from the tree, `asm/` from the target's asm headers (the host's cross package or
/// `--sysroot`), never two copies of one header.
final class HeaderSourceTests: XCTestCase {
    private let fixtures = TestPaths.fixtures.appendingPathComponent("accuracy")

    /// The cross package's older `linux/if_link.h` must not replace /usr/include's for aarch64.
    func testCrossTargetsTakeGenericHeadersFromTheSnapshottedTree() throws {
        let generic = "/usr/include/linux/if_link.h", cross = "/usr/aarch64-linux-gnu/include/linux/if_link.h"
        let genericHash = SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: generic)))
        guard FileManager.default.fileExists(atPath: cross), SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: cross))) != genericHash else {
            throw XCTSkip("the cross package's linux/if_link.h is the same as \(generic): nothing to tell apart")
        }
        let result = try CommandRunner.uapi(["snapshot", "--target", "x86_64,aarch64", "uses_if_link.h"],
                                            in: fixtures.appendingPathComponent("cross-generic"))
        XCTAssertEqual(result.status, 0, result.stderr)
        let snapshot = try SnapshotCoding.decode(result.stdout, path: "stdout")
        for target in snapshot.targets {
            let header = try XCTUnwrap(target.headers.first { $0.path == "linux/if_link.h" }, target.target)
            XCTAssertEqual(header.sha256, genericHash, "\(target.target) read another copy of linux/if_link.h")
        }
        let asm = try XCTUnwrap(snapshot.target(named: "aarch64")?.headers.first { $0.path == "asm/bitsperlong.h" })
        XCTAssertEqual(asm.sha256, SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: "/usr/aarch64-linux-gnu/include/asm/bitsperlong.h"))))
    }

    /// Each --sysroot layout gives each target its own asm/: three registers on x86, five on arm64.
    func testSysrootLayoutsGiveEachTargetItsOwnAsmHeaders() throws {
        for layout in ["sysroot-installed", "sysroot-kernel", "sysroot-qemu"] {
            let result = try CommandRunner.uapi(["snapshot", "--sysroot", layout, "--target", "x86_64,i386,aarch64",
                                                 "--only-listed", "linux/probe.h"], in: fixtures)
            XCTAssertEqual(result.status, 0, "\(layout): \(result.stderr)")
            let snapshot = try SnapshotCoding.decode(result.stdout, path: layout)
            let sizes = snapshot.targets.map { "\($0.target)=\($0.record(named: "probe")?.size ?? -1)" }
            XCTAssertEqual(sizes, ["x86_64=32", "i386=28", "aarch64=48"], layout)
        }
    }

    func testATreeWithoutTheTargetsAsmHeadersIsAnError() throws {
        let result = try CommandRunner.uapi(["snapshot", "--sysroot", "sysroot-installed", "--target", "riscv64", "linux/probe.h"], in: fixtures)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("target riscv64: the tree sysroot-installed has no asm headers"), result.stderr)
        XCTAssertTrue(result.stderr.contains("sysroot-installed/usr/include/riscv64-linux-gnu/asm"), result.stderr)
    }

    /// linux/const.h is not in the tree: the build machine's (or the cross package's) copy must not fill in.
    func testAGenericHeaderTheTreeLacksIsAnError() throws {
        for target in ["x86_64", "aarch64"] {
            let result = try CommandRunner.uapi(["snapshot", "--sysroot", "sysroot-installed", "--target", target, "linux/outside.h"], in: fixtures)
            XCTAssertEqual(result.status, 2, target)
            XCTAssertTrue(result.stderr.contains("target \(target): linux/const.h was found at /usr/"), result.stderr)
            XCTAssertTrue(result.stderr.contains("outside the headers being snapshotted (sysroot-installed/usr/include)"), result.stderr)
        }
    }

    func testOneHeaderNameNeverResolvesToTwoFiles() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (path, text) in ["a/linux/shared.h": "struct shared { int a; };\n",
                             "a/linux/user.h": "#include <linux/shared.h>\nstruct user { struct shared s; };\n",
                             "b/linux/shared.h": "struct shared { long a; };\n"] {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let result = try CommandRunner.uapi(["snapshot", "-I", "a", "-I", "b", "a/linux/user.h", "b/linux/shared.h"], in: directory)
        XCTAssertEqual(result.status, 2, result.stdoutText)
        XCTAssertTrue(result.stderr.contains("linux/shared.h resolves to two files"), result.stderr)
    }

    func testAMissingIncludeDirectoryIsAnError() throws {
        let result = try CommandRunner.uapi(["snapshot", "-I", "no-such-dir", "uses_if_link.h"],
                                            in: fixtures.appendingPathComponent("cross-generic"))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--include no-such-dir: no such directory"), result.stderr)
    }

    /// QEMU's build links linux-headers/asm to asm-x86: a directory argument follows it, and a loop ends.
    func testDirectoriesFollowSymbolicLinksWithoutLooping() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let headers = directory.appendingPathComponent("linux-headers")
        try FileManager.default.createDirectory(at: headers.appendingPathComponent("asm-x86"), withIntermediateDirectories: true)
        try "struct linked { int a; };\n".write(to: headers.appendingPathComponent("asm-x86/linked.h"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: headers.appendingPathComponent("asm").path, withDestinationPath: "asm-x86")
        try FileManager.default.createSymbolicLink(atPath: headers.appendingPathComponent("asm-x86/loop").path, withDestinationPath: "..")

        XCTAssertEqual(try HeaderDirectory.headers(in: headers.path, recursive: true), ["asm-x86/linked.h", "asm/linked.h"])
        let result = try CommandRunner.uapi(["snapshot", "--only-listed", "linux-headers/asm"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(try SnapshotCoding.decode(result.stdout, path: "stdout").targets.first?.record(named: "linked"))
    }

    /// i386 needs the 32-bit C library headers (gnu/stubs-32.h, libc6-dev-i386): headers that
    /// include <sys/socket.h> or <stdint.h> parse, and gcc -m32 agrees with every layout.
    func testI386HeadersThatIncludeTheCLibraryMatchGCC() throws {
        for header in ["/usr/include/linux/if.h", "/usr/include/linux/netfilter_ipv4/ip_tables.h"] {
            let target = try XCTUnwrap(Snapshots.of([header], targets: [.i386]).target(named: "i386"))
            let (source, probes, assertions) = CLayoutOracle(target: target, includes: [header], prelude: "").source()
            XCTAssertGreaterThan(assertions, 10, header)
            let assembly = try XCTUnwrap(try GCC.forTarget("i386")!.assemble(source))
            XCTAssertEqual(CLayoutOracle.verify(probes, assembly: assembly, target: "i386"), [])
        }
    }
}
