import CClang

/// One worker's translation unit for one command line, parsed again for each new
/// content of the main file (`clang_reparseTranslationUnit`): clang keeps the compiler
/// invocation (no driver run) and its cache of file lookups between parses, a third of
/// a small header's parse. Each parse is a whole new parse of the new content: nothing
/// of the previous one is visible to it.
///
/// The unit handed out borrows the handle; while it lives (its cursors keep it), the
/// next parse is a fresh one of its own, so a cursor never points into a reparsed unit.
package final class ParseSlot {
    private let index: ClangIndex
    private let mainFile: String
    private let arguments: [String]
    private var handle: CXTranslationUnit?
    private var lent = false

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
                // A failed reparse leaves the unit unusable; the fresh parse below gives this
                // content's own result (its error, if any), as it would have without reuse.
                clang_disposeTranslationUnit(handle)
                self.handle = nil
            }
            let fresh = try TranslationUnit.parse(index: index, mainFile: mainFile, arguments: arguments, unsaved: &unsaved,
                                                  detailedPreprocessing: true)
            self.handle = fresh
            return fresh
        }
        lent = true
        return TranslationUnit(index: index, raw: raw, slot: self)
    }

    /// The unit handed out is gone: the next parse may reuse the handle.
    func returned() {
        lent = false
    }
}

/// What one worker thread keeps between parses: its index and a slot per command line
/// (one per target of the snapshot).
package final class ClangWorker {
    package let index = ClangIndex()
    private var slots: [[String]: ParseSlot] = [:]

    package init() {}

    package func slot(mainFile: String, arguments: [String]) -> ParseSlot {
        if let slot = slots[arguments] { return slot }
        let slot = ParseSlot(index: index, mainFile: mainFile, arguments: arguments)
        slots[arguments] = slot
        return slot
    }
}
