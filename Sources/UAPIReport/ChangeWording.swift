import UAPIDiff
import UAPIModel

/// Turns a change fact into words: the one sentence every format prints, and the
/// short before/after values (`24 bytes`, `byte 8`, `macro 0`) some formats show apart.
public enum ChangeWording {
    /// One sentence that says what changed and why it matters, with what it caused in its record.
    public static func sentence(_ change: Change) -> String {
        factSentence(change) + (change.consequences.map { consequenceClause($0, record: recordName(of: change)) } ?? "")
    }

    /// `; so b, c moved, x grew from 16 to 24 bytes and its alignment from 4 to 8`.
    private static func consequenceClause(_ consequences: LayoutConsequences, record: String) -> String {
        var parts: [String] = []
        let moved = consequences.movedFields.map { String($0.split(separator: ".").last ?? "") }
        if !moved.isEmpty { parts.append("\(moved.joined(separator: ", ")) moved") }
        if consequences.oldSize != nil || consequences.newSize != nil {
            let grew = (consequences.newSize ?? 0) > (consequences.oldSize ?? 0)
            parts.append("\(record) \(grew ? "grew" : "shrank") from \(number(consequences.oldSize)) to \(number(consequences.newSize)) bytes")
        }
        if consequences.oldAlignment != nil || consequences.newAlignment != nil {
            parts.append("its alignment changed from \(number(consequences.oldAlignment)) to \(number(consequences.newAlignment))")
        }
        guard let last = parts.popLast() else { return "" }
        return "; so " + (parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last)
    }

    private static func recordName(of change: Change) -> String {
        guard change.item == .field, let dot = change.name.lastIndex(of: ".") else { return change.name }
        return String(change.name[..<dot])
    }

