import UAPIDiff
import UAPIModel

extension ChangeCategory {
    /// The strict user-space view: what a binary built against the old header needs.
    public var defaultSeverity: Severity {
        switch self {
        case .removed, .renamed, .valueChanged, .kindChanged, .typeChanged, .layoutDrift, .ioctlChanged, .tailExtension:
            return .breaking
        case .added, .reservedUsed, .sentinelChanged, .flexibleArray, .redefined, .constAdded:
            return .compatible
        case .spellingChanged, .macroChanged, .contextChanged, .moved, .suffixChanged, .kernelInternal:
            return .info
        }
    }
}
