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

/// Generated bindings: up to date in Examples/, deterministic, and proven by
/// building the generated packages, running their layout tests, and comparing a
/// Swift program's view of every constant with gcc's.
final class BindgenTests: XCTestCase {
    static let exampleArguments = ["--target", "x86_64,i386,aarch64", "--copy-headers", "Tests/Fixtures/snapshot/vfio-like/fixture_vfio.h",
                                   "--module", "CFixture", "--package", "FixtureBindings"]

    private func files(under root: URL) throws -> [String: Data] {
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".build") && !$0.contains("/.build") }
        var result: [String: Data] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return result
    }

    func testCommittedExampleBindingsAreUpToDate() throws {
        let directory = try TestPaths.temporaryDirectory()
        let result = try CommandRunner.uapi(["bindgen"] + Self.exampleArguments + ["-o", directory.path], in: TestPaths.repository)
        XCTAssertEqual(result.status, 0, result.stderr)
        let fresh = try files(under: directory)
        let committed = try files(under: TestPaths.repository.appendingPathComponent("Examples/FixtureBindings"))
        XCTAssertEqual(Set(fresh.keys), Set(committed.keys), "Examples/FixtureBindings is out of date: regenerate it with 'make examples'")
        for (path, data) in fresh where committed[path] != data {
            XCTFail("Examples/FixtureBindings/\(path) is out of date: regenerate it with 'make examples'")
        }
        // Twice in a row: the same bytes, nothing rewritten.
        let again = try CommandRunner.uapi(["bindgen"] + Self.exampleArguments + ["-o", directory.path], in: TestPaths.repository)
        XCTAssertTrue(again.stderr.contains("0 files written"), again.stderr)
        XCTAssertEqual(try files(under: directory), fresh)
    }

    func testPlanKeepsWhatTheImporterDropsAndNothingElse() throws {
        let snapshot = try Snapshots.of([TestPaths.fixtures.appendingPathComponent("bindgen/edge.h").path], onlyListed: true)
        let plan = BindingPlan(snapshot: snapshot)
        XCTAssertEqual(Set(plan.constants.map(\.name)),
                       ["EDGE_ALIAS_STATE", "EDGE_CHAINED", "EDGE_FROM_ENUM", "EDGE_GET", "EDGE_RESET", "EDGE_SET", "EDGE_SIZE", "EDGE_TYPE"])
        XCTAssertEqual(plan.skipped.map(\.name), ["EDGE_WIDE"])
        XCTAssertTrue(plan.constants.first { $0.name == "EDGE_GET" }!.uniform)
        XCTAssertFalse(plan.constants.first { $0.name == "EDGE_SIZE" }!.uniform, "size_t is 4 bytes on i386")
    }

    /// Builds a generated package, runs its layout tests, and runs a program that
    /// prints every integer constant; gcc's program must print the same.
    private func buildAndCompare(header: String, includeName: String, copy: Bool, targets: String? = nil,
                                 demoExtras: [String] = [], gccExtras: [String] = []) throws {
        let root = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var arguments = ["bindgen", "--module", "CBound", "--overlay", "Bound", "--output", root.appendingPathComponent("Sources").path]
        arguments += copy ? ["--copy-headers", header] : ["--include", "/usr/include", includeName]
        arguments += targets.map { ["--target", $0] } ?? []
        let generated = try CommandRunner.uapi(arguments)
        XCTAssertEqual(generated.status, 0, generated.stderr)

        let snapshot = try Snapshots.of([header], targets: [.x86_64], onlyListed: true)
        let target = snapshot.targets[0]
        let integers = target.constants.filter { $0.kind == .integer && $0.value != nil && $0.cType != "__int128" }
        let plan = BindingPlan(snapshot: snapshot)
        let generatedNames = Set(plan.constants.map(\.name))
        var swiftLines = ["import Bound"] + demoExtras
        var cLines = ["#include \"\(header)\"", "#include <stdio.h>", "int main(void) {"] + gccExtras
        for constant in integers {
            let kind = BindingPlan.valueKind(constant.name, in: target)
            guard generatedNames.contains(constant.name) || kind != .none else { continue }
            let value = kind == .enumValue ? "\(constant.name).rawValue" : constant.name
            swiftLines.append("print(\"\(constant.name)\", UInt64(truncatingIfNeeded: \(value)))")
            cLines.append("printf(\"%s %llu\\n\", \"\(constant.name)\", (unsigned long long)(\(constant.name)));")
        }
        cLines.append("return 0; }")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Demo"), withIntermediateDirectories: true)
        try (swiftLines.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent("Sources/Demo/main.swift"), atomically: true, encoding: .utf8)
        try """
        // swift-tools-version:5.9
        import PackageDescription
        let package = Package(name: "BoundTest", targets: [
            .systemLibrary(name: "CBound", path: "Sources/CBound"),
            .target(name: "Bound", dependencies: ["CBound"]),
            .executableTarget(name: "Demo", dependencies: ["Bound"]),
            .testTarget(name: "BoundLayoutTests", dependencies: ["Bound"]),
        ])

        """.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)

        let build = try CommandRunner.run("swift", ["build", "--package-path", root.path])
        XCTAssertEqual(build.status, 0, String(build.stdoutText.suffix(3000)) + String(build.stderr.suffix(2000)))
        guard build.status == 0 else { return }
        let tests = try CommandRunner.run("swift", ["test", "--disable-swift-testing", "--package-path", root.path])
        XCTAssertEqual(tests.status, 0, String(tests.stdoutText.suffix(3000)) + String(tests.stderr.suffix(2000)))
        XCTAssertTrue(tests.stdoutText.contains("Executed 2 tests, with 0 failures"), String(tests.stdoutText.suffix(2000)) + String(tests.stderr.suffix(500)))

        let swiftOutput = try CommandRunner.run(root.appendingPathComponent(".build/debug/Demo").path, []).stdoutText
        let gcc = try XCTUnwrap(GCC.forTarget("x86_64"))
        let cOutput = try XCTUnwrap(try gcc.run(cLines.joined(separator: "\n") + "\n"))
        XCTAssertGreaterThan(swiftOutput.split(separator: "\n").count, 10)
        XCTAssertEqual(swiftOutput, cOutput)
    }

    /// Flag constants are typed like the field they go with: `info.flags & VFIO_DEVICE_FLAGS_PCI` compiles.
    func testSystemVfioBindingsBuildPassTheirLayoutTestsAndAgreeWithGCC() throws {
        try buildAndCompare(
            header: "/usr/include/linux/vfio.h", includeName: "linux/vfio.h", copy: false,
            demoExtras: ["print(\"sizeof(vfio_device_info)\", UInt64(MemoryLayout<vfio_device_info>.size))",
                         "var info = vfio_device_info()",
                         "info.flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET",
                         "print(\"pci\", info.flags & VFIO_DEVICE_FLAGS_PCI != 0, info.flags & VFIO_DEVICE_FLAGS_PLATFORM != 0)",
                         "var region = vfio_region_info()",
                         "region.flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_MMAP",
                         "print(\"region\", region.flags)"],
            gccExtras: ["printf(\"%s %llu\\n\", \"sizeof(vfio_device_info)\", (unsigned long long)sizeof(struct vfio_device_info));",
                        "struct vfio_device_info info = { .flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET };",
                        "printf(\"pci %s %s\\n\", (info.flags & VFIO_DEVICE_FLAGS_PCI) ? \"true\" : \"false\", (info.flags & VFIO_DEVICE_FLAGS_PLATFORM) ? \"true\" : \"false\");",
                        "struct vfio_region_info region = { .flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_MMAP };",
                        "printf(\"region %u\\n\", region.flags);"])
    }

    /// Three targets: the host compiles its own branch, with an x86-only ioctl and typed flags.
    func testMultiArchitectureBindingsBuildAndAgreeWithGCC() throws {
        try buildAndCompare(
            header: TestPaths.fixtures.appendingPathComponent("bindgen/arch/arch.h").path, includeName: "", copy: true,
            targets: "x86_64,i386,aarch64",
            demoExtras: ["var info = arch_device_info()",
                         "info.flags = ARCH_DEVICE_FLAGS_ALL & ~ARCH_DEVICE_FLAGS_PCI",
                         "info.kind = ARCH_DEVICE_KIND_GPU",
                         "print(\"info\", info.flags & ARCH_DEVICE_FLAGS_RESET, info.kind)",
                         "print(\"sizes\", Ioctls.ARCH_GET_MSRS.fields.size, Ioctls.ARCH_GET_LONG.fields.size, Ioctls.ARCH_OLD_RESET.fields.number)"],
            gccExtras: ["struct arch_device_info info = { .flags = ARCH_DEVICE_FLAGS_ALL & ~ARCH_DEVICE_FLAGS_PCI, .kind = ARCH_DEVICE_KIND_GPU };",
                        "printf(\"info %u %u\\n\", info.flags & ARCH_DEVICE_FLAGS_RESET, info.kind);",
                        "printf(\"sizes %u %u %u\\n\", _IOC_SIZE(ARCH_GET_MSRS), _IOC_SIZE(ARCH_GET_LONG), _IOC_NR(ARCH_OLD_RESET));"])
    }

    func testEdgeCaseBindingsBuildAndAgreeWithGCC() throws {
        try buildAndCompare(header: TestPaths.fixtures.appendingPathComponent("bindgen/edge.h").path, includeName: "", copy: true)
    }
}
