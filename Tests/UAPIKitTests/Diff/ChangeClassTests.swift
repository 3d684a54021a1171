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
