import Foundation

/// How a run of the built `uapi` ended, for tests where ending by a signal or not
/// ending at all is the failure being looked for.
struct BoundedResult {
    var status: Int32
    /// Ended by a signal (`status` is then the signal number).
    var signaled: Bool
    /// Still running when the budget ran out, and killed.
    var timedOut: Bool
    var stdout: Data
    var stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// One line for a failure message.
    var summary: String {
        let how = timedOut ? "killed after its time budget" : signaled ? "ended by signal \(status)" : "exit \(status)"
        return "\(how); stderr: \(stderr.prefix(600))"
    }
}

enum BoundedRun {
    /// Runs `uapi` with `arguments`; kills it when it runs longer than `budget` seconds
    /// (a safety net so a hang fails the test instead of stalling the suite).
    static func uapi(_ arguments: [String], in directory: URL? = nil, budget: TimeInterval = 300) throws -> BoundedResult {
        let process = Process()
        process.executableURL = TestPaths.uapiBinary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killer = KillSwitch()
        let timer = DispatchWorkItem {
            guard process.isRunning else { return }
            killer.fired = true
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + budget, execute: timer)
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        return BoundedResult(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                             timedOut: killer.fired, stdout: outData, stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

private final class KillSwitch: @unchecked Sendable {
    var fired = false
}

private final class Box: @unchecked Sendable {
    var data = Data()
}
