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

/// Every record layout the snapshot reports is checked by gcc for x86_64, i386
/// (-m32) and aarch64 (the Debian cross compiler).
final class LayoutOracleTests: XCTestCase {
    func testFixtureLayoutsMatchGCC() throws {
        try verify(headers: [Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")], includes: [Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")])
    }

    func testKernelTypesFixtureMatchesGCC() throws {
        let header = Snapshots.fixture("snapshot/kernel-types/pvrdma_like_dev_api.h")
        try verify(headers: [header], includes: [header], kernelTypes: true)
    }

    func testSystemHeaderLayoutsMatchGCC() throws {
        for header in Snapshots.systemHeaders {
            // kvm.h has no asm/kvm.h on some targets; every target here has one.
            try verify(headers: [header], includes: [header])
        }
    }

    func testI386DiffersFromX86_64WhereTheABIsDo() throws {
        let snapshot = try Snapshots.of([Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")])
        let x64 = try XCTUnwrap(snapshot.target(named: "x86_64")?.record(named: "fix_iommu_info"))
        let x32 = try XCTUnwrap(snapshot.target(named: "i386")?.record(named: "fix_iommu_info"))
        XCTAssertEqual(x64.size, 24)
        XCTAssertEqual(x32.size, 20)
        XCTAssertEqual(x64.fields.map(\.offsetBytes), [0, 4, 8, 16])
        XCTAssertEqual(x32.fields.map(\.offsetBytes), [0, 4, 8, 16])
        XCTAssertEqual(x64.alignment, 8)
        XCTAssertEqual(x32.alignment, 4)

        let system = try Snapshots.of(["/usr/include/linux/vfio.h"])
        XCTAssertEqual(system.target(named: "x86_64")?.record(named: "vfio_iommu_type1_info")?.size, 24)
        XCTAssertEqual(system.target(named: "i386")?.record(named: "vfio_iommu_type1_info")?.size, 20)
    }

    func testTheOracleCatchesAWrongLayout() throws {
        let header = Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")
        var target = try XCTUnwrap(Snapshots.of([header]).target(named: "i386"))
        let gcc = try XCTUnwrap(GCC.forTarget("i386"))
        XCTAssertTrue(try gcc.accepts(CLayoutOracle(target: target, includes: [header], prelude: "").source().text))
        // Claim the x86_64 layout for i386: gcc must refuse it.
        let index = try XCTUnwrap(target.records.firstIndex { $0.name == "fix_iommu_info" })
        target.records[index].size = 24
        XCTAssertFalse(try gcc.accepts(CLayoutOracle(target: target, includes: [header], prelude: "").source().text))
        // And a wrong bit-field position is caught from the emitted bytes.
        var bits = try XCTUnwrap(Snapshots.of([header]).target(named: "x86_64"))
        let record = try XCTUnwrap(bits.records.firstIndex { $0.name == "fix_bits" })
        bits.records[record].fields[1].offsetBits += 1
        let (source, probes, _) = CLayoutOracle(target: bits, includes: [header], prelude: "").source()
        let assembly = try XCTUnwrap(try GCC.forTarget("x86_64")!.assemble(source))
        XCTAssertEqual(CLayoutOracle.verify(probes, assembly: assembly, target: "x86_64").count, 1)
    }

    private func verify(headers: [String], includes: [String], kernelTypes: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let snapshot = try Snapshots.of(headers, kernelTypes: kernelTypes)
        for target in snapshot.targets {
            let gcc = try XCTUnwrap(GCC.forTarget(target.target))
            let oracle = CLayoutOracle(target: target, includes: includes,
                                       prelude: kernelTypes ? KernelTypesPrelude.text : "")
            let (source, probes, assertions) = oracle.source()
            XCTAssertGreaterThan(assertions, 0, "no layout facts to check for \(target.target)", file: file, line: line)
            guard let assembly = try gcc.assemble(source, file: file, line: line) else { continue }
            let mismatches = CLayoutOracle.verify(probes, assembly: assembly, target: target.target)
            XCTAssertEqual(mismatches, [], file: file, line: line)
        }
    }
}
