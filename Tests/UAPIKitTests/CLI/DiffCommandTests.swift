import Foundation
import XCTest

/// Exit statuses, mixed sides, git revisions and bad input of `uapi diff` and `uapi check`.
final class DiffCommandTests: XCTestCase {
    private var drift: URL { TestPaths.fixtures.appendingPathComponent("diff/layout-drift") }
    private var extensions: URL { TestPaths.fixtures.appendingPathComponent("diff/extensions") }

    func testFailOnDecidesTheExitStatus() throws {
        XCTAssertEqual(try CommandRunner.uapi(["diff", "old/drift.h", "new/drift.h"], in: drift).status, 12)
        XCTAssertEqual(try CommandRunner.uapi(["diff", "--fail-on", "breaking", "old/drift.h", "new/drift.h"], in: drift).status, 8)
        XCTAssertEqual(try CommandRunner.uapi(["diff", "--fail-on", "never", "old/drift.h", "new/drift.h"], in: drift).status, 0)
        XCTAssertEqual(try CommandRunner.uapi(["diff", "old/drift.h", "old/drift.h"], in: drift).status, 0)
        // Only compatible changes: 4.
        let compatibleOnly = try TestPaths.temporaryDirectory()
        try "#define A 1\n".write(to: compatibleOnly.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n#define B 2\n".write(to: compatibleOnly.appendingPathComponent("b.h"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.uapi(["diff", "a.h", "b.h"], in: compatibleOnly).status, 4)
    }

    func testSidesMayMixSnapshotsAndHeaders() throws {
        let directory = try TestPaths.temporaryDirectory()
        let snapshot = directory.appendingPathComponent("old.json").path
        let made = try CommandRunner.uapi(["snapshot", "--only-listed", "--target", "x86_64,i386", "old/drift.h", "-o", snapshot], in: drift)
        XCTAssertEqual(made.status, 0, made.stderr)
        let fromSnapshot = try CommandRunner.uapi(["diff", "--format", "json", snapshot, "new/drift.h"], in: drift)
        let fromHeaders = try CommandRunner.uapi(["diff", "--format", "json", "--target", "x86_64,i386", "old/drift.h", "new/drift.h"], in: drift)
        XCTAssertEqual(fromSnapshot.status, 12)
        // The header side took its targets from the snapshot side.
        let a = try JSONSerialization.jsonObject(with: fromSnapshot.stdout) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: fromHeaders.stdout) as! [String: Any]
        XCTAssertEqual(a["targets"] as? [String], ["x86_64", "i386"])
        XCTAssertEqual((a["changes"] as! [Any]).count, (b["changes"] as! [Any]).count)
    }

    func testGitRevisionsAreReadFromObjects() throws {
        let repo = try TestPaths.temporaryDirectory()
        func git(_ args: String...) throws {
            let result = try CommandRunner.run("git", ["-C", repo.path, "-c", "user.name=t", "-c", "user.email=t@t"] + args)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        try git("init", "-q")
        let include = repo.appendingPathComponent("include/uapi/linux")
        try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
        try String(contentsOf: drift.appendingPathComponent("old/drift.h")).write(to: include.appendingPathComponent("drift.h"), atomically: true, encoding: .utf8)
        try git("add", "-A"); try git("commit", "-qm", "v1"); try git("tag", "v1")
        try String(contentsOf: drift.appendingPathComponent("new/drift.h")).write(to: include.appendingPathComponent("drift.h"), atomically: true, encoding: .utf8)
        try git("commit", "-qam", "v2"); try git("tag", "v2")
        // The work tree is changed after the tags: the diff must not look at it.
        try "garbage that does not parse {".write(to: include.appendingPathComponent("drift.h"), atomically: true, encoding: .utf8)

        let viaGit = try CommandRunner.uapi(["diff", "--target", "x86_64,i386", "git:v1:include/uapi", "git:v2:include/uapi"], in: repo)
        let viaFiles = try CommandRunner.uapi(["diff", "--target", "x86_64,i386", "old/drift.h", "new/drift.h"], in: drift)
        XCTAssertEqual(viaGit.status, 12, viaGit.stderr)
        let lines: (String) -> [String] = { $0.split(separator: "\n").dropFirst().map { $0.replacingOccurrences(of: "linux/drift.h", with: "drift.h") } }
        XCTAssertEqual(lines(viaGit.stdoutText), lines(viaFiles.stdoutText))

        let missing = try CommandRunner.uapi(["diff", "git:v9:include/uapi", "git:v2:include/uapi"], in: repo)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("revision 'v9' not found"), missing.stderr)
        let noPath = try CommandRunner.uapi(["diff", "git:v1:include/nothing", "git:v2:include/uapi"], in: repo)
        XCTAssertEqual(noPath.status, 2)
        XCTAssertTrue(noPath.stderr.contains("git:v1:include/nothing holds no .h files"), noPath.stderr)
    }

