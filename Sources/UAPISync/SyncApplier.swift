import Foundation
import UAPIModel

/// Writes a sync plan as a transaction, so that `--to` is always either the old tree
/// or the whole new one and nothing outside it is written:
/// 1. lock `--to` (`SyncLock`): a second sync of the same directory is refused;
/// 2. finish what a killed sync left (`SyncRecovery`);
/// 3. stage the new tree beside `--to` (`StagedTree`), never following a link;
/// 4. swap it in (`TreeSwap`).
/// Any failure or interrupt before the swap removes the staging copy. See
/// docs/output-and-sync.md for what a kill leaves at each step.
public struct SyncApplier {
    public let destination: String
    var hooks = SyncTestHooks.fromEnvironment()

    public init(destination: String) {
        self.destination = destination
    }

    /// Runs before any group is written: checks that `--to` is a directory or missing
    /// (its parent is created) and that no other sync holds its lock, and finishes
    /// what a killed sync left beside it (also when the plan turns out to be a no-op).
    public func preflight() throws {
        let target = try SyncDestination(destination)
        let parent = try target.makeParent()
        _ = try target.current(in: parent)
        guard access(target.parentPath, W_OK) == 0 else {
            throw UAPIError.cannotWrite(path: target.parentPath, reason: "not writable; the new tree is staged beside \(destination)")
        }
        let lock = try SyncLock.acquire(target, in: parent)
        defer { lock.release() }
        try SyncRecovery(destination: target, parent: parent).run()
    }

    /// Stages `plan` beside `--to` and swaps it in, under the lock; throws, leaving
    /// `--to` as it was, on any failure or interrupt before the swap.
    public func apply(_ plan: SyncPlan) throws {
        let target = try SyncDestination(destination)
        let parent = try target.makeParent()
        let lock = try SyncLock.acquire(target, in: parent)
        defer { lock.release() }
        try SyncRecovery(destination: target, parent: parent).run()
        let current = try target.current(in: parent)
        let staged = StagedTree(destination: target, parent: parent, hooks: hooks)
        try staged.build(plan, current: current)
        do {
            hooks.reached(.staged)
            try SyncInterrupt.check(target)
            try TreeSwap(destination: target, parent: parent, hooks: hooks).install(staged.name)
        } catch {
            try? parent.removeTree(staged.name)
            throw error
        }
    }
}
