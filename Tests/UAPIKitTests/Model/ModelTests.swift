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

final class ModelTests: XCTestCase {
    func testSHA256MatchesSha256sum() throws {
        let file = "/usr/include/linux/vfio.h"
        let expected = try CommandRunner.run("sha256sum", [file]).stdoutText.split(separator: " ").first.map(String.init)
        XCTAssertEqual(SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: file))), expected)
        XCTAssertEqual(SHA256.hex(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Lengths around the padding boundaries (55/56 and 64 bytes into a block).
        let directory = try TestPaths.temporaryDirectory()
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
            let data = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            let path = directory.appendingPathComponent("\(length)").path
            try data.write(to: URL(fileURLWithPath: path))
            let expected = try CommandRunner.run("sha256sum", [path]).stdoutText.split(separator: " ").first.map(String.init)
            XCTAssertEqual(SHA256.hex(of: data), expected, "\(length) bytes")
        }
    }

    func testIntegerValuesSurviveJSONAcrossTheFull64BitRange() throws {
        let values = [IntegerValue(Int64.min), IntegerValue(Int64(-1)), IntegerValue(Int64(0)), IntegerValue(UInt64(Int64.max) + 1), IntegerValue(UInt64.max)]
        let data = try SnapshotCoding.encode(values)
        XCTAssertEqual(String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace },
                       "[-9223372036854775808,-1,0,9223372036854775808,18446744073709551615]")
        XCTAssertEqual(try JSONDecoder().decode([IntegerValue].self, from: data), values)
    }

    func testIoctlEncodings() {
        // _IOWR(';', 100 + 12, 24-byte struct) in the generic and the powerpc encodings.
        let generic = IoctlEncoding.named(.generic).decode(0xC018_3B70)
        XCTAssertEqual(generic, IoctlNumber(direction: .readWrite, type: 0x3B, number: 0x70, size: 24))
        let powerpc = IoctlEncoding.named(.powerpc).decode(0xC018_3B70)
        XCTAssertEqual(powerpc?.direction, .readWrite)
        XCTAssertEqual(IoctlEncoding.named(.powerpc).decode(0x2000_3B64)?.direction, IoctlNumber.Direction.none)
        XCTAssertEqual(IoctlEncoding.named(.powerpc).decode(0x4004_3B71)?.direction, .read)
        XCTAssertEqual(IoctlEncoding.named(.powerpc).decode(0x8004_3B71)?.direction, .write)
        XCTAssertNil(IoctlEncoding.named(.generic).decode(0x1_0000_0000))
    }

    func testTargetAliases() {
        XCTAssertEqual(Target.named("arm64"), .aarch64)
        XCTAssertEqual(Target.named("amd64"), .x86_64)
        XCTAssertEqual(Target.named("ppc64el"), .ppc64le)
        XCTAssertNil(Target.named("vax"))
    }
}
