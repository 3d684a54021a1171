import Foundation
import XCTest

/// The first invariant on whole trees: every header of an installed tree, parsed twice
/// and compared, has no changes, on every target. A header that does not parse on its
/// own is left out (and named); the ones expected here are listed with the reason.
final class WholeTreeSelfDiffTests: XCTestCase {
    /// Headers of Debian's linux-libc-dev that no compiler accepts on their own.
    private static let notSelfContained: [String: String] = [
        "linux/a.out.h": "includes asm/a.out.h, which arm64 does not have",
        "linux/vm_sockets.h": "6.1.4 (the cross packages) uses struct sockaddr without including <sys/socket.h>",
        "linux/coda.h": "uses int64_t/u_quad_t without including <stdint.h>/<sys/types.h>",
        "linux/errqueue.h": "uses struct timespec without including <time.h>",
        "linux/hdlc/ioctl.h": "uses IFNAMSIZ without including <linux/if.h>",
        "linux/kfd_ioctl.h": "includes drm/drm.h, which Debian 12 ships in libdrm-dev, not linux-libc-dev",
        "linux/omapfb.h": "uses size_t without including <stddef.h>",
        "linux/patchkey.h": "#error unless included through linux/soundcard.h",
        "linux/phonet.h": "uses struct sockaddr without including <sys/socket.h>",
        "linux/sctp.h": "uses MSG_FIN without including <sys/socket.h>",
        "linux/sysctl.h": "uses size_t without including <stddef.h>",
    ]

    func testHostTreeForX86_64() throws { try selfDiffHostTree(target: "x86_64") }
    func testHostTreeForI386() throws { try selfDiffHostTree(target: "i386") }
    func testHostTreeForAarch64() throws { try selfDiffHostTree(target: "aarch64") }

    // Each cross package's own tree (an older linux-libc-dev) with its own target.
    func testCrossTreeForAarch64() throws { try selfDiffCrossTree(target: "aarch64", triple: "aarch64-linux-gnu") }
    func testCrossTreeForArm() throws { try selfDiffCrossTree(target: "arm", triple: "arm-linux-gnueabihf") }
    func testCrossTreeForRiscv64() throws { try selfDiffCrossTree(target: "riscv64", triple: "riscv64-linux-gnu") }
    func testCrossTreeForPpc64le() throws { try selfDiffCrossTree(target: "ppc64le", triple: "powerpc64le-linux-gnu") }
    func testCrossTreeForS390x() throws { try selfDiffCrossTree(target: "s390x", triple: "s390x-linux-gnu") }

    /// Other kernel versions, when `make accuracy` has unpacked them (.accuracy/<version>/usr/include).
    func testOtherKernelVersionsWithTheirOwnAsmHeaders() throws {
        let root = TestPaths.repository.appendingPathComponent(".accuracy")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/usr/include/linux").path) }.sorted()
        guard let oldest = versions.first, let newest = versions.last else {
            throw XCTSkip("no kernel trees under .accuracy/ (make accuracy unpacks them)")
        }
        for version in Set([oldest, newest]).sorted() {
            let tree = root.appendingPathComponent(version).path
            try selfDiffOneParse("\(tree)/usr/include/linux", target: "x86_64", extra: ["--sysroot", tree])
        }
    }

    private func selfDiffCrossTree(target: String, triple: String) throws {
        let tree = "/usr/\(triple)/include/linux"
        guard FileManager.default.fileExists(atPath: tree) else {
            throw XCTSkip("\(tree) is absent: make deps installs it")
        }
        try selfDiffOneParse(tree, target: target, extra: ["-I", "/usr/\(triple)/include"])
    }

    /// Half the time of `selfDiff` for the trees beyond the host's: one parse, its snapshot compared with itself.
    private func selfDiffOneParse(_ directory: String, target: String, extra: [String],
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("tree.json").path
        let parse = try CommandRunner.uapi(["snapshot", "--no-config", "--target", target, "--keep-going", "--only-listed", "--recursive",
                                            "-o", snapshot] + extra + [directory])
        XCTAssertEqual(parse.status, 0, parse.stderr, file: file, line: line)
        let skipped = parse.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
            .map { "left out " + $0.dropFirst("skipped ".count) }
        let result = try CommandRunner.uapi(["diff", "--no-config", snapshot, snapshot])
        check(result, leftOut: skipped, context: "uapi snapshot --target \(target) \(directory), compared with itself", file: file, line: line)
    }

    private func selfDiffHostTree(target: String) throws {
        for directory in ["/usr/include/linux", "/usr/include/rdma", "/usr/include/misc"] {
            try selfDiff(directory, target: target)
        }
    }

    private func selfDiff(_ directory: String, target: String, extra: [String] = [],
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CommandRunner.uapi(["diff", "--no-config", "--target", target] + extra + [directory, directory])
        let leftOut = result.stderr.split(separator: "\n").filter { $0.hasPrefix("left out ") }.map(String.init)
        check(result, leftOut: leftOut, context: "uapi diff --target \(target) \(directory) \(directory)", file: file, line: line)
    }

    private func check(_ result: CommandResult, leftOut: [String], context: String, file: StaticString, line: UInt) {
        XCTAssertEqual(result.status, 0, "\(context)\n\(result.stdoutText)\(result.stderr.prefix(3000))", file: file, line: line)
        XCTAssertTrue(result.stdoutText.contains("No ABI changes."), "\(context)\n\(result.stdoutText.prefix(3000))", file: file, line: line)
        let unexplained = leftOut.filter { note in
            let header = note.dropFirst("left out ".count).split(separator: " ").first.map(String.init) ?? ""
            return Self.notSelfContained[header] == nil
        }
        XCTAssertEqual(unexplained, [], "\(context): headers that do not parse and are not known not to", file: file, line: line)
        XCTAssertLessThanOrEqual(leftOut.count, Self.notSelfContained.count, context, file: file, line: line)
    }
}
