import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// A pull-request comment: summary first, then one table per header.
public enum MarkdownReport: ReportRenderer {
    public static let identifier = "markdown"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let counts = document.counts
        var lines = ["## uapi: \(document.kind)", ""]
        lines.append("**\(counts.breaking) \(document.word(.breaking))**, \(counts.compatible) \(document.word(.compatible)), \(counts.info) \(document.word(.info))"
                     + (counts.suppressed > 0 ? ", \(counts.suppressed) suppressed" : "")
                     + (document.properties["versionBump"].map { " — version bump: **\($0)**" } ?? ""))
        lines.append("")
        lines.append("\(escape(document.title)) on \(document.targets.joined(separator: ", ")).")
        lines += document.notes.map { "> \(escape($0))" }
        if document.items.isEmpty {
            lines += ["", document.emptyMessage]
        }
        for (header, items) in document.grouped() {
            lines += ["", "### `\(options.pathPrefix)\(header)`", "", "| severity | rule | item | message | line |", "|---|---|---|---|---|"]
            for item in items {
                let severity = item.suppressedBy == nil ? document.word(item.severity) : "suppressed"
                let line = item.location.map { $0.line > 0 ? String($0.line) : "" } ?? ""
                var text = escape(item.message + item.targetNote)
                if let reason = item.suppressedBy { text += " _(suppressed: \(escape(reason)))_" }
                lines.append("| \(severity) | \(item.ruleId) | \(item.item) `\(escape(item.name))` | \(text) | \(line) |")
            }
        }
        if !document.unmatchedSuppressions.isEmpty {
            lines += ["", "Suppressions that matched nothing:"]
            lines += document.unmatchedSuppressions.map { "- `\(escape($0.source))`: \(escape($0.reason))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
