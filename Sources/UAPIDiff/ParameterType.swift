import Foundation

/// A parameter's type as C compares function types: top-level qualifiers (`const int`,
/// `char *const`, `int *restrict`) are not part of the function's type, so they drop out.
enum ParameterType {
    private static let qualifiers: Set<String> = ["const", "volatile", "restrict", "__restrict", "__restrict__"]

    static func adjusted(_ type: String) -> String {
        let text = type.trimmingCharacters(in: .whitespaces)
        if let star = text.lastIndex(of: "*") {
            // The pointer's own qualifiers follow its last `*` (`char *const`, `int *restrict`).
            let after = text[text.index(after: star)...].split(separator: " ")
            return after.allSatisfy { qualifiers.contains(String($0)) } ? String(text[...star]) : text
        }
        if text.contains("(") || text.contains("[") { return text }
        return text.split(separator: " ").filter { !qualifiers.contains(String($0)) }.joined(separator: " ")
    }

    /// `char *` -> `const char *` (one level of pointer, the pointee gaining `const`): every
    /// caller's argument still converts implicitly, and the call is the same.
    static func pointeeGainedConst(old: String, new: String) -> Bool {
        let (a, b) = (adjusted(old), adjusted(new))
        guard a.hasSuffix("*"), b.hasSuffix("*"), a.filter({ $0 == "*" }).count == 1, b.filter({ $0 == "*" }).count == 1 else { return false }
        let pointee = { (text: String) in text.dropLast().trimmingCharacters(in: .whitespaces) }
        let words = { (text: String) in pointee(text).split(separator: " ").map(String.init) }
        let (oldWords, newWords) = (words(a), words(b))
        return !oldWords.contains("const") && newWords.contains("const") && newWords.filter { $0 != "const" } == oldWords
    }
}