    private static func factSentence(_ change: Change) -> String {
        let name = change.name, newName = change.newName ?? ""
        switch change.fact {
        case .headerAdded: return "header \(name) was added"
        case .headerRemoved: return "header \(name) was removed"
        case let .recordAdded(kind): return "\(kind.rawValue) \(name) was added"
        case let .recordRemoved(kind): return "\(kind.rawValue) \(name) was removed"
        case let .recordRenamed(kind):
            return "\(kind.rawValue) \(name) is now \(newName) with the same layout; the old name is gone for source users"
        case let .recordKindChanged(old, new): return "\(name) changed from a \(old.rawValue) to a \(new.rawValue)"
        case let .recordTagLost(kind): return "\(kind.rawValue) \(name) is gone: \(name) is now only a typedef of an untagged \(kind.rawValue)"
        case let .recordTagGained(kind): return "\(kind.rawValue) \(name) now names the typedef's \(kind.rawValue) too"
        case let .memberTypeBecameUnion(added) where added.isEmpty:
            return "\(name) is now a union of the same fields, in the same places"
        case let .memberTypeBecameUnion(added):
            return "\(name) is now a union: its fields keep their places, \(added.joined(separator: ", ")) \(added.count == 1 ? "was" : "were") added as \(added.count == 1 ? "an alternative" : "alternatives")"
        case let .recordAliased(kind, to):
            return "\(kind.rawValue) \(name) is now \(to) with the same layout; the old name stays as a #define of the new one"
        case .recordLostDefinition: return "\(name) lost its definition (only a declaration is left)"
        case .recordGainedDefinition: return "\(name) gained a definition"
        case let .recordSize(old, new): return "size of \(name) changed from \(number(old)) to \(number(new)) bytes"
        case let .recordAlignment(old, new): return "alignment of \(name) changed from \(number(old)) to \(number(new))"
        case let .recordPacking(isPacked): return "\(name) is \(isPacked ? "now" : "no longer") packed"
        case let .tailAppended(oldSize, newSize, fields, oldAlignment, newAlignment):
            return "\(name) grew from \(size(oldSize)) to \(size(newSize)) bytes by appending \(fields.joined(separator: ", "))"
                + (newAlignment.map { "; they raise its alignment from \(number(oldAlignment)) to \($0)" } ?? "")
        case let .fieldAdded(_, offset): return "\(name) was added at \(offsetText(offset))"
        case .fieldRemoved: return "\(name) was removed"
        case let .fieldRenamed(_, to): return "\(name) is now \(to) (same offset and type); the old name is gone for source users"
        case let .fieldOffset(old, new): return "offset of \(name) moved from \(offsetText(old)) to \(offsetText(new))"
        case let .fieldBitWidth(old, new): return "bit-field width of \(name) changed from \(widthText(old)) to \(widthText(new))"
        case let .fieldSize(old, new): return "size of \(name) changed from \(sizeText(old)) to \(sizeText(new))"
        case let .fieldType(old, new, oldSize, newSize):
            return "type of \(name) changed from \(old) to \(new)"
                + (oldSize.bytes == newSize.bytes ? "" : " (\(sizeText(oldSize)) -> \(sizeText(newSize)))")
        case let .fieldSpelling(old, new, meaning, canonical):
            return "\(name) is spelled \(new) instead of \(old); both are \(meaning == canonical ? meaning : "\(meaning) (\(canonical))")"
        case let .fieldTypeRenamed(old, new): return "type of \(name) is now \(new) instead of \(old), with the same layout"
        case let .reservedUsed(_, by): return "\(name) (reserved) now holds \(by.joined(separator: ", ")) in the same bytes"
        case let .flexibleArray(old, new): return "\(name) is now \(new) instead of \(old), at the same offset"
        case let .moved(from, to): return "\(name) moved from \(from) to \(to)"
        case .typedefAdded: return "typedef \(name) was added"
        case .typedefRemoved: return "typedef \(name) was removed"
        case let .typedefType(old, new): return "typedef \(name) changed from \(old) to \(new)"
        case let .typedefSpelling(old, new, canonical): return "typedef \(name) is spelled \(new) instead of \(old); both are \(canonical)"
        case let .typedefAliased(to): return "typedef \(name) is now \(to); the old name stays as a #define of the new one"
        case .enumAdded: return "enum \(name) was added"
        case .enumRemoved: return "enum \(name) was removed"
        case let .enumUnderlyingType(old, new): return "underlying type of enum \(name) changed from \(old) to \(new)"
        case .macroAdded: return "macro \(name) was added"
        case .macroRemoved: return "macro \(name) was removed"
        case .macroText: return "macro \(name) changed its definition"
        case .functionAdded: return "function \(name) was added"
        case .functionRemoved: return "function \(name) was removed"
        case let .functionSignature(old, new): return "function \(name) changed from \(old) to \(new)"
        case let .functionSpelling(old, new): return "function \(name) is declared \(new) instead of \(old); the same types"
        case let .functionParameterConst(old, new):
            return "function \(name) changed from \(old) to \(new): its pointer parameters now point to const, and every call still compiles"
        case let .variableAdded(type): return "variable \(name) (\(type)) was added"
        case let .variableRemoved(type): return "variable \(name) (\(type)) was removed"
        case let .variableType(old, new): return "type of variable \(name) changed from \(old) to \(new)"
        case let .variableSpelling(old, new): return "variable \(name) is declared \(new) instead of \(old); the same type"
        case let .staticTableGrew(old, new):
            return "static table \(name) grew from \(old) to \(new): entries were added, and each program has its own copy"
        case let .kernelFeatureMacro(_, added):
            return "kernel-internal feature macro \(name) was \(added ? "added" : "removed"); user programs do not test it"
        case .valueAdded, .valueRemoved, .valueChanged, .valueRenamed, .valueKindChanged, .stoppedBeingConstant, .becameConstant,
             .enumeratorMoved, .constantType, .ioctlArgumentSpelling, .ioctl:
            return valueSentence(change)
        }
    }

