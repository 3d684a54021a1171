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

final class ConfigTests: XCTestCase {
    private func write(_ text: String) throws -> String {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("uapi.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testTheDefaultHeaderSetLoads() throws {
        let config = try ProjectConfig.load(path: TestPaths.repository.appendingPathComponent("headers/uapi.yaml").path)
        XCTAssertEqual(config.targets, ["x86_64", "i386", "aarch64"])
        XCTAssertTrue(config.headers.contains("linux/vfio.h"))
        XCTAssertEqual(config.optionalHeaders, ["linux/iommufd.h"])
        XCTAssertTrue(config.baselinePath?.hasSuffix("headers/baseline.json") == true)
    }

    func testUnknownSettingNamesItsLine() throws {
        let path = try write("headers: [linux/vfio.h]\n\ntargetz: [x86_64]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("\(path):3: unknown setting 'targetz'"), error.localizedDescription)
        }
    }

    func testMalformedYAMLNamesItsLine() throws {
        let path = try write("headers:\n  - linux/vfio.h\n targets: [x86_64\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.contains("\(path):"), error.localizedDescription)
            XCTAssertTrue(error.localizedDescription.contains("not valid YAML"), error.localizedDescription)
        }
    }

    func testSyncGroupsSayAllowIncludeLikeTheCommandLine() throws {
        let path = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-include: [stdint.h]\n  - to: b\n    headers: [y.h]\n    allow-include: \"linux/*\"\n")
        let config = try ProjectConfig.load(path: path)
        XCTAssertEqual(config.sync.map(\.allowedIncludes), [["stdint.h"], ["linux/*"]])
        XCTAssertEqual(config.notes, [])

        // The old name still works, and says it is old.
        let old = try ProjectConfig.load(path: try write("sync:\n  - to: a\n    headers: [x.h]\n    allowed-includes: [stdint.h]\n"))
        XCTAssertEqual(old.sync.map(\.allowedIncludes), [["stdint.h"]])
        XCTAssertEqual(old.notes.count, 1)
        XCTAssertTrue(old.notes[0].contains(":4: 'allowed-includes' is deprecated; call it 'allow-include'"), old.notes[0])

        let both = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-include: [a.h]\n    allowed-includes: [b.h]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: both)) { error in
            XCTAssertTrue(error.localizedDescription.contains("give 'allow-include' once"), error.localizedDescription)
        }
        let typo = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-includes: [a.h]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: typo)) { error in
            XCTAssertEqual(error.localizedDescription,
                           "\(typo):4: unknown sync setting 'allow-includes'; known: allow-include, headers, packed-macro, rewrite, to")
        }
    }

    func testWrongValueTypeIsReported() throws {
        let path = try write("headers: [linux/vfio.h]\nonly-listed: maybe\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path):2: 'only-listed' must be true or false")
        }
    }
}

