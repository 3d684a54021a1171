import UAPIClang
import UAPIModel

/// Joins C tokens into readable text: `_IOWR(VFIO_TYPE, VFIO_BASE + 1, struct x)`.
enum TokenText {
    static func join(_ tokens: [String]) -> String {
        var text = ""
        var previous: String?
        for token in tokens {
            if let previous, needsSpace(between: previous, and: token) { text += " " }
            text += token
            previous = token
        }
        return text
    }

    private static let tight: Set<String> = [")", "]", ",", ";"]
    private static let opening: Set<String> = ["(", "[", "~", "!", "#", "##"]

    private static func needsSpace(between previous: String, and token: String) -> Bool {
        if tight.contains(token) || opening.contains(previous) { return false }
        if token == "(" || token == "[" { return !isWord(previous) && previous != ")" && previous != "]" }
        if token == "." || previous == "." || token == "->" || previous == "->" { return false }
        return true
    }

    private static func isWord(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        return first.isLetter || first == "_" || first.isNumber
    }
}
