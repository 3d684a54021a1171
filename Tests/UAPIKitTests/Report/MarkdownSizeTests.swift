import Foundation
import XCTest

/// Markdown is for pull-request comments, which GitHub refuses over 65,536 characters.
final class MarkdownSizeTests: XCTestCase {
    private let limit = 65_536

    func testAHugeDiffStaysUnderTheLimitAndSaysWhatWasLeftOut() throws {
        let directory = try TestPaths.temporaryDirectory()
        let many = (0..<4000).map { "#define HUGE_REMOVED_CONSTANT_NUMBER_\($0) \($0)" }.joined(separator: "\n")
        try (many + "\n").write(to: directory.appendingPathComponent("old.h"), atomically: true, encoding: .utf8)
        try "#define HUGE_KEPT 1\n".write(to: directory.appendingPathComponent("new.h"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.uapi(["diff", "--format", "markdown", "old.h", "new.h"], in: directory)
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertLessThan(result.stdoutText.count, limit)
        XCTAssertTrue(result.stdoutText.contains("**4000 breaking**"), String(result.stdoutText.prefix(300)))
        let note = try XCTUnwrap(result.stdoutText.split(separator: "\n").last { $0.contains("left out") }, "a note on what was left out")
        let leftOut = try XCTUnwrap(Int(note.split(separator: " ").first?.trimmingCharacters(in: CharacterSet(charactersIn: "_")) ?? ""))
        let shown = result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("| breaking | removed |") }.count
        XCTAssertEqual(shown + leftOut, 4000 + 1, "every item is either shown or counted as left out")
    }

    func testTheWholeTreeDiffOfTwoRealKernelVersionsFits() throws {
        // Debian's cross packages carry other kernel versions than the host's linux-libc-dev.
        let other = "/usr/riscv64-linux-gnu/include/linux"
        XCTAssertTrue(FileManager.default.fileExists(atPath: other), "install linux-libc-dev-riscv64-cross (make deps)")
        // Each side is read with its own tree; the cross package's asm/ is riscv64's alone.
        let result = try CommandRunner.uapi(["diff", "--format", "markdown", "--target", "riscv64", other, "/usr/include/linux"])
        XCTAssertTrue([0, 4, 8, 12].contains(result.status), result.stderr)
        XCTAssertLessThan(result.stdoutText.count, limit)
        XCTAssertTrue(result.stdoutText.hasPrefix("## uapi: ABI report"))
    }
}
