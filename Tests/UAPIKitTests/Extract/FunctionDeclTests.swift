import Foundation
import XCTest
@testable import UAPIModel

/// What binaries and sources use besides layouts and values: function declarations,
/// inline helpers and empty feature macros.
final class FunctionDeclTests: XCTestCase {
    private let folder = TestPaths.fixtures.appendingPathComponent("accuracy/functions")

    private func snapshot(_ arguments: [String], in directory: URL) throws -> Snapshot {
        let result = try CommandRunner.uapi(["snapshot"] + arguments, in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try SnapshotCoding.decode(result.stdout, path: "stdout")
    }

    func testPrototypesAndInlineHelpersAreRecorded() throws {
        let target = try XCTUnwrap(try snapshot(["--only-listed", "--target", "i386", "functions.h"], in: folder).targets.first)
        XCTAssertEqual(target.functions.map(\.name), ["fixture_log", "fixture_ring_free", "fixture_setup", "fixture_unnamed"])
        let free = try XCTUnwrap(target.functions.first { $0.name == "fixture_ring_free" })
        XCTAssertEqual(free.location, SourceLocation(header: "functions.h", line: 17))
        XCTAssertEqual([free.returnType, free.canonicalReturnType], ["__u32", "unsigned int"])
        XCTAssertEqual(free.parameters, [.init(name: "ring", type: "const struct fixture_ring *", canonicalType: "const struct fixture_ring *")])
        XCTAssertTrue(free.isInline && free.isStatic && !free.isVariadic)

        let setup = try XCTUnwrap(target.functions.first { $0.name == "fixture_setup" })
        XCTAssertFalse(setup.isInline || setup.isStatic || setup.isVariadic)
        XCTAssertEqual(setup.parameters.map(\.name), ["entries", "ring"])
        XCTAssertTrue(try XCTUnwrap(target.functions.first { $0.name == "fixture_log" }).isVariadic)
        let unnamed = try XCTUnwrap(target.functions.first { $0.name == "fixture_unnamed" })
        XCTAssertEqual(unnamed.parameters.map(\.name), ["", ""])
        XCTAssertEqual(unnamed.parameters.map(\.canonicalType), ["int", "unsigned long long"])
    }

    func testEmptyFeatureMacrosAreRecorded() throws {
        let fixture = try XCTUnwrap(try snapshot(["--only-listed", "functions.h"], in: folder).targets.first)
        XCTAssertEqual(fixture.macros.first { $0.name == "FIXTURE_WANT_RING" }?.status, .empty)
        // arm64 asks asm-generic/unistd.h for optional system calls with empty macros.
        let arm64 = try XCTUnwrap(try snapshot(["--only-listed", "--target", "aarch64", "-I", "/usr/aarch64-linux-gnu/include", "asm/unistd.h"],
                                               in: folder).targets.first)
        let wanted = arm64.macros.filter { $0.name.hasPrefix("__ARCH_WANT_") }
        XCTAssertTrue(wanted.contains { $0.name == "__ARCH_WANT_RENAMEAT" }, "\(wanted.map(\.name))")
        XCTAssertTrue(wanted.allSatisfy { $0.status == .empty && $0.location.header == "asm/unistd.h" })
    }

    func testSnapshotsWithoutFunctionsStillLoadAndNewOnesValidate() throws {
        let snapshot = try snapshot(["--only-listed", "functions.h"], in: folder)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: SnapshotCoding.encode(snapshot)) as? [String: Any])
        var targets = try XCTUnwrap(json["targets"] as? [[String: Any]])
        targets[0]["functions"] = nil
        json["targets"] = targets
        let old = try SnapshotCoding.decode(try JSONSerialization.data(withJSONObject: json), path: "old.json")
        XCTAssertEqual(old.targets[0].functions, [])
        XCTAssertEqual(old.targets[0].records, snapshot.targets[0].records)

        let file = try TestPaths.temporaryDirectory().appendingPathComponent("functions.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try SnapshotCoding.encode(snapshot).write(to: file)
        let schema = TestPaths.repository.appendingPathComponent("docs/snapshot.schema.json").path
        let validator = TestPaths.repository.appendingPathComponent("scripts/validate_json.py").path
        let result = try CommandRunner.run("python3", [validator, schema, file.path])
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
    }
}
