import Foundation

/// Failures of the libclang layer.
enum ClangError: Error, LocalizedError {
    /// libclang returned no translation unit at all (it could not even start).
    case parseFailed(file: String, code: Int)

    var errorDescription: String? {
        switch self {
        case let .parseFailed(file, code):
            return "\(file): libclang could not parse this file (CXErrorCode \(code)); check that the path exists and the arguments are valid"
        }
    }
}
