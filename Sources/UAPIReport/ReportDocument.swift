import Foundation
import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// What every renderer draws from, whether the items are diff changes or lint findings.
public struct ReportDocument: Sendable {
    /// `uapi diff: old -> new` or `uapi lint: linux/vfio.h`.
    public var title: String
    /// `ABI report` / `lint report`, for headings.
    public var kind: String
    public var targets: [String]
    /// Headers that each get a JUnit test case.
    public var headers: [String]
    public var items: [ReportItem]
    public var rules: [ReportRule]
    public var summaryLine: String
    public var counts: (breaking: Int, compatible: Int, info: Int, suppressed: Int)
    public var unmatchedSuppressions: [Suppression]
    public var notes: [String]
    /// The format-specific JSON document (`uapi-diff` or `uapi-lint`), encoded when a
    /// format asks for it: the other formats never pay for it.
    public var json: Data { makeJSON() }
    private let makeJSON: @Sendable () -> Data
    /// Extra SARIF run properties.
    public var properties: [String: String]

    /// Words for the three severities: diff says breaking/compatible, lint error/warning/note.
    public var severityWords: [Severity: String]
    public var emptyMessage: String
    /// Old and new layouts of the changed records (diff only, and only when a format draws them).
    public var layouts: [ChangedLayout] = []

    public init(title: String, kind: String, targets: [String], headers: [String], items: [ReportItem], rules: [ReportRule],
                summaryLine: String, counts: (breaking: Int, compatible: Int, info: Int, suppressed: Int),
                unmatchedSuppressions: [Suppression], notes: [String], json: @escaping @Sendable () -> Data,
                properties: [String: String], severityWords: [Severity: String], emptyMessage: String) {
        self.title = title
        self.kind = kind
        self.targets = targets
        self.headers = headers
        self.items = items
        self.rules = rules
        self.summaryLine = summaryLine
        self.counts = counts
        self.unmatchedSuppressions = unmatchedSuppressions
        self.notes = notes
        self.makeJSON = json
        self.properties = properties
        self.severityWords = severityWords
        self.emptyMessage = emptyMessage
    }
}

public struct ReportItem: Sendable {
    public var ruleId: String
    public var severity: Severity
    public var suppressedBy: String?
    public var header: String
    public var location: SourceLocation?
    /// True when `location` is in the old version (the item is gone from the new one).
    public var locationIsOld: Bool = false
    public var item: String
    public var name: String
    public var message: String
    public var targets: [String]
    public var targetSpecific: Bool
    /// Extra SARIF result properties.
    public var properties: [String: String]

    var targetNote: String { targetSpecific ? " (\(targets.joined(separator: ", ")) only)" : "" }
}

public struct ReportRule: Sendable {
    public var id: String
    public var summary: String
    public var explanation: String
    public var defaultSeverity: Severity
}

extension ReportDocument {
    /// Items grouped by header, headers sorted, then by severity (worst first), suppressed last.
    func grouped() -> [(header: String, items: [ReportItem])] {
        let byHeader = Dictionary(grouping: items, by: \.header)
        return byHeader.keys.sorted().map { header in
            (header, byHeader[header]!.enumerated().sorted { a, b in
                let ka = (a.element.suppressedBy == nil ? 0 : 1, -rank(a.element.severity), a.offset)
                let kb = (b.element.suppressedBy == nil ? 0 : 1, -rank(b.element.severity), b.offset)
                return ka < kb
            }.map(\.element))
        }
    }

    func word(_ severity: Severity) -> String { severityWords[severity] ?? severity.rawValue }

    /// `3 breaking changes`, `1 error`: counts in the words people use.
    func phrase(_ count: Int, _ severity: Severity) -> String {
        let plural = count == 1 ? "" : "s"
        return severityWords.isEmpty ? "\(count) \(word(severity)) change\(plural)" : "\(count) \(word(severity))\(plural)"
    }
}

private func rank(_ severity: Severity) -> Int {
    Severity.allCases.firstIndex(of: severity)!
}

