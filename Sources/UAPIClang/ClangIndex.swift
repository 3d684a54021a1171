import CClang

/// Owns a `CXIndex`. One index per worker thread: libclang indexes are not
/// meant to be shared between threads that parse at the same time.
package final class ClangIndex {
    let raw: CXIndex

    package init() {
        // excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: we report diagnostics ourselves.
        raw = clang_createIndex(0, 0)
    }

    deinit { clang_disposeIndex(raw) }
}
