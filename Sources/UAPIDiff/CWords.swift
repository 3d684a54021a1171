/// The identifier-like words of a C spelling (`const struct x *(*)(handle_t)` -> const, struct,
/// x, handle_t), numbers left out, and the keywords that name no type of a header's own.
enum CWords {
    static func identifiers(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        func flush() {
            if let first = current.first, !first.isNumber { result.append(current) }
            current = ""
        }
        for character in text {
            if character == "_" || character.isASCII && (character.isLetter || character.isNumber) {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Keywords and built-in type words: never a name a header defines.
    static let keywords: Set<String> = [
        "sizeof", "char", "short", "int", "long", "signed", "unsigned", "float", "double", "void", "const", "volatile", "restrict",
        "__restrict", "struct", "union", "enum", "_Bool", "_Complex", "__int128", "_Alignof", "__alignof__", "typeof", "__typeof__",
        "__extension__", "__attribute__",
    ]
}
