import Foundation
import XCTest

/// Under `--only-listed` (and for loose files) a definition moving between the listed
/// header and one it includes (linux/kvm.h -> asm/kvm.h) is a move, in both directions,
/// through snapshots too, and is compared there: values included, since the macros of
/// every file a header reaches are evaluated in its parse.
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

    func testAMovedMacroWithANewValueIsBreaking() throws {
        let directory = try TestPaths.temporaryDirectory()
        let copy = directory.appendingPathComponent("case")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let arch = copy.appendingPathComponent("new/km-arch.h")
        let text = try String(contentsOf: arch, encoding: .utf8)
        try text.replacingOccurrences(of: "#define KM_FLAG_SINGLESTEP (1ULL << 0)", with: "#define KM_FLAG_SINGLESTEP (1ULL << 1)")
            .write(to: arch, atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["diff", "--format", "json", "old/km.h", "new/km.h"], in: copy)
        XCTAssertEqual(result.status, 8, result.stdoutText + result.stderr)
        let found = facts(try changes(result))
        XCTAssertTrue(found.contains("value-changed KM_FLAG_SINGLESTEP breaking"), "\(found)")
    }

    /// Each case: files of old/ and new/ (l.h is diffed), and facts that must and must not be found.
    private struct Case {
        var name: String
        var old: [String: String]
        var new: [String: String]
        var status: Int32
        var expected: Set<String>
        var unexpected: Set<String> = []
    }

    private let cases: [Case] = [
        // The same text, another value: what it refers to changed.
        Case(name: "same text, new value",
             old: ["inc.h": "#define KB_BASE 1\n", "l.h": "#include \"inc.h\"\n#define KB_X (KB_BASE + 1)\n"],
             new: ["inc.h": "#define KB_BASE 5\n#define KB_X (KB_BASE + 1)\n", "l.h": "#include \"inc.h\"\n"],
             status: 8, expected: ["value-changed KB_X breaking", "moved KB_X info"]),
        // kvm.h's ioctls moving into asm/kvm.h with a struct that grew.
        Case(name: "moved ioctl, argument grew",
             old: ["inc.h": "#include <linux/types.h>\nstruct kc_s { __u32 a; };\n",
                   "l.h": "#include <linux/ioctl.h>\n#include \"inc.h\"\n#define KC_GET _IOR(0xAE, 1, struct kc_s)\n"],
             new: ["inc.h": "#include <linux/types.h>\n#include <linux/ioctl.h>\nstruct kc_s { __u64 a; };\n#define KC_GET _IOR(0xAE, 1, struct kc_s)\n",
                   "l.h": "#include \"inc.h\"\n"],
             status: 8, expected: ["ioctl-changed KC_GET breaking"]),
        // An enumerator that became a macro of the same value in the included header.
        Case(name: "enumerator to macro",
             old: ["inc.h": "\n", "l.h": "#include \"inc.h\"\nenum { KG_A = 1, KG_B = 2 };\n"],
             new: ["inc.h": "#define KG_A 1\n#define KG_B 2\n", "l.h": "#include \"inc.h\"\n"],
             status: 4, expected: ["redefined KG_A compatible", "redefined KG_B compatible"]),
        // An enum brought in for one enumerator is compared with the other side's copy.
        Case(name: "enumerator joins an included enum",
             old: ["inc.h": "enum kx { KX1 = 5, KX2 = 6 };\n", "l.h": "#include \"inc.h\"\nenum { KA = 1 };\n"],
             new: ["inc.h": "enum kx { KX1 = 5, KX2 = 6, KA = 1 };\n", "l.h": "#include \"inc.h\"\n"],
             status: 0, expected: ["moved KA info"], unexpected: ["added KX1 compatible", "added kx compatible"]),
        // A record comes with its anonymous members.
        Case(name: "record with an anonymous member",
             old: ["inc.h": "#include <linux/types.h>\nstruct kj { __u32 a; struct { __u32 x; }; __u32 b; };\n", "l.h": "#include \"inc.h\"\n"],
             new: ["inc.h": "#include <linux/types.h>\n", "l.h": "#include \"inc.h\"\nstruct kj { __u32 a; __u32 b; struct { __u32 x; }; };\n"],
             // b's move is said with x's (the first field that moved carries what follows it).
             status: 8, expected: ["layout-drift kj.x breaking", "moved kj info"],
             unexpected: ["added kj.x compatible"]),
        // A typedef moves; the struct of the same name, always in the included header, stays where it was.
        Case(name: "typedef moves, struct of its name stays",
             old: ["inc.h": "struct foo { int a; };\n", "l.h": "#include \"inc.h\"\ntypedef struct foo foo;\n"],
             new: ["inc.h": "struct foo { int a; };\ntypedef struct foo foo;\n", "l.h": "#include \"inc.h\"\n"],
             status: 0, expected: ["moved foo info"], unexpected: ["removed foo breaking"]),
        // A record comes with the anonymous members of its untagged member types, however deep.
        Case(name: "nested anonymous members",
             old: ["inc.h": "\n", "l.h": "#include \"inc.h\"\nstruct r { int x; union { struct { int a; int c; }; long b; } u; };\n"],
             new: ["inc.h": "struct r { int x; union { struct { int a; int c; }; long b; } u; };\n", "l.h": "#include \"inc.h\"\n"],
             status: 0, expected: ["moved r info"]),
        // `struct kf` gone: only a typedef of an untagged struct is left, in the included header.
        Case(name: "tag lost while moving",
             old: ["inc.h": "\n", "l.h": "#include \"inc.h\"\nstruct kf { int a; };\n"],
             new: ["inc.h": "typedef struct { int a; } kf;\n", "l.h": "#include \"inc.h\"\n"],
             status: 8, expected: ["removed kf breaking"]),
    ]

    func testMovesAreComparedLikeAnyOtherDefinition() throws {
        for testCase in cases {
            let directory = try TestPaths.temporaryDirectory()
            for (side, files) in [("old", testCase.old), ("new", testCase.new)] {
                let folder = directory.appendingPathComponent(side)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            }
            let result = try CommandRunner.uapi(["diff", "--format", "json", "old/l.h", "new/l.h"], in: directory)
            let found = facts(try changes(result))
            XCTAssertEqual(result.status, testCase.status, "\(testCase.name): \(found) \(result.stderr)")
            XCTAssertTrue(testCase.expected.isSubset(of: found), "\(testCase.name): \(found)")
            XCTAssertTrue(testCase.unexpected.isDisjoint(with: found), "\(testCase.name): \(found)")
        }
    }

    /// A directory diff: a definition removed from a.h that b.h's include always had is a removal, not a move.
    func testARemovalIsNotAMoveIntoAHeaderAnotherOneIncludes() throws {
        let directory = try TestPaths.temporaryDirectory()
        let files: [String: String] = [
            "sys/dfoo.h": "#define DFOO_X 5\n",
            "old/a.h": "#define DFOO_X 5\nstruct other { int z; };\n", "new/a.h": "struct other { int z; };\n",
            "old/b.h": "#include <dfoo.h>\nstruct bb { int y; };\n", "new/b.h": "#include <dfoo.h>\nstruct bb { int y; };\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let result = try CommandRunner.uapi(["diff", "--format", "json", "-I", directory.appendingPathComponent("sys").path, "old", "new"],
                                            in: directory)
        XCTAssertEqual(result.status, 8, result.stdoutText + result.stderr)
        XCTAssertEqual(facts(try changes(result)), ["removed DFOO_X breaking"])
    }
}
