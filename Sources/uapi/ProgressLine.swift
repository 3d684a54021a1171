import Foundation

/// A single self-overwriting progress line on a terminal's standard error.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPercent = -1

    init(enabled: Bool) { self.enabled = enabled }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in
            guard enabled, total > 0 else { return }
            let percent = done * 100 / total
            lock.lock()
            defer { lock.unlock() }
            guard percent != lastPercent else { return }
            lastPercent = percent
            FileHandle.standardError.write(Data("\r\u{1B}[Kparsing: \(done)/\(total) (\(percent)%)".utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
