import Foundation
import UAPIModel

/// A header tree on disk (a kernel source tree or an installed one), read below its
/// root without following symbolic links: a link on the way to a header, file or
/// directory, is an error naming it. The root itself may be a link; the user named it.
struct SourceTree {
    let root: String

    /// The bytes of `relative`; `headerNotFound` when there is no such file.
    func read(_ relative: String) throws -> Data {
        var components = relative.split(separator: "/").map(String.init)
        guard let leaf = components.popLast(), let directory = try directory(components) else {
            throw UAPIError.headerNotFound("\(root)/\(relative)", searched: [])
        }
        guard try directory.kind(leaf) != nil else { throw UAPIError.headerNotFound("\(root)/\(relative)", searched: []) }
        return try directory.read(leaf)
    }

    /// The entry names of the directory `relative`, or none when it does not exist.
    func names(in relative: String) throws -> [String] {
        try directory(relative.split(separator: "/").map(String.init))?.names() ?? []
    }

    private func directory(_ components: [String]) throws -> DirectoryHandle? {
        var info = stat()
        guard stat(root, &info) == 0 else { return nil }
        var directory = try DirectoryHandle.open(root)
        for component in components where component != "." {
            guard try directory.kind(component) != nil else { return nil }
            directory = try directory.directory(component)
        }
        return directory
    }
}
