import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIBindings
@testable import UAPIModel

/// Bindings for several targets: per-architecture constants and ioctls under
/// `#if arch(...)` with that architecture's own doc comments, flag constants typed
/// like their field, internal macros left out. The compile proofs are in BindgenTests.
final class BindgenArchTests: XCTestCase {
    private static let archHeader = TestPaths.fixtures.appendingPathComponent("bindgen/arch/arch.h").path

    private func overlay(_ headers: [String], targets: [Target] = Snapshots.oracleTargets) throws -> [String: String] {
        let snapshot = try Snapshots.of(headers, targets: targets, onlyListed: true)
        let request = BindingsRequest(module: "CArch", overlay: "Arch", includes: ["\"uapi/arch.h\""],
                                      command: "uapi bindgen --target x86_64,i386,aarch64 --copy-headers arch.h --module CArch")
        return SwiftBindings.files(for: snapshot, request: request)
    }

    func testArchFixtureBindingsMatchTheirExpectations() throws {
        let files = try overlay([Self.archHeader])
        let expected = TestPaths.fixtures.appendingPathComponent("bindgen/arch/expected")
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        for path in ["Sources/Arch/Constants.swift", "Sources/Arch/Ioctls.swift", "Tests/ArchLayoutTests/LayoutTests.swift"] {
            let name = (path as NSString).lastPathComponent + ".txt"
            try Golden.check(try XCTUnwrap(files[path]), against: expected.appendingPathComponent(name))
        }
    }

    /// Splits generated Swift into the lines each architecture compiles: "" for unconditional ones.
    private func branches(_ source: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var arch = ""
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let range = line.range(of: #"^#(else)?if arch\((\w+)\)$"#, options: .regularExpression) {
                arch = String(line[range].split(separator: "(").last!.dropLast())
            } else if line == "#endif" {
                arch = ""
            } else {
                result[arch, default: []].append(line)
            }
        }
        return result
    }

    func testSystemKVMKeepsEachArchitecturesIoctlsWithTheirOwnSizes() throws {
        let files = try overlay(["/usr/include/linux/kvm.h", "/usr/include/linux/vfio.h"])
        let constants = try XCTUnwrap(files["Sources/Arch/Constants.swift"])
        let ioctls = try XCTUnwrap(files["Sources/Arch/Ioctls.swift"])
        XCTAssertFalse(constants.contains("not defined on"), "a constant missing on one target is dropped")
        let constantBranches = branches(constants), ioctlBranches = branches(ioctls)
        for name in ["KVM_GET_MSRS", "KVM_GET_LAPIC", "KVM_SET_CPUID2"] {
            for arch in ["x86_64", "i386"] {
                XCTAssertTrue(constantBranches[arch, default: []].contains { $0.hasPrefix("public let \(name): UInt = 0x") }, "\(name) on \(arch)")
                XCTAssertTrue(ioctlBranches[arch, default: []].contains { $0.contains("public static let \(name) = ") }, "Ioctls.\(name) on \(arch)")
            }
            for arch in ["", "arm64"] {
                XCTAssertFalse(constantBranches[arch, default: []].contains { $0.contains(" \(name):") }, "\(name) outside x86")
            }
        }
        // Each doc comment's argument size is the one its own branch's request number encodes.
        var checked = 0
        for (arch, lines) in constantBranches {
            var size: Int?
            for line in lines {
                if let range = line.range(of: #"argument size \d+"#, options: .regularExpression) {
                    size = Int(line[range].split(separator: " ").last!)
                } else if line.hasPrefix("public let "), let size, let hex = line.components(separatedBy: ": UInt = 0x").last,
                          line.contains(": UInt = 0x"), let number = UInt64(hex, radix: 16) {
                    XCTAssertEqual(Int((number >> 16) & 0x3FFF), size, "\(arch): \(line)")
                    checked += 1
                }
                if line.hasPrefix("public let ") { size = nil }
            }
        }
        XCTAssertGreaterThan(checked, 200)
        // kvm_msrs is defined in asm/kvm.h, which kvm.h includes: the C module imports it, so the ioctl is typed.
        XCTAssertTrue(ioctlBranches["x86_64", default: []].contains { $0.contains("KVM_GET_MSRS = Ioctl<kvm_msrs>(") },
                      "\(ioctlBranches["x86_64", default: []].filter { $0.contains("KVM_GET_MSRS") })")
    }

    func testInternalMacrosAreNotPublicAndTheirPublicAliasesAreIoctls() throws {
        let files = try overlay(["/usr/include/linux/kvm.h"])
        for (path, text) in files where path.hasSuffix(".swift") {
            XCTAssertNil(text.range(of: #"public (static )?let _"#, options: .regularExpression), "\(path) makes an internal macro public")
        }
        let plan = BindingPlan(snapshot: try Snapshots.of(["/usr/include/linux/kvm.h"], onlyListed: true))
        XCTAssertFalse(plan.constants.contains { $0.name.hasPrefix("__KVM_DEPRECATED") })
        let trace = try XCTUnwrap(plan.constants.first { $0.name == "KVM_TRACE_ENABLE" }, "built from __KVM_DEPRECATED_MAIN_W_0x06")
        XCTAssertEqual(trace.values["x86_64"]?.swiftType, "UInt")
        XCTAssertEqual(trace.values["x86_64"]?.ioctl?.number, 6)
        XCTAssertTrue(files["Sources/Arch/Ioctls.swift"]!.contains("public static let KVM_TRACE_ENABLE = "))
        XCTAssertTrue(BindingPlan.isInternal("_IOC_NONE"))
        XCTAssertFalse(BindingPlan.isInternal("KVM_GET_MSRS"))
        XCTAssertFalse(BindingPlan.isInternal("_x"), "lower case after one underscore is not reserved in C")
    }

    func testFlagConstantsTakeTheirFieldsType() throws {
        XCTAssertEqual(ConstantFamilies.prefixes(record: "vfio_device_info", field: "flags"),
                       ["VFIO_DEVICE_INFO_FLAGS_", "VFIO_DEVICE_INFO_FLAG_", "VFIO_DEVICE_FLAGS_", "VFIO_DEVICE_FLAG_"])
        XCTAssertEqual(ConstantFamilies.prefixes(record: "kvm_msrs", field: "nmsrs"), ["KVM_MSRS_NMSRS_", "KVM_MSRS_NMSR_"],
                       "two words: no shorter base, which would be as wide as KVM_")
        let plan = BindingPlan(snapshot: try Snapshots.of(["/usr/include/linux/vfio.h"], onlyListed: true))
        func binding(_ name: String) throws -> BindingPlan.ConstantBinding { try XCTUnwrap(plan.constants.first { $0.name == name }, name) }
        for name in ["VFIO_DEVICE_FLAGS_PCI", "VFIO_DEVICE_FLAGS_RESET", "VFIO_REGION_INFO_FLAG_READ", "VFIO_GROUP_FLAGS_VIABLE"] {
            let constant = try binding(name)
            XCTAssertTrue(constant.uniform, name)
            XCTAssertTrue(constant.shadowsImported, "\(name) is imported as Int32 by itself")
            XCTAssertEqual(Set(constant.values.values.map(\.swiftType)), ["UInt32"], name)
        }
        XCTAssertTrue(try binding("VFIO_DEVICE_FLAGS_PCI").values["x86_64"]!.family!.contains("vfio_device_info.flags"))
    }
}
