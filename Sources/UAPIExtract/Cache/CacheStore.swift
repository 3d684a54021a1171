import Foundation
import UAPIModel

/// The cache's files: `v1/entries/ab/<key>` (what a header gave on a target, and what
/// it depends on) and `v1/chunks/cd/<hash>` (items, stored once by content). Every
/// file is written whole under `v1/tmp/` and renamed into place, so a reader, another
/// uapi running at the same time or a run that is killed never leaves half a file
/// where a whole one is expected. No fsync: a file damaged by a crash reads as
/// unusable and is parsed and written again.
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
        FileBytes.read(path, touch: true)
    }

    /// Nil when there is no such file.
    func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    func remove(_ path: String) {
        unlink(path)
    }

    /// Writes `bytes` to `path` through a temporary file and a rename; false when the
    /// cache cannot be written (full disk, permissions): the run goes on without it.
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = "\(temporaryDirectory)/\(getpid())-\(UUID().uuidString)"
        guard writeNew(bytes, to: temporary) || (makeDirectory(temporaryDirectory) && writeNew(bytes, to: temporary)) else { return false }
        if rename(temporary, path) == 0 { return true }
        let parent = (path as NSString).deletingLastPathComponent
        if errno == ENOENT, makeDirectory(parent), rename(temporary, path) == 0 { return true }
        unlink(temporary)
        return false
    }

    private func writeNew(_ bytes: [UInt8], to path: String) -> Bool {
        let raw = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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

    private func makeDirectory(_ path: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
    }
}
