import UAPIDiff
import UAPIModel

/// A change as the policy sees it: its severity, the suppression that hides it,
/// and why the severity is what it is. Flags, never text.
public struct JudgedChange: Sendable, Equatable {
    public var change: Change
    public var severity: Severity
    /// The reason of the suppression that matched, if any.
    public var suppressedBy: String?
    /// A tail extension of a record the policy calls extensible (VFIO's argsz structs).
    public var isExtensibleRecord: Bool
    /// A name the policy calls experimental: reported as info.
    public var isExperimental: Bool

    public init(change: Change, severity: Severity, suppressedBy: String? = nil,
                isExtensibleRecord: Bool = false, isExperimental: Bool = false) {
        self.change = change
        self.severity = severity
        self.suppressedBy = suppressedBy
        self.isExtensibleRecord = isExtensibleRecord
        self.isExperimental = isExperimental
    }
}
