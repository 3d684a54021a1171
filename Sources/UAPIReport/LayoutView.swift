import Foundation
import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// A pahole-style view of records: offset and size of every member, holes and
/// padding marked, one column pair per target, rows that differ flagged.
public enum LayoutView {
    struct Row {
        var key: String
        var label: String
        var cells: [String: (offset: String, size: String)]
    }

    public static func text(records names: [String], in snapshot: Snapshot) -> String {
        let targets = snapshot.targets.map(\.target)
        var blocks: [String] = []
        for name in names {
            let versions = snapshot.targets.compactMap { target in target.record(named: name).map { (target, $0) } }
            guard let (_, first) = versions.first else { continue }
            let rows = mergedRows(versions.map { target, record in (target.target, Self.rows(of: record, in: target)) })
            let labelWidth = max(30, rows.map(\.label.count).max() ?? 0) + 2
            var lines = ["\(first.kind.rawValue) \(name)" + String(repeating: " ", count: max(1, labelWidth + 16 * targets.count - name.count - first.kind.rawValue.count - 1 - first.location.description.count)) + first.location.description]
            lines.append((pad("", labelWidth) + targets.map { pad($0, 16) }.joined()).trimmingTrailing())
            lines.append((pad("  member", labelWidth) + targets.map { _ in "offset  size    " }.joined()).trimmingTrailing())
            for row in rows {
                let cells = targets.map { target -> String in
                    guard let cell = row.cells[target] else { return pad("     -     -", 16) }
                    return pad(leftPad(cell.offset, 6) + leftPad(cell.size, 6), 16)
                }
                let values = targets.map { row.cells[$0].map { "\($0.offset)|\($0.size)" } ?? "-" }
                let differs = Set(values).count > 1
                lines.append((pad("  " + row.label, labelWidth) + cells.joined()).trimmingTrailing() + (differs ? "   <-- differs" : ""))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The rows of one record on one target, in offset order, with holes and padding.
    static func rows(of record: Record, in target: TargetSnapshot, indent: String = "") -> [Row] {
        var rows: [Row] = []
        let holes = Dictionary(record.holes.map { ($0.after, $0) }, uniquingKeysWith: { a, _ in a })
        for field in record.fields {
            let label: String
            if field.name.isEmpty, let path = field.record, let member = target.record(named: path) {
                rows.append(Row(key: "open:\(path)", label: indent + "\(member.kind.rawValue) {", cells: [target.target: cell(field)]))
                rows += Self.rows(of: member, in: target, indent: indent + "    ").map { row in
                    var row = row
                    row.key = "\(path)/\(row.key)"
                    return row
                }
                rows.append(Row(key: "close:\(path)", label: indent + "};", cells: [target.target: ("", "")]))
                continue
            } else {
                label = indent + "\(field.type) \(field.name.isEmpty ? "<unnamed>" : field.name)"
            }
            rows.append(Row(key: "field:\(field.name.isEmpty ? "@\(field.offsetBits)" : field.name)", label: label, cells: [target.target: cell(field)]))
            if let hole = holes[field.displayName] {
                rows.append(Row(key: "hole:\(field.name)", label: indent + "/* hole */", cells: [target.target: gapCell(hole)]))
            }
        }
        if indent.isEmpty {
            if let tail = record.tailPadding {
                rows.append(Row(key: "tail", label: "/* tail padding */", cells: [target.target: gapCell(tail)]))
            }
            rows.append(Row(key: "size", label: "size", cells: [target.target: ("", record.size.map(String.init) ?? "?")]))
            rows.append(Row(key: "align", label: "alignment", cells: [target.target: ("", record.alignment.map(String.init) ?? "?")]))
        }
        return rows
    }

    /// One row list for all targets: the first target's order, other targets' extra rows after their predecessor.
    static func mergedRows(_ perTarget: [(String, [Row])]) -> [Row] {
        var merged: [Row] = []
        for (target, rows) in perTarget {
            var previousKey: String?
            for row in rows {
                if let index = merged.firstIndex(where: { $0.key == row.key }) {
                    merged[index].cells[target] = row.cells[target]
                } else {
                    let position = previousKey.flatMap { key in merged.firstIndex { $0.key == key }.map { $0 + 1 } } ?? 0
                    merged.insert(row, at: min(position, merged.count))
                }
                previousKey = row.key
            }
        }
        return merged
    }

    private static func cell(_ field: Field) -> (String, String) {
        if let width = field.bitWidth { return ("\(field.offsetBits / 8):\(field.offsetBits % 8)", "\(width)b") }
        return ("\(field.offsetBits / 8)", field.isFlexibleArray ? "[]" : field.size.map(String.init) ?? "?")
    }

    private static func gapCell(_ gap: Gap) -> (String, String) {
        gap.sizeBits % 8 == 0 && gap.offsetBits % 8 == 0
            ? ("\(gap.offsetBits / 8)", "\(gap.sizeBits / 8)")
            : ("\(gap.offsetBits / 8):\(gap.offsetBits % 8)", "\(gap.sizeBits)b")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    // MARK: JSON

    public struct RecordLayout: Codable, Sendable, Equatable {
        public var name: String
        public var kind: Record.Kind
        public var location: SourceLocation
        public var differs: Bool
        public var targets: [TargetLayout]
    }

    public struct TargetLayout: Codable, Sendable, Equatable {
        public var target: String
        public var size: Int?
        public var alignment: Int?
        public var fields: [Field]
        public var holes: [Gap]
        public var tailPadding: Gap?
    }

    public static func json(records names: [String], in snapshot: Snapshot) throws -> Data {
        let layouts = names.compactMap { name -> RecordLayout? in
            let versions = snapshot.targets.compactMap { target in target.record(named: name).map { (target.target, $0) } }
            guard let first = versions.first?.1 else { return nil }
            return RecordLayout(name: name, kind: first.kind, location: first.location,
                                differs: Set(versions.map { LayoutShape($0.1) }).count > 1,
                                targets: versions.map { TargetLayout(target: $0.0, size: $0.1.size, alignment: $0.1.alignment,
                                                                     fields: $0.1.fields, holes: $0.1.holes, tailPadding: $0.1.tailPadding) })
        }
        return try SnapshotCoding.encode(["format": AnyCodable.string("uapi-layout"), "records": AnyCodable.layouts(layouts)])
    }

    /// The two value kinds of the layout document's top level.
    enum AnyCodable: Encodable {
        case string(String)
        case layouts([RecordLayout])

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .string(value): try container.encode(value)
            case let .layouts(value): try container.encode(value)
            }
        }
    }
}

private extension String {
    func trimmingTrailing() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
