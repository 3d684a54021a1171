import Foundation
import UAPIModel

/// An open directory whose entries are reached by name relative to it, never
/// through a symbolic link: every open uses O_NOFOLLOW and every stat
/// AT_SYMLINK_NOFOLLOW, so nothing read or written can lie outside it. Messages
/// name `shownAs`, the path a user knows the directory by.
final class DirectoryHandle {
    enum Kind { case directory, regularFile, symbolicLink, other }

    let descriptor: Int32
    let shownAs: String

    private init(descriptor: Int32, shownAs: String) {
        self.descriptor = descriptor
        self.shownAs = shownAs
    }

    deinit {
        close(descriptor)
    }

    /// Opens `path` itself; links on the way to it are followed, because the user named it.
    static func open(_ path: String, shownAs: String? = nil) throws -> DirectoryHandle {
        let raw = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard raw >= 0 else { throw SyncFileError.failed("open it as a directory", shownAs ?? path) }
        return DirectoryHandle(descriptor: raw, shownAs: shownAs ?? path)
    }

    func path(_ name: String) -> String { shownAs == "." ? name : "\(shownAs)/\(name)" }

    /// What `name` is, or nil when there is nothing by that name.
    func kind(_ name: String) throws -> (kind: Kind, mode: mode_t)? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw SyncFileError.failed("look at it", path(name))
        }
        let kind: Kind
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .directory
        case S_IFREG: kind = .regularFile
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        return (kind, info.st_mode & 0o7777)
    }

    /// `fstatat` without following a link.
    func status(_ name: String) throws -> stat {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { throw SyncFileError.failed("look at it", path(name)) }
        return info
    }

    /// The subdirectory `name`; a symbolic link there is an error naming it.
    func directory(_ name: String, shownAs: String? = nil) throws -> DirectoryHandle {
        let raw = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard raw >= 0 else {
            let code = errno
            // O_DIRECTORY on a link fails with ENOTDIR before O_NOFOLLOW is looked at.
            if code == ELOOP || (try? kind(name))??.kind == .symbolicLink { throw SyncFileError.symbolicLink(path(name)) }
            if code == ENOTDIR { throw SyncFileError.notADirectory(path(name)) }
            throw SyncFileError.failed("open it as a directory", path(name), code: code)
        }
        return DirectoryHandle(descriptor: raw, shownAs: shownAs ?? path(name))
    }

    /// Entry names, sorted, without `.` and `..`.
    func names() throws -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw SyncFileError.failed("list it", shownAs)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// A new directory, with the permissions the umask allows.
    func makeDirectory(_ name: String) throws {
        guard mkdirat(descriptor, name, 0o777) == 0 else { throw SyncFileError.failed("create it as a directory", path(name), writing: true) }
    }

    func setMode(_ mode: mode_t) throws {
        guard fchmod(descriptor, mode) == 0 else { throw SyncFileError.failed("set its permissions", shownAs, writing: true) }
    }

    /// The bytes of the regular file `name`; a symbolic link there is an error naming it.
    func read(_ name: String) throws -> Data {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever;
        // the type check below then refuses it (a regular file reads the same either way).
        let raw = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard raw >= 0 else {
            if errno == ELOOP { throw SyncFileError.symbolicLink(path(name)) }
            throw SyncFileError.failed("read it", path(name))
        }
        let file = FileDescriptor(raw)
        do {
            guard try file.status().st_mode & S_IFMT == S_IFREG else { throw SyncFileError.notARegularFile(path(name)) }
            return try file.readAll()
        } catch let failure as Errno {
            throw SyncFileError.failed("read it", path(name), code: failure.code)
        }
    }

    /// A new file holding `contents`, flushed to disk; fails if anything is already there.
    func create(_ name: String, contents: Data) throws {
        let raw = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard raw >= 0 else { throw SyncFileError.failed("create it", path(name), writing: true) }
        let file = FileDescriptor(raw)
        do {
            try file.writeAll(contents)
            try file.sync()
        } catch {
            throw SyncFileError.failed("write it", path(name), code: error.code, writing: true)
        }
    }

    /// A second name for the file `name` in `other`: the same inode, nothing copied.
    /// Returns false when the file system refuses hard links here.
    func link(_ name: String, into other: DirectoryHandle) throws -> Bool {
        guard linkat(descriptor, name, other.descriptor, name, 0) == 0 else {
            if [EPERM, EMLINK, EXDEV, ENOTSUP].contains(errno) { return false }
            throw SyncFileError.failed("link it into the staging copy", path(name), writing: true)
        }
        return true
    }

    func remove(_ name: String) throws {
        guard unlinkat(descriptor, name, 0) == 0 || errno == ENOENT else { throw SyncFileError.failed("remove it", path(name), writing: true) }
    }

    /// Removes `name` and everything below it; a link is removed, never followed.
    func removeTree(_ name: String) throws {
        guard let entry = try kind(name) else { return }
        guard entry.kind == .directory else { return try remove(name) }
        let child = try directory(name)
        for inner in try child.names() { try child.removeTree(inner) }
        guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 else { throw SyncFileError.failed("remove it", path(name), writing: true) }
    }

    func rename(_ name: String, to newName: String) throws {
        guard renameat(descriptor, name, descriptor, newName) == 0 else {
            throw SyncFileError.failed("rename \(name) to it", path(newName), writing: true)
        }
    }

    /// Makes entries created or renamed here durable.
    func sync() {
        fsync(descriptor)
    }
}
