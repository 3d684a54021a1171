import CClang

/// A libclang cursor that keeps its translation unit alive.
package struct Cursor {
    let raw: CXCursor
    package let unit: TranslationUnit

    init(_ raw: CXCursor, in unit: TranslationUnit) {
        self.raw = raw
        self.unit = unit
    }

    package var kind: Kind { Kind(clang_getCursorKind(raw)) }
    package var spelling: String { consume(clang_getCursorSpelling(raw)) }
    package var type: ClangType { ClangType(clang_getCursorType(raw), in: unit) }
    package var position: SourcePosition { SourcePosition(clang_getCursorLocation(raw)) }
    package var extent: CXSourceRange { clang_getCursorExtent(raw) }
    package var isDefinition: Bool { clang_isCursorDefinition(raw) != 0 }
    /// No tag of its own: `struct { ... }`, also when a typedef names it (clang 14
    /// spells those "" while newer clangs say "(unnamed struct at ...)").
    package var isUnnamed: Bool {
        let name = spelling
        return name.isEmpty || name.contains("(anonymous") || name.contains("(unnamed")
    }
    package var isAnonymousRecordMember: Bool { clang_Cursor_isAnonymousRecordDecl(raw) != 0 }
    package var isBitField: Bool { clang_Cursor_isBitField(raw) != 0 }
    package var bitWidth: Int { Int(clang_getFieldDeclBitWidth(raw)) }
    package var isMacroFunctionLike: Bool { clang_Cursor_isMacroFunctionLike(raw) != 0 }
    package var underlyingTypedefType: ClangType { ClangType(clang_getTypedefDeclUnderlyingType(raw), in: unit) }
    package var enumIntegerType: ClangType { ClangType(clang_getEnumDeclIntegerType(raw), in: unit) }
    package var enumValue: Int64 { clang_getEnumConstantDeclValue(raw) }
    package var enumUnsignedValue: UInt64 { clang_getEnumConstantDeclUnsignedValue(raw) }
    /// Offset in bits from the start of the immediately enclosing record, or nil.
    package var offsetOfField: Int? {
        let value = clang_Cursor_getOffsetOfField(raw)
        return value < 0 ? nil : Int(value)
    }

    /// The direct children, in source order.
    package var children: [Cursor] {
        var result: [Cursor] = []
        visitChildren { child in
            result.append(child)
            return .continue
        }
        return result
    }

    package enum Visit { case `continue`, stop }

    /// Routes `clang_visitChildren` through a Swift closure passed as the C context pointer.
    package func visitChildren(_ body: (Cursor) -> Visit) {
        withoutActuallyEscaping(body) { body in
            var context = VisitContext(unit: unit, body: body)
            withUnsafeMutablePointer(to: &context) { pointer in
                _ = clang_visitChildren(raw, { child, _, data in
                    let context = data!.assumingMemoryBound(to: VisitContext.self)
                    let visit = context.pointee.body(Cursor(child, in: context.pointee.unit))
                    return visit == .stop ? CXChildVisit_Break : CXChildVisit_Continue
                }, pointer)
            }
        }
    }

    /// Evaluates a constant initializer (for variable declarations).
    package func evaluate() -> EvaluationResult? {
        guard let result = clang_Cursor_Evaluate(raw) else { return nil }
        return EvaluationResult(result)
    }

    package func hasAttribute(_ kind: Kind) -> Bool {
        var found = false
        visitChildren { child in
            if child.kind == kind { found = true; return .stop }
            return .continue
        }
        return found
    }
}

private struct VisitContext {
    let unit: TranslationUnit
    let body: (Cursor) -> Cursor.Visit
}
