import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIReport

/// The hand-written `uapi-diff` document is byte for byte what `JSONEncoder` makes of it.
final class DiffJSONWriterTests: XCTestCase {
    func testTheWriterMatchesJSONEncoderOnEveryKindOfMember() throws {
        let fixture = TestPaths.fixtures.appendingPathComponent("snapshot/vfio-like/expected.json")
        let old = try SnapshotCoding.decode(Data(contentsOf: fixture), path: fixture.path)
        var new = old
        var target = new.targets[0]
        // A removal, a rename (old and new names), a changed value and a record that grew.
        target.constants.removeAll { $0.name == "FIX_ALL_ONES" }
        if let index = target.constants.firstIndex(where: { $0.name == "FIX_DEVICE_STATE_V1_STOP" }) {
            target.constants[index].name = "FIX_DEVICE_STATE_V2_STOP"
        }
        if let index = target.constants.firstIndex(where: { $0.name == "FIX_API_VERSION" }) {
            target.constants[index].value = IntegerValue(Int64(99))
        }
        if let index = target.records.firstIndex(where: { $0.name == "fix_aligned" }) {
            target.records[index].size = (target.records[index].size ?? 0) + 8
        }
        new.targets[0] = target
        let suppressions = [
            Suppression(name: "FIX_API_VERSION", header: nil, category: nil, target: nil, reason: "a \"quoted\" reason / é", source: "policy.yaml:3"),
            Suppression(name: "nothing", header: "none.h", category: .layoutDrift, rule: nil, target: "x86_64", reason: "stale", source: "policy.yaml:7"),
        ]
        let policy = Policy(severities: [:], experimental: [], extensible: ExtensibleRule(firstFields: [], records: []),
                            sentinels: .default, suppressions: suppressions)
        let report = try Comparison.compare(old: old, new: new, policy: policy, oldLabel: "old.json", newLabel: "new.json")
        let json = DiffJSON(report)
        XCTAssertTrue(json.changes.contains { $0.newName != nil })
        XCTAssertTrue(json.changes.contains { $0.suppressedBy != nil })
        XCTAssertTrue(json.changes.contains { $0.oldLocation != nil && $0.newLocation == nil })
        XCTAssertFalse(json.unmatchedSuppressions.isEmpty)
        XCTAssertEqual(String(decoding: json.encoded(), as: UTF8.self), String(decoding: try SnapshotCoding.encode(json), as: UTF8.self))

        // And with nothing to report: empty arrays on both sides.
        let empty = try Comparison.compare(old: old, new: old, policy: .strict, oldLabel: "a", newLabel: "b")
        XCTAssertEqual(DiffJSON(empty).encoded(), try SnapshotCoding.encode(DiffJSON(empty)))
    }
}
