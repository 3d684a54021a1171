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

/// Every snapshot the tests produce validates against docs/snapshot.schema.json
/// (checked by Python's jsonschema, not by our own decoder).
final class SchemaTests: XCTestCase {
    private let schema = TestPaths.repository.appendingPathComponent("docs/snapshot.schema.json").path
    private let validator = TestPaths.repository.appendingPathComponent("scripts/validate_json.py").path

    func testProducedSnapshotsValidate() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        let inputs: [(String, [String], Bool)] = [
            ("system", Snapshots.systemHeaders, false),
            ("fixture", [Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")], false),
            ("kernel", [Snapshots.fixture("snapshot/kernel-types/pvrdma_like_dev_api.h")], true),
        ]
        for (name, headers, kernelTypes) in inputs {
            let snapshot = try Snapshots.of(headers, kernelTypes: kernelTypes)
            let file = directory.appendingPathComponent("\(name).json")
            try SnapshotCoding.encode(snapshot).write(to: file)
            files.append(file.path)
        }
        let result = try CommandRunner.run("python3", [validator, schema] + files)
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
    }

    func testSchemaRejectsABrokenSnapshot() throws {
        let snapshot = try Snapshots.of([Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h")], targets: [.x86_64])
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: SnapshotCoding.encode(snapshot)) as? [String: Any])
        var targets = try XCTUnwrap(json["targets"] as? [[String: Any]])
        targets[0]["ioctlEncoding"] = "vax"
        json["targets"] = targets
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let result = try CommandRunner.run("python3", [validator, schema, file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdoutText.contains("targets/0/ioctlEncoding"), result.stdoutText)
    }
}
