import UAPIModel

/// One self-contained HTML page: summary, the items grouped by header with filters
/// (plain JavaScript; with it off, everything shows), and for a diff the old and new
/// layout of every changed record as inline SVG. No network, no external fonts.
public enum HTMLReport: ReportRenderer {
    public static let identifier = "html"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let parts = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(esc(document.title))</title>",
            "<style>\n\(HTMLStyle.css)</style>",
            "</head>",
            "<body>",
            HTMLStyle.patterns,
            "<main>",
            summary(document),
            filters(document, options: options),
            HTMLChanges.section(document, options: options),
            document.layouts.isEmpty ? "" : HTMLLayouts.section(document.layouts, document: document, options: options),
            "</main>",
            "<script>\n\(HTMLStyle.script)</script>",
            "</body>",
            "</html>",
        ]
        return parts.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    private static func summary(_ document: ReportDocument) -> String {
        let counts = document.counts
        let cards: [(String, Int, String)] = [
            ("breaking", counts.breaking, document.word(.breaking)), ("compatible", counts.compatible, document.word(.compatible)),
            ("info", counts.info, document.word(.info)), ("suppressed", counts.suppressed, "suppressed"),
        ]
        var html = ["<header class=\"top\">",
                    "<p class=\"kind\">uapi · \(esc(document.kind))</p>",
                    "<h1>\(esc(document.title))</h1>",
                    "<p class=\"targets\">Targets: \(document.targets.map { "<span class=\"chip\">\(esc($0))</span>" }.joined(separator: " "))</p>",
                    "</header>",
                    "<section class=\"summary\" aria-label=\"Summary\">",
                    "<div class=\"cards\">"]
        html += cards.map { key, count, word in
            "<div class=\"card \(key)\(count == 0 ? " zero" : "")\"><span class=\"n\">\(count)</span><span class=\"label\">\(esc(word))</span></div>"
        }
        if let bump = document.properties["versionBump"] {
            html.append("<div class=\"card bump bump-\(esc(bump))\"><span class=\"n\">\(esc(bump))</span><span class=\"label\">version bump</span></div>")
        }
        html.append("</div>")
        html.append("<p class=\"summary-line\">\(esc(document.summaryLine))</p>")
        html += document.notes.map { "<p class=\"note\"><strong>Note:</strong> \(esc($0))</p>" }
        html += document.unmatchedSuppressions.map {
            "<p class=\"note warning\"><strong>Warning:</strong> the suppression at <code>\(esc($0.source))</code> matched nothing "
                + "(reason: \(esc($0.reason))); remove it or fix its pattern.</p>"
        }
        return (html + ["</section>"]).joined(separator: "\n")
    }

    /// Hidden until the script shows it: without JavaScript the filters could not work.
    private static func filters(_ document: ReportDocument, options: RenderOptions) -> String {
        guard !document.items.isEmpty else { return "" }
        let severities = [("breaking", document.word(.breaking)), ("compatible", document.word(.compatible)),
                          ("info", document.word(.info)), ("suppressed", "suppressed")]
        let boxes = severities.map { key, word in
            "<label class=\"check \(key)\"><input type=\"checkbox\" name=\"severity\" value=\"\(key)\" checked> \(esc(word))</label>"
        }
        let headers = Array(Set(document.items.map(\.header))).sorted().map {
            "<option value=\"\(esc($0))\">\(esc(options.pathPrefix + $0))</option>"
        }
        let targets = document.targets.map { "<option value=\"\(esc($0))\">\(esc($0))</option>" }
        return (["<form id=\"filters\" class=\"filters\" hidden>",
                 "<fieldset class=\"severities\"><legend>Severity</legend>"] + boxes + ["</fieldset>",
                 "<label class=\"select\">Header <select name=\"header\"><option value=\"\">all headers</option>"] + headers + ["</select></label>",
                 "<label class=\"select\">Target <select name=\"target\"><option value=\"\">all targets</option>"] + targets + ["</select></label>",
                 "<output id=\"shown\" class=\"shown\"></output>",
                 "</form>"]).joined(separator: "\n")
    }
}
