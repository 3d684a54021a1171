import Foundation
import UAPIModel

/// An error whose message names temporary paths, reworded: an input error (`UAPIError`)
/// stays one; any other keeps its exit status 1 with the new words.
struct RewordedFailure: LocalizedError {
    var message: String
    var errorDescription: String? { message }

    static func replacing(_ prefixes: [String], with replacement: String, in error: Error) -> Error {
        if var failure = error as? UAPIError {
            for prefix in prefixes { failure = failure.replacingOccurrences(of: prefix, with: replacement) }
            return failure
        }
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        guard prefixes.contains(where: message.contains) else { return error }
        return RewordedFailure(message: prefixes.reduce(message) { $0.replacingOccurrences(of: $1, with: replacement) })
    }
}
