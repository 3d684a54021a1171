import UAPIModel
import UAPIDiff

/// What `uapi history` reports: the revisions it covered and the views asked for.
/// Renderers turn it into text, Markdown or JSON.
public struct HistoryDocument: Codable, Sendable, Equatable {
    public static let formatName = "uapi-history-report"
    public static let currentSchemaVersion = 1

    public var format = HistoryDocument.formatName
    public var schemaVersion = HistoryDocument.currentSchemaVersion
    /// The path prefix and header patterns followed, and the targets compared.
    public var path: String
    public var headers: [String]
    public var targets: [String]
    public var revisions: [RevisionLabel]
    /// Per definition (all, or those `--item` selects); nil when another view was asked for alone.
    public var timelines: [DefinitionTimeline]?
    public var sinceSync: SinceSync?
    public var rcChurn: [RcChurn]?
    public var matrix: CompatibilityMatrix?
    public var notes: [String]

    /// What changed after the revision a vendored copy was taken from.
    public struct SinceSync: Codable, Sendable, Equatable {
        public var base: RevisionLabel
        public var end: RevisionLabel
        /// The net difference from the base to the end of the range.
        public var changes: [HistoryChange]
        /// When each of those definitions changed, after the base.
        public var timelines: [DefinitionTimeline]
        /// Headers that do not parse at the base or at the end (per target): their net
        /// difference is unknown, not none. Absent when there are none.
        public var unknown: [String]?
    }

    /// Definitions that changed between a release candidate and its release.
    public struct RcChurn: Codable, Sendable, Equatable {
        public var candidate: RevisionLabel
        public var release: RevisionLabel
        public var timelines: [DefinitionTimeline]
    }

    /// Which pairs of revisions have no breaking change between them, per target
    /// (judged from the older to the newer).
    public struct CompatibilityMatrix: Codable, Sendable, Equatable {
        public var revisions: [RevisionLabel]
        public var targets: [TargetMatrix]
    }

    public struct TargetMatrix: Codable, Sendable, Equatable {
        public var target: String
        /// `breaking[i][j]`: breaking changes between revisions i and j; 0 means compatible;
        /// -1 means unknown: a followed header does not parse at i or j for this target.
        public var breaking: [[Int]]
    }
}
