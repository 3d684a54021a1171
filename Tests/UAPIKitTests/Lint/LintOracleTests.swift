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

/// `uapi lint` on the system's vfio.h and kvm.h, with the layout findings checked
/// against what gcc says: sizes, alignments and member offsets read back from
/// gcc's assembly for x86_64 and i386, holes and padding computed from those.
final class LintOracleTests: XCTestCase {
    struct Geometry: Equatable {
        var size: UInt64
        var alignment: UInt64
        var members: [(offset: UInt64, size: UInt64)]

        static func == (a: Geometry, b: Geometry) -> Bool {
            a.size == b.size && a.alignment == b.alignment && a.members.map(\.offset) == b.members.map(\.offset)
                && a.members.map(\.size) == b.members.map(\.size)
        }

        var holes: UInt64 {
            var end: UInt64 = 0, total: UInt64 = 0
            for member in members.sorted(by: { $0.offset < $1.offset }) {
                if member.offset > end { total += member.offset - end }
                end = max(end, member.offset + member.size)
            }
            return total
        }

        var tail: UInt64 {
            let end = members.map { $0.offset + $0.size }.max() ?? 0
            return size > end ? size - end : 0
        }
    }

    func testLayoutFindingsAgreeWithGCC() throws {
        for header in ["/usr/include/linux/vfio.h", "/usr/include/linux/kvm.h"] {
            let snapshot = try Snapshots.of([header], targets: [.x86_64, .i386], onlyListed: true)
            let report = LintEngine.run(snapshot, subject: header, policy: .strict, knownFindings: nil)
            let x64 = snapshot.targets[0]
            // Plain structs: no bit-fields, no anonymous members, no flexible arrays (gcc cannot sizeof those members).
            let records = x64.records.filter { record in
                record.kind == .struct && record.isComplete && !record.isAnonymous && !record.isPacked
                    && record.fields.allSatisfy { !$0.name.isEmpty && $0.bitWidth == nil && !$0.isFlexibleArray }
                    && snapshot.targets[1].record(named: record.name) != nil
            }
            XCTAssertGreaterThan(records.count, 20, header)
            var gcc: [String: [String: Geometry]] = [:]
            for target in ["x86_64", "i386"] {
                gcc[target] = try geometries(records, header: header, target: target)
            }
            let names = Set(records.map(\.name))
            func findings(_ rule: String, on target: String? = nil) -> Set<String> {
                Set(report.findings.filter { $0.rule == rule && (target.map($0.targets.contains) ?? true) }
                    .map { String($0.message.split(separator: ":").first!) }.filter(names.contains))
            }
            for target in ["x86_64", "i386"] {
                let holes = Set(gcc[target]!.filter { $0.value.holes > 0 }.map(\.key))
                let tails = Set(gcc[target]!.filter { $0.value.tail > 0 }.map(\.key))
                XCTAssertEqual(findings("implicit-hole", on: target), holes, "\(header) holes on \(target)")
                XCTAssertEqual(findings("tail-padding", on: target), tails, "\(header) tail padding on \(target)")
            }
            let diverging = Set(records.map(\.name).filter { gcc["x86_64"]![$0] != gcc["i386"]![$0] })
            XCTAssertEqual(findings("layout-divergence"), diverging, "\(header) divergence")
            XCTAssertFalse(diverging.isEmpty)
        }
        // The sample from the issue, by hand.
        let snapshot = try Snapshots.of(["/usr/include/linux/vfio.h"], targets: [.x86_64, .i386], onlyListed: true)
        let gcc64 = try geometries([snapshot.targets[0].record(named: "vfio_iommu_type1_info")!], header: "/usr/include/linux/vfio.h", target: "x86_64")
        let gcc32 = try geometries([snapshot.targets[0].record(named: "vfio_iommu_type1_info")!], header: "/usr/include/linux/vfio.h", target: "i386")
        XCTAssertEqual(gcc64["vfio_iommu_type1_info"]?.size, 24)
        XCTAssertEqual(gcc32["vfio_iommu_type1_info"]?.size, 20)
        let finding = LintEngine.run(snapshot, subject: "vfio.h", policy: .strict, knownFindings: nil).findings
            .first { $0.rule == "layout-divergence" && $0.name == "vfio_iommu_type1_info" }
        XCTAssertEqual(finding?.message, "vfio_iommu_type1_info: size/alignment x86_64 24/8, i386 20/4")
    }

    /// Sizes, alignments, member offsets and sizes as gcc computes them for `target`.
    private func geometries(_ records: [Record], header: String, target: String) throws -> [String: Geometry] {
        var lines = ["#include \"\(header)\"", "#include <stddef.h>"]
        for (index, record) in records.enumerated() {
            let type = "struct \(record.name)"
            var values = ["sizeof(\(type))", "_Alignof(\(type))"]
            for field in record.fields {
                values += ["offsetof(\(type), \(field.name))", "sizeof(((\(type) *)0)->\(field.name))"]
            }
            lines.append("const unsigned long long __uapi_layout_\(index)[] = { \(values.joined(separator: ", ")) };")
        }
        let gcc = try XCTUnwrap(GCC.forTarget(target))
        let assembly = try XCTUnwrap(try gcc.assemble(lines.joined(separator: "\n") + "\n"))
        let symbols = AssemblyData.symbols(in: assembly, target: target)
        var result: [String: Geometry] = [:]
        for (index, record) in records.enumerated() {
            let bytes = try XCTUnwrap(symbols["__uapi_layout_\(index)"], record.name)
            let words = stride(from: 0, to: bytes.count, by: 8).map { start in
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << UInt64(8 * $1) }
            }
            let members = stride(from: 2, to: words.count, by: 2).map { (offset: words[$0], size: words[$0 + 1]) }
            result[record.name] = Geometry(size: words[0], alignment: words[1], members: members)
        }
        return result
    }
}
