import Foundation
import UAPIModel

/// Ends the process when one header takes longer than its time limit. libclang
/// cannot be interrupted, so the watchdog prints the error (naming the header and
/// target) and exits with status 2 at once: no output file has been written by
/// then, and `_exit` runs no clean-up that could trip over threads still in libclang.
final class HeaderWatchdog: @unchecked Sendable {
    static let shared = HeaderWatchdog()

    private struct Job {
        var header: String
        var seconds: Int
        var deadline: UInt64
    }

    private let lock = NSLock()
    private var jobs: [Int: Job] = [:]
    private var nextID = 0
    private var started = false

    /// Runs `body` under a deadline of `seconds` (no deadline when 0).
    func watch<R>(header: String, seconds: Int, _ body: () throws -> R) rethrows -> R {
        guard seconds > 0 else { return try body() }
        let id = begin(Job(header: header, seconds: seconds,
                           deadline: DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000))
        defer { end(id) }
        return try body()
    }

    private func begin(_ job: Job) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        jobs[nextID] = job
        if !started {
            started = true
            Thread.detachNewThread { [self] in watchForever() }
        }
        return nextID
    }

    private func end(_ id: Int) {
        lock.lock()
        jobs[id] = nil
        lock.unlock()
    }

    private func watchForever() {
        while true {
            usleep(100_000)
            let now = DispatchTime.now().uptimeNanoseconds
            lock.lock()
            let late = jobs.values.filter { $0.deadline <= now }.min { $0.header < $1.header }
            lock.unlock()
            if let late {
                let message = UAPIError.headerTimedOut(header: late.header, seconds: late.seconds).errorDescription ?? ""
                FileHandle.standardError.write(Data("uapi: error: \(message)\n".utf8))
                _exit(2)
            }
        }
    }
}