    func testBadSnapshotsAndPoliciesAreInputErrors() throws {
        let directory = try TestPaths.temporaryDirectory()
        let corrupt = directory.appendingPathComponent("corrupt.json")
        try "{\"format\": \"uapi-snapshot\", \"schemaVersion\": 1, \"targets\": [".write(to: corrupt, atomically: true, encoding: .utf8)
        let newer = directory.appendingPathComponent("newer.json")
        try #"{"format": "uapi-snapshot", "schemaVersion": 7, "tool": {"name": "uapi", "version": "9"}, "targets": []}"#.write(to: newer, atomically: true, encoding: .utf8)
        for file in [corrupt, newer] {
            let result = try CommandRunner.uapi(["diff", file.path, "new/drift.h", "-o", directory.appendingPathComponent("report.txt").path], in: drift)
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains(file.path), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.txt").path))
        }
        let policy = directory.appendingPathComponent("policy.yaml")
        try "suppress:\n  - name: x\n".write(to: policy, atomically: true, encoding: .utf8)
        let missingReason = try CommandRunner.uapi(["diff", "--policy", policy.path, "old/drift.h", "new/drift.h"], in: drift)
        XCTAssertEqual(missingReason.status, 2)
        XCTAssertTrue(missingReason.stderr.contains("\(policy.path):2: every suppression needs a 'reason'"), missingReason.stderr)
        try "severity:\n  layout-drift: fatal\n".write(to: policy, atomically: true, encoding: .utf8)
        let badLevel = try CommandRunner.uapi(["diff", "--policy", policy.path, "old/drift.h", "new/drift.h"], in: drift)
        XCTAssertEqual(badLevel.status, 2)
        XCTAssertTrue(badLevel.stderr.contains("\(policy.path):2: severity must be breaking, compatible or info"), badLevel.stderr)
        for (text, message) in [("severity:\n  removed:\n    fuction: info\n", ":3: unknown kind of item 'fuction'; kinds: header, record"),
                                ("preset: kernel\n", ":1: unknown preset 'kernel'; presets: uapi, library, wire"),
                                ("sentinels:\n  macro-pattern: [x]\n", ":2: unknown 'sentinels' setting 'macro-pattern'")] {
            try text.write(to: policy, atomically: true, encoding: .utf8)
            let result = try CommandRunner.uapi(["diff", "--policy", policy.path, "old/drift.h", "new/drift.h"], in: drift)
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains(policy.path + message), result.stderr)
        }
    }

    func testCheckAgainstABaseline() throws {
        let project = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(at: extensions.appendingPathComponent("old/ext.h"), to: project.appendingPathComponent("ext.h"))
        try FileManager.default.copyItem(at: extensions.appendingPathComponent("policy.yaml"), to: project.appendingPathComponent("policy.yaml"))
        try "include: [.]\ntargets: [x86_64, i386]\nheaders: [ext.h]\nonly-listed: true\nbaseline: baseline.json\npolicy: policy.yaml\n"
            .write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)

        let noBaseline = try CommandRunner.uapi(["check"], in: project)
        XCTAssertEqual(noBaseline.status, 2)
        XCTAssertTrue(noBaseline.stderr.contains("uapi check --update-baseline"), noBaseline.stderr)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--update-baseline"], in: project).status, 0)
        XCTAssertEqual(try CommandRunner.uapi(["check"], in: project).status, 0)

        try FileManager.default.removeItem(at: project.appendingPathComponent("ext.h"))
        try FileManager.default.copyItem(at: extensions.appendingPathComponent("new/ext.h"), to: project.appendingPathComponent("ext.h"))
        // The gate fails on breaking changes by default; --fail-on compatible also on additions.
        let changed = try CommandRunner.uapi(["check", "--format", "github"], in: project)
        XCTAssertEqual(changed.status, 8, changed.stderr)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--fail-on", "compatible"], in: project).status, 12)
        let text = try CommandRunner.uapi(["check"], in: project)
        XCTAssertTrue(text.stdoutText.hasPrefix("uapi check: baseline -> current headers"), text.stdoutText)
        XCTAssertTrue(changed.stdoutText.contains("::warning file=ext.h,line=5,title=uapi tail-extension::ext_info grew"), changed.stdoutText)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--update-baseline"], in: project).status, 0)
        XCTAssertEqual(try CommandRunner.uapi(["check"], in: project).status, 0)

        // An addition alone does not fail the gate.
        let header = project.appendingPathComponent("ext.h")
        try (String(contentsOf: header, encoding: .utf8) + "#define EXT_NEW_FLAG 4\n").write(to: header, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.uapi(["check"], in: project).status, 0)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--fail-on", "compatible"], in: project).status, 4)
    }
}
