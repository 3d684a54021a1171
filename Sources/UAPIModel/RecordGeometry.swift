/// Where a struct's bytes go: the gaps between its members and after the last one.
public struct Gap: Codable, Sendable, Equatable {
    /// The member before the gap (empty for a gap at the start).
    public var after: String
    public var offsetBits: Int
    public var sizeBits: Int
}

extension Record {
    /// Implicit holes between members of a struct (a union has none). Bit-fields
    /// count with their widths; members of anonymous members count as one block.
    public var holes: [Gap] {
        guard kind == .struct, isComplete, !isPacked else { return [] }
        var gaps: [Gap] = []
        var end = 0
        var previous = ""
        for field in fields.sorted(by: { $0.offsetBits < $1.offsetBits }) {
            if field.offsetBits > end {
                gaps.append(Gap(after: previous, offsetBits: end, sizeBits: field.offsetBits - end))
            }
            end = max(end, field.offsetBits + field.extentBits)
            previous = field.displayName
        }
        return gaps
    }

    /// Padding after the last member, up to the record's size.
    public var tailPadding: Gap? {
        guard isComplete, let size, !fields.isEmpty else { return nil }
        let last = fields.max { $0.offsetBits + $0.extentBits < $1.offsetBits + $1.extentBits }!
        let end = last.offsetBits + last.extentBits
        // Bits left over in the last bit-field's storage unit are not padding in this sense.
        let rounded = (end + 7) / 8 * 8
        guard size * 8 > rounded else { return nil }
        return Gap(after: last.displayName, offsetBits: rounded, sizeBits: size * 8 - rounded)
    }
}

extension Field {
    /// How many bits the member occupies (0 for a flexible array).
    public var extentBits: Int { bitWidth ?? (size ?? 0) * 8 }

    /// The name, or what stands for it in messages when there is none.
    public var displayName: String {
        name.isEmpty ? (bitWidth != nil ? "<unnamed bit-field>" : "<anonymous member>") : name
    }
}

/// What must match for two targets to share a record layout.
package struct LayoutShape: Hashable {
    package var size: Int?
    package var alignment: Int?
    var fields: [[Int?]]

    package init(_ record: Record) {
        size = record.size
        alignment = record.alignment
        fields = record.fields.map { [$0.offsetBits, $0.size, $0.bitWidth] }
    }
}

extension Record {
    /// The first member whose offset or size differs between versions of a record (one per target).
    package static func firstDifferingField(_ records: [Record]) -> String? {
        guard let base = records.first else { return nil }
        for (index, field) in base.fields.enumerated() {
            for other in records.dropFirst() {
                guard index < other.fields.count else { return field.name }
                if other.fields[index].offsetBits != field.offsetBits || other.fields[index].size != field.size {
                    return field.name.isEmpty ? "<anonymous member>" : field.name
                }
            }
        }
        return nil
    }
}
