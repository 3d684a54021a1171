import Foundation
import UAPIModel

/// What `make headers_install` does to a kernel's raw `include/uapi` headers that a parse
/// in place must do too: it deletes `#include <linux/compiler.h>` and `<linux/compiler_types.h>`
/// (kernel-internal headers outside `include/uapi`) and the `__user`, `__force`, `__iomem` and
/// `__attribute_const__` annotations, and spells `__packed` out. Here the includes find empty
/// stand-ins and the annotations are defined as headers_install rewrites them.
enum KernelSourceStubs {
    static let defines = ["__user=", "__force=", "__iomem=", "__attribute_const__=", "__packed=__attribute__((packed))"]
    private static let names = ["linux/compiler.h", "linux/compiler_types.h"]

    /// A directory holding the empty stand-ins, at a fixed place per user (so the parse
    /// cache keys stay the same from run to run), or nil when it cannot be made safely.
    static func directory() -> String? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-kernel-stubs-\(getuid())").path
        let manager = FileManager.default
        try? manager.createDirectory(atPath: "\(root)/linux", withIntermediateDirectories: true)
        // Never through a link or into someone else's directory.
        for directory in [root, "\(root)/linux"] {
            var info = stat()
            guard lstat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { return nil }
        }
        let text = Data("/* empty: make headers_install deletes the #include of this kernel-internal header */\n".utf8)
        for name in names {
            let path = "\(root)/\(name)"
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, manager.contents(atPath: path) == text { continue }
            let temporary = "\(path).\(getpid())-\(UUID().uuidString)"
            guard manager.createFile(atPath: temporary, contents: text), rename(temporary, path) == 0 else {
                unlink(temporary)
                return nil
            }
        }
        return root
    }
}
