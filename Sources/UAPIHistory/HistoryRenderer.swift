import Foundation
import UAPIModel

/// The output formats of `uapi history`.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case text, json, markdown

    public func render(_ document: HistoryDocument) -> String {
        switch self {
        case .text: return HistoryText.render(document)
        case .markdown: return HistoryMarkdown.render(document)
        case .json: return String(decoding: (try? SnapshotCoding.encode(document)) ?? Data(), as: UTF8.self)
        }
    }
}

/// Words shared by the text and Markdown renderers.
enum HistoryWords {
    static func label(_ revision: RevisionLabel) -> String {
        revision.name == revision.short ? revision.short : "\(revision.name) (\(revision.short))"
    }

    /// `breaking tail-extension`, `compatible added (suppressed: reason)`, or the bare event kind.
    static func verdict(_ event: HistoryEvent) -> String {
        guard let category = event.category, let severity = event.severity else { return event.kind.rawValue }
        var words = "\(event.kind.rawValue), \(severity.rawValue) \(category.rawValue)"
        if let reason = event.suppressedBy { words += " (suppressed: \(reason))" }
        return words
    }

    static func targets(_ event: HistoryEvent, all: [String]) -> String {
        event.targets.isEmpty || Set(event.targets) == Set(all) ? "" : " [\(event.targets.joined(separator: ", "))]"
    }

    /// ` (in 1a2b3c4, 2024-04-23)` when the revision is a merge that brought the change
    /// in; nothing when the revision is the change (JSON has its date either way).
    static func changedIn(_ event: HistoryEvent) -> String {
        guard let commit = event.commit else { return "" }
        return " (in \(commit)" + (event.date.map { ", \($0)" } ?? "") + ")"
    }

    static func item(_ timeline: DefinitionTimeline) -> String {
        "\(timeline.item.rawValue) in \(timeline.header)"
    }

    static func cell(_ count: Int, diagonal: Bool) -> String {
        diagonal ? "-" : count < 0 ? "?" : count == 0 ? "ok" : "\(count) breaking"
    }
}

enum HistoryText {
    static func render(_ document: HistoryDocument) -> String {
        var lines = ["uapi history: \(document.headers.joined(separator: ", ")) under \(document.path.isEmpty ? "." : document.path), "
                     + "\(document.revisions.count) revision\(document.revisions.count == 1 ? "" : "s")"
                     + (document.revisions.isEmpty ? "" : " (\(HistoryWords.label(document.revisions.first!)) .. \(HistoryWords.label(document.revisions.last!)))")
                     + ", targets: \(document.targets.joined(separator: ", "))"]
        if let timelines = document.timelines {
            lines.append("")
            lines += self.timelines(timelines, targets: document.targets)
        }
        if let since = document.sinceSync {
            lines += ["", "Since \(HistoryWords.label(since.base)), up to \(HistoryWords.label(since.end)): \(since.changes.count) net change\(since.changes.count == 1 ? "" : "s")"]
            if let unknown = since.unknown {
                lines.append("  unknown for \(unknown.joined(separator: ", ")): not parsed at one end (see the notes)")
            }
            for change in since.changes {
                let suppressed = change.suppressedBy.map { " (suppressed: \($0))" } ?? ""
                lines.append("  \(change.severity.rawValue) \(change.category.rawValue): \(change.text)\(suppressed)")
            }
            lines += ["", "When:"] + self.timelines(since.timelines, targets: document.targets).map { "  " + $0 }
        }
        for churn in document.rcChurn ?? [] {
            lines += ["", "Changed after \(HistoryWords.label(churn.candidate)) before \(HistoryWords.label(churn.release)): "
                      + "\(churn.timelines.count) definition\(churn.timelines.count == 1 ? "" : "s")"]
            lines += self.timelines(churn.timelines, targets: document.targets).map { "  " + $0 }
        }
        if document.rcChurn?.isEmpty == true {
            lines += ["", "No release candidate and its release are both in the range."]
        }
        if let matrix = document.matrix {
            lines += ["", "Compatibility (breaking changes from the older to the newer; ok = none; ? = a header does not parse at one of them):"]
            for table in matrix.targets {
                let names = matrix.revisions.map(\.name)
                let width = max(names.map(\.count).max() ?? 0, 10) + 2
                let pad = { (text: String) in text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0) }
                lines.append(pad(table.target) + names.map(pad).joined())
                for (row, name) in names.enumerated() {
                    lines.append(pad(name) + table.breaking[row].enumerated().map { pad(HistoryWords.cell($0.element, diagonal: $0.offset == row)) }.joined())
                }
            }
        }
        if !document.notes.isEmpty { lines += [""] + document.notes.map { "note: \($0)" } }
        return lines.map { $0.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
    }

