import Foundation
import XCTest

/// `uapi history` reads each revision's own tree: the target's `asm/` from the revision
/// (QEMU's `linux-headers/asm-<arch>`), more include roots with `-I`; a header that fails
/// at one revision is a gap there, not a lost revision; a name that matches nothing is an error.
final class HistoryTreeTests: XCTestCase {
    private func write(_ text: String, _ path: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// A QEMU-like repository: v1 has `struct kvm_moving` in linux/kvm.h; v2 moves it into
    /// asm-x86/kvm.h (the 6.10 arch split); v3 breaks linux/broken.h; v4 mends it and changes
    /// it; v5 changes linux/uses-standard.h, which includes QEMU's standard-headers.
    private func qemuRepository() throws -> URL {
        let repo = try TestPaths.temporaryDirectory()
        let git = ScratchGit(repo)
        try git.run("init", "-q")
        try write("struct kvm_moving { int a; };\n#define KVM_MOVING 1\nstruct kvm_staying { int b; };\n", "linux-headers/linux/kvm.h", in: repo)
        try write("#define KVM_ARCH_X 1\n", "linux-headers/asm-x86/kvm.h", in: repo)
        try write("struct broken { int a; };\n", "linux-headers/linux/broken.h", in: repo)
        try write("struct portable { int a; };\n", "include/standard-headers/linux/portable.h", in: repo)
        try write("#include \"standard-headers/linux/portable.h\"\nstruct user { struct portable p; };\n", "linux-headers/linux/uses-standard.h", in: repo)
        try git.run("add", "-A"); try git.run("commit", "-qm", "v1"); try git.run("tag", "v1")
        try write("#include <asm/kvm.h>\nstruct kvm_staying { int b; };\n", "linux-headers/linux/kvm.h", in: repo)
        try write("#define KVM_ARCH_X 1\nstruct kvm_moving { int a; };\n#define KVM_MOVING 1\n", "linux-headers/asm-x86/kvm.h", in: repo)
        try git.run("commit", "-qam", "v2"); try git.run("tag", "v2")
        try write("struct broken { int a[NOT_DEFINED_ANYWHERE]; };\n", "linux-headers/linux/broken.h", in: repo)
        try git.run("commit", "-qam", "v3"); try git.run("tag", "v3")
        try write("struct broken { int a; int b; };\n", "linux-headers/linux/broken.h", in: repo)
        try git.run("commit", "-qam", "v4"); try git.run("tag", "v4")
        try write("struct portable { long a; };\n", "include/standard-headers/linux/portable.h", in: repo)
        try git.run("commit", "-qam", "v5"); try git.run("tag", "v5")
        return repo
    }

    private func history(_ repo: URL, _ arguments: [String]) throws -> CommandResult {
        let db = repo.appendingPathComponent("history.sqlite").path
        return try CommandRunner.uapi(["history", "--repo", repo.path, "--db", db, "--path", "linux-headers", "--format", "json",
                                       "--rev", "v1", "--rev", "v2", "--rev", "v3", "--rev", "v4", "--rev", "v5"] + arguments)
    }

    private func events(_ result: CommandResult) throws -> [(name: String, kind: String, revision: String)] {
        let document = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        let timelines = document["timelines"] as? [[String: Any]] ?? []
        return timelines.flatMap { timeline in
            (timeline["events"] as? [[String: Any]] ?? []).map { event in
                (timeline["name"] as? String ?? "", event["kind"] as? String ?? "", event["label"] as? String ?? "")
            }
        }
    }

    func testADefinitionMovedIntoTheRevisionsAsmIsNotRemoved() throws {
        let repo = try qemuRepository()
        let result = try history(repo, ["linux/kvm.h", "--target", "x86_64"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let removals = try events(result).filter { $0.kind == "removed" }
        XCTAssertTrue(removals.isEmpty, "\(removals) in \(result.stdoutText)")
        XCTAssertTrue(result.stdoutText.contains("kvm_moving"), result.stdoutText)
    }

    func testAHeaderThatFailsAtOneRevisionIsAGapAndEveryRevisionIsKept() throws {
        let repo = try qemuRepository()
        let result = try history(repo, ["linux/*.h", "-I", "include", "--target", "x86_64"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        XCTAssertEqual((document["revisions"] as? [Any])?.count, 5, result.stdoutText)
        let notes = (document["notes"] as? [String] ?? []).joined(separator: "\n")
        XCTAssertTrue(notes.contains("linux/broken.h left out of v3"), notes)
        XCTAssertTrue(notes.contains("NOT_DEFINED_ANYWHERE") || notes.contains("broken.h:1"), notes)
        // broken.h's change shows at v4, against v2 (the last state that parsed).
        let all = try events(result)
        XCTAssertTrue(all.contains { $0.name.hasPrefix("broken") && $0.revision == "v4" }, "\(all)")
        XCTAssertFalse(all.contains { $0.name.hasPrefix("broken") && $0.revision == "v3" }, "\(all)")
        XCTAssertTrue(result.stdoutText.contains("(at or before this revision: linux/broken.h does not parse at v3)"), result.stdoutText)
        // The standard-headers include is read from the revision through -I: its change shows at v5.
        XCTAssertTrue(all.contains { $0.name.hasPrefix("user") && $0.revision == "v5" }, "\(all)")
    }

    func testAHeaderNameOrGlobThatMatchesNothingIsAnError() throws {
        let repo = try qemuRepository()
        for pattern in ["linux/nosuch.h", "nothing/*.h"] {
            let result = try history(repo, ["linux/kvm.h", pattern])
            XCTAssertEqual(result.status, 2, result.stdoutText)
            XCTAssertTrue(result.stderr.contains("'\(pattern)' matches no header"), result.stderr)
        }
    }

    func testABareRepositorysDatabaseIsNotWrittenIntoItsGitDirectory() throws {
        let repo = try qemuRepository()
        let bare = try TestPaths.temporaryDirectory().appendingPathComponent("qemu.git")
        XCTAssertEqual(try CommandRunner.run("git", ["clone", "-q", "--bare", repo.path, bare.path]).status, 0)
        let here = try TestPaths.temporaryDirectory()
        let result = try CommandRunner.uapi(["history", "--repo", bare.path, "--path", "linux-headers", "--rev", "v1", "--rev", "v2",
                                             "linux/kvm.h"], in: here)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bare.appendingPathComponent(".uapi-history.sqlite").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: here.appendingPathComponent("qemu.uapi-history.sqlite").path), result.stderr)
    }

    func testAnEventNamesTheCommitThatChangedTheHeaderAndItsDate() throws {
        let repo = try TestPaths.temporaryDirectory()
        func git(_ args: String..., date: String = "2024-04-23T12:00:00") throws -> String {
            let result = try CommandRunner.run("git", ["-C", repo.path, "-c", "user.name=t", "-c", "user.email=t@t"] + args,
                                               environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try git("init", "-q", "-b", "main")
        try write("struct s { int a; };\n", "linux-headers/linux/s.h", in: repo)
        _ = try git("add", "-A"); _ = try git("commit", "-qm", "one", date: "2024-01-01T12:00:00"); _ = try git("tag", "one")
        _ = try git("checkout", "-qb", "sync")
        try write("struct s { int a; int b; };\n", "linux-headers/linux/s.h", in: repo)
        _ = try git("commit", "-qam", "linux-headers: update", date: "2024-04-23T12:00:00")
        let change = try git("rev-parse", "HEAD")
        _ = try git("checkout", "-q", "main")
        _ = try git("merge", "-q", "--no-ff", "-m", "Merge the sync", "sync", date: "2024-05-01T12:00:00")
        _ = try git("tag", "two")

        let result = try CommandRunner.uapi(["history", "--repo", repo.path, "--db", repo.appendingPathComponent("h.sqlite").path,
                                             "--path", "linux-headers", "one..two", "linux/s.h", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        let timelines = document["timelines"] as? [[String: Any]] ?? []
        let field = try XCTUnwrap(timelines.first { $0["name"] as? String == "s.b" }, result.stdoutText)
        let event = try XCTUnwrap((field["events"] as? [[String: Any]])?.last)
        XCTAssertEqual(event["label"] as? String, "two")
        XCTAssertTrue(change.hasPrefix(event["commit"] as? String ?? "-"), "\(event)")
        XCTAssertEqual(event["date"] as? String, "2024-04-23")
        let text = try CommandRunner.uapi(["history", "--repo", repo.path, "--db", repo.appendingPathComponent("h.sqlite").path,
                                           "--path", "linux-headers", "one..two", "linux/s.h"])
        XCTAssertTrue(text.stdoutText.contains("(in \(event["commit"] as? String ?? "?"), 2024-04-23)"), text.stdoutText)
    }

    func testAMoveIsPerTargetAndAGapMakesSinceSyncAndTheMatrixUnknown() throws {
        let repo = try qemuRepository()
        // kvm_moving went into asm-x86/kvm.h only: on aarch64 it is gone (QEMU's asm-arm64 lacks it).
        let both = try history(repo, ["linux/kvm.h", "--target", "x86_64,aarch64"])
        XCTAssertEqual(both.status, 0, both.stderr)
        let document = try JSONSerialization.jsonObject(with: both.stdout) as! [String: Any]
        let timelines = document["timelines"] as? [[String: Any]] ?? []
        let moving = try XCTUnwrap(timelines.first { $0["name"] as? String == "kvm_moving" })
        let kinds = (moving["events"] as? [[String: Any]] ?? []).filter { $0["label"] as? String == "v2" }
            .map { "\($0["kind"] as? String ?? "") \(($0["targets"] as? [String] ?? []).joined(separator: ","))" }
        XCTAssertEqual(Set(kinds), ["moved x86_64", "removed aarch64"], "\(kinds)")

        // broken.h does not parse at v3: what changed from v3 to v4 is unknown, not "ok".
        let matrix = try history(repo, ["linux/broken.h", "--matrix", "v2,v3,v4"])
        XCTAssertEqual(matrix.status, 0, matrix.stderr)
        let cells = (((try JSONSerialization.jsonObject(with: matrix.stdout) as! [String: Any])["matrix"] as? [String: Any])?["targets"]
            as? [[String: Any]])?.first?["breaking"] as? [[Int]]
        XCTAssertEqual(cells?[1][2], -1, "\(String(describing: cells))")
        XCTAssertEqual(cells?[0][1], -1, "\(String(describing: cells))")
        let since = try history(repo, ["linux/broken.h", "--since-sync", "v3"])
        XCTAssertEqual(since.status, 0, since.stderr)
        XCTAssertTrue(since.stdoutText.contains("\"unknown\""), since.stdoutText)
    }

    func testAHeaderThatParsesAtNoRevisionSaysWhy() throws {
        let repo = try qemuRepository()
        let result = try history(repo, ["linux/uses-standard.h"])   // without -I include
        XCTAssertEqual(result.status, 2, result.stdoutText)
        XCTAssertTrue(result.stderr.contains("linux/uses-standard.h does not parse at any of the 5 revisions for x86_64"), result.stderr)
        XCTAssertTrue(result.stderr.contains("standard-headers/linux/portable.h"), result.stderr)
    }
}