/// Every command finds the project's uapi.yaml from a subdirectory, up to the repository root.
final class ConfigDiscoveryTests: XCTestCase {
    func testCommandsFindTheProjectConfigAndItsPolicy() throws {
        let project = try TestPaths.temporaryDirectory()
        let deeper = project.appendingPathComponent("src/deeper")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "include: [.]\nheaders: [a.h]\nbaseline: baseline.json\npolicy: policy.yaml\n"
            .write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        try "suppress:\n  - name: B\n    reason: \"B is internal\"\n".write(to: project.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        try "#define A 1\n".write(to: project.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n".write(to: deeper.appendingPathComponent("old.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n#define B 2\n".write(to: deeper.appendingPathComponent("new.h"), atomically: true, encoding: .utf8)

        XCTAssertEqual(try CommandRunner.uapi(["check", "--update-baseline"], in: deeper).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("baseline.json").path))
        let diff = try CommandRunner.uapi(["diff", "old.h", "new.h"], in: deeper)
        XCTAssertEqual(diff.status, 0, diff.stdoutText)
        XCTAssertTrue(diff.stdoutText.contains("suppressed: B is internal"), diff.stdoutText)
        XCTAssertTrue(diff.stderr.contains("note: using the project config \(project.path)/uapi.yaml: its include roots, targets, defines and policy apply (--no-config ignores it)"), diff.stderr)
        let ignoring = try CommandRunner.uapi(["diff", "--no-config", "old.h", "new.h"], in: deeper)
        XCTAssertEqual(ignoring.status, 4, ignoring.stdoutText)
        XCTAssertFalse(ignoring.stderr.contains("project config"), ignoring.stderr)

        // Above the repository root nothing is found.
        let outside = try TestPaths.temporaryDirectory()
        let none = try CommandRunner.uapi(["check"], in: outside)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no config found"), none.stderr)

        // Outside any repository a parent's uapi.yaml (a shared /tmp) is not taken.
        let shared = try TestPaths.temporaryDirectory()
        let below = shared.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
        try "policy: policy.yaml\n".write(to: shared.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        try "severity:\n  added: info\n".write(to: shared.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        try "#define A 1\n".write(to: below.appendingPathComponent("old.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n#define B 2\n".write(to: below.appendingPathComponent("new.h"), atomically: true, encoding: .utf8)
        let unrelated = try CommandRunner.uapi(["diff", "old.h", "new.h"], in: below)
        XCTAssertEqual(unrelated.status, 4, unrelated.stdoutText + unrelated.stderr)
        XCTAssertFalse(unrelated.stderr.contains("project config"), unrelated.stderr)
    }
}

/// Every command that parses headers takes what the command line leaves open from the
/// project's uapi.yaml: include roots, targets, defines, kernel types, policy; snapshot and
/// bindgen its headers when none are named; --no-config reads none.
final class ProjectConfigCommandTests: XCTestCase {
    private var project: URL!
    private var deeper: URL!

    override func setUpWithError() throws {
        project = try TestPaths.temporaryDirectory()
        deeper = project.appendingPathComponent("src/deeper")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("inc"), withIntermediateDirectories: true)
        try """
        include: [inc]
        targets: [x86_64, i386]
        defines: [FROM_CONFIG=7]
        headers: [proj.h]
        policy: policy.yaml

        """.write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        try "severity:\n  added: info\n".write(to: project.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        // Only found through the config's include root.
        try "#include <stdint.h>\nstruct proj { uint32_t a; uint64_t b; };\n#define PROJ_VALUE FROM_CONFIG\n"
            .write(to: project.appendingPathComponent("inc/proj.h"), atomically: true, encoding: .utf8)
        try "#include <proj.h>\nstruct local { long l; };\n#define LOCAL_VALUE (FROM_CONFIG + 1)\n"
            .write(to: deeper.appendingPathComponent("local.h"), atomically: true, encoding: .utf8)
        try "#include <proj.h>\nstruct local { long l; };\n#define LOCAL_VALUE (FROM_CONFIG + 1)\n#define LOCAL_NEW 1\n"
            .write(to: deeper.appendingPathComponent("local2.h"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: project)
    }

    private func json(_ result: CommandResult) throws -> [String: Any] {
        XCTAssertTrue([0, 4, 8, 12].contains(result.status), result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], result.stderr)
    }

    private func targets(ofSnapshot object: [String: Any]) -> [String] {
        (object["targets"] as? [[String: Any]] ?? []).compactMap { $0["target"] as? String }
    }

    func testSnapshotTakesIncludeRootsTargetsAndDefines() throws {
        let result = try CommandRunner.uapi(["snapshot", "local.h"], in: deeper)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("note: using the project config \(project.path)/uapi.yaml"), result.stderr)
        let snapshot = try json(result)
        XCTAssertEqual(targets(ofSnapshot: snapshot), ["x86_64", "i386"])
        XCTAssertTrue(result.stdoutText.contains("\"value\" : 8"), "LOCAL_VALUE is FROM_CONFIG + 1")

        // No headers: the config's own.
        let own = try CommandRunner.uapi(["snapshot"], in: deeper)
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(own.stdoutText.contains("\"PROJ_VALUE\""), own.stdoutText)
        XCTAssertFalse(own.stdoutText.contains("\"LOCAL_VALUE\""), own.stdoutText)

        // The command line wins; --no-config reads nothing (so <proj.h> is not found).
        let named = try CommandRunner.uapi(["snapshot", "--target", "aarch64", "-D", "FROM_CONFIG=1", "local.h"], in: deeper)
        XCTAssertEqual(targets(ofSnapshot: try json(named)), ["aarch64"])
        XCTAssertTrue(named.stdoutText.contains("\"value\" : 2"), named.stdoutText)
        let ignored = try CommandRunner.uapi(["snapshot", "--no-config", "local.h"], in: deeper)
        XCTAssertEqual(ignored.status, 2)
        XCTAssertTrue(ignored.stderr.contains("'proj.h' file not found"), ignored.stderr)
        XCTAssertFalse(ignored.stderr.contains("project config"), ignored.stderr)
        let both = try CommandRunner.uapi(["snapshot", "--no-config", "--config", "../../uapi.yaml", "local.h"], in: deeper)
        XCTAssertEqual(both.status, 2)
        let none = try CommandRunner.uapi(["snapshot", "--no-config"], in: deeper)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("name at least one header"), none.stderr)
    }

    func testLintLayoutDiffAndBindgenTakeItToo() throws {
        let lint = try json(try CommandRunner.uapi(["lint", "--format", "json", "local.h"], in: deeper))
        XCTAssertEqual(lint["targets"] as? [String], ["x86_64", "i386"])

        let layout = try CommandRunner.uapi(["layout", "local.h", "local"], in: deeper)
        XCTAssertEqual(layout.status, 0, layout.stderr)
        XCTAssertTrue(layout.stdoutText.contains("x86_64") && layout.stdoutText.contains("i386"), layout.stdoutText)

        // The diff's targets and policy (added is info, so nothing fails).
        let diff = try CommandRunner.uapi(["diff", "--format", "json", "local.h", "local2.h"], in: deeper)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertEqual(try json(diff)["targets"] as? [String], ["x86_64", "i386"])
        let strict = try CommandRunner.uapi(["diff", "--no-config", "-I", "../../inc", "-D", "FROM_CONFIG=7", "local.h", "local2.h"], in: deeper)
        XCTAssertEqual(strict.status, 4, strict.stderr)

        let bindgen = try CommandRunner.uapi(["bindgen", "--module", "CProj", "-o", "bindings"], in: deeper)
        XCTAssertEqual(bindgen.status, 0, bindgen.stderr)
        let constants = try String(contentsOf: deeper.appendingPathComponent("bindings/Sources/Proj/Constants.swift"), encoding: .utf8)
        XCTAssertTrue(constants.contains("PROJ_VALUE"), constants)
    }

    func testNothingAboveTheRepositoryRootIsRead() throws {
        // A config above the repository root belongs to something else.
        let inner = project.appendingPathComponent("vendor/other")
        try FileManager.default.createDirectory(at: inner.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "#define X 1\n".write(to: inner.appendingPathComponent("x.h"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["snapshot", "x.h"], in: inner)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("project config"), result.stderr)
        XCTAssertEqual(targets(ofSnapshot: try json(result)), ["x86_64"])
    }
}
