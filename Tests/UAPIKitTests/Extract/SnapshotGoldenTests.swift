import Foundation
import XCTest

/// One folder per case under Tests/Fixtures/snapshot: `args` (the command line
/// after `uapi snapshot`), headers, and the expected stdout, stderr and status.
final class SnapshotGoldenTests: XCTestCase {
    func testEveryCase() throws {
        let root = TestPaths.fixtures.appendingPathComponent("snapshot")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        XCTAssertFalse(cases.isEmpty)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
                .split(whereSeparator: \.isWhitespace).map(String.init)
            let outputFile = folder.appendingPathComponent("out.json")
            try? FileManager.default.removeItem(at: outputFile)
            let result = try CommandRunner.uapi(["snapshot"] + args, in: folder)
            try Golden.check(result.stdoutText, against: folder.appendingPathComponent("expected.json"))
            try Golden.check(result.stderr, against: folder.appendingPathComponent("expected.stderr"))
            try Golden.check("\(result.status)\n", against: folder.appendingPathComponent("expected.status"))
            if result.status != 0 {
                XCTAssertFalse(FileManager.default.fileExists(atPath: outputFile.path),
                               "\(name): a failed snapshot must not leave an output file")
            }
            try? FileManager.default.removeItem(at: outputFile)
        }
    }
}
