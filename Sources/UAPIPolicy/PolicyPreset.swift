import UAPIDiff
import UAPIModel

/// What a project publishes, in the spirit of buf's FILE/PACKAGE/WIRE levels: the
/// severities a policy starts from.
public enum PolicyPreset: String, Sendable, CaseIterable {
    /// Kernel UAPI headers: every item of a listed header is public, for source and binary
    /// users alike (the strict default).
    case uapi
    /// A C library's public headers: programs call its functions and use its variables and
    /// the types they take; its prototypes and their types are the contract.
    case library
    /// A wire or memory format shared by two sides built apart (a device, a file format):
    /// only layouts and values count, names and spellings do not.
    case wire

    public func severity(of category: ChangeCategory, item: ItemKind?) -> Severity {
        let strict = category.defaultSeverity
        switch self {
        case .uapi:
            return strict
        case .library:
            // A macro's text is not linked into anything; a function-like macro changing is a source matter.
            if category == .macroChanged { return .info }
            return strict
        case .wire:
            return wireSeverity(category, item: item, strict: strict)
        }
    }

    private func wireSeverity(_ category: ChangeCategory, item: ItemKind?, strict: Severity) -> Severity {
        switch category {
        case .renamed, .spellingChanged, .macroChanged, .redefined, .moved, .contextChanged, .suffixChanged, .kernelInternal:
            // Names and spellings are not on the wire.
            return .info
        case .removed:
            // A record or value gone is a message or code the other side may still send; a name is not.
            switch item {
            case .record, .field, .enumerator, .constant, .ioctl, nil: return strict
            case .header, .enum, .typedef, .macro, .function, .variable: return .info
            }
        case .typeChanged:
            // A function's signature is not on the wire; a field's type is.
            return item == .function || item == .variable ? .info : strict
        case .constAdded:
            return .info
        case .added, .valueChanged, .kindChanged, .layoutDrift, .ioctlChanged, .tailExtension, .reservedUsed, .sentinelChanged,
             .flexibleArray:
            return strict
        }
    }
}
