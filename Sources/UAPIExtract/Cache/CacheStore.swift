import Foundation
import UAPIModel

/// The cache's files: `v1/entries/ab/<key>` (what a header gave on a target, and what
/// it depends on) and `v1/chunks/cd/<hash>` (items, stored once by content). Every
/// file is written whole under `v1/tmp/` and renamed into place, so a reader, another
/// uapi running at the same time or a run that is killed never leaves half a file
/// where a whole one is expected. No fsync: a file damaged by a crash reads as
/// unusable and is parsed and written again.
///
/// Nothing leaves the cache root: every directory on the way from `v1` down must be a real
/// directory (a symbolic link planted anywhere makes the cache unusable for that file, never
/// a path elsewhere), files are opened without following links, and anything but a regular
/// file (a FIFO, a device) is read as a missing entry instead of blocking the run.
struct CacheStore {
    let root: String

    init(directory: String) {
        root = "\(directory)/v1"
    }

    func entryPath(_ key: String) -> String { "\(root)/entries/\(key.prefix(2))/\(key)" }
    func chunkPath(_ id: String) -> String { "\(root)/chunks/\(id.prefix(2))/\(id)" }
    private var temporaryDirectory: String { "\(root)/tmp" }

    /// Reads a file and marks it used now (eviction removes the least recently used).
    func read(_ path: String) -> [UInt8]? {
        guard directoriesAreReal(upTo: (path as NSString).deletingLastPathComponent) else { return nil }
        return FileBytes.read(path, touch: true, noFollow: true)
    }

    /// Nil when there is no such file.
    func size(of path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
    }

    func remove(_ path: String) {
        guard directoriesAreReal(upTo: (path as NSString).deletingLastPathComponent) else { return }
        unlink(path)
    }

    /// Writes `bytes` to `path` through a temporary file and a rename; false when the
    /// cache cannot be written (full disk, permissions, a link where a directory should be):
    /// the run goes on without it.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        guard makeRealDirectory(temporaryDirectory), makeRealDirectory(parent) else { return false }
        let temporary = "\(temporaryDirectory)/\(getpid())-\(UUID().uuidString)"
        guard writeNew(bytes, to: temporary) else { return false }
        // Checked again just before the rename: a link planted meanwhile is not written through.
        if directoriesAreReal(upTo: parent), directoriesAreReal(upTo: temporaryDirectory), rename(temporary, path) == 0 { return true }
        unlink(temporary)
        return false
    }

    private func writeNew(_ bytes: [UInt8], to path: String) -> Bool {
        let raw = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard raw >= 0 else { return false }
        let file = FileDescriptor(raw)
        do {
            try file.writeAll(Data(bytes))
            return true
        } catch {
            unlink(path)
            return false
        }
    }

    /// Creates the directories from `v1` down to `path` as needed; false when one of them is
    /// not a real directory.
    private func makeRealDirectory(_ path: String) -> Bool {
        if directoriesAreReal(upTo: path) { return true }
        var current = (root as NSString).deletingLastPathComponent
        // The cache directory itself is the user's to choose, link or not.
        try? FileManager.default.createDirectory(atPath: current, withIntermediateDirectories: true)
        for part in path.dropFirst(current.count + 1).split(separator: "/") {
            current += "/\(part)"
            if mkdir(current, 0o755) != 0, errno != EEXIST { return false }
            // Never create anything below a link.
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        }
        return directoriesAreReal(upTo: path)
    }

    /// Whether `v1` and every directory below it down to `path` is a directory, not a link.
    func directoriesAreReal(upTo path: String) -> Bool {
        guard path == root || path.hasPrefix(root + "/") else { return false }
        var current = root
        let rest = path.dropFirst(root.count).split(separator: "/")
        for index in 0...rest.count {
            if index > 0 { current += "/\(rest[index - 1])" }
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        }
        return true
    }
}
