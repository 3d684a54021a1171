import Foundation

/// The `.h` files under a directory. Symbolic links to directories are followed
/// (QEMU's build links `linux-headers/asm` to `asm-x86`), except into a directory
/// that is already being walked, so a link loop ends.
package enum HeaderFiles {
    /// Paths relative to `root`, sorted.
    package static func list(under root: String, recursive: Bool) throws -> [String] {
        var found: [String] = []
        try walk(root, prefix: "", recursive: recursive, ancestors: [realPath(root)], into: &found)
        return found.sorted()
    }

    private static func walk(_ directory: String, prefix: String, recursive: Bool, ancestors: Set<String>,
                             into found: inout [String]) throws {
        let manager = FileManager.default
        for entry in try manager.contentsOfDirectory(atPath: directory).sorted() {
            let path = "\(directory)/\(entry)"
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue } // a dangling link
            if isDirectory.boolValue {
                let real = realPath(path)
                guard recursive, !ancestors.contains(real) else { continue }
                try walk(path, prefix: "\(prefix)\(entry)/", recursive: true, ancestors: ancestors.union([real]), into: &found)
            } else if entry.hasSuffix(".h") {
                found.append(prefix + entry)
            }
        }
    }

    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
