import CClang
import Foundation

/// Debian's libclang, opened on the first parse rather than at start-up (see
/// `Sources/CClang/ClangLoader.c`): a warm cache or a diff of two snapshot files never
/// opens it, and a machine without it still reads snapshots.
package enum ClangLibrary {
    /// Opens libclang now, or says why it cannot be opened.
    package static func load() throws {
        if let reason = uapi_clang_load_error() { throw ClangError.libraryMissing(String(cString: reason)) }
    }

    /// libclang's own version string (`Debian clang version 14.0.6`), opening it first.
    package static func version() throws -> String {
        try load()
        return consume(clang_getClangVersion())
    }

    /// libclang's search for headers reads `LIBCLANG_NOTHREADS` (see `ClangIndex`): set on
    /// the calling thread before workers start, since `setenv` is not safe beside them.
    package static func prepareForWorkers() {
        _ = ClangIndex.parseOnCallingThread
    }

    /// The LLVM this uapi was built against (`/usr/lib/llvm-14`).
    package static let llvmDirectory = String(cString: uapi_clang_llvm_directory())

    /// Names the libclang a parse would run on without opening it: the first of the files
    /// uapi opens that exists, with its size and modification time. A libclang upgraded
    /// in place is another library (cache entries made with the old one are not reused).
    package static let identity: String = {
        let candidates = String(cString: uapi_clang_library_candidates()).split(separator: ":").map(String.init)
        for path in candidates {
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return "\(real) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
        return "no libclang (\(candidates.joined(separator: ", ")))"
    }()
}