    private static func valueSentence(_ change: Change) -> String {
        let name = change.name, newName = change.newName ?? ""
        switch change.fact {
        case let .valueAdded(value): return "\(value.displayWord) \(name) (\(value.displayValue)) was added"
        case let .valueRemoved(value): return "\(value.displayWord) \(name) (\(value.displayValue)) was removed"
        case let .valueChanged(old, new, _):
            return "\(old.displayWord) \(name) changed value from \(old.displayValue) to \(new.displayValue)"
        case let .valueRenamed(value, nowMeans):
            return "\(name) (\(value.described)) is now \(newName)"
                + (nowMeans.map { "; the old name now means \($0.described)" } ?? "; the old name is gone for source users")
        case let .valueKindChanged(old, new):
            return "\(name) changed from \(old.described) to \(new.described)"
                + (old.sameValue(as: new) ? "" : "; binaries built against the old header use \(old.displayValue)")
        case let .stoppedBeingConstant(was, sameText):
            return "\(name) no longer evaluates to a constant (was \(was.described))" + (sameText ? "; its text is unchanged" : "")
        case let .becameConstant(value, sameText, _):
            return "\(name) now evaluates to a constant (\(value.described))" + (sameText ? "; its text is unchanged" : "")
        case let .enumeratorMoved(from, to, _, _): return "enumerator \(name) moved from enum \(from) to enum \(to)"
        case let .constantType(old, new, same, sameValue):
            return "type of \(name) changed from \(old) to \(new)"
                + (same ? " (the same width and sign here)" : sameValue ? "; its value is unchanged" : "")
        case let .ioctlArgumentSpelling(old, new):
            return "ioctl \(name): argument spelled \(new ?? "none") instead of \(old ?? "none"); the request number is unchanged"
        case let .ioctl(old, new, oldValue, newValue):
            let facts = ioctlFacts(old, new)
            return "ioctl \(name): " + (facts.isEmpty ? "request number changed" : facts.joined(separator: "; "))
                + " (\(oldValue.displayValue) -> \(newValue.displayValue))"
        default:
            preconditionFailure("not a value fact: \(change.fact)")
        }
    }

    /// What an old binary would see, in a few words (`24 bytes`, `byte 8`, `macro 0`); nil when nothing was there.
    public static func before(_ change: Change) -> String? {
        switch change.fact {
        case .recordRenamed, .fieldRenamed, .valueRenamed: return renameEnds(change).old
        case let .recordKindChanged(old, _): return old.rawValue
        case .memberTypeBecameUnion: return "struct"
        case let .recordTagLost(kind): return "\(kind.rawValue) \(change.name)"
        case .recordTagGained: return "typedef only"
        case .recordAliased, .typedefAliased: return change.name
        case .recordLostDefinition: return "complete"
        case .recordGainedDefinition: return "opaque"
        case let .recordSize(old, _), let .recordAlignment(old, _): return number(old)
        case let .recordPacking(isPacked): return isPacked ? "not packed" : "packed"
        case let .tailAppended(oldSize, _, _, _, _): return "\(size(oldSize)) bytes"
        case let .fieldRemoved(type, offset): return "\(type) at \(offsetText(offset))"
        case let .fieldOffset(old, _): return offsetText(old)
        case let .fieldBitWidth(old, _): return widthText(old)
        case let .fieldSize(old, _): return sizeText(old)
        case let .fieldType(old, _, _, _), let .fieldSpelling(old, _, _, _), let .typedefType(old, _), let .fieldTypeRenamed(old, _),
             let .typedefSpelling(old, _, _), let .enumUnderlyingType(old, _), let .macroText(old, _), let .constantType(old, _, _, _):
            return old
        case let .reservedUsed(field, _): return field
        case let .flexibleArray(old, _): return old
        case let .moved(from, _): return from
        case let .typedefRemoved(canonical): return canonical
        case let .macroRemoved(text): return text
        case let .kernelFeatureMacro(text, added): return added ? nil : "#define \(change.name) \(text)"
        case let .functionRemoved(signature): return signature
        case let .variableRemoved(type): return type
        case let .variableType(old, _), let .variableSpelling(old, _), let .staticTableGrew(old, _): return old
        case .variableAdded: return nil
        case let .functionSignature(old, _), let .functionSpelling(old, _), let .functionParameterConst(old, _): return old
        case let .valueRemoved(value), let .stoppedBeingConstant(value, _), let .valueKindChanged(value, _),
             let .enumeratorMoved(_, _, value, _):
            return value.described
        case let .valueChanged(old, _, _), let .ioctl(_, _, old, _): return old.displayValue
        case .becameConstant: return notAConstant
        case let .ioctlArgumentSpelling(old, _): return old
        case .headerAdded, .headerRemoved, .recordAdded, .recordRemoved, .fieldAdded, .typedefAdded, .enumAdded, .enumRemoved,
             .macroAdded, .valueAdded, .functionAdded:
            return nil
        }
    }

