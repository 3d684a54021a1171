import Foundation
import UAPIModel

/// Puts a complete staged tree in place of `--to` so that `--to` is always one whole
/// tree, the old or the new:
/// - `--to` missing: one rename (refusing to replace anything that appeared meanwhile);
/// - `--to` present: renameat2(RENAME_EXCHANGE) swaps the two directories in one step,
///   then the old tree (now under the staging name) is removed;
/// - where the file system cannot exchange: a journaled two-rename swap (`SwapJournal`),
///   which the next sync completes or undoes if this one is killed halfway.
struct TreeSwap {
    let destination: SyncDestination
    let parent: DirectoryHandle
    let hooks: SyncTestHooks

    func install(_ staging: String) throws {
        guard try parent.kind(destination.name) != nil else {
            try renameFresh(staging)
            hooks.reached(.swapped)
            parent.sync()
            return
        }
        let exchanged = hooks.noExchange ? -1 : Renameat2.rename(in: parent.descriptor, staging, destination.name, flags: Renameat2.exchange)
        if exchanged == 0 {
            parent.sync()
            hooks.reached(.swapped)
            // The sync has succeeded; an old copy that cannot be removed now is removed by the next one.
            try? parent.removeTree(staging)
            return
        }
        let code = hooks.noExchange ? EINVAL : errno
        guard Renameat2.isUnsupported(code) else {
            throw SyncFileError.failed("swap the new tree in for it", destination.path, code: code, writing: true)
        }
        try swapWithJournal(staging)
    }

    private func renameFresh(_ staging: String) throws {
        if Renameat2.rename(in: parent.descriptor, staging, destination.name, flags: Renameat2.noReplace) == 0 { return }
        let code = errno
        guard Renameat2.isUnsupported(code) else {
            throw SyncFileError.failed("move the new tree in as it", destination.path, code: code, writing: true)
        }
        try parent.rename(staging, to: destination.name)
    }

    private func swapWithJournal(_ staging: String) throws {
        let journal = SwapJournal(staging: staging, old: "\(destination.oldPrefix)\(getpid())")
        try journal.write(beside: destination, in: parent)
        hooks.reached(.journaled)
        do {
            try parent.rename(destination.name, to: journal.old)
        } catch {
            try? parent.remove(destination.journalName)
            throw error
        }
        hooks.reached(.movedAside)
        do {
            try parent.rename(staging, to: destination.name)
        } catch {
            // Put the old tree back; if even that fails, the journal stays for the next sync to finish.
            try parent.rename(journal.old, to: destination.name)
            try parent.remove(destination.journalName)
            throw error
        }
        parent.sync()
        hooks.reached(.swapped)
        // The sync has succeeded; what cannot be removed now is removed by the next one.
        try? parent.remove(destination.journalName)
        try? parent.removeTree(journal.old)
    }
}
