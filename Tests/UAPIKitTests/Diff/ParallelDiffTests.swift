import Foundation
import XCTest
@testable import UAPIDiff
@testable import UAPIModel

/// The differ compares targets and parts of targets in parallel: the result must be
/// the serial one, whatever the timing.
final class ParallelDiffTests: XCTestCase {
    func testParallelDiffIsTheSerialDiff() throws {
        let corpus = TestPaths.vendored("corpus/vfio")
        let versions = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".h") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
        let old = try Snapshots.of([versions.first!]), new = try Snapshots.of([versions.last!])
        let serial = SnapshotDiffer().diff(old: old, new: new, workers: 1)
        XCTAssertGreaterThan(serial.changes.count, 50)
        XCTAssertTrue(serial.changes.contains { $0.targetSpecific }, "the versions differ between targets too")
        for _ in 0..<5 {
            XCTAssertEqual(SnapshotDiffer().diff(old: old, new: new, workers: 4), serial)
        }
    }
}