    /// What a new binary sees, in a few words; nil when nothing is there.
    public static func after(_ change: Change) -> String? {
        switch change.fact {
        case .recordRenamed, .fieldRenamed, .valueRenamed: return renameEnds(change).new
        case let .recordKindChanged(_, new): return new.rawValue
        case .memberTypeBecameUnion: return "union"
        case .recordTagLost: return "typedef only"
        case let .recordTagGained(kind): return "\(kind.rawValue) \(change.name)"
        case let .recordAliased(_, to), let .typedefAliased(to): return to
        case .recordLostDefinition: return "opaque"
        case .recordGainedDefinition: return "complete"
        case let .recordSize(_, new), let .recordAlignment(_, new): return number(new)
        case let .recordPacking(isPacked): return isPacked ? "packed" : "not packed"
        case let .tailAppended(_, newSize, _, _, _): return "\(size(newSize)) bytes"
        case let .fieldAdded(type, offset): return "\(type) at \(offsetText(offset))"
        case let .fieldOffset(_, new): return offsetText(new)
        case let .fieldBitWidth(_, new): return widthText(new)
        case let .fieldSize(_, new): return sizeText(new)
        case let .fieldType(_, new, _, _), let .fieldSpelling(_, new, _, _), let .typedefType(_, new), let .fieldTypeRenamed(_, new),
             let .typedefSpelling(_, new, _), let .enumUnderlyingType(_, new), let .macroText(_, new), let .constantType(_, new, _, _):
            return new
        case let .reservedUsed(_, by): return by.joined(separator: ", ")
        case let .flexibleArray(_, new): return new
        case let .moved(_, to): return to
        case let .typedefAdded(canonical): return canonical
        case let .macroAdded(text): return text
        case let .kernelFeatureMacro(text, added): return added ? "#define \(change.name) \(text)" : nil
        case let .functionAdded(signature): return signature
        case let .variableAdded(type): return type
        case let .variableType(_, new), let .variableSpelling(_, new), let .staticTableGrew(_, new): return new
        case .variableRemoved: return nil
        case let .functionSignature(_, new), let .functionSpelling(_, new), let .functionParameterConst(_, new): return new
        case let .valueAdded(value), let .becameConstant(value, _, _), let .valueKindChanged(_, value), let .enumeratorMoved(_, _, _, value):
            return value.described
        case let .valueChanged(_, new, _), let .ioctl(_, _, _, new): return new.displayValue
        case .stoppedBeingConstant: return notAConstant
        case let .ioctlArgumentSpelling(_, new): return new
        case .headerAdded, .headerRemoved, .recordAdded, .recordRemoved, .fieldRemoved, .typedefRemoved, .enumAdded, .enumRemoved,
             .macroRemoved, .valueRemoved, .functionRemoved:
            return nil
        }
    }

    private static let notAConstant = "macro that is not a constant"

    /// The old and new names of a rename, as written in the record or value.
    private static func renameEnds(_ change: Change) -> (old: String, new: String) {
        if case let .fieldRenamed(from, to) = change.fact { return (from, to) }
        return (change.name, change.newName ?? "")
    }

    private static func ioctlFacts(_ a: IoctlNumber, _ b: IoctlNumber) -> [String] {
        var facts: [String] = []
        if a.direction != b.direction { facts.append("direction \(a.direction.rawValue) -> \(b.direction.rawValue)") }
        if a.type != b.type || a.number != b.number { facts.append("type/number \(a.type)/\(a.number) -> \(b.type)/\(b.number)") }
        if a.size != b.size {
            let argument = b.argumentType ?? a.argumentType
            facts.append("argument size \(a.size) -> \(b.size)" + (argument.map { " (\($0) changed size, so the request number changed)" } ?? ""))
        }
        if a.argumentType != b.argumentType {
            facts.append("argument type \(a.argumentType ?? "none") -> \(b.argumentType ?? "none")")
        }
        return facts
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "unknown" }
    private static func size(_ value: Int?) -> String { value.map(String.init) ?? "?" }

    static func offsetText(_ bits: Int) -> String { bits % 8 == 0 ? "byte \(bits / 8)" : "bit \(bits)" }

    private static func widthText(_ width: Int?) -> String { width.map { "\($0) bits" } ?? "not a bit-field" }

    private static func sizeText(_ size: FieldSize) -> String {
        size.isFlexibleArray ? "flexible array" : "\(size.bytes.map(String.init) ?? "?") bytes"
    }
}
