import CClang

extension Cursor {
    /// The cursor kinds the extractor looks at, as a Swift type: libclang's C enum
    /// stays inside this module.
    package enum Kind: Sendable, Equatable {
        case structDecl, unionDecl, enumDecl, enumConstantDecl, fieldDecl, typedefDecl, varDecl, functionDecl
        case macroDefinition, alignedAttribute, packedAttribute
        case other

        init(_ raw: CXCursorKind) {
            switch raw {
            case CXCursor_StructDecl: self = .structDecl
            case CXCursor_UnionDecl: self = .unionDecl
            case CXCursor_EnumDecl: self = .enumDecl
            case CXCursor_EnumConstantDecl: self = .enumConstantDecl
            case CXCursor_FieldDecl: self = .fieldDecl
            case CXCursor_TypedefDecl: self = .typedefDecl
            case CXCursor_VarDecl: self = .varDecl
            case CXCursor_FunctionDecl: self = .functionDecl
            case CXCursor_MacroDefinition: self = .macroDefinition
            case CXCursor_AlignedAttr: self = .alignedAttribute
            case CXCursor_PackedAttr: self = .packedAttribute
            default: self = .other
            }
        }

        /// A struct or a union declaration.
        package var isRecord: Bool { self == .structDecl || self == .unionDecl }
    }
}

extension ClangType {
    /// The type kinds the extractor distinguishes.
    package enum Kind: Sendable, Equatable {
        case constantArray, incompleteArray, record, other

        init(_ raw: CXTypeKind) {
            switch raw {
            case CXType_ConstantArray: self = .constantArray
            case CXType_IncompleteArray: self = .incompleteArray
            case CXType_Record: self = .record
            default: self = .other
            }
        }
    }

    package var typeKind: Kind { Kind(kind) }
}
