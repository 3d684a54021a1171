import ArgumentParser
import Foundation
import UAPIKit

@main
struct UAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uapi",
        abstract: "Keep C user-space ABIs honest: snapshot, diff and check Linux UAPI headers.",
        discussion: ExitStatus.help,
        version: UAPIVersion.string,
        subcommands: [SnapshotCommand.self, DiffCommand.self, CheckCommand.self, LintCommand.self, LayoutCommand.self, BindgenCommand.self, SyncCommand.self, HistoryCommand.self])

    static func main() {
        CLIOutput.started = Date()
        // Swift would turn such bytes into U+FFFD and then report the file as missing.
        if let name = FileNameBytes.firstNonUTF8Argument() {
            CLIOutput.error(UAPIError.fileNameNotUTF8(name).errorDescription ?? name)
            Foundation.exit(ExitStatus.inputError)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as UAPIError {
            CLIOutput.error(error.errorDescription ?? "\(error)")
            Foundation.exit(ExitStatus.inputError)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            CLIOutput.error(fullMessage(for: error))
            // ArgumentParser's usage errors (64) become our documented 2.
            Foundation.exit(code == .validationFailure ? ExitStatus.inputError : code.rawValue)
        }
    }
}

/// The documented exit statuses. Only the CLI decides them.
enum ExitStatus {
    static let ok: Int32 = 0
    static let toolError: Int32 = 1
    static let inputError: Int32 = 2
    static let compatible: Int32 = 4
    static let breaking: Int32 = 8

    static let help = """
    EXIT STATUS
      0   success; diff, check, lint: nothing that fails (see --fail-on)
      1   internal tool error
      2   usage or input error: a bad header, snapshot, policy or git
          revision, an unwritable output
      4   compatible ABI changes (diff; check with --fail-on compatible);
          lint warnings
      8   breaking ABI changes (diff, check); lint errors; a refused sync
      12  both 4 and 8
    """
}

enum CLIOutput {
    /// When the process started, for reports that record how long a run took.
    nonisolated(unsafe) static var started = Date()

    static var elapsedSeconds: Double { Date().timeIntervalSince(started) }

    static func error(_ message: String) {
        ProgressLine.clearCurrent(stopping: true)
        let message = relativeToWorkingDirectory(message)
        let text = message.hasPrefix("Error:") || message.hasPrefix("error:") ? message : "uapi: error: \(message)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func warning(_ message: String) {
        ProgressLine.clearCurrent()
        FileHandle.standardError.write(Data((relativeToWorkingDirectory(message) + "\n").utf8))
    }

    /// Paths under the working directory read better (and stay stable) relative.
    static func relativeToWorkingDirectory(_ text: String) -> String {
        let directory = FileManager.default.currentDirectoryPath
        guard directory != "/" else { return text }
        return text.replacingOccurrences(of: directory + "/", with: "")
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// Writes to standard output when `path` is nil or "-"; otherwise through `AtomicFile`:
    /// a regular file is replaced atomically, a FIFO or device is written in place, a
    /// symbolic link is written through to its target.
    static func emit(_ data: Data, to path: String?) throws {
        if let path, path != "-" {
            try AtomicFile.write(data, to: path)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
