import Foundation
import UAPIModel

/// The messages of file operations in `--from` and `--to`: the path the user knows,
/// what failed, and why in the system's words.
enum SyncFileError {
    /// A failed system call; `errno` unless `code` is given. `action` reads after "while trying to".
    static func failed(_ action: String, _ path: String, code: Int32 = errno, writing: Bool = false) -> UAPIError {
        let reason = SystemError.describe(code)
        if writing { return .cannotWrite(path: path, reason: "\(reason) (while trying to \(action))") }
        return .badArgument("\(path): \(reason) (while trying to \(action))")
    }

    static func symbolicLink(_ path: String) -> UAPIError {
        .badArgument("\(path) is a symbolic link; uapi sync never follows links inside --from or --to "
            + "(so nothing outside --to is written); replace it with the file or directory itself")
    }

    static func notADirectory(_ path: String) -> UAPIError {
        .badArgument("\(path) is not a directory; uapi sync needs a directory here")
    }

    static func notARegularFile(_ path: String) -> UAPIError {
        .badArgument("\(path) is not a regular file (a directory, device, FIFO or socket); uapi sync copies regular files only")
    }
}
