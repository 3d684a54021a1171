import CClang
import Glibc

/// Owns a `CXIndex`. One index per worker thread: libclang indexes are not
/// meant to be shared between threads that parse at the same time.
package final class ClangIndex {
    let raw: CXIndex

    package init() {
        _ = ClangIndex.parseOnCallingThread
        // excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: we report diagnostics ourselves.
        raw = clang_createIndex(0, 0)
    }

    deinit { clang_disposeIndex(raw) }

    /// libclang parses on a thread of its own with an 8 MiB stack, which a deeply
    /// nested expression overflows; this makes it parse on the caller's thread,
    /// whose stack we choose (`LargeStack`). Set once, before the first parse.
    private static let parseOnCallingThread: Void = { setenv("LIBCLANG_NOTHREADS", "1", 1) }()
}
