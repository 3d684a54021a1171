import UAPIClang
import UAPIModel

/// Walks a translation unit's top level and copies records, enums, typedefs
/// and macro definitions into model values.
struct DeclarationCollector {
    let namer: HeaderNamer
    let umbrellaPath: String
    private(set) var output = HeaderExtraction()
    private(set) var macroDefinitions: [MacroDefinition] = []
    private var defined = Set<String>()
    private var declaredOnly: [String: (Record.Kind, SourceLocation)] = [:]
    /// Offsets of very large records' fields, to be asked in one more parse.
    var offsetProbes = FieldOffsetProbes()

    init(namer: HeaderNamer, umbrellaPath: String) {
        self.namer = namer
        self.umbrellaPath = umbrellaPath
    }

    mutating func collect(_ unit: TranslationUnit) {
        for cursor in unit.cursor.children {
            let position = cursor.position
            guard !position.file.isEmpty, position.file != umbrellaPath else { continue }
            switch cursor.kind {
            case .structDecl, .unionDecl:
                collectTopLevelRecord(cursor)
            case .enumDecl where cursor.isDefinition:
                collectEnum(cursor)
            case .typedefDecl:
                collectTypedef(cursor)
            case .functionDecl:
                collectFunction(cursor)
            case .varDecl:
                collectVariable(cursor)
            case .macroDefinition:
                let tokens = unit.tokens(in: cursor.extent)
                if let definition = MacroDefinition(tokens: tokens, isFunctionLike: cursor.isMacroFunctionLike,
                                                    file: position.file, line: position.line) {
                    macroDefinitions.append(definition)
                }
            default:
                break
            }
        }
        for (name, (kind, location)) in declaredOnly where !defined.contains(name) {
            output.records.append(Record(name: name, kind: kind, location: location, isAnonymous: false,
                                         isComplete: false, size: nil, alignment: nil, isPacked: false,
                                         alignedAttribute: nil, fields: []))
        }
    }

    func location(of cursor: Cursor) -> SourceLocation {
        let position = cursor.position
        return SourceLocation(header: namer.name(of: position.file), line: position.line)
    }

    private mutating func note(_ cursor: Cursor) {
        let file = cursor.position.file
        if output.files[file] == nil { output.files[file] = namer.name(of: file) }
    }

    private mutating func collectTopLevelRecord(_ cursor: Cursor) {
        guard !cursor.isUnnamed else { return } // named through its typedef, if any
        let name = cursor.spelling
        if cursor.isDefinition {
            collectRecord(cursor, name: name, isAnonymous: false)
        } else if declaredOnly[name] == nil {
            declaredOnly[name] = (cursor.kind == .unionDecl ? .union : .struct, location(of: cursor))
        }
    }

    mutating func collectEnum(_ cursor: Cursor) {
        note(cursor)
        let signed = cursor.enumIntegerType.isSignedInteger
        let enumerators = cursor.children.filter { $0.kind == .enumConstantDecl }.map { constant in
            Enumerator(name: constant.spelling,
                       value: signed ? IntegerValue(constant.enumValue) : IntegerValue(constant.enumUnsignedValue),
                       line: constant.position.line)
        }
        let anonymous = cursor.isUnnamed
        let name = anonymous ? "<anon enum \(enumerators.first?.name ?? "empty")>" : cursor.spelling
        output.enums.append(EnumDecl(name: name, isAnonymous: anonymous, location: location(of: cursor),
                                     underlyingType: cursor.enumIntegerType.canonical.spelling,
                                     enumerators: enumerators))
    }

    private mutating func collectTypedef(_ cursor: Cursor) {
        note(cursor)
        let underlying = cursor.underlyingTypedefType
        output.typedefs.append(Typedef(name: cursor.spelling, location: location(of: cursor),
                                       underlyingType: TypeName.clean(underlying.spelling),
                                       canonicalType: TypeName.clean(underlying.canonical.spelling)))
        // `typedef struct { ... } name_t;`: the anonymous record takes the typedef's name.
        let declaration = underlying.canonical.declaration
        if (declaration.kind == .structDecl || declaration.kind == .unionDecl),
           declaration.isUnnamed, declaration.isDefinition, !defined.contains(cursor.spelling) {
            collectRecord(declaration, name: cursor.spelling, isAnonymous: true)
        }
    }

    /// A prototype or an inline helper; a later definition of the same function is the same item.
    private mutating func collectFunction(_ cursor: Cursor) {
        note(cursor)
        let result = cursor.resultType
        let parameters = cursor.arguments.map { parameter in
            FunctionDecl.Parameter(name: parameter.spelling, type: TypeName.clean(parameter.type.spelling),
                                   canonicalType: TypeName.clean(parameter.type.canonical.spelling))
        }
        output.functions.append(FunctionDecl(
            name: cursor.spelling, location: location(of: cursor),
            returnType: TypeName.clean(result.spelling), canonicalReturnType: TypeName.clean(result.canonical.spelling),
            parameters: parameters, isVariadic: cursor.type.isVariadic,
            isInline: cursor.isInlineFunction, isStatic: cursor.isStatic,
            callingConvention: CallingConvention.of(cursor)))
    }

    /// A variable a program may link against; the same name declared again is the same item.
    private mutating func collectVariable(_ cursor: Cursor) {
        note(cursor)
        output.variables.append(VariableDecl(name: cursor.spelling, location: location(of: cursor),
                                             type: TypeName.clean(cursor.type.spelling), canonicalType: TypeName.clean(cursor.type.canonical.spelling),
                                             isStatic: cursor.isStatic, isThreadLocal: cursor.isThreadLocal))
    }

    mutating func collectRecord(_ cursor: Cursor, name: String, isAnonymous: Bool) {
        guard !defined.contains(name) else { return }
        defined.insert(name)
        note(cursor)
        let fields = fields(of: cursor, owner: name, enclosingType: cursor.type, baseBits: 0,
                            probeType: FieldOffsetProbes.typeSpelling(of: cursor, name: name, isAnonymous: isAnonymous))
        let type = cursor.type
        output.records.append(Record(
            name: name, kind: cursor.kind == .unionDecl ? .union : .struct,
            location: location(of: cursor), isAnonymous: isAnonymous, isComplete: true,
            size: try? type.size.get(), alignment: try? type.alignment.get(),
            isPacked: cursor.hasAttribute(.packedAttribute),
            alignedAttribute: AlignedAttribute.value(on: cursor), fields: fields))
    }

    mutating func append(_ record: Record) {
        output.records.append(record)
    }
}
