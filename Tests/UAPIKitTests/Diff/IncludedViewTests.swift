import Foundation
import XCTest

/// Under `--only-listed` (and for loose files) a definition moving between the listed
/// header and one it includes (linux/kvm.h -> asm/kvm.h) is a move, in both directions,
/// through snapshots too; a moved macro whose text changed is `not-compared`, never breaking.
final class IncludedViewTests: XCTestCase {
    private let fixture = TestPaths.fixtures.appendingPathComponent("false-alarms/moved-to-included")

    private func changes(_ result: CommandResult) throws -> [[String: Any]] {
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        return report["changes"] as? [[String: Any]] ?? []
    }

    private func facts(_ changes: [[String: Any]]) -> Set<String> {
        Set(changes.map { "\($0["category"]!) \($0["name"]!) \($0["severity"]!)" })
    }

    func testMovingIntoTheListedHeaderIsAMoveToo() throws {
        let result = try CommandRunner.uapi(["diff", "--format", "json", "new/km.h", "old/km.h"], in: fixture)
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
        XCTAssertEqual(facts(try changes(result)), [
            "moved km_regs info", "moved km_mode info", "moved KM_MODE_REAL info", "moved KM_MODE_LONG info",
            "moved KM_FLAG_SINGLESTEP info", "moved KM_ARCH_OK info",
        ])
    }

    func testSnapshotsKeepWhatWasOnlyIncluded() throws {
        let directory = try TestPaths.temporaryDirectory()
        var sides: [String] = []
        for side in ["old", "new"] {
            let output = directory.appendingPathComponent("\(side).json")
            let snapshot = try CommandRunner.uapi(["snapshot", "--no-cache", "--only-listed", "--target", "x86_64,i386", "-o", output.path, "\(side)/km.h"],
                                                  in: fixture)
            XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
            sides.append(output.path)
        }
        let fromJSON = try CommandRunner.uapi(["diff", "--format", "json"] + sides, in: fixture)
        let fromHeaders = try CommandRunner.uapi(["diff", "--format", "json", "--target", "x86_64,i386", "old/km.h", "new/km.h"], in: fixture)
        XCTAssertEqual(fromJSON.status, 0, fromJSON.stdoutText + fromJSON.stderr)
        XCTAssertEqual(facts(try changes(fromJSON)), facts(try changes(fromHeaders)))
        XCTAssertTrue(facts(try changes(fromJSON)).contains("moved km_regs info"))
        // Without --only-listed nothing is aside: everything is in the snapshot proper.
        let whole = try CommandRunner.uapi(["snapshot", "--no-cache", "old/km.h"], in: fixture)
        XCTAssertFalse(whole.stdoutText.contains("\"included\""))
    }

    func testAMovedMacroWithNewTextIsNotComparedAndNotBreaking() throws {
        let directory = try TestPaths.temporaryDirectory()
        let copy = directory.appendingPathComponent("case")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let arch = copy.appendingPathComponent("new/km-arch.h")
        let text = try String(contentsOf: arch, encoding: .utf8)
        try text.replacingOccurrences(of: "#define KM_FLAG_SINGLESTEP (1ULL << 0)", with: "#define KM_FLAG_SINGLESTEP (1ULL << 1)")
            .write(to: arch, atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["diff", "--format", "json", "old/km.h", "new/km.h"], in: copy)
        XCTAssertEqual(result.status, 4, result.stdoutText + result.stderr)
        let found = try changes(result)
        XCTAssertTrue(facts(found).contains("not-compared KM_FLAG_SINGLESTEP compatible"), "\(facts(found))")
        XCTAssertTrue(found.contains { ($0["message"] as? String ?? "").contains("text changed from (1ULL << 0) to (1ULL << 1)") })
        // A gate that fails on breaking changes only lets it through.
        let gate = try CommandRunner.uapi(["diff", "--fail-on", "breaking", "old/km.h", "new/km.h"], in: copy)
        XCTAssertEqual(gate.status, 0, gate.stdoutText + gate.stderr)
    }
}
