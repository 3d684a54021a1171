/// The default report: grouped by header, then severity; one line per change.
public enum TextReport: DiffRenderer {
    public static let identifier = "text"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        let paint = Paint(enabled: options.color)
        var lines = ["uapi diff: \(report.old) -> \(report.new) (targets: \(report.targets.joined(separator: ", ")))"]
        lines += report.notes.map { "note: \($0)" }
        if report.changes.isEmpty {
            lines.append("")
            lines.append("No ABI changes.")
        }
        for (header, changes) in report.grouped() {
            lines.append("")
            lines.append(paint.bold(options.pathPrefix + header))
            var lastGroup = ""
            for change in changes {
                let group = change.suppressedBy == nil ? change.severity.rawValue : "suppressed"
                if group != lastGroup {
                    lines.append("  " + paint.severity(group, change.severity) + ":")
                    lastGroup = group
                }
                var line = "    \(change.category.rawValue): \(change.message)\(change.targetNote)"
                if let location = change.location, location.line > 0 { line += " [line \(location.line)]" }
                if let reason = change.suppressedBy { line += " (suppressed: \(reason))" }
                lines.append(line)
            }
        }
        for suppression in report.unmatchedSuppressions {
            lines.append("warning: suppression at \(suppression.source) matched nothing (reason: \(suppression.reason)); remove it or fix its pattern")
        }
        lines.append("")
        lines.append("Summary: \(report.summaryLine)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// ANSI colours, or nothing.
struct Paint {
    let enabled: Bool

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    func severity(_ text: String, _ severity: Severity) -> String {
        guard enabled, text != "suppressed" else { return text }
        switch severity {
        case .breaking: return "\u{1B}[31;1m\(text)\u{1B}[0m"
        case .compatible: return "\u{1B}[33m\(text)\u{1B}[0m"
        case .info: return "\u{1B}[2m\(text)\u{1B}[0m"
        }
    }
}
