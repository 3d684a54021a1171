import CClang

extension Cursor {
    /// A function's return type.
    package var resultType: ClangType { ClangType(clang_getCursorResultType(raw), in: unit) }

    /// A function's parameters, in order.
    package var arguments: [Cursor] {
        let count = clang_Cursor_getNumArguments(raw)
        guard count > 0 else { return [] }
        return (0..<UInt32(count)).map { Cursor(clang_Cursor_getArgument(raw, $0), in: unit) }
    }

    /// Declared `inline` (or defined inline by the language rules).
    package var isInlineFunction: Bool { clang_Cursor_isFunctionInlined(raw) != 0 }

    /// `static` storage: internal linkage.
    package var isStatic: Bool { clang_Cursor_getStorageClass(raw) == CX_SC_Static }
}

extension ClangType {
    /// A function type that ends in `...`.
    package var isVariadic: Bool { clang_isFunctionTypeVariadic(raw) != 0 }
}
