import UAPIModel

extension LayoutDiagram {
    /// The diagram as an `<svg>` element; `attributes` (already escaped) go on the element.
    func svg(attributes: String, caption: String) -> String {
        let lanes = self.lanes()
        let extent = (extentBits + 7) / 8 * 8, rulerEnd = (recordBits + 7) / 8 * 8
        let lineBits = bytesPerLine * 8
        var body: [String] = []
        var y = 0.0
        for line in 0..<max(1, (extent + lineBits - 1) / lineBits) {
            let from = line * lineBits, to = from + lineBits
            body.append(ruler(from: from, to: max(from, min(to, rulerEnd)), y: y))
            y += Self.rulerHeight
            for lane in lanes {
                let visible = lane.boxes.filter { $0.startBits < to && $0.endBits > from }
                guard !visible.isEmpty else { continue }
                if !lane.label.isEmpty {
                    body.append("<text class=\"lane-label\" x=\"4\" y=\"\(n(y + Self.boxHeight / 2 + 3))\">\(esc(lane.label))</text>")
                }
                body += visible.map { draw($0, from: from, to: to, y: y) }
                y += Self.boxHeight + Self.laneGap
            }
            y += Self.lineGap
        }
        let height = y - Self.lineGap - Self.laneGap + 2
        return "<svg class=\"layout-svg\" \(attributes) viewBox=\"0 0 \(n(Self.width)) \(n(height))\" "
            + "width=\"\(n(Self.width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(esc(caption))\">\n"
            + body.joined(separator: "\n") + "\n</svg>"
    }

    private var pixelsPerByte: Double { Self.drawingWidth / Double(bytesPerLine) }

    private func x(_ bits: Int, from: Int) -> Double {
        Self.gutter + Double(bits - from) / 8 * pixelsPerByte
    }

    /// A byte scale over one line: a tick per byte where there is room, numbers every few bytes.
    private func ruler(from: Int, to: Int, y: Double) -> String {
        let bytes = (to - from) / 8, first = from / 8
        let step = pixelsPerByte >= 40 ? 1 : pixelsPerByte >= 20 ? 4 : 8
        var parts = ["<g class=\"ruler\">",
                     "<line x1=\"\(n(Self.gutter))\" y1=\"\(n(y + 14))\" x2=\"\(n(x(to, from: from)))\" y2=\"\(n(y + 14))\"/>"]
        for byte in 0...max(0, bytes) {
            let position = n(Self.gutter + Double(byte) * pixelsPerByte)
            let labelled = (first + byte) % step == 0 || byte == bytes
            if labelled || pixelsPerByte >= 6 {
                parts.append("<line x1=\"\(position)\" y1=\"\(n(y + (labelled ? 10 : 12)))\" x2=\"\(position)\" y2=\"\(n(y + 14))\"/>")
            }
            if labelled {
                let anchor = byte == 0 ? "start" : byte == bytes ? "end" : "middle"
                parts.append("<text x=\"\(position)\" y=\"\(n(y + 8))\" text-anchor=\"\(anchor)\">\(first + byte)</text>")
            }
        }
        return (parts + ["</g>"]).joined()
    }

    private func draw(_ box: Box, from: Int, to: Int, y: Double) -> String {
        let left = x(max(box.startBits, from), from: from), right = x(min(box.endBits, to), from: from)
        let width = max(right - left - 2, 1)
        let isFirst = box.startBits >= from
        var data = ""
        if let field = box.field {
            // One `data-field` per field: a box that wraps onto the next line is marked as continued there.
            data = isFirst ? " data-field=\"\(esc(field))\" data-offset-bits=\"\(box.startBits)\"" : " data-continued=\"\(esc(field))\""
            if !box.marks.isEmpty { data += " data-marks=\"\(box.marks.map(\.rawValue).joined(separator: " "))\"" }
        } else {
            data = " data-gap=\"\(box.style.rawValue)\""
        }
        let classes = (["box", box.style.rawValue] + box.marks.map { "m-\($0.rawValue)" }).joined(separator: " ")
        var parts = ["<g class=\"\(classes)\"><title>\(esc(box.tooltip))</title>",
                     "<rect\(data) x=\"\(n(left + 1))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(Self.boxHeight))\" rx=\"3\"/>"]
        let tags = box.marks.map(LayoutWords.word).joined(separator: " · ").uppercased()
        let lines: [(String, String, Double)] = tags.isEmpty
            ? [("name", box.label, 11), ("detail", box.detail, 10)]
            : [("name", box.label, 11), ("detail", box.detail, 10), ("tag", tags, 9)]
        let top = y + (tags.isEmpty ? 20 : 15)
        for (index, line) in lines.enumerated() {
            guard let text = fit(line.1, width: width, fontSize: line.2) else { continue }
            parts.append("<text class=\"\(line.0)\" x=\"\(n(left + 1 + width / 2))\" y=\"\(n(top + Double(index) * 14))\" text-anchor=\"middle\">\(esc(text))</text>")
        }
        return (parts + ["</g>"]).joined()
    }

    /// The text shortened with an ellipsis to fit the box (monospace: 0.6 em a character), or nil when nothing useful fits.
    private func fit(_ text: String, width: Double, fontSize: Double) -> String? {
        let room = Int((width - 6) / (fontSize * 0.6))
        if text.count <= room { return text }
        return room >= 3 ? String(text.prefix(room - 1)) + "…" : nil
    }

    private func n(_ value: Double) -> String { HTMLText.number(value) }
}
