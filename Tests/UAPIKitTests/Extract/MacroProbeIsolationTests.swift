import Foundation
import XCTest

/// One macro clang gives up on (brackets nested past its limit of 256) affects only itself:
/// the macros probed after it are still constants, and their changes are still breaking (#22).
final class MacroProbeIsolationTests: XCTestCase {
    func testAnOverDeepMacroDoesNotPoisonItsNeighbours() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        for (side, value) in [("old", 5), ("new", 6)] {
            let text = "#define A_DEEP \(deep)\n#define B_REAL \(value)\n#define C_REAL 7\n"
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(side), withIntermediateDirectories: true)
            try text.write(to: directory.appendingPathComponent("\(side)/p.h"), atomically: true, encoding: .utf8)
        }
        let result = try CommandRunner.uapi(["diff", "--no-config", "--no-cache", "--format", "json", "old/p.h", "new/p.h"], in: directory)
        XCTAssertEqual(result.status, 8, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let changes = (report["changes"] as? [[String: Any]] ?? []).map { "\($0["category"] ?? "") \($0["name"] ?? "")" }
        XCTAssertEqual(changes, ["value-changed B_REAL"])
    }
}
