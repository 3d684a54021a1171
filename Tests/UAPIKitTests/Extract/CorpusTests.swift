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

/// The real historical vfio.h versions in Tests/Fixtures/corpus/vfio (from ../shared): each one snapshots
/// for every oracle target, and gcc agrees with every layout.
final class CorpusTests: XCTestCase {
    func testHistoricalVfioHeadersSnapshotAndMatchGCC() throws {
        let corpus = TestPaths.vendored("corpus/vfio")
        let versions = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".h") }.sorted()
        XCTAssertEqual(versions.count, 4)
        for version in versions {
            let header = corpus.appendingPathComponent(version).path
            let snapshot = try Snapshots.of([header], onlyListed: false)
            for target in snapshot.targets {
                XCTAssertGreaterThan(target.records.count, 10, version)
                let gcc = try XCTUnwrap(GCC.forTarget(target.target))
                let (source, probes, _) = CLayoutOracle(target: target, includes: [header], prelude: "").source()
                guard let assembly = try gcc.assemble(source) else { continue }
                XCTAssertEqual(CLayoutOracle.verify(probes, assembly: assembly, target: target.target), [])
            }
        }
    }
}
