import CClang

/// A libclang cursor that keeps its translation unit alive.
struct Cursor {
    let raw: CXCursor
    let unit: TranslationUnit

    init(_ raw: CXCursor, in unit: TranslationUnit) {
        self.raw = raw
        self.unit = unit
    }

    var kind: CXCursorKind { clang_getCursorKind(raw) }
    var spelling: String { consume(clang_getCursorSpelling(raw)) }
    var type: ClangType { ClangType(clang_getCursorType(raw), in: unit) }
    var position: SourcePosition { SourcePosition(clang_getCursorLocation(raw)) }
    var extent: CXSourceRange { clang_getCursorExtent(raw) }
    var isDefinition: Bool { clang_isCursorDefinition(raw) != 0 }
    /// No tag of its own: `struct { ... }`, also when a typedef names it (clang 14
    /// spells those "" while newer clangs say "(unnamed struct at ...)").
    var isUnnamed: Bool {
        let name = spelling
        return name.isEmpty || name.contains("(anonymous") || name.contains("(unnamed")
    }
    var isAnonymousRecordMember: Bool { clang_Cursor_isAnonymousRecordDecl(raw) != 0 }
    var isBitField: Bool { clang_Cursor_isBitField(raw) != 0 }
    var bitWidth: Int { Int(clang_getFieldDeclBitWidth(raw)) }
    var isMacroFunctionLike: Bool { clang_Cursor_isMacroFunctionLike(raw) != 0 }
    var underlyingTypedefType: ClangType { ClangType(clang_getTypedefDeclUnderlyingType(raw), in: unit) }
    var enumIntegerType: ClangType { ClangType(clang_getEnumDeclIntegerType(raw), in: unit) }
    var enumValue: Int64 { clang_getEnumConstantDeclValue(raw) }
    var enumUnsignedValue: UInt64 { clang_getEnumConstantDeclUnsignedValue(raw) }
    /// Offset in bits from the start of the immediately enclosing record, or nil.
    var offsetOfField: Int? {
        let value = clang_Cursor_getOffsetOfField(raw)
        return value < 0 ? nil : Int(value)
    }

    /// The direct children, in source order.
    var children: [Cursor] {
        var result: [Cursor] = []
        visitChildren { child in
            result.append(child)
            return .continue
        }
        return result
    }

    enum Visit { case `continue`, stop }

    /// Routes `clang_visitChildren` through a Swift closure passed as the C context pointer.
    func visitChildren(_ body: (Cursor) -> Visit) {
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
    func evaluate() -> EvaluationResult? {
        guard let result = clang_Cursor_Evaluate(raw) else { return nil }
        return EvaluationResult(result)
    }

    func hasAttribute(_ kind: CXCursorKind) -> Bool {
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
