import Dispatch
import Foundation

/// A self-overwriting progress line on standard error: what the run is doing, how far
/// (when known) and for how long. Drawn only when standard error is a terminal, and only
/// once the run has taken about a second, so quick runs, pipes, logs and tests see nothing.
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

    /// Starts a line for `phase` ("parsing", "comparing", ...); a no-op object when off.
    static func start(_ phase: String) -> ProgressLine {
        ProgressLine(phase: phase, enabled: enabled)
    }

    /// On a terminal, unless TERM=dumb. `UAPI_PROGRESS_DELAY` (seconds) moves the one-second
    /// threshold, for trying the line out on a short run.
    static var enabled: Bool {
        CLIOutput.stderrIsTerminal && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    private init(phase: String, enabled: Bool) {
        self.phase = phase
        delay = ProcessInfo.processInfo.environment["UAPI_PROGRESS_DELAY"].flatMap(TimeInterval.init) ?? 1
        guard enabled else { return }
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
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        drawn = true
    }
}
