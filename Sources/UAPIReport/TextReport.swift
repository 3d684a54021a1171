import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// The default report: grouped by header, then severity; one line per item.
public enum TextReport: ReportRenderer {
    public static let identifier = "text"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let paint = Paint(enabled: options.color)
        var lines = ["\(document.title) (targets: \(document.targets.joined(separator: ", ")))"]
        lines += document.notes.map { "note: \($0)" }
        if document.items.isEmpty {
            lines += ["", document.emptyMessage]
        }
        for (header, items) in document.grouped() {
            lines.append("")
            lines.append(paint.bold(options.pathPrefix + header))
            var lastGroup = ""
            for item in items {
                let group = item.suppressedBy == nil ? document.word(item.severity) : "suppressed"
                if group != lastGroup {
                    lines.append("  " + (item.suppressedBy == nil ? paint.severity(group, item.severity) : group) + ":")
                    lastGroup = group
                }
                var line = "    \(item.ruleId): \(item.message)\(item.targetNote)"
                if let location = item.location, location.line > 0 { line += " [line \(location.line)]" }
                if let reason = item.suppressedBy { line += " (suppressed: \(reason))" }
                lines.append(line)
            }
        }
        for suppression in document.unmatchedSuppressions {
            lines.append("warning: suppression at \(suppression.source) matched nothing (reason: \(suppression.reason)); remove it or fix its pattern")
        }
        lines += ["", "Summary: \(document.summaryLine)"]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// ANSI colours, or nothing.
struct Paint {
    let enabled: Bool

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    func severity(_ text: String, _ severity: Severity) -> String {
        guard enabled else { return text }
        switch severity {
        case .breaking: return "\u{1B}[31;1m\(text)\u{1B}[0m"
        case .compatible: return "\u{1B}[33m\(text)\u{1B}[0m"
        case .info: return "\u{1B}[2m\(text)\u{1B}[0m"
        }
    }
}
