import Foundation

/// Writes a whole output file (`-o` of every command, `check --update`, bindgen) the
/// way careful tools do, according to what is at the path:
/// - nothing, or a regular file: replaced atomically (a temporary `.NAME.tmp-PID` in
///   the same directory, fsync, rename), so readers see the old or the new content,
///   never a mix; an existing file keeps its permissions (and owner, as root);
/// - a FIFO or a character device: opened and written in place, never replaced;
/// - a symbolic link: written through; its target is replaced atomically (the
///   temporary file goes beside the target) and the link stays. A dangling link is refused;
/// - a directory, a socket or a block device: refused.
/// A temporary file is removed on SIGINT, SIGTERM or SIGHUP; one left by a killed
/// process is removed by the next write to the same path.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        guard !path.isEmpty else { throw UAPIError.cannotWrite(path: "''", reason: "the output path is empty") }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw UAPIError.cannotWrite(path: path, reason: SystemError.describe()) }
            return try replace(path, with: data, existing: nil, shownAs: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(path, with: data, existing: info, shownAs: path)
        case S_IFIFO, S_IFCHR:
            try stream(data, into: path, followingLink: false)
        case S_IFLNK:
            try writeThrough(link: path, data)
        default:
            throw refusal(path, info)
        }
    }

    private static func writeThrough(link path: String, _ data: Data) throws {
        var target = stat()
        guard stat(path, &target) == 0 else {
            let reason = errno == ENOENT
                ? "it is a symbolic link to \(linkText(path)), which does not exist; point the link at a file or remove it"
                : SystemError.describe()
            throw UAPIError.cannotWrite(path: path, reason: reason)
        }
        switch target.st_mode & S_IFMT {
        case S_IFREG:
            guard let resolved = realpath(path, nil) else { throw UAPIError.cannotWrite(path: path, reason: SystemError.describe()) }
            defer { free(resolved) }
            try replace(String(cString: resolved), with: data, existing: target, shownAs: path)
        case S_IFIFO, S_IFCHR:
            try stream(data, into: path, followingLink: true)
        default:
            throw refusal(path, target)
        }
    }

    private static func refusal(_ path: String, _ info: stat) -> UAPIError {
        let what: String
        switch info.st_mode & S_IFMT {
        case S_IFDIR: what = "it is a directory; name a file inside it"
        case S_IFBLK: what = "it is a block device; write to a regular file, a FIFO or a character device"
        default: what = "it is a socket; write to a regular file, a FIFO or a character device"
        }
        return UAPIError.cannotWrite(path: path, reason: what)
    }

    /// A FIFO or a device: opened without O_CREAT or O_TRUNC and written, so it stays what it is.
    private static func stream(_ data: Data, into path: String, followingLink: Bool) throws {
        let raw = open(path, O_WRONLY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        guard raw >= 0 else { throw UAPIError.cannotWrite(path: path, reason: SystemError.describe()) }
        let file = FileDescriptor(raw)
        do {
            // Replaced by a regular file since we looked: writing at offset 0 would mix old and new.
            let kind = try file.status().st_mode & S_IFMT
            guard kind == S_IFIFO || kind == S_IFCHR else {
                throw UAPIError.cannotWrite(path: path, reason: "it changed from a FIFO or device to another kind of file while being opened; run again")
            }
            try file.writeAll(data)
        } catch let failure as Errno {
            throw UAPIError.cannotWrite(path: path, reason: failure.reason)
        }
    }

    /// Temporary file in the same directory, fsync, rename over `path`.
    private static func replace(_ path: String, with data: Data, existing: stat?, shownAs: String) throws {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw UAPIError.cannotWrite(path: shownAs, reason: "directory \(directory) does not exist")
        }
        removeLeftOvers(of: name, in: directory)
        let temporary = "\(directory)/\(temporaryPrefix(name))\(getpid())"
        let registration = InterruptCleanup.removeOnInterrupt(temporary)
        defer { InterruptCleanup.forget(registration) }
        do {
            let file = try create(temporary)
            if let existing { keepOwnership(file, existing) }
            try file.writeAll(data)
            try file.sync()
            stopForTestsIfAsked()
            guard rename(temporary, path) == 0 else { throw Errno(errno) }
        } catch let failure as Errno {
            unlink(temporary)
            throw UAPIError.cannotWrite(path: shownAs, reason: "\(failure.reason) (while writing the new copy in \(directory) that replaces it)")
        }
        syncDirectory(directory)
    }

    private static func create(_ temporary: String) throws(Errno) -> FileDescriptor {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var raw = open(temporary, flags, 0o666)
        if raw < 0, errno == EEXIST {
            // Our own PID's name: left by an earlier process that had this PID.
            unlink(temporary)
            raw = open(temporary, flags, 0o666)
        }
        guard raw >= 0 else { throw Errno(errno) }
        return FileDescriptor(raw)
    }

    private static func keepOwnership(_ file: FileDescriptor, _ existing: stat) {
        fchmod(file.raw, existing.st_mode & 0o7777)
        // Only root can give a file away; for anyone else the new file is theirs, as with `sed -i`.
        if geteuid() == 0 { fchown(file.raw, existing.st_uid, existing.st_gid) }
    }

    private static func temporaryPrefix(_ name: String) -> String { ".\(name).tmp-" }

    /// `.NAME.tmp-PID` files whose process is gone (killed before it could clean up).
    private static func removeLeftOvers(of name: String, in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where DeadProcessFile.isLeftOver(entry, prefix: temporaryPrefix(name)) {
            unlink("\(directory)/\(entry)")
        }
    }

    /// Makes the rename durable; a directory that cannot be opened or synced changes nothing for readers.
    private static func syncDirectory(_ directory: String) {
        let raw = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard raw >= 0 else { return }
        fsync(raw)
        close(raw)
    }

    /// `UAPI_TEST_OUTPUT_PAUSE=1`: stop (SIGSTOP) with the temporary file written and
    /// not yet renamed, so a test can signal or kill the process at that point.
    private static func stopForTestsIfAsked() {
        guard ProcessInfo.processInfo.environment["UAPI_TEST_OUTPUT_PAUSE"] == "1" else { return }
        FileHandle.standardError.write(Data("uapi: test hook: stopped before renaming the output (PID \(getpid()))\n".utf8))
        raise(SIGSTOP)
    }

    private static func linkText(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
    }
}
