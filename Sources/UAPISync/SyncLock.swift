import Foundation
import UAPIModel

/// The exclusive right to change one `--to`: flock(2) on `.NAME.uapi-lock` beside it,
/// holding the owner's PID so that a refused run can name it. The holder removes the
/// file when it is done; a file left by a killed run is simply locked again, since
/// the kernel drops a dead process's lock.
final class SyncLock {
    private let parent: DirectoryHandle
    private let name: String
    private let file: FileDescriptor

    private init(parent: DirectoryHandle, name: String, file: FileDescriptor) {
        self.parent = parent
        self.name = name
        self.file = file
    }

    /// Takes the lock or throws, naming the PID of the sync that holds it.
    static func acquire(_ destination: SyncDestination, in parent: DirectoryHandle) throws -> SyncLock {
        let name = destination.lockName
        while true {
            let raw = openat(parent.descriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard raw >= 0 else {
                if errno == ELOOP { throw SyncFileError.symbolicLink(parent.path(name)) }
                throw SyncFileError.failed("create it as the lock file", parent.path(name), writing: true)
            }
            let file = FileDescriptor(raw)
            guard flock(raw, LOCK_EX | LOCK_NB) == 0 else {
                guard errno == EWOULDBLOCK else { throw SyncFileError.failed("lock it", parent.path(name), writing: true) }
                let holder = String(decoding: (try? file.readAll()) ?? Data(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                let who = Int32(holder).map { "another uapi sync (PID \($0))" } ?? "another uapi sync"
                throw UAPIError.badArgument("--to \(destination.path): \(who) is changing it; nothing written. "
                    + "Wait for it to finish and run again (it holds \(parent.path(name)))")
            }
            // The previous holder may have removed the file after we opened it: lock the one that is there now.
            guard let opened = try? file.status(), let current = try? parent.status(name),
                  opened.st_ino == current.st_ino, opened.st_dev == current.st_dev else { continue }
            guard ftruncate(raw, 0) == 0 else { throw SyncFileError.failed("write the PID into it", parent.path(name), writing: true) }
            try? file.writeAll(Data("\(getpid())\n".utf8))
            return SyncLock(parent: parent, name: name, file: file)
        }
    }

    /// Removes the lock file while still holding the lock; closing the file releases it.
    func release() {
        try? parent.remove(name)
    }
}
