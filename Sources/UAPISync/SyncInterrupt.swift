import Foundation
import UAPIModel

/// Ctrl-C (or SIGTERM, SIGHUP) during a sync: noted by the signal handler and acted
/// on between steps, so the staging copy is removed and `--to` is left whole.
public enum SyncInterrupt {
    public static func install() {
        InterruptCleanup.deferSignals()
    }

    static func check(_ destination: SyncDestination) throws {
        if InterruptCleanup.noted != 0 { throw UAPIError.badArgument("interrupted: \(destination.path) was not changed") }
    }
}
