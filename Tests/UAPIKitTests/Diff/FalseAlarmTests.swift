import Foundation
import XCTest

/// Each class of false alarm found on whole real trees, as a minimal fixture in
/// Tests/Fixtures/false-alarms/<case>/{old,new}: the diff must find the fact it is
/// really about, at its real severity, and nothing breaking.
final class FalseAlarmTests: XCTestCase {
    private struct Case {
        var name: String
        /// The fact the case is really about: category and item name.
        var expected: (category: String, name: String, severity: String)?
        var status: Int32
        /// Compare the two folders rather than one header in each.
        var directories = false
    }

    private let cases: [Case] = [
        Case(name: "flexible-array", expected: ("flexible-array", "fa_msg.data", "compatible"), status: 4),
        Case(name: "zero-length-tail", expected: ("added", "zt_page.tail", "compatible"), status: 4),
        Case(name: "opaque-declaration", expected: nil, status: 0),
        Case(name: "now-evaluates", expected: ("context-changed", "CC_MASK", "info"), status: 0),
        Case(name: "negative-sentinel", expected: ("sentinel-changed", "NS_MAX_RESP", "compatible"), status: 4),
        Case(name: "padding-into-union", expected: ("reserved-used", "uc_create.reserved", "compatible"), status: 4),
        Case(name: "two-definitions", expected: ("added", "a.h", "compatible"), status: 4, directories: true),
        Case(name: "moved", expected: ("moved", "mv_info", "info"), status: 0, directories: true),
        Case(name: "member-struct-to-union", expected: ("added", "xa_attr.u.shared_info", "compatible"), status: 4),
        Case(name: "moved-to-included", expected: ("moved", "km_regs", "info"), status: 0),
        Case(name: "union-of-anonymous-structs", expected: ("added", "fl_lookup.flags", "compatible"), status: 4),
        Case(name: "enum-type-renamed", expected: ("spelling-changed", "ev_event.what", "info"), status: 0),
        Case(name: "aliased-record", expected: ("spelling-changed", "al_block_header", "info"), status: 4),
        Case(name: "include-guard", expected: nil, status: 0),
        Case(name: "member-type-named", expected: ("spelling-changed", "mm_dev.res", "info"), status: 4),
    ]

    func testEveryClassIsJudgedByWhatReallyChanged() throws {
        let root = TestPaths.fixtures.appendingPathComponent("false-alarms")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertEqual(folders, cases.map(\.name).sorted(), "every fixture has a case here and every case a fixture")
        for testCase in cases {
            let folder = root.appendingPathComponent(testCase.name)
            var sides = ["old", "new"]
            if !testCase.directories {
                let header = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("old").path).first)
                sides = sides.map { "\($0)/\(header)" }
            }
            let result = try CommandRunner.uapi(["diff", "--format", "json", "--target", "x86_64,i386"] + sides, in: folder)
            XCTAssertEqual(result.status, testCase.status, "\(testCase.name): \(result.stdoutText)\(result.stderr)")
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], testCase.name)
            let changes = report["changes"] as? [[String: Any]] ?? []
            let breaking = changes.filter { $0["severity"] as? String == "breaking" }.compactMap { $0["message"] as? String }
            XCTAssertEqual(breaking, [], "\(testCase.name): no breaking finding")
            guard let expected = testCase.expected else {
                XCTAssertEqual(changes.count, 0, "\(testCase.name): \(changes)")
                continue
            }
            XCTAssertTrue(changes.contains {
                $0["category"] as? String == expected.category && $0["name"] as? String == expected.name
                    && $0["severity"] as? String == expected.severity
            }, "\(testCase.name): expected \(expected), got \(changes.map { $0["message"] ?? "" })")
        }
    }
}
