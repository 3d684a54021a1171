import UAPIDiff
import UAPIModel

/// The items of the HTML report: one table per header, worst first, suppressed last.
enum HTMLChanges {
    static func section(_ document: ReportDocument, options: RenderOptions) -> String {
        let isDiff = document.kind == "ABI report"
        var html = ["<section class=\"changes\" id=\"changes\">", "<h2>\(isDiff ? "Changes" : "Findings")</h2>"]
        if document.items.isEmpty {
            html.append("<p class=\"empty\">\(esc(document.emptyMessage))</p>")
        }
        let layouts = layoutAnchors(document.layouts)
        for (header, items) in document.grouped() {
            html.append("<section class=\"group\" data-header=\"\(esc(header))\">")
            html.append("<h3><code>\(esc(options.pathPrefix + header))</code> <span class=\"count\">\(items.count)</span></h3>")
            html.append("<table>")
            html.append("<thead><tr><th class=\"col-severity\">Severity</th><th class=\"col-rule\">Rule</th><th>Item</th>"
                        + "<th>\(isDiff ? "What changed" : "Finding")</th><th class=\"col-targets\">Targets</th><th class=\"col-line\">Line</th></tr></thead>")
            html.append("<tbody>")
            html += items.map { row($0, document: document, layout: layoutKey($0).flatMap { layouts[$0] }) }
            html.append("</tbody>")
            html.append("</table>")
            html.append("</section>")
        }
        return (html + ["</section>"]).joined(separator: "\n")
    }

    private static func row(_ item: ReportItem, document: ReportDocument, layout: String?) -> String {
        let severity = item.suppressedBy == nil ? item.severity.rawValue : "suppressed"
        var badge = "<span class=\"badge \(item.severity.rawValue)\">\(esc(document.word(item.severity)))</span>"
        if item.suppressedBy != nil { badge = "<span class=\"badge suppressed\">suppressed</span> " + badge }
        var message = "<span class=\"message\">\(esc(item.message))</span>"
        if let reason = item.suppressedBy { message += "<div class=\"reason\">Suppressed: \(esc(reason))</div>" }
        let link = layout.map { " <a class=\"layout-link\" href=\"#\($0)\">layout ↓</a>" } ?? ""
        let targets = item.targetSpecific
            ? "<span class=\"chip only\">\(esc(item.targets.joined(separator: ", "))) only</span>"
            : "<span class=\"muted\">all</span>"
        let line = item.location.map { $0.line > 0 ? String($0.line) : "" } ?? ""
        return "<tr class=\"item\(item.suppressedBy == nil ? "" : " suppressed")\" data-severity=\"\(severity)\" "
            + "data-header=\"\(esc(item.header))\" data-targets=\"\(esc(item.targets.joined(separator: " ")))\">"
            + "<td>\(badge)</td><td><code class=\"rule\">\(esc(item.ruleId))</code></td>"
            + "<td><span class=\"item-kind\">\(esc(item.item))</span> <code>\(esc(item.name))</code>\(link)</td>"
            + "<td>\(message)</td><td>\(targets)</td><td class=\"num\">\(line)</td></tr>"
    }

    /// Change names to the anchor of the layout that draws them.
    private static func layoutAnchors(_ layouts: [ChangedLayout]) -> [String: String] {
        var anchors: [String: String] = [:]
        for (index, layout) in layouts.enumerated() {
            for name in layout.changeNames where anchors[name] == nil { anchors[name] = HTMLLayouts.anchor(index) }
        }
        return anchors
    }

    /// Only records and fields have layouts (an enum may share a record's name).
    private static func layoutKey(_ item: ReportItem) -> String? {
        item.item == ItemKind.record.rawValue || item.item == ItemKind.field.rawValue ? item.name : nil
    }
}
