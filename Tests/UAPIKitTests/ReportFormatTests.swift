import Foundation
import XCTest

/// Machine-readable reports are valid: SARIF against the SARIF 2.1.0 schema, the
/// JSON report against docs/diff.schema.json, JUnit as well-formed XML.
final class ReportFormatTests: XCTestCase {
    private let validator = TestPaths.repository.appendingPathComponent("scripts/validate_json.py").path

    private func expectedFiles(_ name: String) -> [String] {
        (ReportGolden.cases("diff") + ReportGolden.cases("lint")).map { $0.appendingPathComponent(name).path }
    }

    func testSARIFValidatesAgainstTheSARIFSchema() throws {
        let schema = TestPaths.vendored("schemas/sarif-2.1.0.json")
        let files = expectedFiles("expected.sarif")
        XCTAssertGreaterThanOrEqual(files.count, 6)
        let result = try CommandRunner.run("python3", [validator, schema.path] + files)
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
    }

    func testSARIFSchemaCatchesABrokenLog() throws {
        let schema = TestPaths.vendored("schemas/sarif-2.1.0.json")
        let text = try String(contentsOfFile: expectedFiles("expected.sarif")[0], encoding: .utf8)
            .replacingOccurrences(of: "\"level\" : \"error\"", with: "\"level\" : \"fatal\"")
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("broken.sarif")
        try text.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.run("python3", [validator, schema.path, file.path]).status, 1)
    }

    func testJSONReportsValidateAgainstTheirSchemas() throws {
        for (kind, schema) in [("diff", "docs/diff.schema.json"), ("lint", "docs/lint.schema.json")] {
            let files = ReportGolden.cases(kind).map { $0.appendingPathComponent("expected.json").path }
            let result = try CommandRunner.run("python3", [validator, TestPaths.repository.appendingPathComponent(schema).path] + files)
            XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
        }
    }

    func testJUnitIsWellFormedXML() throws {
        let script = "import sys, xml.dom.minidom\nfor f in sys.argv[1:]: xml.dom.minidom.parse(f)"
        let result = try CommandRunner.run("python3", ["-c", script] + expectedFiles("expected.junit.xml"))
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
