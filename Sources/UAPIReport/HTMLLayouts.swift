import UAPIModel

/// The layouts part of the HTML report: for each changed record, its old and new
/// layout side by side per group of targets, then the highlighted fields in words.
enum HTMLLayouts {
    static func section(_ layouts: [ChangedLayout], document: ReportDocument, options: RenderOptions) -> String {
        var html = ["<section class=\"layouts\" id=\"layouts\">", "<h2>Record layouts</h2>",
                    "<p class=\"hint\">The old and the new layout of every record a change touches, per target. "
                        + "Box widths are proportional to bytes; anonymous struct and union members are drawn nested, "
                        + "below the box that holds them. Hover a box for its type.</p>",
                    legend]
        for (index, layout) in layouts.enumerated() {
            html.append(figure(layout, id: anchor(index), document: document, options: options))
        }
        return (html + ["</section>"]).joined(separator: "\n")
    }

    static func anchor(_ index: Int) -> String { "layout-\(index + 1)" }

    private static func figure(_ layout: ChangedLayout, id: String, document: ReportDocument, options: RenderOptions) -> String {
        let severity = layout.isSuppressed ? "suppressed" : layout.severity.rawValue
        let word = layout.isSuppressed ? "suppressed" : document.word(layout.severity)
        var html = ["<article class=\"layout\" id=\"\(id)\" data-severity=\"\(severity)\" data-header=\"\(esc(layout.header))\">",
                    "<header class=\"layout-head\"><h3><code>\(esc(layout.displayName))</code></h3>"
                        + "<span class=\"badge \(severity)\">\(esc(word))</span>"
                        + "<span class=\"where\"><code>\(esc(options.pathPrefix + layout.header))</code></span></header>"]
        html += layout.pairs.map { pair(layout, $0) }
        return (html + ["</article>"]).joined(separator: "\n")
    }

    private static func pair(_ layout: ChangedLayout, _ pair: LayoutPair) -> String {
        let perLine = LayoutDiagram.bytesPerLine(for: [pair.old, pair.new].compactMap { $0 })
        let chips = pair.targets.map { "<span class=\"chip\">\(esc($0))</span>" }.joined(separator: " ")
        return ["<div class=\"pair\" data-targets=\"\(esc(pair.targets.joined(separator: " ")))\">",
                "<div class=\"pair-targets\">\(chips)</div>",
                "<div class=\"sides\">",
                side(pair.old, word: "old", name: layout.oldName, targets: pair.targets, perLine: perLine),
                side(pair.new, word: "new", name: layout.newName, targets: pair.targets, perLine: perLine),
                "</div>",
                markList(pair),
                "</div>"].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func side(_ version: RecordVersion?, word: String, name: String, targets: [String], perLine: Int) -> String {
        let summary = version.map { " <span class=\"muted\">\(esc(LayoutWords.summary($0.record)))</span>" } ?? ""
        var html = ["<figure class=\"side side-\(word)\">",
                    "<figcaption><span class=\"side-word\">\(word)</span> <code>\(esc(name))</code>\(summary)</figcaption>"]
        if let version, version.record.isComplete {
            let attributes = "data-record=\"\(esc(name))\" data-side=\"\(word)\" data-targets=\"\(esc(targets.joined(separator: " ")))\""
            html.append(LayoutDiagram(version: version, bytesPerLine: perLine)
                .svg(attributes: attributes, caption: "\(word) layout of \(name) on \(targets.joined(separator: ", "))"))
        } else {
            html.append("<div class=\"absent\">\(version == nil ? "not in the \(word) headers" : "declaration only: no layout")</div>")
        }
        return (html + ["</figure>"]).joined(separator: "\n")
    }

    /// The highlighted fields in words, so that the diagram does not depend on colour.
    private static func markList(_ pair: LayoutPair) -> String {
        guard let old = pair.old, let new = pair.new else { return "" }
        let oldFields = fields(of: old), newFields = fields(of: new)
        let names = Set(old.marks.keys).union(new.marks.keys).sorted { a, b in
            let ka = (newFields[a] ?? oldFields[a])?.offsetBits ?? 0, kb = (newFields[b] ?? oldFields[b])?.offsetBits ?? 0
            return (ka, a) < (kb, b)
        }
        guard !names.isEmpty else { return "" }
        let items = names.map { name -> String in
            let marks = Set((old.marks[name] ?? []) + (new.marks[name] ?? [])).sorted()
            let details = marks.compactMap { detail($0, old: oldFields[name], new: newFields[name]) }
            let tags = marks.map { "<span class=\"tag m-\($0.rawValue)\">\(esc(LayoutWords.word($0)))</span>" }.joined(separator: " ")
            return "<li>\(tags) <code>\(esc(name))</code> \(esc(details.joined(separator: "; ")))</li>"
        }
        return (["<ul class=\"marks\">"] + items + ["</ul>"]).joined(separator: "\n")
    }

    private static func detail(_ mark: FieldMark, old: Field?, new: Field?) -> String? {
        switch mark {
        case .added: return new.map { "at \(LayoutWords.position($0.offsetBits)), \(LayoutWords.extent($0))" }
        case .removed: return old.map { "was at \(LayoutWords.position($0.offsetBits)), \(LayoutWords.extent($0))" }
        case .moved:
            guard let old, let new else { return nil }
            return "\(LayoutWords.position(old.offsetBits)) → \(LayoutWords.position(new.offsetBits))"
        case .resized:
            guard let old, let new else { return nil }
            return "\(LayoutWords.extent(old)) → \(LayoutWords.extent(new))"
        case .retyped, .respelled, .flexible:
            guard let old, let new else { return nil }
            return "\(old.type) → \(new.type)"
        case .renamed: return new == nil ? "(old name)" : old == nil ? "(new name)" : nil
        case .reused: return new == nil ? "(reserved field, now put to use)" : "(in reserved bytes)"
        }
    }

    /// Every named field of a version, anonymous members' included.
    private static func fields(of version: RecordVersion) -> [String: Field] {
        let all = ([version.record] + version.members.keys.sorted().compactMap { version.members[$0] }).flatMap(\.fields)
        return Dictionary(all.filter { !$0.name.isEmpty }.map { ($0.name, $0) }) { first, _ in first }
    }

    private static let legend: String = {
        let entries: [(String, String)] = [
            ("field", "unchanged"), ("field m-added", "added"), ("field m-removed", "removed"), ("field m-moved", "moved"),
            ("field m-resized", "resized"), ("field m-retyped", "other change"), ("member", "anonymous member"),
            ("hole", "hole"), ("padding", "tail padding"),
        ]
        let items = entries.map { classes, word in
            "<li><svg class=\"swatch\" viewBox=\"0 0 22 14\" width=\"22\" height=\"14\" aria-hidden=\"true\"><g class=\"box \(classes)\">"
                + "<rect x=\"1\" y=\"1\" width=\"20\" height=\"12\" rx=\"2\"/></g></svg>\(word)</li>"
        }
        return (["<ul class=\"legend\">"] + items + ["</ul>"]).joined()
    }()
}
