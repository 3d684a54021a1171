import UAPIModel

/// A pull-request comment: the verdict and a table per header up front, the worst
/// items next, everything else folded in `<details>`; always under GitHub's comment
/// limit, saying what was left out.
public enum MarkdownReport: ReportRenderer {
    public static let identifier = "markdown"

    /// GitHub refuses comments over 65,536 characters; leave room for the note on what was left out.
    static let budget = 60_000

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        var page = MarkdownPage(budget: budget)
        page.add(header(document))
        if document.items.isEmpty {
            page.add(["", document.emptyMessage])
        } else {
            page.add(summaryTable(document, options: options))
            let grouped = document.grouped()
            let worst = grouped.map { ($0.header, $0.items.filter { $0.suppressedBy == nil && $0.severity == .breaking }) }.filter { !$0.1.isEmpty }
            let rest = grouped.map { ($0.header, $0.items.filter { $0.suppressedBy != nil || $0.severity != .breaking }) }.filter { !$0.1.isEmpty }
            if !worst.isEmpty {
                page.add(["", "### \(capitalized(document.word(.breaking)))"])
                for (header, items) in worst { page.addTable(header: header, items: items, document: document, options: options) }
            }
            if !rest.isEmpty {
                let count = rest.map(\.1.count).reduce(0, +)
                let words = [Severity.compatible, .info].map(document.word).joined(separator: ", ")
                page.add(["", "<details><summary>\(count) more (\(words), suppressed)</summary>"])
                for (header, items) in rest { page.addTable(header: header, items: items, document: document, options: options) }
                page.add(["", "</details>"], always: true)
            }
        }
        if !document.unmatchedSuppressions.isEmpty {
            page.add(["", "Suppressions that matched nothing:"] + document.unmatchedSuppressions.map { "- `\(escape($0.source))`: \(escape($0.reason))" })
        }
        if page.leftOut > 0 {
            page.add(["", "_\(page.leftOut) item\(page.leftOut == 1 ? "" : "s") left out to stay under GitHub's 65,536-character limit; "
                        + "the full report: `--format text` or `--format json` (or the SARIF upload)._"], always: true)
        }
        return page.text
    }

    private static func header(_ document: ReportDocument) -> [String] {
        let counts = document.counts
        var lines = ["## uapi: \(document.kind)", ""]
        lines.append("**\(counts.breaking) \(document.word(.breaking))**, \(counts.compatible) \(document.word(.compatible)), \(counts.info) \(document.word(.info))"
                     + (counts.suppressed > 0 ? ", \(counts.suppressed) suppressed" : "")
                     + (document.properties["versionBump"].map { " — version bump: **\($0)**" } ?? ""))
        lines.append("")
        lines.append("\(escape(document.title)) on \(document.targets.joined(separator: ", ")).")
        lines += document.notes.map { "> \(escape($0))" }
        return lines
    }

    /// One row per header with items: how many of each severity.
    private static func summaryTable(_ document: ReportDocument, options: RenderOptions) -> [String] {
        let words = Severity.allCases.reversed().map(document.word)
        var lines = ["", "| header | " + words.joined(separator: " | ") + " | suppressed |", "|---|---:|---:|---:|---:|"]
        for (header, items) in document.grouped() {
            let active = items.filter { $0.suppressedBy == nil }
            let counts = Severity.allCases.reversed().map { severity in active.filter { $0.severity == severity }.count }
            lines.append("| `\(escape(options.pathPrefix + header))` | " + counts.map(String.init).joined(separator: " | ")
                         + " | \(items.count - active.count) |")
        }
        return lines
    }

    fileprivate static func row(_ item: ReportItem, document: ReportDocument) -> String {
        let severity = item.suppressedBy == nil ? document.word(item.severity) : "suppressed"
        let line = item.location.map { $0.line > 0 ? String($0.line) : "" } ?? ""
        var text = escape(item.message + item.targetNote)
        if let reason = item.suppressedBy { text += " _(suppressed: \(escape(reason)))_" }
        return "| \(severity) | \(item.ruleId) | \(item.item) `\(escape(item.name))` | \(text) | \(line) |"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    private static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}

/// Lines under a character budget: what does not fit is counted, not written.
private struct MarkdownPage {
    let budget: Int
    private(set) var lines: [String] = []
    private(set) var size = 0
    private(set) var leftOut = 0

    init(budget: Int) { self.budget = budget }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Adds lines if they fit; `always` for the few closing lines the page must keep.
    @discardableResult
    mutating func add(_ more: [String], always: Bool = false) -> Bool {
        let cost = more.map { $0.utf8.count + 1 }.reduce(0, +)
        guard always || size + cost <= budget else { return false }
        lines += more
        size += cost
        return true
    }

    mutating func addTable(header: String, items: [ReportItem], document: ReportDocument, options: RenderOptions) {
        guard add(["", "#### `\(MarkdownReport.escape(options.pathPrefix + header))`", "",
                   "| severity | rule | item | message | line |", "|---|---|---|---|---|"]) else {
            leftOut += items.count
            return
        }
        for (index, item) in items.enumerated() {
            if !add([MarkdownReport.row(item, document: document)]) {
                leftOut += items.count - index
                return
            }
        }
    }
}
