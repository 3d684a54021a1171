import Foundation
import XCTest

/// Every input is read with its own header tree: a loose file's includes resolve in the
/// tree it was found in (installed, kernel source, QEMU), a git side's in its revision,
/// and only the C library comes from the build machine. The synthetic trees below use a
/// macro (`__tree_only`) that the build machine's `linux/types.h` does not have, so a
/// parse that reads the host's copy fails the way a 6.1 host failed on 6.12's `__counted_by`.
final class HeaderTreeInputTests: XCTestCase {
    private let typesHeader = """
    #ifndef _LINUX_TYPES_H
    #define _LINUX_TYPES_H
    #include <asm/types.h>
    #define __tree_only(member)
    #endif

    """
    private let asmTypes = "typedef unsigned int __u32;\ntypedef unsigned long long __u64;\n"
    private let thingOld = "#include <linux/types.h>\nstruct thing { __u32 count; };\n#define THING_MAGIC 1\n"
    private let thingNew = "#include <linux/types.h>\nstruct thing { __u32 count; __u32 items[] __tree_only(count); };\n#define THING_MAGIC 1\n#define THING_MORE 2\n"

    private func write(_ text: String, _ path: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// An installed tree (a Debian package unpacked): usr/include with its own types.h and x86_64 asm/.
    private func installedTree(in directory: URL, thing: String) throws -> URL {
        try write(typesHeader, "usr/include/linux/types.h", in: directory)
        try write(thing, "usr/include/linux/thing.h", in: directory)
        try write("", "usr/include/asm-generic/int-ll64.h", in: directory)
        try write(asmTypes, "usr/include/x86_64-linux-gnu/asm/types.h", in: directory)
        return directory
    }

    func testAVendoredCopyDiffsAgainstANewerInstalledTree() throws {
        let work = try TestPaths.temporaryDirectory()
        let tree = try installedTree(in: work.appendingPathComponent("7.2"), thing: thingNew)
        try write(thingOld, "project/vendor/thing.h", in: work)
        let newHeader = tree.appendingPathComponent("usr/include/linux/thing.h").path
        let result = try CommandRunner.uapi(["diff", "--no-cache", "--target", "x86_64", "project/vendor/thing.h", newHeader], in: work)
        XCTAssertEqual(result.status, 4, result.stderr + result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("THING_MORE"), result.stdoutText)
        // The same header parsed with the build machine's tree fails on the tree's own macro.
        let host = try CommandRunner.uapi(["diff", "--no-cache", "--target", "x86_64", "--new-sysroot", "/",
                                           "project/vendor/thing.h", newHeader], in: work)
        XCTAssertEqual(host.status, 2, host.stdoutText)
        XCTAssertTrue(host.stderr.contains("thing.h"), host.stderr)
    }

    func testKernelSourceAndQEMULayoutsAreRecognisedFromLooseFiles() throws {
        let work = try TestPaths.temporaryDirectory()
        let installed = try installedTree(in: work.appendingPathComponent("installed"), thing: thingNew)
        try write(typesHeader, "linux/include/uapi/linux/types.h", in: work)
        try write(thingNew, "linux/include/uapi/linux/thing.h", in: work)
        try write("", "linux/include/uapi/asm-generic/int-ll64.h", in: work)
        try write(asmTypes, "linux/arch/x86/include/uapi/asm/types.h", in: work)
        try write("// the kernel's own include/ must not be taken for an installed tree\n", "linux/include/linux/kernel.h", in: work)
        // A raw uapi header, before headers_install: the kernel-internal include and annotations.
        try write("#include <linux/compiler_types.h>\n#include <linux/types.h>\nstruct annotated { void __user *p; __u32 v; } __packed;\n",
                  "linux/include/uapi/linux/annotated.h", in: work)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("linux/include/asm-generic"), withIntermediateDirectories: true)
        // QEMU copies a few headers; linux/types.h (and so __tree_only) is not among them.
        try write("#define __tree_only(member)\n" + thingNew.replacingOccurrences(of: "#include <linux/types.h>\n", with: "#include <linux/types.h>\n"),
                  "qemu/linux-headers/linux/thing.h", in: work)
        try write("#include <stdint.h>\nstruct portable { uint32_t a; };\n", "qemu/include/standard-headers/linux/portable.h", in: work)
        try write("#include \"standard-headers/linux/portable.h\"\nstruct user { struct portable p; };\n",
                  "qemu/include/standard-headers/linux/user.h", in: work)

        let installedThing = installed.appendingPathComponent("usr/include/linux/thing.h").path
        let kernel = try CommandRunner.uapi(["diff", "--no-cache", "--target", "x86_64", "linux/include/uapi/linux/thing.h", installedThing], in: work)
        XCTAssertEqual(kernel.status, 0, kernel.stderr + kernel.stdoutText)
        let kernelLint = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64", "--only-listed", "linux/include/uapi/linux"], in: work)
        XCTAssertEqual(kernelLint.status, 0, kernelLint.stderr)
        XCTAssertTrue(kernelLint.stdoutText.contains("\"linux/thing.h\""), kernelLint.stdoutText)
        XCTAssertTrue(kernelLint.stdoutText.contains("\"annotated\""), kernelLint.stdoutText)
        XCTAssertFalse(kernelLint.stderr.contains("skipped"), kernelLint.stderr)

        let qemu = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64", "--only-listed",
                                           "qemu/include/standard-headers/linux/user.h"], in: work)
        XCTAssertEqual(qemu.status, 0, qemu.stderr)
        XCTAssertTrue(qemu.stdoutText.contains("\"standard-headers/linux/user.h\""), qemu.stdoutText)
        let qemuCopy = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64", "--only-listed",
                                               "qemu/linux-headers/linux/thing.h"], in: work)
        XCTAssertEqual(qemuCopy.status, 0, qemuCopy.stderr)
        XCTAssertTrue(qemuCopy.stdoutText.contains("\"linux/thing.h\""), qemuCopy.stdoutText)

        // Two trees in one run is a mistake the message names.
        let mixed = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64", "linux/include/uapi/linux/thing.h", installedThing], in: work)
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("kernel source tree") && mixed.stderr.contains("installed header tree"), mixed.stderr)
    }

    func testADryRunSyncFromAnInstalledTreeReadsThatTree() throws {
        let work = try TestPaths.temporaryDirectory()
        let tree = try installedTree(in: work.appendingPathComponent("7.2"), thing: thingNew)
        try write(thingOld, "project/linux-headers/linux/thing.h", in: work)
        for source in [tree.path, tree.appendingPathComponent("usr/include").path] {
            let result = try CommandRunner.uapi(["sync", "--from", source, "--to", "project/linux-headers", "--target", "x86_64",
                                                 "linux/thing.h", "--dry-run"], in: work)
            XCTAssertEqual(result.status, 0, result.stderr + result.stdoutText)
            XCTAssertTrue(result.stdoutText.contains("THING_MORE"), result.stdoutText)
        }
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("project/linux-headers/linux/thing.h")), thingOld)
    }

    func testGitSidesReadTheRevisionsTreeAndTheSecondRunParsesNothing() throws {
        let repo = try TestPaths.temporaryDirectory()
        let cache = try TestPaths.temporaryDirectory().path
        let git = ScratchGit(repo)
        try git.run("init", "-q")
        _ = try installedTree(in: repo, thing: thingOld)
        try git.run("add", "-A"); try git.run("commit", "-qm", "old"); try git.run("tag", "old")
        try write(thingNew, "usr/include/linux/thing.h", in: repo)
        try git.run("commit", "-qam", "new"); try git.run("tag", "new")
        try "{ garbage".write(to: repo.appendingPathComponent("usr/include/linux/types.h"), atomically: true, encoding: .utf8)

        for (old, new) in [("git:old:usr/include/linux/thing.h", "git:new:usr/include/linux/thing.h"),
                           ("git:old:usr/include/linux", "git:new:usr/include/linux")] {
            let arguments = ["diff", "--cache", cache, "--stats", "--target", "x86_64", old, new]
            let first = try CommandRunner.uapi(arguments, in: repo)
            XCTAssertEqual(first.status, 4, first.stderr + first.stdoutText)
            XCTAssertTrue(first.stdoutText.contains("THING_MORE"), first.stdoutText)
            let second = try CommandRunner.uapi(arguments, in: repo)
            XCTAssertEqual(second.stdout, first.stdout)
            XCTAssertTrue(second.stderr.contains(" 0 parsed"), second.stderr)
        }

        // Messages name the git side, not the copy it was parsed from.
        try git.run("checkout", "--", "usr/include/linux/types.h")
        try "#include <linux/types.h>\nstruct broken { __u32 a }\n".write(to: repo.appendingPathComponent("usr/include/linux/thing.h"), atomically: true, encoding: .utf8)
        try git.run("commit", "-qam", "broken")
        let broken = try CommandRunner.uapi(["diff", "--cache", cache, "--target", "x86_64", "git:new:usr/include/linux/thing.h",
                                             "git:HEAD:usr/include/linux/thing.h"], in: repo)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("git:HEAD:usr/include/linux/thing.h:2:"), broken.stderr)
        XCTAssertFalse(broken.stderr.contains(cache), broken.stderr)
    }

    func testCheckAgainstARevisionGatesABranch() throws {
        let repo = try TestPaths.temporaryDirectory()
        let git = ScratchGit(repo)
        try git.run("init", "-q", "-b", "main")
        try write("include: [include]\ntargets: [x86_64]\nheaders: [dev/api.h]\nonly-listed: true\n", "uapi.yaml", in: repo)
        try write("struct api { int a; int b; };\n#define API_VERSION 1\n", "include/dev/api.h", in: repo)
        try git.run("add", "-A"); try git.run("commit", "-qm", "base")
        try git.run("checkout", "-qb", "compatible")
        try write("struct api { int a; int b; };\n#define API_VERSION 1\n#define API_EXTRA 2\n", "include/dev/api.h", in: repo)
        try git.run("commit", "-qam", "add a macro")
        let compatible = try CommandRunner.uapi(["check", "--no-cache", "--against", "main"], in: repo)
        XCTAssertEqual(compatible.status, 0, compatible.stderr + compatible.stdoutText)
        XCTAssertTrue(compatible.stdoutText.contains("API_EXTRA"), compatible.stdoutText)

        try git.run("checkout", "-qb", "breaking", "main")
        try write("struct api { long a; int b; };\n#define API_VERSION 1\n", "include/dev/api.h", in: repo)
        try git.run("commit", "-qam", "widen a")
        let breaking = try CommandRunner.uapi(["check", "--no-cache", "--against", "main"], in: repo)
        XCTAssertEqual(breaking.status, 8, breaking.stderr + breaking.stdoutText)
        XCTAssertTrue(breaking.stdoutText.contains("api"), breaking.stdoutText)
        // Uncommitted work counts: the gate compares the working tree.
        try write("struct api { int a; int b; };\n#define API_VERSION 1\n", "include/dev/api.h", in: repo)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--no-cache", "--against", "main"], in: repo).status, 0)
        let unknown = try CommandRunner.uapi(["check", "--no-cache", "--against", "nosuch"], in: repo)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("nosuch"), unknown.stderr)
        // A shallow clone (as CI checks out) lacks the target branch: the message says so.
        let shallow = try TestPaths.temporaryDirectory().appendingPathComponent("shallow")
        XCTAssertEqual(try CommandRunner.run("git", ["clone", "-q", "--depth", "1", "--branch", "breaking", "file://" + repo.path, shallow.path]).status, 0)
        let fromShallow = try CommandRunner.uapi(["check", "--no-cache", "--against", "main~1"], in: shallow)
        XCTAssertEqual(fromShallow.status, 2, fromShallow.stdoutText)
        XCTAssertTrue(fromShallow.stderr.contains("the clone is shallow"), fromShallow.stderr)
    }

    func testASnapshotRecordsWhatItLeftOutAndTheDiffLeavesItOutOnBothSides() throws {
        let work = try TestPaths.temporaryDirectory()
        for side in ["old", "new"] {
            try write("struct a { int x; };\n", "\(side)/include/linux/a.h", in: work)
        }
        try write("struct b { int x; };\n", "old/include/linux/b.h", in: work)
        // Parses only where PAGE_SIZE_X is defined: not on its own.
        try write("struct b { int x[PAGE_SIZE_X]; };\n", "new/include/linux/b.h", in: work)
        for side in ["old", "new"] {
            let made = try CommandRunner.uapi(["snapshot", "--no-cache", "--keep-going", "--only-listed", "--target", "x86_64",
                                               "\(side)/include/linux", "-o", "\(side).json"], in: work)
            XCTAssertEqual(made.status, 0, made.stderr)
        }
        let recorded = try String(contentsOf: work.appendingPathComponent("new.json"))
        XCTAssertTrue(recorded.contains("\"leftOut\""), recorded)
        XCTAssertTrue(recorded.contains("linux/b.h:1:"), recorded)
        XCTAssertFalse(recorded.contains(work.path), "no absolute paths in a snapshot")
        XCTAssertFalse(try String(contentsOf: work.appendingPathComponent("old.json")).contains("leftOut"))

        let diff = try CommandRunner.uapi(["diff", "old.json", "new.json"], in: work)
        XCTAssertEqual(diff.status, 0, diff.stdoutText)
        XCTAssertFalse(diff.stdoutText.contains("removed"), diff.stdoutText)
        XCTAssertTrue(diff.stderr.contains("left out linux/b.h for x86_64: it does not parse on the new side"), diff.stderr)
    }

    func testGitSidesFromASubdirectoryLinksAndOneLetterNames() throws {
        let repo = try TestPaths.temporaryDirectory()
        let git = ScratchGit(repo)
        try git.run("init", "-q")
        _ = try installedTree(in: repo, thing: thingOld)
        try write("one-letter names at the top once crashed the copy\n", "t/README", in: repo)
        try write("#include \"leak.h\"\nstruct evil { int a; };\n", "usr/include/linux/evil.h", in: repo)
        // A link that leaves the revision is not followed; one inside it is copied as its target.
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("usr/include/linux/leak.h").path,
                                                   withDestinationPath: "../../../../../../../../../../etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("usr/include/linux/alias.h").path,
                                                   withDestinationPath: "thing.h")
        try git.run("add", "-A"); try git.run("commit", "-qm", "old"); try git.run("tag", "old")

        let cache = try TestPaths.temporaryDirectory().path
        let fromSubdirectory = try CommandRunner.uapi(["diff", "--cache", cache, "--target", "x86_64",
                                                       "git:old:include/linux/thing.h", "git:old:include/linux/alias.h"],
                                                      in: repo.appendingPathComponent("usr"))
        XCTAssertEqual(fromSubdirectory.status, 0, fromSubdirectory.stderr + fromSubdirectory.stdoutText)
        let evil = try CommandRunner.uapi(["diff", "--cache", cache, "--target", "x86_64",
                                           "git:old:usr/include/linux/evil.h", "git:old:usr/include/linux/evil.h"], in: repo)
        XCTAssertEqual(evil.status, 2, evil.stdoutText)
        XCTAssertTrue(evil.stderr.contains("'leak.h' file not found"), evil.stderr)
    }

    func testHeaderNamesAreLookedUpInEachSidesSysroot() throws {
        let work = try TestPaths.temporaryDirectory()
        _ = try installedTree(in: work.appendingPathComponent("old"), thing: thingOld)
        _ = try installedTree(in: work.appendingPathComponent("new"), thing: thingNew)
        let result = try CommandRunner.uapi(["diff", "--no-cache", "--target", "x86_64", "--old-sysroot", "old", "--new-sysroot", "new",
                                             "linux/thing.h", "linux/thing.h"], in: work)
        XCTAssertEqual(result.status, 4, result.stderr + result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("THING_MORE"), result.stdoutText)
    }

    func testAHeadersInstallOutputAboveIsNoQEMUTree() throws {
        let home = try TestPaths.temporaryDirectory()
        // make headers_install INSTALL_HDR_PATH=~/linux-headers
        try write("", "linux-headers/include/linux/version.h", in: home)
        try write("#include <linux/vend_b.h>\nstruct vend_a { struct vend_b b; };\n", "work/foo/linux/vend_a.h", in: home)
        try write("struct vend_b { int x; };\n", "work/foo/linux/vend_b.h", in: home)
        let result = try CommandRunner.uapi(["snapshot", "--no-cache", "--target", "x86_64", "--only-listed", "linux/vend_a.h"],
                                            in: home.appendingPathComponent("work/foo"))
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testCheckReadsTheConfiguredTreeAndAgainstReadsTheCommittedConfig() throws {
        let repo = try TestPaths.temporaryDirectory()
        let git = ScratchGit(repo)
        try git.run("init", "-q", "-b", "main")
        // The header needs the tree's own linux/types.h (__tree_only): the build machine's would fail.
        _ = try installedTree(in: repo.appendingPathComponent("sysroot"), thing: thingNew)
        try write("struct extra { int a; };\n", "sysroot/usr/include/linux/extra.h", in: repo)
        // An include root outside the repository is the same on both sides of --against.
        let outside = try TestPaths.temporaryDirectory()
        try write("#include <linux/types.h>\nstruct outside { __u32 a; };\n", "linux/outside.h", in: outside)
        let config = { (headers: String) in
            "include: [sysroot/usr/include, \(outside.path)]\ntargets: [x86_64]\nheaders: [\(headers)]\nonly-listed: true\nbaseline: baseline.json\n"
        }
        try write(config("linux/thing.h, linux/extra.h, linux/outside.h"), "uapi.yaml", in: repo)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--no-cache", "--update-baseline"], in: repo).status, 0)
        try git.run("add", "-A"); try git.run("commit", "-qm", "base")
        // Against itself, with a header from outside the repository: no change.
        let same = try CommandRunner.uapi(["check", "--no-cache", "--against", "main"], in: repo)
        XCTAssertEqual(same.status, 0, same.stderr + same.stdoutText)
        XCTAssertTrue(same.stdoutText.contains("No ABI changes"), same.stdoutText)
        // A header dropped from the config and the tree is a removal.
        try git.run("rm", "-q", "sysroot/usr/include/linux/extra.h")
        try write(config("linux/thing.h, linux/outside.h"), "uapi.yaml", in: repo)
        let removed = try CommandRunner.uapi(["check", "--no-cache", "--against", "main"], in: repo)
        XCTAssertEqual(removed.status, 8, removed.stderr + removed.stdoutText)
        XCTAssertTrue(removed.stdoutText.contains("extra"), removed.stdoutText)
    }

    func testCheckAgainstReadsTheRevisionWhereverItRunsFrom() throws {
        let repo = try TestPaths.temporaryDirectory()
        let git = ScratchGit(repo)
        try git.run("init", "-q", "-b", "main")
        // rdma-core's layout: the config in buildlib/, the headers in kernel-headers/.
        try write("include: [../kernel-headers]\ntargets: [x86_64]\nheaders: [rdma/foo_abi.h]\nonly-listed: true\n", "buildlib/uapi.yaml", in: repo)
        try write("struct foo_resp { int a; long b; };\n", "kernel-headers/rdma/foo_abi.h", in: repo)
        try git.run("add", "-A"); try git.run("commit", "-qm", "base")
        try write("struct foo_resp { long b; int a; };\n", "kernel-headers/rdma/foo_abi.h", in: repo)
        for directory in ["", "buildlib", "kernel-headers", "kernel-headers/rdma"] {
            let result = try CommandRunner.uapi(["check", "--no-cache", "--config", repo.appendingPathComponent("buildlib/uapi.yaml").path,
                                                 "--against", "HEAD"], in: repo.appendingPathComponent(directory))
            XCTAssertEqual(result.status, 8, "from \(directory.isEmpty ? "the top" : directory): " + result.stderr + result.stdoutText)
        }
    }
}

/// Runs git in a scratch repository of a test, failing the test when git fails.
struct ScratchGit {
    let repository: URL

    init(_ repository: URL) {
        self.repository = repository
    }

    func run(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CommandRunner.run("git", ["-C", repository.path, "-c", "user.name=t", "-c", "user.email=t@t"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }
}
