import Foundation
import XCTest

/// One folder per case under Tests/Fixtures/diff: `args` (everything after
/// `uapi diff`), old and new headers, an optional policy, and the expected
/// report in every format plus the exit status.
final class DiffGoldenTests: XCTestCase {
    static let formats: [(format: String, file: String)] = [
        ("text", "expected.txt"), ("json", "expected.json"), ("markdown", "expected.md"),
        ("sarif", "expected.sarif"), ("junit", "expected.junit.xml"), ("github", "expected.github"),
    ]

    static var cases: [URL] {
        let root = TestPaths.fixtures.appendingPathComponent("diff")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted().map { root.appendingPathComponent($0) }
    }

    func testEveryCaseInEveryFormat() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 6)
        for folder in Self.cases {
            let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).map(String.init)
            var statuses = Set<Int32>()
            for (format, file) in Self.formats {
                let result = try CommandRunner.uapi(["diff", "--format", format] + args, in: folder)
                statuses.insert(result.status)
                try Golden.check(result.stdoutText, against: folder.appendingPathComponent(file))
                if format == "text" {
                    try Golden.check(result.stderr, against: folder.appendingPathComponent("expected.stderr"))
                }
            }
            XCTAssertEqual(statuses.count, 1, "\(folder.lastPathComponent): the exit status must not depend on the format")
            try Golden.check("\(statuses.first!)\n", against: folder.appendingPathComponent("expected.status"))
        }
    }
}
