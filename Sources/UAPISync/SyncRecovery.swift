import Foundation
import UAPIModel

/// What a killed sync can leave beside `--to`, put right under the lock before the
/// next sync writes: the tree that must become `--to` (`survivor`) is renamed into
/// place, the rest of an interrupted swap is removed with its journal, and staging
/// and old copies of processes that no longer exist are removed. The only copy of a
/// tree is never removed.
struct SyncRecovery {
    let destination: SyncDestination
    let parent: DirectoryHandle

    /// The entry beside `--to` that holds the tree `--to` must be: `--to` itself when
    /// it exists; else, after a swap killed between its renames, the old copy named by
    /// the journal (or the complete staging copy if the old one is gone); else the one
    /// old copy an older uapi left. Nil when there is no tree at all (a first sync).
    func survivor() throws -> String? {
        if try parent.kind(destination.name) != nil { return destination.name }
        // Only real directories: a link planted under one of these names is never made --to.
        func isTree(_ name: String) throws -> Bool { try parent.kind(name)?.kind == .directory }
        if let journal = try SwapJournal.read(beside: destination, in: parent) {
            if try isTree(journal.old) { return journal.old }
            if try isTree(journal.staging) { return journal.staging }
        }
        let oldCopies = try parent.names().filter { try DeadProcessFile.pid(in: $0, prefix: destination.oldPrefix) != nil && isTree($0) }
        guard oldCopies.count <= 1 else {
            throw UAPIError.badArgument("--to \(destination.path) is missing and several old copies of it remain: "
                + oldCopies.map(parent.path).joined(separator: ", ")
                + "; rename the one to keep to \(destination.path), remove the others, and run again")
        }
        return oldCopies.first
    }

    /// Puts the survivor in place and removes what is left of interrupted syncs. Run under the lock.
    func run() throws {
        if let survivor = try survivor(), survivor != destination.name {
            try parent.rename(survivor, to: destination.name)
            parent.sync()
        }
        if let journal = try SwapJournal.read(beside: destination, in: parent) {
            // --to is in place now (or there never was a tree), so these are spare copies.
            try parent.removeTree(journal.old)
            try parent.removeTree(journal.staging)
        }
        try parent.remove(destination.journalName)
        for entry in try parent.names() where isStale(entry, prefix: destination.stagingPrefix) || isStale(entry, prefix: destination.oldPrefix) {
            try parent.removeTree(entry)
        }
    }

    /// Left by a process that is gone, or by an earlier process with our own PID:
    /// under the lock, and before we stage anything, that cannot be a live sync.
    private func isStale(_ entry: String, prefix: String) -> Bool {
        DeadProcessFile.pid(in: entry, prefix: prefix) == getpid() || DeadProcessFile.isLeftOver(entry, prefix: prefix)
    }
}
