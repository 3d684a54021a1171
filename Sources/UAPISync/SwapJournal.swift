import Foundation
import UAPIModel

/// A two-rename swap in progress, written beside `--to` as `.NAME.uapi-swap` before
/// the first rename (only when the file system cannot exchange two directories in
/// one step). The next sync reads it under the lock (`SyncRecovery`): it puts the
/// old tree back when the new one was not in place yet, and removes the old one
/// when it was. It never removes the only copy of a tree.
struct SwapJournal: Codable, Equatable {
    /// The complete new tree, `.NAME.uapi-staging-PID`.
    var staging: String
    /// Where `--to` goes while the new tree is renamed in, `.NAME.uapi-old-PID`.
    var old: String

    /// Written and flushed before anything is renamed.
    func write(beside destination: SyncDestination, in parent: DirectoryHandle) throws {
        try parent.remove(destination.journalName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try parent.create(destination.journalName, contents: try encoder.encode(self))
        parent.sync()
    }

    /// The journal beside `--to`, if any. One that cannot be decoded was cut short by a
    /// kill before its first rename: nothing was renamed, so it is as good as none.
    static func read(beside destination: SyncDestination, in parent: DirectoryHandle) throws -> SwapJournal? {
        guard try parent.kind(destination.journalName) != nil else { return nil }
        let data = try parent.read(destination.journalName)
        guard let journal = try? JSONDecoder().decode(SwapJournal.self, from: data), journal.belongs(to: destination) else { return nil }
        return journal
    }

    /// Only our own names, so that an edited journal cannot make a sync rename anything else.
    private func belongs(to destination: SyncDestination) -> Bool {
        DeadProcessFile.pid(in: staging, prefix: destination.stagingPrefix) != nil
            && DeadProcessFile.pid(in: old, prefix: destination.oldPrefix) != nil
    }
}
