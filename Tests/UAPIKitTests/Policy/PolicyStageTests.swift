import Foundation
import XCTest
@testable import UAPIModel
@testable import UAPIPolicy

/// The Policy stage: one suppression ledger for every engine, one sentinel rule,
/// and a verdict that means something only when something was compared.
final class PolicyStageTests: XCTestCase {
    private var drift: URL { TestPaths.fixtures.appendingPathComponent("diff/layout-drift") }
    private func kernel(_ version: String) -> String { TestPaths.fixtures.appendingPathComponent("sync/kernel-\(version)").path }

    private func write(_ text: String, _ name: String, in directory: URL) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func testALintSuppressionIsNotTheDiffsToReport() throws {
        let directory = try TestPaths.temporaryDirectory()
        try write("""
        suppress:
          - rule: implicit-hole
            name: nothing_like_this
            reason: "a lint suppression"
        """, "policy.yaml", in: directory)
        try write("#define A 1\n", "a.h", in: directory)
        try write("#define A 1\n#define B 2\n", "b.h", in: directory)
        let diff = try CommandRunner.uapi(["diff", "--policy", "policy.yaml", "a.h", "b.h"], in: directory)
        XCTAssertEqual(diff.status, 4, diff.stderr)
        XCTAssertFalse(diff.stdoutText.contains("matched nothing"), diff.stdoutText)
        // The same suppression in a lint run that finds nothing for it is reported there.
        let lint = try CommandRunner.uapi(["lint", "--policy", "policy.yaml", "a.h"], in: directory)
        XCTAssertTrue(lint.stdoutText.contains("matched nothing"), lint.stdoutText)
    }

    func testSyncGroupsShareOneLedger() throws {
        let project = try TestPaths.temporaryDirectory()
        // The suppression matches in the second group only (v2 adds FIXDEV_RESET to linux/fixdev.h).
        try write("""
        headers: []
        sync:
          - to: asm-headers
            headers: [asm-x86/fixdev.h]
          - to: linux-headers
            headers: [linux/fixdev.h]
        """, "uapi.yaml", in: project)
        try write("""
        suppress:
          - name: FIXDEV_RESET
            reason: "the reset ioctl is new in v2"
        """, "policy.yaml", in: project)
        let first = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--config", "uapi.yaml"], in: project)
        XCTAssertEqual(first.status, 0, first.stderr)
        let second = try CommandRunner.uapi(["sync", "--from", kernel("v2"), "--config", "uapi.yaml", "--policy", "policy.yaml"], in: project)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("suppressed: the reset ioctl is new in v2"), second.stderr)
        XCTAssertFalse(second.stderr.contains("matched nothing"), second.stderr)
    }

    func testSidesWithoutACommonTargetAreAnInputError() throws {
        let directory = try TestPaths.temporaryDirectory()
        let snapshot = directory.appendingPathComponent("old.json").path
        XCTAssertEqual(try CommandRunner.uapi(["snapshot", "--only-listed", "old/drift.h", "-o", snapshot], in: drift).status, 0)
        let result = try CommandRunner.uapi(["diff", "--target", "i386", snapshot, "new/drift.h"], in: drift)
        XCTAssertEqual(result.status, 2, result.stdoutText)
        XCTAssertTrue(result.stderr.contains("nothing to compare"), result.stderr)
        XCTAssertTrue(result.stderr.contains("x86_64"), result.stderr)
        XCTAssertTrue(result.stdoutText.isEmpty, result.stdoutText)
    }

    func testFailOnDecidesWhatStopsASync() throws {
        let project = try TestPaths.temporaryDirectory()
        let sync = { (from: String, extra: [String]) in
            try CommandRunner.uapi(["sync", "--from", from, "--to", "linux-headers"] + extra + ["linux/fixdev.h"], in: project)
        }
        XCTAssertEqual(try sync(kernel("v1"), []).status, 0)
        let header = project.appendingPathComponent("linux-headers/linux/fixdev.h")
        let before = try Data(contentsOf: header)
        // v2 only adds: compatible changes stop the sync only when asked to.
        let strict = try sync(kernel("v2"), ["--fail-on", "compatible"])
        XCTAssertEqual(strict.status, 4, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("(--fail-on compatible)"), strict.stderr)
        XCTAssertEqual(try Data(contentsOf: header), before)
        XCTAssertEqual(try sync(kernel("v2"), ["--fail-on", "never"]).status, 2)
        XCTAssertEqual(try sync(kernel("v2"), []).status, 0)
        XCTAssertNotEqual(try Data(contentsOf: header), before)
    }

    func testThePolicysSentinelsReachLint() throws {
        let directory = try TestPaths.temporaryDirectory()
        try write("enum mode { MODE_A = 1, MODE_B = 2, MODE_END = 2 };\n", "modes.h", in: directory)
        try write("sentinels:\n  patterns: [\"*_END\"]\n", "policy.yaml", in: directory)
        let plain = try CommandRunner.uapi(["lint", "--format", "json", "modes.h"], in: directory)
        XCTAssertTrue(plain.stdoutText.contains("MODE_END has the same value"), plain.stdoutText)
        let judged = try CommandRunner.uapi(["lint", "--format", "json", "--policy", "policy.yaml", "modes.h"], in: directory)
        XCTAssertFalse(judged.stdoutText.contains("MODE_END"), judged.stdoutText)
    }

    func testTheLedgerReportsOnlyItsEnginesSuppressions() {
        let forDiff = Suppression(name: "A", header: nil, category: .removed, target: nil, reason: "r", source: "p:1")
        let forLint = Suppression(name: "A", header: nil, category: nil, rule: "bit-field", target: nil, reason: "r", source: "p:2")
        let forBoth = Suppression(name: "A", header: nil, category: nil, target: nil, reason: "r", source: "p:3")
        XCTAssertEqual(SuppressionLedger([forDiff, forLint, forBoth], engine: .diff).unmatched, [forDiff, forBoth])
        XCTAssertEqual(SuppressionLedger([forDiff, forLint, forBoth], engine: .lint).unmatched, [forLint, forBoth])
    }
}
