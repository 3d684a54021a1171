import Foundation
import XCTest

/// Golden cases for the report commands: one folder per case with `args`
/// (everything after the subcommand), inputs, and the expected output in every
/// format plus the exit status. Re-record with UAPI_RECORD=1.
enum ReportGolden {
    /// JUnit records how long the run took: the one part of a report that differs between runs.
    static func withoutTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #" time="[0-9.]+""#, with: #" time="?""#, options: .regularExpression)
    }

    static let formats: [(format: String, file: String)] = [
        ("text", "expected.txt"), ("json", "expected.json"), ("markdown", "expected.md"),
        ("sarif", "expected.sarif"), ("junit", "expected.junit.xml"), ("github", "expected.github"),
    ]
    /// Diff cases also keep the HTML report, whose layout diagrams only a diff has.
    static let diffFormats = formats + [("html", "expected.html")]

    static func cases(_ folder: String) -> [URL] {
        let root = TestPaths.fixtures.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted().map { root.appendingPathComponent($0) }
    }

    static func run(_ subcommand: String, folder: String, formats: [(format: String, file: String)] = formats) throws {
        let cases = cases(folder)
        XCTAssertFalse(cases.isEmpty)
        for folder in cases {
            let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).map(String.init)
            var statuses = Set<Int32>()
            for (format, file) in formats {
                let result = try CommandRunner.uapi([subcommand, "--format", format] + args, in: folder)
                statuses.insert(result.status)
                try Golden.check(withoutTimes(result.stdoutText), against: folder.appendingPathComponent(file))
                if format == "text" {
                    try Golden.check(result.stderr, against: folder.appendingPathComponent("expected.stderr"))
                }
            }
            XCTAssertEqual(statuses.count, 1, "\(folder.lastPathComponent): the exit status must not depend on the format")
            try Golden.check("\(statuses.first!)\n", against: folder.appendingPathComponent("expected.status"))
        }
    }
}

final class DiffGoldenTests: XCTestCase {
    static var cases: [URL] { ReportGolden.cases("diff") }

    func testEveryCaseInEveryFormat() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 6)
        try ReportGolden.run("diff", folder: "diff", formats: ReportGolden.diffFormats)
    }
}

final class LintGoldenTests: XCTestCase {
    func testEveryCaseInEveryFormat() throws {
        XCTAssertGreaterThanOrEqual(ReportGolden.cases("lint").count, 2)
        try ReportGolden.run("lint", folder: "lint")
    }
}

final class LayoutGoldenTests: XCTestCase {
    func testEveryCaseAsTextAndJSON() throws {
        XCTAssertGreaterThanOrEqual(ReportGolden.cases("layout").count, 2)
        try ReportGolden.run("layout", folder: "layout", formats: [("text", "expected.txt"), ("json", "expected.json")])
    }
}
