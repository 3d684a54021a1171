import Dispatch
import Foundation

/// A self-overwriting progress line on standard error: what the run is doing, how far
/// (when known) and for how long, once the run has taken about a second. When standard
/// error is a pipe or a file (a CI log), a plain line every ten seconds instead, so a long
/// run is seen to move and a quick one prints nothing.
final class ProgressLine: @unchecked Sendable {
    /// The line being drawn, if any: other output on standard error clears it first.
    nonisolated(unsafe) private static var current: ProgressLine?
    private static let registry = NSLock()

    private let lock = NSLock()
    private let started = Date()
    private let delay: TimeInterval
    private var phase: String
    private var done = 0, total = 0
    private var drawn = false
    private var timer: DispatchSourceTimer?
    /// Plain lines (a pipe or a file), one every `delay` seconds.
    private let plain: Bool

    /// Starts a line for `phase` ("parsing", "comparing", ...); a no-op object when off.
    static func start(_ phase: String) -> ProgressLine {
        let terminal = CLIOutput.stderrIsTerminal && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        return ProgressLine(phase: phase, plain: !terminal)
    }

    /// `UAPI_PROGRESS_DELAY` (seconds) moves the threshold (one second on a terminal, ten
    /// on a pipe), for trying the line out on a short run.
    private init(phase: String, plain: Bool) {
        self.phase = phase
        self.plain = plain
        delay = ProcessInfo.processInfo.environment["UAPI_PROGRESS_DELAY"].flatMap(TimeInterval.init) ?? (plain ? 10 : 1)
        if plain {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + max(delay, 0.1), repeating: max(delay, 0.1))
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            self.timer = timer
            return
        }
        Self.registry.lock()
        Self.current = self
        Self.registry.unlock()
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + min(delay, 0.25), repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// Counts for the parse callbacks of the library: (done, total).
    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in
            lock.lock()
            self.done = done
            self.total = total
            lock.unlock()
        }
    }

    /// A new phase; its counts start afresh.
    func begin(_ phase: String) {
        lock.lock()
        self.phase = phase
        done = 0
        total = 0
        lock.unlock()
    }

    /// Stops and clears the line; call before printing the result.
    func finish() {
        lock.lock()
        timer?.cancel()
        timer = nil
        lock.unlock()
        clear()
        Self.registry.lock()
        if Self.current === self { Self.current = nil }
        Self.registry.unlock()
    }

    /// Clears the line now being drawn, if any (before other output on standard error);
    /// `stopping` also ends it (before an error ends the run).
    static func clearCurrent(stopping: Bool = false) {
        registry.lock()
        let line = current
        registry.unlock()
        if stopping { line?.finish() } else { line?.clear() }
    }

    private func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard timer != nil else { return }
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed >= delay else { return }
        var text = "uapi: \(phase)"
        if total > 0 { text += " \(done)/\(total) (\(done * 100 / total)%)" }
        text += ", \(Int(elapsed)) s"
        if plain {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
            return
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        drawn = true
    }
}
