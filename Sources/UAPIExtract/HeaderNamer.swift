import Foundation
import UAPIClang
import UAPIModel

/// Names a header file the way `#include <...>` would: relative to the include
/// root it was found under (`/usr/include/linux/vfio.h` -> `linux/vfio.h`).
package struct HeaderNamer {
    private let listed: [String: String]
    private let roots: [String]
    /// Directories whose files are `asm/...` whatever they are called (QEMU's `asm-x86`).
    private let asmDirectories: [String]
    /// Names already worked out: clang reports the same few files for thousands of items.
    /// One namer serves every header of a target, on every worker thread.
    private let cache = NameCache()

    private final class NameCache: @unchecked Sendable {
        let lock = NSLock()
        var names: [String: String] = [:]
    }

    init(listed: [ListedHeader], roots: [String], asmDirectories: [String] = []) {
        self.asmDirectories = asmDirectories.map { HeaderNamer.normalize($0) }
        self.listed = Dictionary(listed.map { ($0.path, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Longest root first, so `/usr/include/x86_64-linux-gnu` wins over `/usr/include`.
        self.roots = roots.map { HeaderNamer.normalize($0) }.sorted { $0.count > $1.count }
    }

    func name(of path: String) -> String {
        cache.lock.lock()
        let known = cache.names[path]
        cache.lock.unlock()
        if let known { return known }
        let name = computeName(of: path)
        cache.lock.lock()
        cache.names[path] = name
        cache.lock.unlock()
        return name
    }

    private func computeName(of path: String) -> String {
        let path = HeaderNamer.normalize(path)
        if let name = listed[path] { return name }
        // The compiler's own headers (stddef.h, limits.h) must not be confused with
        // the system's files of the same name.
        if let resource = ResourceDirectory.path, path.hasPrefix(resource + "/include/") {
            return "<compiler>/" + path.dropFirst(resource.count + "/include/".count)
        }
        for directory in asmDirectories where path.hasPrefix(directory + "/") {
            return "asm/" + path.dropFirst(directory.count + 1)
        }
        for root in roots where path.hasPrefix(root + "/") {
            return String(path.dropFirst(root.count + 1))
        }
        return (path as NSString).lastPathComponent
    }

    package static func normalize(_ path: String) -> String {
        // Most paths clang reports are already clean; Foundation's standardizing is slow.
        if isClean(path) { return path }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Absolute, and either without a `.` or without `.`, `..` and empty components:
    /// checked on the bytes (it runs for every file of every translation unit).
    static func isClean(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "/") else { return false }
        guard bytes.contains(UInt8(ascii: ".")) else { return true }
        var length = 0, dots = 0
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (length == dots && length <= 2) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(length == 0 || (length == dots && length <= 2))
    }
}
