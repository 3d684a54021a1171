import Foundation
import XCTest

/// The first invariant of a trustworthy diff: a header compared with itself has no changes.
final class SelfDiffTests: XCTestCase {
    func testUnnamedBitFieldsDoNotPairWithEachOther() throws {
        let directory = TestPaths.fixtures.appendingPathComponent("invariants")
        let result = try CommandRunner.uapi(["diff", "--target", "x86_64,i386,aarch64", "bitfields.h", "bitfields.h"], in: directory)
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
        XCTAssertTrue(result.stdoutText.contains("No ABI changes."), result.stdoutText)
    }
}
