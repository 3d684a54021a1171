import UAPIModel

/// One side of a changed record as inline SVG. A record is a lane of boxes; a union
/// gives each member its own lane (they overlap). An anonymous struct or union member
/// is drawn nested: a dashed box in its owner's lane, its own lanes below at the same
/// bytes. Widths are proportional to bytes; a record wraps every `bytesPerLine` bytes.
struct LayoutDiagram {
    let version: RecordVersion
    let bytesPerLine: Int

    static let gutter = 56.0
    static let drawingWidth = 500.0
    static let width = gutter + drawingWidth + 4
    static let rulerHeight = 18.0
    static let boxHeight = 48.0
    static let laneGap = 6.0
    static let lineGap = 12.0
    /// How wide a flexible array member or a zero-length array is drawn: it has no bytes of its own.
    static let nominalBits = 32

    struct Box {
        enum Style: String { case field, member, unnamed, flexible, hole, padding }
        var startBits: Int
        var endBits: Int
        var style: Style
        var label: String
        var detail: String
        var marks: [FieldMark]
        var tooltip: String
        /// The field's name for `data-field`; nil for holes and padding.
        var field: String?
    }

    struct Lane {
        var label: String
        var boxes: [Box]
    }

    /// One scale for both sides of a pair, so that equal bytes are equally wide.
    static func bytesPerLine(for versions: [RecordVersion]) -> Int {
        let bytes = versions.map { (LayoutDiagram(version: $0, bytesPerLine: 1).extentBits + 7) / 8 }.max() ?? 4
        return min(32, max(4, (bytes + 3) / 4 * 4))
    }

    /// Bits drawn: the record, and the nominal width of a flexible array past its end.
    var extentBits: Int {
        max(recordBits, lanes().flatMap(\.boxes).map(\.endBits).max() ?? 0)
    }

    /// Bits the ruler covers: the record's size, or its last member's end when that is further.
    var recordBits: Int {
        let ends = lanes().flatMap(\.boxes).filter { $0.style != .flexible }.map(\.endBits)
        return max((version.record.size ?? 0) * 8, ends.max() ?? 0)
    }

    func lanes() -> [Lane] { lanes(of: version.record, depth: 0, startBits: 0) }

    private func lanes(of record: Record, depth: Int, startBits: Int) -> [Lane] {
        let label = (depth == 0 ? "" : String(repeating: "  ", count: depth - 1) + "↳ ") + record.kind.rawValue
        let gaps = gapBoxes(record, startBits: startBits)
        guard record.kind == .union, !record.fields.isEmpty else {
            return [Lane(label: label, boxes: record.fields.map(box) + gaps)] + record.fields.flatMap { nested($0, depth) }
        }
        return record.fields.enumerated().flatMap { index, field in
            [Lane(label: index == 0 ? label : "", boxes: [box(field)] + (index == 0 ? gaps : []))] + nested(field, depth)
        }
    }

    private func nested(_ field: Field, _ depth: Int) -> [Lane] {
        guard let member = version.member(field) else { return [] }
        return lanes(of: member, depth: depth + 1, startBits: field.offsetBits)
    }

    /// Holes and tail padding; an anonymous member's offsets count from its owner, so shift them first.
    private func gapBoxes(_ record: Record, startBits: Int) -> [Box] {
        var local = record
        local.fields = record.fields.map { field in
            var field = field
            field.offsetBits -= startBits
            return field
        }
        let holes = local.holes.map { gapBox($0, startBits: startBits, style: .hole) }
        return holes + (local.tailPadding.map { [gapBox($0, startBits: startBits, style: .padding)] } ?? [])
    }

    private func gapBox(_ gap: Gap, startBits: Int, style: Box.Style) -> Box {
        let start = gap.offsetBits + startBits
        let size = gap.sizeBits % 8 == 0 ? "\(gap.sizeBits / 8) B" : "\(gap.sizeBits)b"
        let word = style == .hole ? "hole" : "padding"
        return Box(startBits: start, endBits: start + gap.sizeBits, style: style, label: word,
                   detail: "\(Self.position(start)) · \(size)", marks: [],
                   tooltip: "\(word): \(LayoutWords.extent(bits: gap.sizeBits)) at \(LayoutWords.position(start))", field: nil)
    }

    private func box(_ field: Field) -> Box {
        let member = version.member(field)
        let marks = field.name.isEmpty ? [] : version.marks[field.name] ?? []
        let hasNoBytes = field.isFlexibleArray || field.extentBits == 0
        let style: Box.Style = member != nil ? .member : hasNoBytes ? .flexible : field.name.isEmpty ? .unnamed : .field
        let label = member.map { "\($0.kind.rawValue) {…}" } ?? field.displayName + (field.isFlexibleArray ? "[]" : "")
        let tooltip = "\(field.type) \(field.displayName): \(LayoutWords.extent(field)) at \(LayoutWords.position(field.offsetBits))"
            + (marks.isEmpty ? "" : " — " + marks.map(LayoutWords.word).joined(separator: ", "))
        return Box(startBits: field.offsetBits, endBits: field.offsetBits + (hasNoBytes ? Self.nominalBits : field.extentBits),
                   style: style, label: label, detail: "\(Self.position(field.offsetBits, bitField: field.bitWidth != nil)) · \(Self.size(field))",
                   marks: marks, tooltip: tooltip, field: field.displayName)
    }

    private static func position(_ bits: Int, bitField: Bool = false) -> String {
        bitField || bits % 8 != 0 ? "@\(bits / 8):\(bits % 8)" : "@\(bits / 8)"
    }

    private static func size(_ field: Field) -> String {
        if let width = field.bitWidth { return "\(width)b" }
        if field.isFlexibleArray { return "[]" }
        return field.size.map { "\($0) B" } ?? "?"
    }
}
