import UAPIClang

/// How arguments reach a function: clang's calling convention of its type, and `regparm(N)`
/// (an x86 attribute that changes which arguments go in registers, which libclang does not
/// expose) read from the declaration's tokens.
enum CallingConvention {
    static func of(_ cursor: Cursor) -> String? {
        var parts: [String] = []
        if let convention = cursor.type.callingConvention { parts.append(convention) }
        // regparm exists on 32-bit x86 only; elsewhere clang ignores it, and so does the call.
        if isX86_32(cursor.unit),
           let registers = regparm(in: outsideParameters(cursor.unit.tokens(in: cursor.extent), name: cursor.spelling)) {
            parts.append("regparm(\(registers))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func isX86_32(_ unit: TranslationUnit) -> Bool {
        let arch = unit.targetTriple.split(separator: "-").first ?? ""
        return ["i386", "i486", "i586", "i686"].contains(String(arch))
    }

    /// The declaration's tokens without its parameter list: a callback parameter's own
    /// `regparm` is part of that parameter's type, not of the function's convention.
    private static func outsideParameters(_ tokens: [String], name: String) -> [String] {
        guard let nameIndex = tokens.indices.first(where: { tokens[$0] == name && $0 + 1 < tokens.count && tokens[$0 + 1] == "(" }) else {
            return tokens
        }
        var depth = 0
        var end = nameIndex + 1
        for index in (nameIndex + 1)..<tokens.count {
            if tokens[index] == "(" { depth += 1 }
            if tokens[index] == ")" { depth -= 1 }
            end = index
            if depth == 0 { break }
        }
        return Array(tokens[..<(nameIndex + 1)]) + Array(tokens[(end + 1)...])
    }

    private static func regparm(in tokens: [String]) -> String? {
        guard let index = tokens.firstIndex(where: { $0 == "regparm" || $0 == "__regparm__" }), index + 3 < tokens.count,
              tokens[index + 1] == "(", tokens[index + 3] == ")", Int(tokens[index + 2]) != nil else { return nil }
        return tokens[index + 2]
    }
}
