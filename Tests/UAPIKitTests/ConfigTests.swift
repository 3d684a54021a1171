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

final class ConfigTests: XCTestCase {
    private func write(_ text: String) throws -> String {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("uapi.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testTheDefaultHeaderSetLoads() throws {
        let config = try ProjectConfig.load(path: TestPaths.repository.appendingPathComponent("headers/uapi.yaml").path)
        XCTAssertEqual(config.targets, ["x86_64", "i386", "aarch64"])
        XCTAssertTrue(config.headers.contains("linux/vfio.h"))
        XCTAssertEqual(config.optionalHeaders, ["linux/iommufd.h"])
        XCTAssertTrue(config.baselinePath?.hasSuffix("headers/baseline.json") == true)
    }

    func testUnknownSettingNamesItsLine() throws {
        let path = try write("headers: [linux/vfio.h]\n\ntargetz: [x86_64]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("\(path):3: unknown setting 'targetz'"), error.localizedDescription)
        }
    }

    func testMalformedYAMLNamesItsLine() throws {
        let path = try write("headers:\n  - linux/vfio.h\n targets: [x86_64\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertTrue(error.localizedDescription.contains("\(path):"), error.localizedDescription)
            XCTAssertTrue(error.localizedDescription.contains("not valid YAML"), error.localizedDescription)
        }
    }

    func testSyncGroupsSayAllowIncludeLikeTheCommandLine() throws {
        let path = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-include: [stdint.h]\n  - to: b\n    headers: [y.h]\n    allow-include: \"linux/*\"\n")
        let config = try ProjectConfig.load(path: path)
        XCTAssertEqual(config.sync.map(\.allowedIncludes), [["stdint.h"], ["linux/*"]])
        XCTAssertEqual(config.notes, [])

        // The old name still works, and says it is old.
        let old = try ProjectConfig.load(path: try write("sync:\n  - to: a\n    headers: [x.h]\n    allowed-includes: [stdint.h]\n"))
        XCTAssertEqual(old.sync.map(\.allowedIncludes), [["stdint.h"]])
        XCTAssertEqual(old.notes.count, 1)
        XCTAssertTrue(old.notes[0].contains(":4: 'allowed-includes' is deprecated; call it 'allow-include'"), old.notes[0])

        let both = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-include: [a.h]\n    allowed-includes: [b.h]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: both)) { error in
            XCTAssertTrue(error.localizedDescription.contains("give 'allow-include' once"), error.localizedDescription)
        }
        let typo = try write("sync:\n  - to: a\n    headers: [x.h]\n    allow-includes: [a.h]\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: typo)) { error in
            XCTAssertEqual(error.localizedDescription,
                           "\(typo):4: unknown sync setting 'allow-includes'; known: allow-include, headers, packed-macro, rewrite, to")
        }
    }

    func testWrongValueTypeIsReported() throws {
        let path = try write("headers: [linux/vfio.h]\nonly-listed: maybe\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path):2: 'only-listed' must be true or false")
        }
    }
}

/// Every command finds the project's uapi.yaml from a subdirectory, up to the repository root.
final class ConfigDiscoveryTests: XCTestCase {
    func testCommandsFindTheProjectConfigAndItsPolicy() throws {
        let project = try TestPaths.temporaryDirectory()
        let deeper = project.appendingPathComponent("src/deeper")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "include: [.]\nheaders: [a.h]\nbaseline: baseline.json\npolicy: policy.yaml\n"
            .write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        try "suppress:\n  - name: B\n    reason: \"B is internal\"\n".write(to: project.appendingPathComponent("policy.yaml"), atomically: true, encoding: .utf8)
        try "#define A 1\n".write(to: project.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n".write(to: deeper.appendingPathComponent("old.h"), atomically: true, encoding: .utf8)
        try "#define A 1\n#define B 2\n".write(to: deeper.appendingPathComponent("new.h"), atomically: true, encoding: .utf8)

        XCTAssertEqual(try CommandRunner.uapi(["check", "--update-baseline"], in: deeper).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("baseline.json").path))
        let diff = try CommandRunner.uapi(["diff", "old.h", "new.h"], in: deeper)
        XCTAssertEqual(diff.status, 0, diff.stdoutText)
        XCTAssertTrue(diff.stdoutText.contains("suppressed: B is internal"), diff.stdoutText)
        XCTAssertTrue(diff.stderr.contains("note: policy"), diff.stderr)

        // Above the repository root nothing is found.
        let outside = try TestPaths.temporaryDirectory()
        let none = try CommandRunner.uapi(["check"], in: outside)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no config found"), none.stderr)
    }
}
