import Foundation
import XCTest

/// Each class of change found on real kernel updates and library headers, as a minimal
/// fixture in Tests/Fixtures/change-classes/<case>/{old,new}: every finding (severity,
/// category, name, targets, words) and the exit status are pinned in `expected`.
/// Re-record with UAPI_RECORD=1.
final class ChangeClassTests: XCTestCase {
    func testEveryClassIsFoundAndRatedAsExpected() throws {
        let root = TestPaths.fixtures.appendingPathComponent("change-classes")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 12)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let result = try CommandRunner.uapi(["diff", "--format", "json"] + arguments(folder), in: folder)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(name): \(result.stderr)")
            let changes = report["changes"] as? [[String: Any]] ?? []
            let lines = changes.map { change -> String in
                let targets = (change["targetSpecific"] as? Bool ?? false) ? " [\((change["targets"] as? [String] ?? []).joined(separator: ","))]" : ""
                return "\(change["severity"] ?? "?") \(change["category"] ?? "?") \(change["name"] ?? "?")\(targets): \(change["message"] ?? "")"
            }
            try Golden.check((lines + ["exit \(result.status)"]).joined(separator: "\n") + "\n", against: folder.appendingPathComponent("expected"))
        }
    }

    /// `args` when the case has one (a policy, whole folders); else one header on each side, two targets.
    private func arguments(_ folder: URL) throws -> [String] {
        let file = folder.appendingPathComponent("args")
        if let text = try? String(contentsOf: file, encoding: .utf8) { return text.split(whereSeparator: \.isWhitespace).map(String.init) }
        let header = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("old").path).first)
        return ["--target", "x86_64,i386", "old/\(header)", "new/\(header)"]
    }
}

/// Two headers defining one name are paired by header, whatever order the headers are named in.
final class DuplicateNameOrderTests: XCTestCase {
    func testTheOrderOfTheHeaderNamesDoesNotChangeTheFindings() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("change-classes/two-headers-one-name")
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Loose files are named by their file names: one of each name.
        let headers = ["asm/unistd_32.h", "asm-generic/unistd.h", "asm/bitsperlong.h"]
        var reports: [String] = []
        for (index, order) in [headers, headers.reversed()].enumerated() {
            for side in ["old", "new"] {
                let output = work.appendingPathComponent("\(side)-\(index).json").path
                let result = try CommandRunner.uapi(["snapshot", "--no-config", "--target", "x86_64", "-o", output] + order.map { "\(side)/\($0)" }, in: folder)
                XCTAssertEqual(result.status, 0, result.stderr)
            }
            let diff = try CommandRunner.uapi(["diff", "--no-config", "--format", "json", work.appendingPathComponent("old-\(index).json").path,
                                               work.appendingPathComponent("new-\(index).json").path], in: folder)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: diff.stdout) as? [String: Any])
            let changes = (report["changes"] as? [[String: Any]] ?? []).map { "\($0["category"] ?? "") \($0["name"] ?? "") \($0["message"] ?? "")" }
            XCTAssertTrue(changes.contains { $0.contains("__BITS_PER_LONG changed value from 32 to 64") }, "\(changes)")
            XCTAssertTrue(changes.contains { $0.hasPrefix("added __NR_clone3") }, "\(changes)")
            reports.append(changes.sorted().joined(separator: "\n"))
        }
        XCTAssertEqual(reports[0], reports[1])
    }
}
