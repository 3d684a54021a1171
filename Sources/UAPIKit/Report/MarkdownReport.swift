/// A pull-request comment: summary first, then one table per header.
public enum MarkdownReport: DiffRenderer {
    public static let identifier = "markdown"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        var lines = ["## uapi: ABI report", ""]
        lines.append("**\(report.summary.breaking) breaking**, \(report.summary.compatible) compatible, \(report.summary.info) info"
                     + (report.summary.suppressed > 0 ? ", \(report.summary.suppressed) suppressed" : "")
                     + " — version bump: **\(report.summary.versionBump)**")
        lines.append("")
        lines.append("Compared `\(escape(report.old))` → `\(escape(report.new))` on \(report.targets.joined(separator: ", ")).")
        lines += report.notes.map { "> \(escape($0))" }
        if report.changes.isEmpty {
            lines += ["", "No ABI changes."]
        }
        for (header, changes) in report.grouped() {
            lines += ["", "### `\(options.pathPrefix)\(header)`", "", "| severity | category | item | change | line |", "|---|---|---|---|---|"]
            for change in changes {
                let severity = change.suppressedBy == nil ? change.severity.rawValue : "suppressed"
                let line = change.location.map { $0.line > 0 ? String($0.line) : "" } ?? ""
                var text = escape(change.message + change.targetNote)
                if let reason = change.suppressedBy { text += " _(suppressed: \(escape(reason)))_" }
                lines.append("| \(severity) | \(change.category.rawValue) | \(change.item.rawValue) `\(escape(change.name))` | \(text) | \(line) |")
            }
        }
        if !report.unmatchedSuppressions.isEmpty {
            lines += ["", "Suppressions that matched nothing:"]
            lines += report.unmatchedSuppressions.map { "- `\(escape($0.source))`: \(escape($0.reason))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
