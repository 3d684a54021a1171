import Foundation
import UAPIModel

/// The `.h` files of a directory, read with readdir(3) so that a name whose bytes
/// are not UTF-8 is refused by name instead of turning into a file that is not there.
/// Symbolic links to directories are followed (QEMU's `asm` layout), each real
/// directory at most once on a path, so a link loop ends.
package enum HeaderDirectory {
    /// Paths relative to `directory`, sorted.
    package static func headers(in directory: String, recursive: Bool) throws -> [String] {
        var found: [String] = []
        var pending: [(relative: String, ancestors: Set<String>)] = [("", [realPath(directory)])]
        while let (relative, ancestors) = pending.popLast() {
            let path = relative.isEmpty ? directory : "\(directory)/\(relative)"
            for (name, isDirectory) in try entries(of: path) {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                if isDirectory {
                    let real = realPath("\(path)/\(name)")
                    if recursive, !ancestors.contains(real) { pending.append((child, ancestors.union([real]))) }
                } else if name.hasSuffix(".h") {
                    found.append(child)
                }
            }
        }
        return found.sorted()
    }

    private static func entries(of path: String) throws -> [(name: String, isDirectory: Bool)] {
        guard let stream = opendir(path) else {
            throw UAPIError.headerNotFound(path, searched: [])
        }
        defer { closedir(stream) }
        var result: [(String, Bool)] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            guard let name = FileNameBytes.decode(bytes) else {
                let parent = FileNameBytes.decode(Array(path.utf8)) ?? path
                throw UAPIError.fileNameNotUTF8("\(parent)/\(FileNameBytes.escaped(bytes))")
            }
            var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                // stat, not lstat: a link to a directory is walked; a dangling link is skipped.
                var info = stat()
                isDirectory = stat("\(path)/\(name)", &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isDirectory))
        }
        return result
    }

    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
