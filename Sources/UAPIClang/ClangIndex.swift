import CClang
import Glibc

/// Owns a `CXIndex`. One index per worker thread: libclang indexes are not
/// meant to be shared between threads that parse at the same time. Made on the
/// first parse, so that a worker that only reads the cache never opens libclang.
package final class ClangIndex {
    private var handle: CXIndex?

    package init() {}

    /// The index, opening libclang first if this is the first parse of the process.
    func raw() throws -> CXIndex {
        if let handle { return handle }
        try ClangLibrary.load()
        _ = ClangIndex.parseOnCallingThread
        // excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: we report diagnostics ourselves.
        let created = clang_createIndex(0, 0)!
        _ = ClangIndex.recoverOnAlternateStack
        handle = created
        return created
    }

    deinit { if let handle { clang_disposeIndex(handle) } }

    /// libclang parses on a thread of its own with an 8 MiB stack, which a deeply
    /// nested expression overflows; this makes it parse on the caller's thread,
    /// whose stack we choose (`LargeStack`). Set once, before the first parse.
    static let parseOnCallingThread: Void = { setenv("LIBCLANG_NOTHREADS", "1", 1) }()

    /// libclang's crash recovery (installed by the first `clang_createIndex`) turns a crash
    /// inside a parse into `CXError_Crashed`, but its handler runs on the faulting stack,
    /// which after a stack overflow is full. Flagged `SA_ONSTACK`, it runs on the worker's
    /// alternate signal stack (`LargeStack`) and recovers from that too.
    private static let recoverOnAlternateStack: Void = {
        for signal in [SIGSEGV, SIGBUS] {
            var action = sigaction()
            guard sigaction(signal, nil, &action) == 0 else { continue }
            action.sa_flags |= SA_ONSTACK
            sigaction(signal, &action, nil)
        }
    }()
}