    static func timelines(_ timelines: [DefinitionTimeline], targets: [String]) -> [String] {
        guard !timelines.isEmpty else { return ["(nothing)"] }
        var lines: [String] = []
        let width = (timelines.flatMap(\.events).map(\.label.count).max() ?? 0) + 2
        for timeline in timelines {
            lines.append("\(timeline.name) (\(HistoryWords.item(timeline)))")
            for event in timeline.events {
                let label = event.label.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(event.revision)  \(label)\(HistoryWords.verdict(event)): \(event.text)\(HistoryWords.targets(event, all: targets))"
                             + HistoryWords.changedIn(event))
            }
        }
        return lines
    }
}

enum HistoryMarkdown {
    static func render(_ document: HistoryDocument) -> String {
        var lines = ["## uapi history: \(document.headers.map { "`\($0)`" }.joined(separator: ", "))", "",
                     "Path `\(document.path)`, targets \(document.targets.joined(separator: ", ")), "
                     + "\(document.revisions.count) revisions: " + document.revisions.map { "`\(HistoryWords.label($0))`" }.joined(separator: ", ")]
        if let timelines = document.timelines {
            lines += ["", "### Timelines", ""] + table(timelines, targets: document.targets)
        }
        if let since = document.sinceSync {
            lines += ["", "### Since \(HistoryWords.label(since.base)), up to \(HistoryWords.label(since.end))", ""]
            if let unknown = since.unknown {
                lines.append("Unknown for \(unknown.map { "`\($0)`" }.joined(separator: ", ")): not parsed at one end (see the notes).")
            } else if since.changes.isEmpty { lines.append("No net change.") }
            for change in since.changes {
                lines.append("- **\(change.severity.rawValue)** \(change.category.rawValue): \(escape(change.text))"
                             + (change.suppressedBy.map { " (suppressed: \(escape($0)))" } ?? ""))
            }
            lines += ["", "When:", ""] + table(since.timelines, targets: document.targets)
        }
        for churn in document.rcChurn ?? [] {
            lines += ["", "### Changed after \(HistoryWords.label(churn.candidate)) before \(HistoryWords.label(churn.release))", ""]
                + table(churn.timelines, targets: document.targets)
        }
        if let matrix = document.matrix {
            lines += ["", "### Compatibility", "", "Breaking changes from the older to the newer; ok = none; ? = a header does not parse at one of them."]
            for target in matrix.targets {
                let names = matrix.revisions.map(\.name)
                lines += ["", "| \(target.target) | " + names.map { "`\($0)`" }.joined(separator: " | ") + " |",
                          "|---|" + names.map { _ in "---|" }.joined()]
                for (row, name) in names.enumerated() {
                    lines.append("| `\(name)` | " + target.breaking[row].enumerated()
                        .map { HistoryWords.cell($0.element, diagonal: $0.offset == row) }.joined(separator: " | ") + " |")
                }
            }
        }
        if !document.notes.isEmpty { lines += [""] + document.notes.map { "> note: \(escape($0))" } }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ timelines: [DefinitionTimeline], targets: [String]) -> [String] {
        guard !timelines.isEmpty else { return ["Nothing."] }
        var lines = ["| definition | revision | what | change |", "|---|---|---|---|"]
        for timeline in timelines {
            for (position, event) in timeline.events.enumerated() {
                let name = position == 0 ? "`\(timeline.name)` (\(timeline.item.rawValue))" : ""
                lines.append("| \(name) | `\(event.label)` (\(event.revision))\(HistoryWords.changedIn(event)) | \(escape(HistoryWords.verdict(event))) | "
                             + "\(escape(event.text))\(escape(HistoryWords.targets(event, all: targets))) |")
            }
        }
        return lines
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
