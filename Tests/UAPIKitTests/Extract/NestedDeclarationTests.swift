import Foundation
import XCTest

/// C gives a tag declared inside a struct file scope: a nested enum and its
/// enumerators are in the snapshot and their changes are found. A member type that
/// becomes a union is compatible only when every old field keeps its place; a type a
/// name reaches (a tag, a typedef) is judged by that name.
final class NestedDeclarationTests: XCTestCase {
    private func write(_ text: String, to path: URL) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: path, atomically: true, encoding: .utf8)
    }

    private func diff(old: String, new: String) throws -> (status: Int32, facts: Set<String>) {
        let directory = try TestPaths.temporaryDirectory()
        try write(old, to: directory.appendingPathComponent("old/n.h"))
        try write(new, to: directory.appendingPathComponent("new/n.h"))
        let result = try CommandRunner.uapi(["diff", "--format", "json", "old/n.h", "new/n.h"], in: directory)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], result.stderr)
        let changes = report["changes"] as? [[String: Any]] ?? []
        return (result.status, Set(changes.map { "\($0["category"]!) \($0["name"]!) \($0["severity"]!)" }))
    }

    func testANestedEnumIsInTheSnapshotWithItsEnumerators() throws {
        let directory = try TestPaths.temporaryDirectory()
        try write("struct ne_s {\n  enum ne_mode { NE_A = 1, NE_B = 2 } mode;\n  enum { NE_ANON = 5 } anon;\n};\n",
                  to: directory.appendingPathComponent("n.h"))
        let result = try CommandRunner.uapi(["snapshot", "--no-cache", "n.h"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let snapshot = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let target = try XCTUnwrap((snapshot["targets"] as? [[String: Any]])?.first)
        let enums = try XCTUnwrap(target["enums"] as? [[String: Any]])
        XCTAssertEqual(Set(enums.map { $0["name"] as! String }), ["ne_mode", "<anon enum NE_ANON>"])
        let enumerators = enums.flatMap { ($0["enumerators"] as? [[String: Any]] ?? []).map { "\($0["name"]!)=\($0["value"]!)" } }
        XCTAssertEqual(Set(enumerators), ["NE_A=1", "NE_B=2", "NE_ANON=5"])
    }

    func testANestedEnumeratorsNewValueIsBreaking() throws {
        let result = try diff(old: "struct ne_s { enum ne_mode { NE_A = 1, NE_B = 2 } mode; };\n",
                              new: "struct ne_s { enum ne_mode { NE_A = 7, NE_B = 2, NE_C = 4 } mode; };\n")
        XCTAssertEqual(result.status, 12, "\(result.facts)")
        XCTAssertTrue(result.facts.contains("value-changed NE_A breaking"), "\(result.facts)")
        XCTAssertTrue(result.facts.contains("added NE_C compatible"), "\(result.facts)")
    }

    func testAStructOfFieldsAtSeveralPlacesBecomingAUnionIsStillBreaking() throws {
        let result = try diff(old: "struct w { union { char c; struct { int a; int b; } two; } u; };\n",
                              new: "struct w { union { char c; union { int a; int b; } two; } u; };\n")
        XCTAssertEqual(result.status & 8, 8, "\(result.facts)")
        XCTAssertTrue(result.facts.contains { $0.hasPrefix("kind-changed w.u.two") || $0.contains("breaking") }, "\(result.facts)")
        XCTAssertFalse(result.facts.contains { $0.hasPrefix("added w.u.two ") }, "\(result.facts)")
    }

    /// A typedef names the type, so a typedef'd struct becoming a union (here also more
    /// strictly aligned) is a break, however its old fields sit.
    func testATypedefdStructBecomingAUnionIsBreaking() throws {
        let result = try diff(old: "typedef struct { unsigned a; unsigned b; } al_t;\n",
                              new: "typedef union { struct { unsigned a; unsigned b; }; unsigned long long c; } al_t;\n")
        XCTAssertEqual(result.status & 8, 8, "\(result.facts)")
        XCTAssertTrue(result.facts.contains("kind-changed al_t breaking"), "\(result.facts)")
    }

    /// A typedef that now names another struct than the one of its name is a type change.
    func testATypedefThatNamesAnotherStructIsBreaking() throws {
        let result = try diff(old: "struct x { int a; };\ntypedef struct x x;\n", new: "struct x { int a; };\ntypedef struct { long b; } x;\n")
        XCTAssertEqual(result.status & 8, 8, "\(result.facts)")
        XCTAssertTrue(result.facts.contains("type-changed x breaking"), "\(result.facts)")
    }

    /// `struct kf` users break when only `typedef struct { ... } kf` is left.
    func testATagThatIsGoneIsBreaking() throws {
        let lost = try diff(old: "struct kf { int a; };\n", new: "typedef struct { int a; } kf;\n")
        XCTAssertTrue(lost.facts.contains("removed kf breaking"), "\(lost.facts)")
        let gained = try diff(old: "typedef struct { int a; } kf;\n", new: "typedef struct kf { int a; } kf;\n")
        XCTAssertEqual(gained.status, 4, "\(gained.facts)")
        XCTAssertTrue(gained.facts.contains("added kf compatible"), "\(gained.facts)")
    }
}
