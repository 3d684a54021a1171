import UAPIModel

/// One ABI fact that differs between two snapshots: what changed (a typed fact),
/// which item, where, and on which targets. No words and no verdict: the Policy
/// stage judges it, the Report stage words it.
public struct Change: Codable, Sendable, Equatable {
    public var fact: ChangeFact
    public var item: ItemKind
    /// The item's name: `vfio_iommu_type1_info`, `vfio_iommu_type1_info.cap_offset`,
    /// `vfio_device_mig_state.VFIO_DEVICE_STATE_STOP`; the old name for renames.
    public var name: String
    /// For renames: the new name.
    public var newName: String?
    /// The header the change belongs to (the new side's, or the old one's for removals).
    public var header: String
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?
    /// The targets it happens on; all compared targets when it is not target-specific.
    public var targets: [String]
    /// True when the change happens on some compared targets only (e.g. i386).
    public var targetSpecific: Bool
    /// The moves and size changes this change caused in its record, said with it.
    public var consequences: LayoutConsequences?
    /// A record, field, typedef or enum no function or variable of its side uses, on a side that
    /// declares some: not part of a library's interface (the `library` preset rates it info).
    public var outsideInterface = false

    public init(_ fact: ChangeFact, item: ItemKind, name: String, newName: String? = nil, header: String,
                oldLocation: SourceLocation? = nil, newLocation: SourceLocation? = nil) {
        self.fact = fact
        self.item = item
        self.name = name
        self.newName = newName
        self.header = header
        self.oldLocation = oldLocation
        self.newLocation = newLocation
        self.targets = []
        self.targetSpecific = false
    }

    public var category: ChangeCategory { fact.category }

    /// The location a report should point to: the new header's, or the old one's for removals.
    public var location: SourceLocation? { newLocation ?? oldLocation }

    /// Identity across targets: the same fact about the same item on several targets is one change.
    struct MergeKey: Hashable {
        var fact: ChangeFact
        var item: ItemKind
        var name: String
        var newName: String?
        var header: String
        var consequences: LayoutConsequences?
    }

    var mergeKey: MergeKey { MergeKey(fact: fact, item: item, name: name, newName: newName, header: header, consequences: consequences) }
}

public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case header, record, field, `enum`, enumerator, typedef, constant, ioctl, macro, function, variable
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
    case flexibleArray = "flexible-array"
    case redefined
    case contextChanged = "context-changed"
    case moved
    /// A constant keeps its value and only its C type changed (a `U` suffix, a cast).
    case suffixChanged = "suffix-changed"
    /// A kernel-internal feature switch (`__ARCH_WANT_*`) came or went.
    case kernelInternal = "kernel-internal"
    /// A function's pointer parameter now points to `const`: callers compile and link as before.
    case constAdded = "const-added"
}
