import Foundation

/// Where one target's clang looks for `#include <name>`: the include directories of
/// its command line, with the overlay's virtual directories mapped back to real
/// ones. The cache asks it whether a header that was missing still is.
struct SearchPath: Sendable {
    private let directories: [String]
    /// Overlay view (`/__uapi__/x86_64/generic0/linux`) -> real directory.
    private let remaps: [String: String]

    init(arguments: [String], remaps: [String: String]) {
        var directories: [String] = []
        for (flag, value) in zip(arguments, arguments.dropFirst()) where ["-I", "-isystem", "-iquote", "-idirafter"].contains(flag) {
            directories.append(value)
        }
        self.directories = directories
        self.remaps = remaps
    }

    /// Whether `name` would be found now, in `includer` (for `#include "..."`) or on the path.
    func finds(_ name: String, includer: String) -> Bool {
        if !includer.isEmpty, exists("\(includer)/\(name)") { return true }
        return resolve(name) != nil
    }

    /// The file `#include <name>` opens now: the first directory on the path that has it.
    func resolve(_ name: String) -> String? {
        for directory in directories {
            let candidate: String
            if directory.hasPrefix("/__uapi__/") {
                let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let real = remaps["\(directory)/\(parts[0])"] else { continue }
                candidate = "\(real)/\(parts[1])"
            } else {
                candidate = "\(directory)/\(name)"
            }
            if exists(candidate) { return candidate }
        }
        return nil
    }

    /// `'drm/drm.h' file not found` in clang's message, and the directory of the file that asked.
    static func missingHeader(in diagnostic: String) -> (name: String, includer: String)? {
        guard let end = diagnostic.range(of: "' file not found"),
              let start = diagnostic[..<end.lowerBound].lastIndex(of: "'") else { return nil }
        let name = String(diagnostic[diagnostic.index(after: start)..<end.lowerBound])
        let file = diagnostic.split(separator: ":").first.map(String.init) ?? ""
        return (name, file.hasPrefix("/") ? (file as NSString).deletingLastPathComponent : "")
    }

    private func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
