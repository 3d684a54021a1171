import Foundation
import UAPIModel

/// Writes a sync plan so that the target directory is either the old tree or the
/// new one: the new tree is staged beside it (unchanged files hard-linked, never
/// rewritten), then swapped in with two renames. Any failure removes the staging copy.
public struct SyncApplier {
    public let destination: String
    /// Test hooks: fail (or stop for a kill) after writing this many files.
    var failAfter: Int? = ProcessInfo.processInfo.environment["UAPI_TEST_SYNC_FAIL_AFTER"].flatMap(Int.init)
    var pauseAfter: Int? = ProcessInfo.processInfo.environment["UAPI_TEST_SYNC_PAUSE_AFTER"].flatMap(Int.init)

    public init(destination: String) {
        self.destination = destination
    }

    private var manager: FileManager { .default }
    private var parent: String { (destination as NSString).deletingLastPathComponent.isEmpty ? "." : (destination as NSString).deletingLastPathComponent }
    private var base: String { (destination as NSString).lastPathComponent }

    /// Creates the directory the target lives in and checks it is writable, so that
    /// several groups can be prepared before any of them is swapped in.
    public func preflight() throws {
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw UAPIError.cannotWrite(path: parent, reason: error.localizedDescription)
        }
        guard access(parent, W_OK) == 0 else {
            throw UAPIError.cannotWrite(path: parent, reason: "not writable; the new tree is staged beside \(destination)")
        }
    }

    public func apply(_ plan: SyncPlan) throws {
        try preflight()
        removeStaleStaging()
        let staging = "\(parent)/.\(base).uapi-staging-\(getpid())"
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw UAPIError.cannotWrite(path: staging, reason: "cannot create the staging directory beside \(destination) (\(error.localizedDescription))")
        }
        do {
            try mirror(into: staging)
            var written = 0
            for file in plan.files where file.status != .unchanged {
                try write(file.content, to: "\(staging)/\(file.path)")
                written += 1
                if let failAfter, written >= failAfter { throw UAPIError.cannotWrite(path: file.path, reason: "injected failure (UAPI_TEST_SYNC_FAIL_AFTER)") }
                if let pauseAfter, written >= pauseAfter { sleep(30) }
                try SyncInterrupt.check()
            }
            try write(try SnapshotCoding.encode(plan.record), to: "\(staging)/\(SyncPlan.recordName)")
            try SyncInterrupt.check()
            try swap(staging)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// A copy of the current tree: hard links, so unchanged files keep their inode.
    private func mirror(into staging: String) throws {
        guard manager.fileExists(atPath: destination) else { return }
        let entries = manager.enumerator(atPath: destination)?.allObjects as? [String] ?? []
        for entry in entries.sorted() {
            let source = "\(destination)/\(entry)", target = "\(staging)/\(entry)"
            var info = stat()
            guard lstat(source, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else if link(source, target) != 0 {
                try manager.copyItem(atPath: source, toPath: target)
            }
        }
    }

    /// Replaces a path with new content without touching the inode it may share with the old tree.
    private func write(_ data: Data, to path: String) throws {
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        unlink(path)
        guard manager.createFile(atPath: path, contents: data) else {
            throw UAPIError.cannotWrite(path: path, reason: "cannot create the file")
        }
    }

    private func swap(_ staging: String) throws {
        guard manager.fileExists(atPath: destination) else {
            guard rename(staging, destination) == 0 else { throw UAPIError.cannotWrite(path: destination, reason: String(cString: strerror(errno))) }
            return
        }
        let old = "\(parent)/.\(base).uapi-old-\(getpid())"
        guard rename(destination, old) == 0 else { throw UAPIError.cannotWrite(path: destination, reason: String(cString: strerror(errno))) }
        guard rename(staging, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(old, destination)
            throw UAPIError.cannotWrite(path: destination, reason: reason)
        }
        try? manager.removeItem(atPath: old)
    }

    /// Staging or old copies left by a run that was killed.
    private func removeStaleStaging() {
        let entries = (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries where entry.hasPrefix(".\(base).uapi-staging-") || entry.hasPrefix(".\(base).uapi-old-") {
            try? manager.removeItem(atPath: "\(parent)/\(entry)")
        }
    }
}

/// Ctrl-C during a sync: noted by a signal handler, acted on between steps.
public enum SyncInterrupt {
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    public static func install() {
        signal(SIGINT) { _ in SyncInterrupt.requested = 1 }
        signal(SIGTERM) { _ in SyncInterrupt.requested = 1 }
    }

    static func check() throws {
        if requested != 0 { throw UAPIError.badArgument("interrupted: nothing was changed") }
    }
}
