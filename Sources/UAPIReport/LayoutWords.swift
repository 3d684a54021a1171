import UAPIModel

/// The words of the layout diagrams: mark labels, positions and extents.
enum LayoutWords {
    static func word(_ mark: FieldMark) -> String {
        switch mark {
        case .respelled: return "spelling"
        case .reused: return "reused"
        case .flexible: return "flexible array"
        default: return mark.rawValue
        }
    }

    static func position(_ bits: Int) -> String {
        bits % 8 == 0 ? "byte \(bits / 8)" : "byte \(bits / 8) bit \(bits % 8)"
    }

    static func extent(bits: Int) -> String {
        bits % 8 == 0 ? plural(bits / 8, "byte") : plural(bits, "bit")
    }

    static func extent(_ field: Field) -> String {
        if let width = field.bitWidth { return plural(width, "bit") }
        if field.isFlexibleArray { return "flexible array" }
        return field.size.map { plural($0, "byte") } ?? "unknown size"
    }

    /// `struct drift_map, 24 bytes, alignment 8, packed`.
    static func summary(_ record: Record) -> String {
        guard record.isComplete else { return "\(record.kind.rawValue), declaration only" }
        return [record.kind.rawValue, record.size.map { plural($0, "byte") } ?? "size unknown",
                record.alignment.map { "alignment \($0)" } ?? "", record.isPacked ? "packed" : ""]
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
}
