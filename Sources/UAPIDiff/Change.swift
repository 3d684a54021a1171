import UAPIModel

/// One ABI fact that differs between two snapshots. The differ fills in what and
/// where; the policy fills in `severity` and `suppressedBy`.
public struct Change: Codable, Sendable, Equatable {
    public var category: ChangeCategory
    public var item: ItemKind
    /// The item's name: `vfio_iommu_type1_info`, `vfio_iommu_type1_info.cap_offset`,
    /// `vfio_device_mig_state.VFIO_DEVICE_STATE_STOP`.
    public var name: String
    /// For renames: the new name.
    public var newName: String?
    /// The header the change belongs to (the new side's, or the old one's for removals).
    public var header: String
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?
    /// What it was and what it is, ready to print (`24`, `unsigned int`, `macro 0`).
    public var old: String?
    public var new: String?
    /// One sentence that says what changed and why it matters.
    public var message: String
    /// The targets it happens on; all compared targets when it is not target-specific.
    public var targets: [String]
    /// True when the change happens on some compared targets only (e.g. i386).
    public var targetSpecific: Bool
    public var severity: Severity
    /// The reason of the suppression that matched, if any.
    public var suppressedBy: String?

    public init(category: ChangeCategory, item: ItemKind, name: String, newName: String? = nil, header: String,
                oldLocation: SourceLocation? = nil, newLocation: SourceLocation? = nil,
                old: String? = nil, new: String? = nil, message: String) {
        self.category = category
        self.item = item
        self.name = name
        self.newName = newName
        self.header = header
        self.oldLocation = oldLocation
        self.newLocation = newLocation
        self.old = old
        self.new = new
        self.message = message
        self.targets = []
        self.targetSpecific = false
        self.severity = .info
        self.suppressedBy = nil
    }

    /// The location a report should point to: the new header's, or the old one's for removals.
    public var location: SourceLocation? { newLocation ?? oldLocation }

    /// Identity across targets: the same fact on several targets is one change.
    var mergeKey: String {
        [category.rawValue, item.rawValue, name, newName ?? "", old ?? "", new ?? "", message].joined(separator: "\u{1F}")
    }
}

public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case header, record, field, `enum`, enumerator, typedef, constant, ioctl, macro
}

/// What kind of fact changed. The policy maps each category to a severity.
public enum ChangeCategory: String, Codable, Sendable, CaseIterable {
    case removed
    case added
    case renamed
    case valueChanged = "value-changed"
    case kindChanged = "kind-changed"
    case typeChanged = "type-changed"
    case layoutDrift = "layout-drift"
    case ioctlChanged = "ioctl-changed"
    case tailExtension = "tail-extension"
    case reservedUsed = "reserved-used"
    case sentinelChanged = "sentinel-changed"
    case spellingChanged = "spelling-changed"
    case macroChanged = "macro-changed"

    /// The strict user-space view: what a binary built against the old header needs.
    public var defaultSeverity: Severity {
        switch self {
        case .removed, .renamed, .valueChanged, .kindChanged, .typeChanged, .layoutDrift, .ioctlChanged, .tailExtension:
            return .breaking
        case .added, .reservedUsed, .sentinelChanged:
            return .compatible
        case .spellingChanged, .macroChanged:
            return .info
        }
    }

    public var summary: String {
        switch self {
        case .removed: return "An item a user-space program may use is gone."
        case .added: return "A new item: existing programs are unaffected."
        case .renamed: return "The same value or layout under a new name: binaries keep working, sources using the old name do not build."
        case .valueChanged: return "A constant or enumerator kept its name and changed its value."
        case .kindChanged: return "A name changed what it is (a macro became an enumerator, a struct a union)."
        case .typeChanged: return "A field, typedef or constant changed its type."
        case .layoutDrift: return "Size, alignment, offset, bit-field or packing changed: old binaries read the wrong bytes."
        case .ioctlChanged: return "An ioctl request number, direction, size or argument type changed."
        case .tailExtension: return "A record grew by fields appended at its end (compatible only for extensible structs such as VFIO's argsz ones)."
        case .reservedUsed: return "A reserved or padding field was given a meaning; the layout is unchanged."
        case .sentinelChanged: return "A sentinel enumerator (*_MAX, *_NUM) moved because entries were added."
        case .spellingChanged: return "A type is spelled differently with the same meaning (u32 / __u32 / uint32_t)."
        case .macroChanged: return "A function-like or non-constant macro changed its text."
        }
    }
}
