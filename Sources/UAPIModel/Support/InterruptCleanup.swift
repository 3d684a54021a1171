import Foundation

/// What SIGINT, SIGTERM and SIGHUP do once a temporary file exists: remove every
/// temporary file registered here, then end the process as the signal would. While a
/// caller defers signals (a sync between its steps), a signal is only noted in
/// `noted`; that caller checks it and undoes its own work.
///
/// The handler only calls `unlink`, `signal` and `raise` (async-signal-safe) and reads
/// paths kept as C strings in a table allocated before it is installed.
package enum InterruptCleanup {
    private static let capacity = 64
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var deferring: sig_atomic_t = 0
    /// The signal received while deferring, or 0.
    nonisolated(unsafe) package private(set) static var noted: sig_atomic_t = 0

    /// A registered path; hand it back to `forget` once the file is renamed or removed.
    package struct Registration {
        fileprivate let slot: Int?
    }

    /// Removes `path` if the process is interrupted before `forget` is called.
    package static func removeOnInterrupt(_ path: String) -> Registration {
        lock.lock()
        defer { lock.unlock() }
        installIfNeeded()
        for slot in 0..<capacity where table[slot] == nil {
            table[slot] = strdup(path)
            return Registration(slot: slot)
        }
        // A full table only means this file is left to the next write's sweep of dead processes' files.
        return Registration(slot: nil)
    }

    package static func forget(_ registration: Registration) {
        guard let slot = registration.slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = table[slot]
        table[slot] = nil
        free(path)
    }

    /// From now on a signal is noted in `noted` instead of ending the process.
    package static func deferSignals() {
        lock.lock()
        defer { lock.unlock() }
        installIfNeeded()
        deferring = 1
    }

    private static func installIfNeeded() {
        guard !installed else { return }
        installed = true
        // Initialise every static the handler reads now: lazy initialisation is not async-signal-safe.
        _ = (table, capacity, deferring, noted)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { InterruptCleanup.handle($0) }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    private static func handle(_ signal: Int32) {
        if deferring != 0 {
            noted = signal
            return
        }
        for slot in 0..<capacity {
            if let path = table[slot] { unlink(path) }
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
