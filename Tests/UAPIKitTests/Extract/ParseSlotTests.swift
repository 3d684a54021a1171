import XCTest
@testable import UAPIClang

/// A worker's translation unit parsed again for each header sees only that header's
/// content, and is never reparsed while a unit handed out from it is still in use.
final class ParseSlotTests: XCTestCase {
    private let file = "/__uapi_test__/main.c"
    private let arguments = ["-x", "c", "-std=gnu11", "-nostdlibinc", "--gcc-toolchain=/dev/null/none"]

    private func names(_ unit: TranslationUnit) -> [String] {
        unit.cursor.children.filter { $0.position.file == file }.map(\.spelling)
    }

    func testEachParseSeesOnlyItsOwnContent() throws {
        let worker = ClangWorker()
        let slot = worker.slot(mainFile: file, arguments: arguments)
        XCTAssertEqual(names(try slot.parse([file: "struct first { int a; };\n"])), ["first"])
        // A name the previous content defined is not defined any more.
        let second = try slot.parse([file: "struct second { struct first f; };\n"])
        XCTAssertEqual(names(second), ["second"])
        XCTAssertTrue(second.diagnostics.contains { $0.severity >= .error && $0.message.contains("incomplete") },
                      second.diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(names(try slot.parse([file: "enum third { T };\n"])), ["third"])
        XCTAssertTrue(try slot.parse([file: "int x;\n"]).diagnostics.isEmpty)
    }

    func testAUnitStillInUseIsNeverReparsed() throws {
        let worker = ClangWorker()
        let slot = worker.slot(mainFile: file, arguments: arguments)
        let kept = try slot.parse([file: "struct kept { int a; };\n"])
        let keptCursor = kept.cursor.children.first { $0.spelling == "kept" }!
        let other = try slot.parse([file: "struct other { long b; };\n"])
        XCTAssertEqual(names(other), ["other"])
        // The first unit's cursors still read the first content.
        XCTAssertEqual(keptCursor.spelling, "kept")
        XCTAssertEqual(names(kept), ["kept"])
    }

    func testAWorkerKeepsTheSlotOfItsCurrentCommandLineOnly() throws {
        let worker = ClangWorker()
        let x86Arguments = arguments + ["-target", "x86_64-linux-gnu"]
        let x86 = worker.slot(mainFile: file, arguments: x86Arguments)
        XCTAssertTrue(x86 === worker.slot(mainFile: file, arguments: x86Arguments))
        let i386 = worker.slot(mainFile: file, arguments: arguments + ["-target", "i386-linux-gnu"])
        XCTAssertFalse(x86 === i386)
        // Moving on to another target let the first slot go: coming back makes a new one.
        XCTAssertFalse(x86 === worker.slot(mainFile: file, arguments: x86Arguments))
        let source = [file: "struct s { long a; };\n"]
        let size64 = try x86.parse(source).cursor.children.first { $0.spelling == "s" }!.type.size.get()
        let size32 = try i386.parse(source).cursor.children.first { $0.spelling == "s" }!.type.size.get()
        XCTAssertEqual(size64, 8)
        XCTAssertEqual(size32, 4)
    }

    /// libclang keeps diagnostics without a place (clang's "too many errors emitted") across
    /// a reparse: a unit that had one is not parsed again, so they never reach the next header.
    func testADiagnosticWithoutAPlaceDoesNotReachTheNextParse() throws {
        let slot = ClangWorker().slot(mainFile: file, arguments: ["-x", "c", "-std=gnu11", "-nostdlibinc", "-ferror-limit=5"])
        let broken = (0..<30).map { "int x\($0) = ;\n" }.joined()
        XCTAssertTrue(try slot.parse([file: broken]).diagnostics.contains { $0.file.isEmpty })
        XCTAssertEqual(try slot.parse([file: "int fine;\n"]).diagnostics.map(\.message), [])
        XCTAssertEqual(try slot.parse([file: "int fine_again;\n"]).diagnostics.map(\.message), [])
    }
}
