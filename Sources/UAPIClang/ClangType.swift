import CClang

/// A libclang type that keeps its translation unit alive.
package struct ClangType {
    let raw: CXType
    let unit: TranslationUnit

    init(_ raw: CXType, in unit: TranslationUnit) {
        self.raw = raw
        self.unit = unit
    }

    var kind: CXTypeKind { raw.kind }
    package var spelling: String { consume(clang_getTypeSpelling(raw)) }
    package var canonical: ClangType { ClangType(clang_getCanonicalType(raw), in: unit) }
    package var declaration: Cursor { Cursor(clang_getTypeDeclaration(raw), in: unit) }
    package var elementType: ClangType { ClangType(clang_getArrayElementType(raw), in: unit) }

    package var isIncompleteArray: Bool { kind == CXType_IncompleteArray }

    /// Size in bytes, or the reason clang cannot give one.
    package var size: Result<Int, LayoutQueryError> { LayoutQueryError.check(clang_Type_getSizeOf(raw)) }
    package var alignment: Result<Int, LayoutQueryError> { LayoutQueryError.check(clang_Type_getAlignOf(raw)) }

    /// Offset in bits of `field` (found through anonymous members too).
    package func offset(of field: String) -> Result<Int, LayoutQueryError> {
        LayoutQueryError.check(clang_Type_getOffsetOf(raw, field))
    }

    /// Whether the canonical integer type is signed (for choosing the enum value accessor).
    package var isSignedInteger: Bool {
        switch canonical.kind {
        case CXType_Char_S, CXType_SChar, CXType_Short, CXType_Int, CXType_Long, CXType_LongLong, CXType_Int128:
            return true
        default:
            return false
        }
    }
}

/// clang's negative layout sentinels, as a typed error.
package enum LayoutQueryError: Int, Error, Sendable {
    case invalid = -1, incomplete = -2, dependent = -3, notConstantSize = -4, invalidFieldName = -5, undeduced = -6

    static func check(_ value: Int64) -> Result<Int, LayoutQueryError> {
        if value >= 0 { return .success(Int(value)) }
        return .failure(LayoutQueryError(rawValue: Int(value)) ?? .invalid)
    }
}
