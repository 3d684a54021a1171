import CClang
import Foundation

/// A parsed `CXTranslationUnit` (keeping its index alive). Cursors and types hold a
/// strong reference to it, so they never outlive the data they point into. It owns the
/// handle, or borrows it from a `ParseSlot` that parses it again once this is gone.
package final class TranslationUnit {
    let index: ClangIndex
    let raw: CXTranslationUnit
    /// The slot the handle belongs to; nil when this unit owns it.
    private let slot: ParseSlot?

    /// Parses `mainFile`, whose content may be supplied in memory through `unsavedFiles`.
    package convenience init(index: ClangIndex, mainFile: String, arguments: [String],
                             unsavedFiles: [String: String] = [:], detailedPreprocessing: Bool) throws {
        let raw = try UnsavedFiles(unsavedFiles).withCXUnsavedFiles { unsaved in
            try Self.parse(index: index, mainFile: mainFile, arguments: arguments, unsaved: &unsaved,
                           detailedPreprocessing: detailedPreprocessing)
        }
        self.init(index: index, raw: raw, slot: nil)
    }

    init(index: ClangIndex, raw: CXTranslationUnit, slot: ParseSlot?) {
        self.index = index
        self.raw = raw
        self.slot = slot
    }

    static func parse(index: ClangIndex, mainFile: String, arguments: [String], unsaved: inout [CXUnsavedFile],
                      detailedPreprocessing: Bool) throws -> CXTranslationUnit {
        var options = CXTranslationUnit_SkipFunctionBodies.rawValue
            | CXTranslationUnit_KeepGoing.rawValue
        if detailedPreprocessing { options |= CXTranslationUnit_DetailedPreprocessingRecord.rawValue }
        let indexHandle = try index.raw()
        let argStorage = arguments.map { strdup($0)! }
        defer { argStorage.forEach { free($0) } }
        var args: [UnsafePointer<CChar>?] = argStorage.map { UnsafePointer($0) }
        var unit: CXTranslationUnit?
        let code = clang_parseTranslationUnit2(indexHandle, mainFile, &args, Int32(args.count),
                                               &unsaved, UInt32(unsaved.count), options, &unit)
        guard code == CXError_Success, let unit else {
            throw ClangError.parseFailed(file: mainFile, code: Int(code.rawValue))
        }
        return unit
    }

    deinit {
        if let slot {
            slot.returned()
        } else {
            clang_disposeTranslationUnit(raw)
        }
    }

    package var cursor: Cursor { Cursor(clang_getTranslationUnitCursor(raw), in: self) }

    package var diagnostics: [ClangDiagnostic] {
        (0..<clang_getNumDiagnostics(raw)).map { i in
            let diagnostic = clang_getDiagnostic(raw, i)!
            defer { clang_disposeDiagnostic(diagnostic) }
            return ClangDiagnostic(diagnostic)
        }
    }

    /// The target triple the unit was parsed for (`i386-unknown-linux-gnu`).
    package var targetTriple: String {
        guard let info = clang_getTranslationUnitTargetInfo(raw) else { return "" }
        defer { clang_TargetInfo_dispose(info) }
        return consume(clang_TargetInfo_getTriple(info))
    }

    /// The spelled tokens of `extent`, e.g. the body of a macro definition.
    package func tokens(in extent: CXSourceRange) -> [String] {
        var tokens: UnsafeMutablePointer<CXToken>?
        var count: UInt32 = 0
        clang_tokenize(raw, extent, &tokens, &count)
        guard let tokens else { return [] }
        defer { clang_disposeTokens(raw, tokens, count) }
        return (0..<Int(count)).map { consume(clang_getTokenSpelling(raw, tokens[$0])) }
    }
}

/// In-memory file contents, kept at stable addresses while libclang reads them.
struct UnsavedFiles {
    private let names: [String]
    private let contents: [String: String]

    init(_ contents: [String: String]) {
        self.names = contents.keys.sorted()
        self.contents = contents
    }

    func withCXUnsavedFiles<R>(_ body: (inout [CXUnsavedFile]) throws -> R) rethrows -> R {
        let nameStorage = names.map { strdup($0)! }
        defer { nameStorage.forEach { free($0) } }
        let contentStorage = names.map { Array(contents[$0]!.utf8CString) }
        return try contentStorage.withUnsafeBufferPointers { buffers in
            var unsaved = (0..<names.count).map { i in
                CXUnsavedFile(Filename: nameStorage[i], Contents: buffers[i].baseAddress, Length: UInt(buffers[i].count - 1))
            }
            return try body(&unsaved)
        }
    }
}

private extension Array where Element == [CChar] {
    /// Calls `body` with stable pointers to every element's storage.
    func withUnsafeBufferPointers<R>(_ body: ([UnsafeBufferPointer<CChar>]) throws -> R) rethrows -> R {
        func recurse(_ index: Int, _ acc: [UnsafeBufferPointer<CChar>]) throws -> R {
            if index == count { return try body(acc) }
            return try self[index].withUnsafeBufferPointer { try recurse(index + 1, acc + [$0]) }
        }
        return try recurse(0, [])
    }
}
