import UAPIModel

/// What changed, as data. Every case carries exactly what a reader needs to
/// understand the change; the Report stage alone turns a fact into words, and the
/// Policy stage alone decides how much it matters.
public enum ChangeFact: Codable, Sendable, Hashable {
    // Headers.
    case headerAdded
    case headerRemoved

    // Records.
    case recordAdded(kind: Record.Kind)
    case recordRemoved(kind: Record.Kind)
    /// The change's `name` is the old name, `newName` the new one; the layout is the same.
    case recordRenamed(kind: Record.Kind)
    case recordKindChanged(old: Record.Kind, new: Record.Kind)
    /// An untagged member type became a union that keeps every old field in its place;
    /// `added` are the new alternatives.
    case memberTypeBecameUnion(added: [String])
    /// `struct x { ... }` became `typedef struct { ... } x` (the tag is gone: `struct x`
    /// no longer names it), or the reverse.
    case recordTagLost(kind: Record.Kind)
    case recordTagGained(kind: Record.Kind)
    /// Renamed with the same layout, the old name kept as a `#define` of the new one.
    case recordAliased(kind: Record.Kind, to: String)
    /// Only a declaration is left, or a declaration became a definition.
    case recordLostDefinition
    case recordGainedDefinition
    case recordSize(old: Int?, new: Int?)
    case recordAlignment(old: Int?, new: Int?)
    case recordPacking(isPacked: Bool)
    /// Fields appended after everything the old record had. The alignments are set when
    /// the appended fields alone made the record's alignment grow (nil otherwise).
    case tailAppended(oldSize: Int?, newSize: Int?, fields: [String], oldAlignment: Int?, newAlignment: Int?)

    // Fields (the change's `name` is `record.field`).
    case fieldAdded(type: String, offsetBits: Int)
    case fieldRemoved(type: String, offsetBits: Int)
    case fieldRenamed(from: String, to: String)
    case fieldOffset(oldBits: Int, newBits: Int)
    case fieldBitWidth(old: Int?, new: Int?)
    case fieldSize(old: FieldSize, new: FieldSize)
    case fieldType(old: String, new: String, oldSize: FieldSize, newSize: FieldSize)
    /// Spelled differently with the same meaning (`u32` / `__u32` / `uint32_t`).
    case fieldSpelling(old: String, new: String, meaning: String, canonical: String)
    /// A field's struct or union type has another name and the very same layout (the
    /// old name often kept as a `#define` alias).
    case fieldTypeRenamed(old: String, new: String)
    /// A reserved or padding field now holds these fields, in the same bytes.
    case reservedUsed(field: String, by: [String])
    /// A zero- or one-element array became a flexible array member (`[0]` -> `[]`) or the reverse,
    /// at the same offset with the same element type.
    case flexibleArray(old: String, new: String)

    // Typedefs and enums as types.
    case typedefAdded(canonical: String)
    case typedefRemoved(canonical: String)
    case typedefType(old: String, new: String)
    case typedefSpelling(old: String, new: String, canonical: String)
    /// Renamed with the same type, the old name kept as a `#define` of the new one (`uuid_le` -> `guid_t`).
    case typedefAliased(to: String)
    case enumAdded
    case enumRemoved
    case enumUnderlyingType(old: String, new: String)

    // Macros that are not constants (function-like, or text that does not evaluate).
    case macroAdded(text: String)
    case macroRemoved(text: String)
    case macroText(old: String, new: String)
    /// A kernel-internal feature switch (`__ARCH_WANT_*`) came or went.
    case kernelFeatureMacro(text: String, added: Bool)

    // Functions: prototypes and `static inline` helpers (`signature` as canonical C).
    case functionAdded(signature: String)
    case functionRemoved(signature: String)
    case functionSignature(old: String, new: String)
    /// The same canonical signature, spelled with other type names.
    case functionSpelling(old: String, new: String)
    /// Pointer parameters whose pointee gained `const` (`char *` -> `const char *`): every call compiles and links as before.
    case functionParameterConst(old: String, new: String)

    // Variables a program links against (`type` and `canonical` as C spells them).
    case variableAdded(type: String)
    case variableRemoved(type: String)
    /// Another type, `const` added or removed included: the symbol a binary uses is no longer what it was built for.
    case variableType(old: String, new: String)
    /// The same canonical type, spelled with other names.
    case variableSpelling(old: String, new: String)
    /// A `static` table in the header (each program has its own copy) gained entries of the same element type.
    case staticTableGrew(old: String, new: String)

