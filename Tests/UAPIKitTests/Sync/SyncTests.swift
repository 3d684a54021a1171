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

/// `uapi sync` on fixture kernel trees (v1; v2 adds compatibly; v3 breaks
/// fixdev_region), from disk and from git objects, with refusals, injected
/// failures, a kill, a symlink, and the portable rewrite.
final class SyncTests: XCTestCase {
    private let headers = ["linux/fixdev*.h", "asm-x86/fixdev.h"]
    private func kernel(_ version: String) -> String { TestPaths.fixtures.appendingPathComponent("sync/kernel-\(version)").path }

    /// Every file under `root` (relative path -> bytes).
    private func tree(_ root: URL) -> [String: Data] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        var result: [String: Data] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) }
        }
        return result
    }

    private func sync(_ from: String, in project: URL, _ extra: [String] = [], environment: [String: String]? = nil) throws -> CommandResult {
        try CommandRunner.run(TestPaths.uapiBinary.path, ["sync", "--from", from, "--to", "linux-headers"] + extra + headers,
                              in: project, environment: environment)
    }

    func testHeadersInstallTransform() throws {
        let text = try HeadersInstall.transform("""
        #ifndef _UAPI_LINUX_X_H
        #define _UAPI_LINUX_X_H
        #ifdef __KERNEL__
        int kernel_only;
        #else
        int user_side;
        #endif
        #if defined(__KERNEL__)
        int also_kernel;
        #endif
        #ifndef __KERNEL__
        int user_only;
        #endif
        #ifdef CONFIG_X
        int kept;
        #endif
        #ifdef __KERNEL__EXTRA
        int not_the_kernel_macro;
        #endif
        struct s { void __user *p; int __force q; };
        #endif /* _UAPI_LINUX_X_H */
        """)
        XCTAssertEqual(text, """
        #ifndef _LINUX_X_H
        #define _LINUX_X_H
        int user_side;
        int user_only;
        #ifdef CONFIG_X
        int kept;
        #endif
        #ifdef __KERNEL__EXTRA
        int not_the_kernel_macro;
        #endif
        struct s { void *p; int q; };
        #endif /* _LINUX_X_H */
        """)
        XCTAssertThrowsError(try HeadersInstall.transform("#ifdef __KERNEL__\n#elif X\n#endif\n"))
    }

    func testSyncFromATreeThenRefuseABreakingOne() throws {
        let project = try TestPaths.temporaryDirectory()
        let first = try sync(kernel("v1"), in: project)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdoutText.hasPrefix("linux-headers: update to v6.7\n"), first.stdoutText)
        let synced = project.appendingPathComponent("linux-headers")
        let header = try String(contentsOf: synced.appendingPathComponent("linux/fixdev.h"), encoding: .utf8)
        XCTAssertTrue(header.contains("#ifndef _LINUX_FIXDEV_H"))
        XCTAssertFalse(header.contains("__KERNEL__"))
        XCTAssertFalse(header.contains("fixdev_kernel_only"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: synced.appendingPathComponent("asm-x86/fixdev.h").path))
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: synced.appendingPathComponent(".uapi-sync.json"))) as! [String: Any]
        XCTAssertEqual(record["kernelVersion"] as? String, "6.7")
        XCTAssertEqual((record["files"] as? [Any])?.count, 3)

        let before = tree(synced)
        let refused = try sync(kernel("v3"), in: project)
        XCTAssertEqual(refused.status, 8)
        XCTAssertTrue(refused.stderr.contains("refused: "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("layout-drift: type of fixdev_region.index changed"), refused.stderr)
        XCTAssertEqual(tree(synced), before, "a refused sync must leave the tree byte-identical")

        let noReason = try sync(kernel("v3"), in: project, ["--allow-breaking"])
        XCTAssertEqual(noReason.status, 2)
        let accepted = try sync(kernel("v3"), in: project, ["--allow-breaking", "--reason", "fixdev_region v2 layout agreed upstream"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        let after = try JSONSerialization.jsonObject(with: Data(contentsOf: synced.appendingPathComponent(".uapi-sync.json"))) as! [String: Any]
        XCTAssertEqual(after["breakingAccepted"] as? String, "fixdev_region v2 layout agreed upstream")
    }

    func testSyncFromGitRevisionsLeavesTheWorkTreeAlone() throws {
        let repo = try TestPaths.temporaryDirectory()
        func git(_ args: String...) throws {
            let result = try CommandRunner.run("git", ["-C", repo.path, "-c", "user.name=t", "-c", "user.email=t@t"] + args)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try git("init", "-q")
        for (version, tag) in [("v1", "v6.7"), ("v2", "v6.8-rc1")] {
            for entry in try FileManager.default.contentsOfDirectory(atPath: repo.path) where entry != ".git" {
                try FileManager.default.removeItem(at: repo.appendingPathComponent(entry))
            }
            for entry in try FileManager.default.contentsOfDirectory(atPath: kernel(version)) {
                try FileManager.default.copyItem(atPath: "\(kernel(version))/\(entry)", toPath: repo.appendingPathComponent(entry).path)
            }
            try git("add", "-A"); try git("commit", "-qm", "Linux \(tag)"); try git("tag", tag)
        }
        // A dirty work tree: the sync must read the revisions, not the files.
        try "broken {".write(to: repo.appendingPathComponent("include/uapi/linux/fixdev.h"), atomically: true, encoding: .utf8)

        let project = try TestPaths.temporaryDirectory()
        XCTAssertEqual(try sync("\(repo.path)@v6.7", in: project).status, 0)
        let synced = project.appendingPathComponent("linux-headers")
        let queueInode = try inode(synced.appendingPathComponent("linux/fixdev_queue.h"))
        let dry = try sync("\(repo.path)@v6.8-rc1", in: project, ["--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stderr.contains("changed   linux/fixdev.h"), dry.stderr)
        XCTAssertTrue(dry.stderr.contains("unchanged linux/fixdev_queue.h"), dry.stderr)
        XCTAssertFalse(try String(contentsOf: synced.appendingPathComponent("linux/fixdev.h"), encoding: .utf8).contains("FIXDEV_RESET"))

        let second = try sync("\(repo.path)@v6.8-rc1", in: project)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdoutText.hasPrefix("linux-headers: update to v6.8-rc1\n"), second.stdoutText)
        XCTAssertTrue(second.stdoutText.contains("(\"Linux v6.8-rc1\")"), second.stdoutText)
        XCTAssertTrue(second.stdoutText.contains("- compatible: ioctl FIXDEV_RESET (0x4602) was added"), second.stdoutText)
        XCTAssertTrue(try String(contentsOf: synced.appendingPathComponent("linux/fixdev.h"), encoding: .utf8).contains("FIXDEV_RESET"))
        XCTAssertEqual(try inode(synced.appendingPathComponent("linux/fixdev_queue.h")), queueInode, "unchanged files are not rewritten")

        let missing = try sync("\(repo.path)@v9.9", in: project)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("revision 'v9.9' not found"), missing.stderr)
    }

    private func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        XCTAssertEqual(stat(url.path, &info), 0)
        return UInt64(info.st_ino)
    }

    func testAFailureOrAKillHalfwayLeavesTheOldTree() throws {
        let project = try TestPaths.temporaryDirectory()
        XCTAssertEqual(try sync(kernel("v1"), in: project).status, 0)
        let synced = project.appendingPathComponent("linux-headers")
        let before = tree(synced)

        let failed = try sync(kernel("v2"), in: project, environment: ["UAPI_TEST_SYNC_FAIL_AFTER": "1"])
        XCTAssertEqual(failed.status, 2, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("injected failure"), failed.stderr)
        XCTAssertEqual(tree(synced), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path), ["linux-headers"], "no staging directory is left behind")

        // Killed while staging: the old tree stays; the next run cleans up and succeeds.
        let process = try BackgroundCommand(["sync", "--from", kernel("v2"), "--to", "linux-headers"] + headers, in: project,
                                            environment: ["UAPI_TEST_SYNC_PAUSE_AFTER": "1"])
        XCTAssertTrue(process.waitUntilStopped(at: "stopped at written-1"), process.abandon())
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: project.path).contains { $0.contains("uapi-staging") })
        process.send(SIGKILL)
        _ = process.finish()
        XCTAssertEqual(tree(synced), before, "a killed sync must leave the tree byte-identical")
        let resumed = try sync(kernel("v2"), in: project)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path), ["linux-headers"])
    }

    func testSymlinksAndForbiddenIncludesAreRefused() throws {
        let source = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(atPath: kernel("v1"), toPath: source.appendingPathComponent("linux").path)
        let tree = source.appendingPathComponent("linux")
        try FileManager.default.createSymbolicLink(atPath: tree.appendingPathComponent("include/uapi/linux/fixdev_evil.h").path,
                                                   withDestinationPath: "/etc/hostname")
        let project = try TestPaths.temporaryDirectory()
        let result = try sync(tree.path, in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("fixdev_evil.h is a symbolic link"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("linux-headers").path))

        let forbidden = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--to", "linux-headers", "--allow-include", "linux/types.h",
                                                "linux/fixdev.h"], in: project)
        XCTAssertEqual(forbidden.status, 2)
        XCTAssertTrue(forbidden.stderr.contains("linux-headers/linux/fixdev.h:7: #include <linux/ioctl.h> is not on the allowlist"), forbidden.stderr)
    }

    func testPortableRewriteKeepsTheABIOnX86_64AndI386() throws {
        let project = try TestPaths.temporaryDirectory()
        let result = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--to", "standard-headers", "--rewrite", "portable",
                                             "--packed-macro", "FIX_PACKED", "linux/fixdev.h", "linux/fixdev_queue.h"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: project.appendingPathComponent("standard-headers/linux/fixdev.h"), encoding: .utf8)
        XCTAssertTrue(text.contains("uint64_t __attribute__((aligned(8))) features;"), text)
        XCTAssertTrue(text.contains("} FIX_PACKED;"), text)
        XCTAssertFalse(text.contains("__u32") || text.contains("__le32") || text.contains("__bitwise"), text)

        // Independently: the rewritten copy against the original, layout for layout.
        let original = try SyncSource.parse(kernel("v1")).read("linux/fixdev.h")
        let checker = SyncChecker(targets: [.x86_64, .i386], includeDirectories: [], kernelTypes: false)
        let old = try checker.snapshot(["linux/fixdev.h": original])
        let new = try checker.snapshot(["linux/fixdev.h": text], defines: ["FIX_PACKED=__attribute__((packed))"])
        XCTAssertEqual(SnapshotDiffer().diff(old: old, new: new).changes.filter { $0.category.defaultSeverity != .info }, [])
        XCTAssertEqual(new.target(named: "i386")?.record(named: "fixdev_info")?.size, 24)

        // A rewrite that loses __aligned_u64 is caught on i386.
        let careless = original.replacingOccurrences(of: "__aligned_u64", with: "__u64")
        let problems = try checker.rewriteProblems(original: ["linux/fixdev.h": original], rewritten: ["linux/fixdev.h": careless], defines: [])
        XCTAssertTrue(problems.contains { $0.category == .layoutDrift && $0.targets == ["i386"] }, "\(problems)")
    }

    func testAManifestSyncsEveryGroupOrNone() throws {
        let project = try TestPaths.temporaryDirectory()
        try """
        headers: []
        sync:
          - to: linux-headers
            headers: ["linux/fixdev*.h", asm-x86/fixdev.h]
          - to: include/standard-headers
            headers: [linux/fixdev.h]
            rewrite: portable
            packed-macro: FIX_PACKED
            allow-include: [stdint.h, "linux/*"]

        """.write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        let first = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--config", "uapi.yaml"], in: project)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdoutText.hasPrefix("linux-headers, standard-headers: update to v6.7\n"), first.stdoutText)
        let portable = try String(contentsOf: project.appendingPathComponent("include/standard-headers/linux/fixdev.h"), encoding: .utf8)
        XCTAssertTrue(portable.contains("#include <stdint.h>"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("linux-headers/asm-x86/fixdev.h").path))

        // v3 breaks both groups: neither is written.
        let before = tree(project)
        let refused = try CommandRunner.uapi(["sync", "--from", kernel("v3"), "--config", "uapi.yaml"], in: project)
        XCTAssertEqual(refused.status, 8)
        XCTAssertEqual(tree(project), before)

        try "sync:\n  - to: x\n    headers: [a.h]\n    rewrite: fancy\n".write(to: project.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--config", "bad.yaml"], in: project)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad.yaml:4: rewrite is verbatim or portable, not 'fancy'"), bad.stderr)
    }

    /// From anywhere in the repository: the groups, targets and policy of the project's uapi.yaml.
    func testTheProjectConfigIsFoundAndItsPolicyApplies() throws {
        let project = try TestPaths.temporaryDirectory()
        let inside = project.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try """
        targets: [x86_64]
        policy: policy.yaml
        sync:
          - to: linux-headers
            headers: ["linux/fixdev*.h"]

        """.write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        try "severity:\n  added: breaking\n".write(to: project.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)

        // The first copy is all additions, which this project's policy calls breaking.
        let refused = try CommandRunner.uapi(["sync", "--from", kernel("v1")], in: inside)
        XCTAssertEqual(refused.status, 8, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("note: using the project config"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("linux-headers").path))
        let accepted = ["--allow-breaking", "--reason", "first copy"]
        let first = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--format", "json", "-o", "report.json"] + accepted, in: inside)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("linux-headers/linux/fixdev.h").path))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: inside.appendingPathComponent("report.json"))) as? [String: Any]
        XCTAssertEqual(report?["targets"] as? [String], ["x86_64"])
        // Without the config: the strict default policy, whose additions are compatible.
        XCTAssertEqual(try CommandRunner.uapi(["sync", "--no-config", "--from", kernel("v2"), "--to", "../linux-headers", "linux/fixdev*.h"],
                                              in: inside).status, 0)

        // Headers named on the command line: a found config's groups are left alone.
        let other = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--to", "mine", "linux/fixdev.h"] + accepted, in: inside)
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(other.stdoutText.hasPrefix("mine: "), other.stdoutText)
    }
}
