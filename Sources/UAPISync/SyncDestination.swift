import Foundation
import UAPIModel

/// `--to` as a sync sees it: the directory `name` inside `parent`. Everything a sync
/// keeps beside it (lock, journal, staging and old copies) is named here and reached
/// from the parent's handle; everything below it without following a link.
public struct SyncDestination {
    /// As the user gave it, for messages.
    public let path: String
    let parentPath: String
    let name: String

    public init(_ path: String) throws {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = (trimmed as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw UAPIError.badArgument("--to \(path): name the directory to sync into (for example linux-headers), not '\(path)'")
        }
        let parent = (trimmed as NSString).deletingLastPathComponent
        self.path = trimmed
        self.parentPath = parent.isEmpty ? "." : parent
        self.name = name
    }

    var lockName: String { ".\(name).uapi-lock" }
    var journalName: String { ".\(name).uapi-swap" }
    var stagingPrefix: String { ".\(name).uapi-staging-" }
    var oldPrefix: String { ".\(name).uapi-old-" }

    /// The parent directory, created (with its parents) when missing.
    func makeParent() throws -> DirectoryHandle {
        try makeDirectories(parentPath)
        return try DirectoryHandle.open(parentPath)
    }

    /// The parent directory, or nil when it does not exist (nor, then, does `--to`).
    func existingParent() throws -> DirectoryHandle? {
        var info = stat()
        guard stat(parentPath, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw SyncFileError.failed("open it as a directory", parentPath)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw SyncFileError.notADirectory(parentPath) }
        return try DirectoryHandle.open(parentPath)
    }

    /// The current tree, or nil when `--to` does not exist yet. A symbolic link or a
    /// file at `--to` is refused: a sync replaces the directory as a whole.
    func current(in parent: DirectoryHandle) throws -> DirectoryHandle? {
        guard let entry = try parent.kind(name) else { return nil }
        switch entry.kind {
        case .directory:
            return try parent.directory(name)
        case .symbolicLink:
            throw UAPIError.badArgument("--to \(path) is a symbolic link; uapi sync replaces the directory as a whole and "
                + "never writes through a link; give the real directory instead")
        case .regularFile, .other:
            throw UAPIError.badArgument("--to \(path) exists and is not a directory; give a directory (it is created when missing)")
        }
    }

    /// The current content of `names` (relative paths) under `--to`; a name with no file is
    /// absent from the result. Read without following links: one is an error naming it.
    /// Writes nothing, so `--dry-run` can use it.
    public func contents(of names: [String]) throws -> [String: Data] {
        guard let parent = try existingParent() else { return [:] }
        _ = try current(in: parent)
        // After a killed sync, the tree the next sync will put back as --to.
        guard let survivor = try SyncRecovery(destination: self, parent: parent).survivor() else { return [:] }
        let tree = try parent.directory(survivor, shownAs: path)
        var result: [String: Data] = [:]
        for name in names {
            var components = name.split(separator: "/").map(String.init)
            guard let leaf = components.popLast() else { continue }
            var directory = tree
            var complete = true
            for component in components {
                guard let entry = try directory.kind(component), entry.kind != .regularFile else { complete = false; break }
                directory = try directory.directory(component)
            }
            guard complete, try directory.kind(leaf) != nil else { continue }
            result[name] = try directory.read(leaf)
        }
        return result
    }

    /// `mkdir -p`: links among the parents are followed, because the user named them.
    private func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/\(component)"
            if mkdir(prefix, 0o777) != 0, errno != EEXIST { throw SyncFileError.failed("create it as a directory", prefix, writing: true) }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw SyncFileError.notADirectory(path) }
    }
}
