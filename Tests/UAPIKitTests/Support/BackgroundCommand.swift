import Foundation
import XCTest

/// A `uapi` run in the background whose standard error is watched as it arrives, so
/// a test can wait until a test hook has stopped it (SIGSTOP), then kill it or let it
/// go on (SIGCONT).
final class BackgroundCommand: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var output = Data()
    private var errors = Data()
    private var streamsOpen = 2
    private let finished = DispatchGroup()

    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = TestPaths.uapiBinary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        collect(out.fileHandleForReading, into: \.output)
        collect(err.fileHandleForReading, into: \.errors)
    }

    var pid: Int32 { process.processIdentifier }

    private func collect(_ handle: FileHandle, into buffer: ReferenceWritableKeyPath<BackgroundCommand, Data>) {
        finished.enter()
        DispatchQueue.global().async {
            while true {
                let chunk = handle.availableData
                self.lock.lock()
                if chunk.isEmpty { self.streamsOpen -= 1 } else { self[keyPath: buffer].append(chunk) }
                self.lock.unlock()
                self.arrived.signal()
                if chunk.isEmpty { break }
            }
            self.finished.leave()
        }
    }

    /// Waits until standard error contains `text`; false when the process closed its
    /// output first. The deadline only keeps a broken build from hanging the suite.
    func waitForStandardError(containing text: String) -> Bool {
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            lock.lock()
            let seen = String(decoding: errors, as: UTF8.self).contains(text), open = streamsOpen > 0
            lock.unlock()
            if seen { return true }
            if !open { return false }
            _ = arrived.wait(timeout: .now() + 1)
        }
        return false
    }

    /// Waits until a test hook has printed `text` and the process is really stopped
    /// (the hook prints, then raises SIGSTOP: a SIGCONT sent in between would be lost).
    func waitUntilStopped(at text: String) -> Bool {
        guard waitForStandardError(containing: text) else { return false }
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, process.isRunning {
            if state == "T" { return true }
            usleep(10_000)
        }
        return false
    }

    /// The state letter of /proc/PID/stat ("T" when stopped).
    private var state: Character? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let name = text.lastIndex(of: ")") else { return nil }
        return text[name...].dropFirst(2).first
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Kills the process and returns its standard error: for a test that gave up on it.
    func abandon() -> String {
        send(SIGKILL)
        return finish().stderr
    }

    /// Waits for the process to end and returns what it printed.
    func finish() -> CommandResult {
        finished.wait()
        process.waitUntilExit()
        lock.lock()
        defer { lock.unlock() }
        return CommandResult(status: process.terminationStatus, stdout: output, stderr: String(decoding: errors, as: UTF8.self))
    }

    /// A PID that no process has: that of a child that has already exited.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
