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

    func testWrongValueTypeIsReported() throws {
        let path = try write("headers: [linux/vfio.h]\nonly-listed: maybe\n")
        XCTAssertThrowsError(try ProjectConfig.load(path: path)) { error in
            XCTAssertEqual(error.localizedDescription, "\(path):2: 'only-listed' must be true or false")
        }
    }
}
