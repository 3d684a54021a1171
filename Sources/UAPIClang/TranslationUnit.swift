import CClang
import Foundation

/// Owns a `CXTranslationUnit` (and keeps its index alive). Cursors and types
/// hold a strong reference to it, so they never outlive the data they point into.
package final class TranslationUnit {
    let index: ClangIndex
    let raw: CXTranslationUnit

    /// Parses `mainFile`, whose content may be supplied in memory through `unsavedFiles`.
    package init(index: ClangIndex, mainFile: String, arguments: [String],
         unsavedFiles: [String: String] = [:], detailedPreprocessing: Bool) throws {
        self.index = index
        var options = CXTranslationUnit_SkipFunctionBodies.rawValue
            | CXTranslationUnit_KeepGoing.rawValue
        if detailedPreprocessing { options |= CXTranslationUnit_DetailedPreprocessingRecord.rawValue }

        let indexHandle = try index.raw()
        var unit: CXTranslationUnit?
        let names = Array(unsavedFiles.keys).sorted()
        let nameStorage = names.map { strdup($0)! }
        let contentStorage = names.map { Array(unsavedFiles[$0]!.utf8CString) }
        let argStorage = arguments.map { strdup($0)! }
        defer {
            nameStorage.forEach { free($0) }
            argStorage.forEach { free($0) }
        }
        let code: CXErrorCode = contentStorage.withUnsafeBufferPointers { contents in
            var unsaved = (0..<names.count).map { i in
                CXUnsavedFile(Filename: nameStorage[i], Contents: contents[i].baseAddress,
                              Length: UInt(contents[i].count - 1))
            }
            var args: [UnsafePointer<CChar>?] = argStorage.map { UnsafePointer($0) }
            return clang_parseTranslationUnit2(
                indexHandle, mainFile, &args, Int32(args.count),
                &unsaved, UInt32(unsaved.count), options, &unit)
        }
        guard code == CXError_Success, let unit else {
            throw ClangError.parseFailed(file: mainFile, code: Int(code.rawValue))
        }
        raw = unit
    }

    deinit { clang_disposeTranslationUnit(raw) }

    package var cursor: Cursor { Cursor(clang_getTranslationUnitCursor(raw), in: self) }

    package var diagnostics: [ClangDiagnostic] {
        (0..<clang_getNumDiagnostics(raw)).map { i in
            let diagnostic = clang_getDiagnostic(raw, i)!
            defer { clang_disposeDiagnostic(diagnostic) }
            return ClangDiagnostic(diagnostic)
        }
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

private extension Array where Element == [CChar] {
    /// Calls `body` with stable pointers to every element's storage.
    func withUnsafeBufferPointers<R>(_ body: ([UnsafeBufferPointer<CChar>]) -> R) -> R {
        func recurse(_ index: Int, _ acc: [UnsafeBufferPointer<CChar>]) -> R {
            if index == count { return body(acc) }
            return self[index].withUnsafeBufferPointer { recurse(index + 1, acc + [$0]) }
        }
        return recurse(0, [])
    }
}