    // Named values: constants, enumerators and ioctls.
    case valueAdded(NamedConstant)
    case valueRemoved(NamedConstant)
    case valueChanged(old: NamedConstant, new: NamedConstant, isSentinel: Bool)
    /// `name` is the old name, `newName` the new one; `oldNameNowMeans` is set when the old name is still defined.
    case valueRenamed(value: NamedConstant, oldNameNowMeans: NamedConstant?)
    /// A macro became an enumerator or the reverse.
    case valueKindChanged(old: NamedConstant, new: NamedConstant)
    /// `sameText` when the macro's text is what it was: only its evaluation changed.
    case stoppedBeingConstant(was: NamedConstant, sameText: Bool)
    /// `oldWasKernelOnly` when the old text named something user space never has (`BIT(30)`).
    case becameConstant(NamedConstant, sameText: Bool, oldWasKernelOnly: Bool)
    case enumeratorMoved(fromEnum: String, toEnum: String, old: NamedConstant, new: NamedConstant)
    /// A constant's C type; `sameMeaning` when both are the same width and sign on the target,
    /// `sameValue` when the value is what it was (`1 << 3` -> `1U << 3`).
    case constantType(old: String, new: String, sameMeaning: Bool, sameValue: Bool)
    case ioctl(old: IoctlNumber, new: IoctlNumber, oldValue: NamedConstant, newValue: NamedConstant)
    /// The same request number, the argument type spelled differently.
    case ioctlArgumentSpelling(old: String?, new: String?)

    /// The same definition, now in another header of the snapshot.
    case moved(fromHeader: String, toHeader: String)

    /// The category the policy maps to a severity.
    public var category: ChangeCategory {
        switch self {
        case .headerAdded, .recordAdded, .recordGainedDefinition, .memberTypeBecameUnion, .recordTagGained, .fieldAdded, .typedefAdded, .enumAdded, .macroAdded, .valueAdded,
             .functionAdded, .variableAdded, .staticTableGrew:
            return .added
        case .headerRemoved, .recordRemoved, .recordLostDefinition, .recordTagLost, .fieldRemoved, .typedefRemoved, .enumRemoved, .macroRemoved, .valueRemoved,
             .functionRemoved, .variableRemoved:
            return .removed
        case .recordRenamed, .fieldRenamed, .valueRenamed:
            return .renamed
        case .recordKindChanged:
            return .kindChanged
        case .enumeratorMoved:
            // Its value is compared apart (value-changed); the move alone keeps every binary working.
            return .redefined
        case let .valueKindChanged(old, new):
            // A constant whose value is unchanged is never breaking.
            return old.sameValue(as: new) ? .redefined : .kindChanged
        case let .stoppedBeingConstant(_, sameText):
            // The same text that no longer evaluates: what the header includes changed, not the value.
            return sameText ? .contextChanged : .kindChanged
        case let .becameConstant(_, sameText, oldWasKernelOnly):
            // New text that evaluates where the old named what user space never has (`BIT(30)` ->
            // `(1 << 30)`): nothing that compiled before can break. Old text that was usable
            // (`FOO(x)`, `((void *)1)`) now means something else.
            return sameText ? .contextChanged : oldWasKernelOnly ? .added : .kindChanged
        case .flexibleArray:
            return .flexibleArray
        case .moved:
            return .moved
        case .recordSize, .recordAlignment, .recordPacking, .fieldOffset, .fieldBitWidth, .fieldSize:
            return .layoutDrift
        case let .fieldType(_, _, oldSize, newSize):
            return oldSize.bytes == newSize.bytes ? .typeChanged : .layoutDrift
        case .typedefType, .enumUnderlyingType, .functionSignature, .variableType:
            return .typeChanged
        case let .constantType(_, _, sameMeaning, sameValue):
            return sameMeaning ? .spellingChanged : sameValue ? .suffixChanged : .typeChanged
        case .kernelFeatureMacro:
            return .kernelInternal
        case .tailAppended:
            return .tailExtension
        case .reservedUsed:
            return .reservedUsed
        case .functionParameterConst:
            return .constAdded
        case .fieldSpelling, .typedefSpelling, .typedefAliased, .variableSpelling, .ioctlArgumentSpelling, .fieldTypeRenamed, .recordAliased, .functionSpelling:
            return .spellingChanged
        case .macroText:
            return .macroChanged
        case let .valueChanged(_, _, isSentinel):
            return isSentinel ? .sentinelChanged : .valueChanged
        case .ioctl:
            return .ioctlChanged
        }
    }
}

/// A field's extent: a number of bytes, or a flexible array member.
public struct FieldSize: Codable, Sendable, Hashable {
    public var bytes: Int?
    public var isFlexibleArray: Bool

    public init(_ field: Field) {
        bytes = field.size
        isFlexibleArray = field.isFlexibleArray
    }
}

/// A name's value as the diff sees it: what it is (macro, enumerator, ioctl) and
/// what it evaluates to. Macros and enumerators share one namespace in C.
public struct NamedConstant: Codable, Sendable, Hashable {
    public enum Kind: Codable, Sendable, Hashable {
        case macro
        case enumerator(enumName: String)
        case stringMacro
        case floatMacro
    }

    public var kind: Kind
    public var value: IntegerValue?
    /// The literal text of a string or float constant (`"vfio-pci"`).
    public var literal: String?
    public var isIoctl: Bool

    public init(kind: Kind, value: IntegerValue?, literal: String?, isIoctl: Bool) {
        self.kind = kind
        self.value = value
        self.literal = literal
        self.isIoctl = isIoctl
    }

    public var isEnumerator: Bool {
        if case .enumerator = kind { return true }
        return false
    }

    public func sameValue(as other: NamedConstant) -> Bool {
        value == other.value && literal == other.literal
    }
}
