import UAPIModel
import UAPIDiff
import UAPIPolicy

/// One thing that happened to a definition at one revision.
public struct HistoryEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Defined at the first revision of a range that does not start at the root.
        case present
        case appeared
        case changed
        /// Renamed away: the name is gone, `otherName` holds the new one.
        case renamed
        /// Moved into a header the followed one includes (`linux/kvm.h` -> `asm/kvm.h`):
        /// still defined for whoever includes the followed header.
        case moved
        case removed
    }

    /// Position in the document's revision list.
    public var index: Int
    /// The revision's short id and its name (tag, or describe output).
    public var revision: String
    public var label: String
    public var kind: Kind
    /// The change behind the event, judged by the policy; nil when the definition
    /// only came or went with its header and the differ said nothing of its own.
    public var category: ChangeCategory?
    public var severity: Severity?
    public var suppressedBy: String?
    public var targets: [String]
    public var text: String
    /// For a rename: the new name on the old name's timeline, the old name on the new one's.
    public var otherName: String?
    /// The commit that changed the header, when it is not the revision itself (the revision
    /// is a first-parent merge that brought it in), and that commit's date (YYYY-MM-DD).
    public var commit: String?
    public var date: String?
}

/// Everything that happened to one definition over the revisions, oldest first.
public struct DefinitionTimeline: Codable, Sendable, Equatable {
    public var name: String
    public var item: ItemKind
    public var header: String
    public var events: [HistoryEvent]
}

/// A change between two revisions in the form a history keeps: the differ's facts
/// and the policy's judgement, worded once.
public struct HistoryChange: Codable, Sendable, Equatable {
    public var category: ChangeCategory
    public var item: ItemKind
    public var name: String
    public var newName: String?
    public var header: String
    public var targets: [String]
    public var severity: Severity
    public var suppressedBy: String?
    public var text: String

    init(_ judged: JudgedChange) {
        let change = judged.change
        category = change.category
        item = change.item
        name = change.name
        newName = change.newName
        header = change.header
        targets = change.targets
        severity = judged.severity
        suppressedBy = judged.suppressedBy
        text = HistoryWording.sentence(for: judged)
    }

    /// Breaking and not suppressed: what makes two revisions incompatible.
    var isBreaking: Bool { severity == .breaking && suppressedBy == nil }
}
