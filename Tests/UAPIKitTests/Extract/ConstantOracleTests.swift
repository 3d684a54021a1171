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

/// Every evaluated constant of vfio.h and kvm.h (and the fixture) against gcc:
/// a program compiled and run for x86_64; values gcc emits into assembly for
/// i386 and aarch64, read back by the test.
final class ConstantOracleTests: XCTestCase {
    func testSystemConstantsMatchGCC() throws {
        for header in ["/usr/include/linux/vfio.h", "/usr/include/linux/kvm.h"] {
            try verify(header)
        }
    }

    func testFixtureConstantsMatchGCC() throws {
        try verify(Snapshots.fixture("snapshot/vfio-like/fixture_vfio.h"))
    }

    func testIoctlDecodingAgreesWithTheKernelMacros() throws {
        let snapshot = try Snapshots.of(["/usr/include/linux/vfio.h"])
        for target in snapshot.targets {
            let ioctls = target.constants.filter { $0.ioctl != nil }
            XCTAssertGreaterThan(ioctls.count, 20)
            let gcc = try XCTUnwrap(GCC.forTarget(target.target))
            var lines = ["#include \"/usr/include/linux/vfio.h\""]
            for constant in ioctls {
                let ioctl = constant.ioctl!
                lines.append("_Static_assert(_IOC_NR(\(constant.name)) == \(ioctl.number) && _IOC_TYPE(\(constant.name)) == \(ioctl.type) && _IOC_SIZE(\(constant.name)) == \(ioctl.size), \"\(constant.name)\");")
                if let record = ioctl.argumentRecord {
                    lines.append("_Static_assert(_IOC_SIZE(\(constant.name)) == sizeof(struct \(record)), \"\(constant.name) size\");")
                }
            }
            _ = try gcc.assemble(lines.joined(separator: "\n") + "\n")
        }
    }

    private func verify(_ header: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let snapshot = try Snapshots.of([header], onlyListed: true)
        for target in snapshot.targets {
            let integers = target.constants.filter { $0.kind == .integer }
            let strings = target.constants.filter { $0.kind == .string }
            XCTAssertGreaterThan(integers.count, 5, file: file, line: line)
            let gcc = try XCTUnwrap(GCC.forTarget(target.target))
            if target.target == "x86_64" {
                var program = ["#include \"\(header)\"", "#include <stdio.h>", "int main(void) {"]
                for constant in integers {
                    program.append("printf(\"%s %llu %d\\n\", \"\(constant.name)\", (unsigned long long)(\(constant.name)), (\(constant.name)) < 0);")
                }
                for constant in strings {
                    program.append("printf(\"%s %s\\n\", \"\(constant.name)\", \(constant.name));")
                }
                program.append("return 0; }")
                guard let output = try gcc.run(program.joined(separator: "\n") + "\n", file: file, line: line) else { continue }
                var expected = integers.map { "\($0.name) \($0.value!.bitPattern) \($0.value!.isNegative ? 1 : 0)" }
                expected += strings.map { "\($0.name) \($0.stringValue!)" }
                XCTAssertEqual(output.split(separator: "\n").map(String.init), expected, file: file, line: line)
            } else {
                // These binaries cannot run here: gcc emits each value into the
                // assembly, and the test reads the bytes back.
                var lines = ["#include \"\(header)\""]
                for (index, constant) in integers.enumerated() {
                    lines.append("const unsigned long long __uapi_value_\(index) = (unsigned long long)(\(constant.name));")
                    lines.append("const unsigned char __uapi_negative_\(index) = (\(constant.name)) < 0;")
                }
                guard let assembly = try gcc.assemble(lines.joined(separator: "\n") + "\n", extraFlags: ["-O1"], file: file, line: line) else { continue }
                let symbols = AssemblyData.symbols(in: assembly, target: target.target)
                for (index, constant) in integers.enumerated() {
                    let bytes = symbols["__uapi_value_\(index)"] ?? []
                    let negative = symbols["__uapi_negative_\(index)"] ?? []
                    XCTAssertEqual(bytes.count, 8, "\(constant.name): gcc emitted no 8-byte value on \(target.target)", file: file, line: line)
                    let value = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                    XCTAssertEqual(value, constant.value!.bitPattern, "\(constant.name) on \(target.target)", file: file, line: line)
                    XCTAssertEqual(negative.first == 1, constant.value!.isNegative, "\(constant.name) sign on \(target.target)", file: file, line: line)
                }
            }
        }
    }
}
