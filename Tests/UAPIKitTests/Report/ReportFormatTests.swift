import Foundation
import XCTest
@testable import UAPIDiff
@testable import UAPILint

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

/// docs/changes.md explains every rule a report can name (SARIF links there with --help-uri).
final class RuleDocumentationTests: XCTestCase {
    func testEveryCategoryAndLintRuleHasASection() throws {
        let text = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/changes.md"), encoding: .utf8)
        let headings = Set(text.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) })
        let ids = ChangeCategory.allCases.map(\.rawValue) + LintRules.all.map(\.id)
        XCTAssertEqual(Set(ids).subtracting(headings), [], "regenerate the missing sections of docs/changes.md")
    }
}
