import UAPIClang
import UAPIModel

extension DeclarationCollector {
    /// The fields of `record`, with offsets relative to the record `owner` plus
    /// `baseBits` (non-zero inside anonymous members, whose offsets count from the
    /// outermost record that is not an anonymous member). Nested and anonymous
    /// records become records of their own.
    /// `probeType` names the record for `FieldOffsetProbes`, used when it has very many fields.
    mutating func fields(of record: Cursor, owner: String, enclosingType: ClangType, baseBits: Int, probeType: String? = nil) -> [Field] {
        var fields: [Field] = []
        let children = record.children
        let probeType = probeType.flatMap { type in
            children.lazy.filter { $0.kind == .fieldDecl }.count > FieldOffsetProbes.threshold ? type : nil
        }
        for child in children {
            switch child.kind {
            case .fieldDecl:
                if let probeType, !child.isBitField, !child.spelling.isEmpty {
                    offsetProbes.add(.init(record: owner, fieldIndex: fields.count, type: probeType, field: child.spelling, cursor: child))
                    fields.append(field(child, path: owner, baseBits: baseBits, offsetProbed: true))
                } else {
                    fields.append(field(child, path: owner, baseBits: baseBits))
                }
            case .structDecl, .unionDecl:
                if child.isAnonymousRecordMember {
                    fields.append(anonymousMember(child, owner: owner, enclosingType: enclosingType, baseBits: baseBits))
                } else if child.isDefinition, !child.isUnnamed {
                    // C gives a nested named struct file scope: record it under its own name.
                    collectRecord(child, name: child.spelling, isAnonymous: false)
                }
            case .enumDecl where child.isDefinition:
                // So does a nested enum, with its enumerators.
                collectEnum(child)
            default:
                break
            }
        }
        return fields
    }

    /// With `offsetProbed`, the offset is `baseBits` until the probes add the field's own.
    private mutating func field(_ cursor: Cursor, path: String, baseBits: Int, offsetProbed: Bool = false) -> Field {
        let type = cursor.type
        let name = cursor.spelling
        var recordPath: String?
        var element = type.canonical
        var isArray = false
        while element.typeKind == .constantArray || element.typeKind == .incompleteArray {
            element = element.elementType.canonical
            isArray = true
        }
        let declaration = element.declaration
        if element.typeKind == .record {
            if declaration.isUnnamed {
                let nested = "\(path).\(name)\(isArray ? "[]" : "")"
                collectRecord(declaration, name: nested, isAnonymous: true)
                recordPath = nested
            } else {
                recordPath = declaration.spelling
            }
        }
        return Field(
            name: name, type: TypeName.clean(type.spelling), canonicalType: TypeName.clean(type.canonical.spelling),
            offsetBits: baseBits + (offsetProbed ? 0 : cursor.offsetOfField ?? 0),
            size: type.isIncompleteArray ? nil : try? type.size.get(),
            bitWidth: cursor.isBitField ? cursor.bitWidth : nil,
            isFlexibleArray: type.isIncompleteArray, record: recordPath)
    }

    /// An anonymous struct or union member: a field without a name, and a record
    /// `owner::<anon union at N>` whose fields count from `owner`.
    private mutating func anonymousMember(_ cursor: Cursor, owner: String, enclosingType: ClangType, baseBits: Int) -> Field {
        let type = cursor.type
        let memberBits = baseBits + memberOffset(cursor, in: enclosingType)
        let kind = cursor.kind == .unionDecl ? "union" : "struct"
        let name = uniqueAnonymousName("\(owner)::<anon \(kind) at \(memberBits / 8)", kind: kind)
        let fields = fields(of: cursor, owner: owner, enclosingType: type, baseBits: memberBits)
        append(Record(name: name, kind: kind == "union" ? .union : .struct, location: location(of: cursor),
                      isAnonymous: true, isComplete: true, size: try? type.size.get(),
                      alignment: try? type.alignment.get(), isPacked: cursor.hasAttribute(.packedAttribute),
                      alignedAttribute: AlignedAttribute.value(on: cursor), fields: fields, owner: owner))
        return Field(name: "", type: "\(kind) <anonymous>", canonicalType: "\(kind) <anonymous>",
                     offsetBits: memberBits, size: try? type.size.get(), bitWidth: nil,
                     isFlexibleArray: false, record: name)
    }

    /// Two anonymous members of one kind at one offset (the structs of a union, each
    /// `__DECLARE_FLEX_ARRAY`) must not share a name: the second is `... #2>`.
    private func uniqueAnonymousName(_ stem: String, kind: String) -> String {
        var name = stem + ">", index = 2
        while output.records.contains(where: { $0.name == name }) {
            name = "\(stem) #\(index)>"
            index += 1
        }
        return name
    }

    /// libclang gives no offset for the implicit field of an anonymous member, so take
    /// its first named leaf: offset in the enclosing record minus offset in the member.
    private func memberOffset(_ member: Cursor, in enclosingType: ClangType) -> Int {
        guard let leaf = firstNamedLeaf(member),
              case let .success(outer) = enclosingType.offset(of: leaf),
              case let .success(inner) = member.type.offset(of: leaf) else { return 0 }
        return outer - inner
    }

    private func firstNamedLeaf(_ record: Cursor) -> String? {
        for child in record.children {
            if child.kind == .fieldDecl, !child.spelling.isEmpty { return child.spelling }
            if (child.kind == .structDecl || child.kind == .unionDecl), child.isAnonymousRecordMember,
               let leaf = firstNamedLeaf(child) { return leaf }
        }
        return nil
    }
}
