import Foundation
import UAPIModel

/// Fault injection for the tests, read from the environment; inert when unset.
/// - `UAPI_TEST_SYNC_FAIL_AFTER=N`: fail after writing N files into the staging copy.
/// - `UAPI_TEST_SYNC_PAUSE_AFTER=N`: stop (SIGSTOP) after writing N files.
/// - `UAPI_TEST_SYNC_PAUSE_AT=STEP`: stop at a step of the swap: `staged`,
///   `journaled`, `moved-aside`, `swapped` (see `SyncStep`).
/// - `UAPI_TEST_SYNC_NO_EXCHANGE=1`: act as if renameat2 could not exchange, to
///   exercise the journaled two-rename swap.
/// A stopped sync says so on standard error, so a test can kill it or let it go on (SIGCONT).
struct SyncTestHooks {
    var failAfter: Int?
    var pauseAfter: Int?
    var pauseAt: SyncStep?
    var noExchange = false

    static func fromEnvironment() -> SyncTestHooks {
        let environment = ProcessInfo.processInfo.environment
        return SyncTestHooks(failAfter: environment["UAPI_TEST_SYNC_FAIL_AFTER"].flatMap(Int.init),
                             pauseAfter: environment["UAPI_TEST_SYNC_PAUSE_AFTER"].flatMap(Int.init),
                             pauseAt: environment["UAPI_TEST_SYNC_PAUSE_AT"].flatMap(SyncStep.init(rawValue:)),
                             noExchange: environment["UAPI_TEST_SYNC_NO_EXCHANGE"] == "1")
    }

    func reached(_ step: SyncStep) {
        if pauseAt == step { stop(at: step.rawValue) }
    }

    func wrote(_ count: Int, _ path: String) throws {
        if let failAfter, count >= failAfter {
            throw UAPIError.cannotWrite(path: path, reason: "injected failure (UAPI_TEST_SYNC_FAIL_AFTER)")
        }
        if pauseAfter == count { stop(at: "written-\(count)") }
    }

    private func stop(at step: String) {
        FileHandle.standardError.write(Data("uapi: test hook: stopped at \(step) (PID \(getpid()))\n".utf8))
        raise(SIGSTOP)
        awaitPendingSignals()
    }

    /// A signal sent while stopped may be handled by another thread after this one goes
    /// on: wait (briefly) until none is pending, so the step after sees what was sent.
    private func awaitPendingSignals() {
        for _ in 0..<200 {
            var pending = sigset_t()
            sigpending(&pending)
            guard [SIGINT, SIGTERM, SIGHUP].contains(where: { sigismember(&pending, $0) == 1 }) else { break }
            usleep(5_000)
        }
        usleep(20_000)
    }
}

/// The points of a sync where a kill leaves a different state on disk.
enum SyncStep: String {
    /// The staging copy is complete; `--to` is untouched.
    case staged
    /// Two-rename swap only: the journal is written, nothing renamed yet.
    case journaled
    /// Two-rename swap only: `--to` is renamed aside; the new tree is not in place yet.
    case movedAside = "moved-aside"
    /// The new tree is in place; the old one is not removed yet.
    case swapped
}
