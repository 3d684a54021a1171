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
}
