import Foundation
import XCTest
@testable import UAPILint

final class LintCommandTests: XCTestCase {
    private var folder: URL { TestPaths.fixtures.appendingPathComponent("lint/every-rule") }

    func testKnownFindingsAreHidden() throws {
        let directory = try TestPaths.temporaryDirectory()
        let baseline = directory.appendingPathComponent("lint-known.json").path
        let first = try CommandRunner.uapi(["lint", "--format", "json", "-o", baseline, "lint_fixture.h"], in: folder)
        XCTAssertEqual(first.status, 12)
        let again = try CommandRunner.uapi(["lint", "--known-findings", baseline, "lint_fixture.h"], in: folder)
        XCTAssertEqual(again.status, 0, again.stdoutText)
        XCTAssertTrue(again.stdoutText.contains("No findings."), again.stdoutText)
        XCTAssertTrue(again.stdoutText.contains("18 already known"), again.stdoutText)
        XCTAssertFalse(again.stderr.contains("deprecated"), again.stderr)

        // The old name still works, and says it is old.
        let old = try CommandRunner.uapi(["lint", "--baseline", baseline, "lint_fixture.h"], in: folder)
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertEqual(old.stdout, again.stdout)
        XCTAssertTrue(old.stderr.contains("--baseline is deprecated; use --known-findings"), old.stderr)
        let help = try CommandRunner.uapi(["lint", "--help"])
        XCTAssertTrue(help.stdoutText.contains("--known-findings"), help.stdoutText)
        XCTAssertFalse(help.stdoutText.contains("--baseline"), help.stdoutText)

        // A new problem shows up on its own.
        let header = directory.appendingPathComponent("lint_fixture.h")
        try (String(contentsOf: folder.appendingPathComponent("lint_fixture.h"), encoding: .utf8)
             + "struct lint_new { __u16 a; __u64 b; };\n").write(to: header, atomically: true, encoding: .utf8)
        let fresh = try CommandRunner.uapi(["lint", "--known-findings", baseline, "lint_fixture.h"], in: directory)
        XCTAssertEqual(fresh.status, 12)
        XCTAssertTrue(fresh.stdoutText.contains("lint_new: 6-byte hole after a"), fresh.stdoutText)
        XCTAssertFalse(fresh.stdoutText.contains("lint_hole"), fresh.stdoutText)
    }

    func testExplainEveryRule() throws {
        XCTAssertEqual(LintRules.all.count, 9, "a new rule needs a case in Tests/Fixtures/lint/every-rule")
        for rule in LintRules.all.map(\.id) {
            let result = try CommandRunner.uapi(["lint", "--explain", rule])
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdoutText.hasPrefix("\(rule): "), result.stdoutText)
            XCTAssertTrue(result.stdoutText.contains("fix: "), result.stdoutText)
        }
        let unknown = try CommandRunner.uapi(["lint", "--explain", "no-such-rule"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown rule 'no-such-rule'"), unknown.stderr)
    }

    func testLayoutNamesAMissingRecord() throws {
        let result = try CommandRunner.uapi(["layout", "lint_fixture.h", "lint_tai"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no record 'lint_tai'; did you mean lint_tail?"), result.stderr)
    }

    func testUnknownLintRuleInAPolicyNamesTheLine() throws {
        let policy = try TestPaths.temporaryDirectory().appendingPathComponent("policy.yaml")
        try "suppress:\n  - rule: holes\n    reason: typo\n".write(to: policy, atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["lint", "--policy", policy.path, "lint_fixture.h"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(policy.path):2: unknown lint rule 'holes'"), result.stderr)
    }
}
