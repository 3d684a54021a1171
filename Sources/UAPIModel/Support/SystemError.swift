import Foundation

/// Why a file operation failed, in the system's words ("No space left on device"),
/// never as a Foundation error domain and code.
package enum SystemError {
    /// `strerror` of an errno value (the current `errno` by default).
    package static func describe(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// The errno behind a Foundation error when it carries one; otherwise its
    /// description without the "(NSCocoaErrorDomain error 512.)" tail.
    package static func describe(_ error: Error) -> String {
        let failure = error as NSError
        if failure.domain == NSPOSIXErrorDomain { return describe(Int32(failure.code)) }
        if let underlying = failure.userInfo[NSUnderlyingErrorKey] as? Error { return describe(underlying) }
        if let posix = error as? POSIXError { return describe(posix.code.rawValue) }
        let text = (error as? LocalizedError)?.errorDescription ?? failure.localizedDescription
        return text.replacingOccurrences(of: #"\s*\([A-Za-z]+ErrorDomain error -?[0-9]+\.\)"#, with: "", options: .regularExpression)
    }

    /// Why `directory` could not be created, naming the path: a part of it that exists and is
    /// not a directory (`afile is a file, not a directory`), else what Foundation said.
    package static func describeDirectoryCreation(_ directory: String, _ error: Error) -> String {
        var prefix = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
            prefix = prefix.isEmpty && part.isEmpty ? "/" : prefix.isEmpty ? String(part) : prefix == "/" ? "/\(part)" : "\(prefix)/\(part)"
            guard !part.isEmpty else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory), !isDirectory.boolValue {
                return "\(prefix) is a file, not a directory"
            }
        }
        return describe(error)
    }
}
