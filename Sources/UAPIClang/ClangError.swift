import Foundation
import CClang

/// Failures of the libclang layer.
package enum ClangError: Error, LocalizedError {
    /// libclang returned no translation unit at all (it could not even start).
    case parseFailed(file: String, code: Int)
    /// libclang could not be opened: what was tried and how to install it.
    case libraryMissing(String)

    /// `CXError_Crashed`: libclang recovered from a crash (a stack overflow, say) inside the parse.
    package var crashed: Bool {
        if case let .parseFailed(_, code) = self { return code == Int(CXError_Crashed.rawValue) }
        return false
    }

    package var errorDescription: String? {
        switch self {
        case let .parseFailed(file, code):
            return "\(file): libclang could not parse this file (CXErrorCode \(code)); check that the path exists and the arguments are valid"
        case let .libraryMissing(reason):
            return reason
        }
    }
}
