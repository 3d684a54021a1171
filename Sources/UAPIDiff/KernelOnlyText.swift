import UAPIModel

/// Whether a macro's text names something a user-space program never has: an identifier no
/// header of the snapshot defines (`BIT(30)`, `GENMASK_ULL(3, 0)` before the UAPI headers had
/// them). Such a macro could not be used from user space, so its becoming a constant breaks nothing.
enum KernelOnlyText {
    /// Every name a side defines: macros, values, types, functions and variables.
    static func names(in target: TargetSnapshot) -> Set<String> {
        var names = Set(target.macros.map(\.name) + target.constants.map(\.name) + target.typedefs.map(\.name)
            + target.records.map(\.name) + target.functions.map(\.name) + target.variables.map(\.name) + target.enums.map(\.name))
        for decl in target.enums { for enumerator in decl.enumerators { names.insert(enumerator.name) } }
        if let aside = target.included {
            names.formUnion(aside.macros.map(\.name) + aside.constants.map(\.name) + aside.typedefs.map(\.name) + aside.records.map(\.name))
            for decl in aside.enums { for enumerator in decl.enumerators { names.insert(enumerator.name) } }
        }
        return names
    }

    /// `text` as `macroText` spells it: `(params)body` for a function-like macro, which is never kernel-only here.
    static func usesUndefinedNames(_ text: String, known: Set<String>) -> Bool {
        guard !text.hasPrefix("(") || !isParameterList(text) else { return false }
        return CWords.identifiers(in: text).contains { !known.contains($0) && !CWords.keywords.contains($0) && !$0.hasPrefix("__builtin_") }
    }

    /// A function-like macro's text starts with its parameter list, which has no spaces or parentheses inside.
    private static func isParameterList(_ text: String) -> Bool {
        guard let close = text.firstIndex(of: ")") else { return false }
        return !text[text.index(after: text.startIndex)..<close].contains { $0 == " " || $0 == "(" }
    }
}
