import CClang

/// One worker's translation unit for one command line, parsed again for each new
/// content of the main file (`clang_reparseTranslationUnit`): clang keeps the compiler
/// invocation (no driver run) between parses. Each parse is a whole new parse of the new
/// content, with a new file manager, preprocessor and AST: nothing of the previous one
/// is visible to it.
///
/// The unit handed out borrows the handle; while it lives (its cursors keep it), the
/// next parse is a fresh one of its own, so a cursor never points into a reparsed unit.
/// A unit is not kept for the next parse when it is large (a header that expands to a
/// big AST would otherwise stay in memory until the build ends), or when it holds a
/// diagnostic without a place (libclang carries those over into the next reparse).
package final class ParseSlot {
    /// Units using more memory than this are freed as soon as they are given back.
    static let keptUnitLimit = 32 << 20

    private let index: ClangIndex
    private let mainFile: String
    private let arguments: [String]
    private var handle: CXTranslationUnit?
    private var lent = false
    /// The unit handed out may not be parsed again: free it once it comes back.
    private var disposeWhenReturned = false

    init(index: ClangIndex, mainFile: String, arguments: [String]) {
        self.index = index
        self.mainFile = mainFile
        self.arguments = arguments
    }

    deinit {
        if let handle { clang_disposeTranslationUnit(handle) }
    }

    /// The main file parsed with this content, with the detailed preprocessing record.
    package func parse(_ unsavedFiles: [String: String]) throws -> TranslationUnit {
        guard !lent else {
            return try TranslationUnit(index: index, mainFile: mainFile, arguments: arguments,
                                       unsavedFiles: unsavedFiles, detailedPreprocessing: true)
        }
        let raw = try UnsavedFiles(unsavedFiles).withCXUnsavedFiles { unsaved -> CXTranslationUnit in
            if let handle {
                let code = clang_reparseTranslationUnit(handle, UInt32(unsaved.count), &unsaved, clang_defaultReparseOptions(handle))
                if code == 0 { return handle }
                self.handle = nil
                if code == Int32(CXError_Crashed.rawValue) {
                    // libclang keeps a unit that crashed (it cannot be freed safely). A fresh
                    // parse of this content would crash again, at twice the time.
                    throw ClangError.parseFailed(file: mainFile, code: Int(code))
                }
                // Any other failure leaves the unit unusable; the fresh parse below gives
                // this content's own result, as it would have without reuse.
                clang_disposeTranslationUnit(handle)
            }
            let fresh = try TranslationUnit.parse(index: index, mainFile: mainFile, arguments: arguments, unsaved: &unsaved,
                                                  detailedPreprocessing: true)
            self.handle = fresh
            return fresh
        }
        lent = true
        let unit = TranslationUnit(index: index, raw: raw, slot: self)
        disposeWhenReturned = unit.diagnostics.contains { $0.file.isEmpty } || Self.memoryUse(of: raw) > Self.keptUnitLimit
        return unit
    }

    /// The unit handed out is gone: the next parse may reuse the handle, unless it is not to be kept.
    func returned() {
        lent = false
        if disposeWhenReturned, let handle {
            clang_disposeTranslationUnit(handle)
            self.handle = nil
        }
        disposeWhenReturned = false
    }

    /// Bytes the unit holds (its AST, identifiers, source buffers and side tables).
    private static func memoryUse(of unit: CXTranslationUnit) -> Int {
        let usage = clang_getCXTUResourceUsage(unit)
        defer { clang_disposeCXTUResourceUsage(usage) }
        guard let entries = usage.entries else { return 0 }
        return (0..<Int(usage.numEntries)).reduce(0) { $0 + Int(entries[$1].amount) }
    }
}

/// What one worker thread keeps between parses: its index and the slot of the command
/// line it parses now. Jobs come target by target, so a worker that moves on to the next
/// target frees the unit of the last one instead of keeping one unit per target.
package final class ClangWorker {
    package let index = ClangIndex()
    private var current: (arguments: [String], slot: ParseSlot)?

    package init() {}

    package func slot(mainFile: String, arguments: [String]) -> ParseSlot {
        if let current, current.arguments == arguments { return current.slot }
        let slot = ParseSlot(index: index, mainFile: mainFile, arguments: arguments)
        current = (arguments, slot)
        return slot
    }
}
