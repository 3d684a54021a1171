import Foundation
import XCTest
@testable import UAPIExtract
@testable import UAPIModel

/// A record with tens of thousands of fields took minutes: libclang checks every
/// field on each offset query. Its offsets now come from offsetof probes, checked
/// here against gcc.
final class LargeRecordTests: XCTestCase {
    func testAStructOf20000MixedFieldsMatchesGCC() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let kinds = ["char", "short", "int", "long long", "double", "char", "struct inner", "unsigned char",
                     "int __attribute__((aligned(16)))", "short"]
        var fields = (0..<20_000).map { "\(kinds[$0 % kinds.count]) f\($0);" }
        // A few bit-fields and arrays: offsetof cannot name bit-fields, which go the slow way.
        for index in stride(from: 7, to: 20_000, by: 2_000) { fields[index] = "unsigned int b\(index) : 3;" }
        for index in stride(from: 11, to: 20_000, by: 1_000) { fields[index] = "char a\(index)[3];" }
        let header = directory.appendingPathComponent("wide.h")
        let small: [String] = (0..<300).map { "char t\($0);" }
        let wide = "struct wide { " + fields.joined(separator: " ") + " };\n"
        let text = "struct inner { char c; int i; };\n" + wide + "typedef struct { " + small.joined(separator: " ") + " } wide_t;\n"
        try text.write(to: header, atomically: true, encoding: .utf8)

        let snapshot = try Snapshots.of([header.path], targets: [.x86_64, .i386])
        for target in snapshot.targets {
            XCTAssertEqual(target.record(named: "wide")?.fields.count, 20_000)
            XCTAssertEqual(target.record(named: "wide_t")?.fields.count, 300)
            let gcc = try XCTUnwrap(GCC.forTarget(target.target))
            let (source, probes, assertions) = CLayoutOracle(target: target, includes: [header.path], prelude: "").source()
            XCTAssertGreaterThan(assertions, 20_000)
            guard let assembly = try gcc.assemble(source) else { continue }
            XCTAssertEqual(CLayoutOracle.verify(probes, assembly: assembly, target: target.target), [])
        }
    }
}
