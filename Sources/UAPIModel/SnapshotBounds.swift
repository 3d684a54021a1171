/// The ranges a snapshot's numbers must lie in. A snapshot file is input like any
/// other: a size of -2^63 or 2^62 cannot come from a C compiler, and the diff and
/// lint arithmetic on it (`size * 8`, `offset + size`) would overflow and trap.
enum SnapshotBounds {
    /// 2^40 bytes: larger than any object a 64-bit target can address in practice.
    static let maxBytes = 1 << 40
    /// Bits and bytes in ioctl numbers, lines in headers: 2^32.
    static let maxSmall = 1 << 32

    /// The first number out of range, as "where: what", or nil.
    static func violation(in snapshot: Snapshot) -> String? {
        for target in snapshot.targets {
            for record in target.records {
                let place = "\(target.target) record \(record.name)"
                if let problem = check(record.size, upTo: maxBytes, "size")
                    ?? check(record.alignment, upTo: maxBytes, "alignment")
                    ?? check(record.alignedAttribute, upTo: maxBytes, "alignedAttribute")
                    ?? check(record.location.line, upTo: maxSmall, "line") {
                    return "\(place): \(problem)"
                }
                for field in record.fields {
                    if let problem = check(field.offsetBits, upTo: maxBytes * 8, "offsetBits")
                        ?? check(field.size, upTo: maxBytes, "size") ?? check(field.bitWidth, upTo: maxSmall, "bitWidth") {
                        return "\(place) field \(field.name): \(problem)"
                    }
                }
            }
            for constant in target.constants {
                guard let ioctl = constant.ioctl else { continue }
                if let problem = check(ioctl.size, upTo: maxSmall, "ioctl size") ?? check(ioctl.type, upTo: maxSmall, "ioctl type")
                    ?? check(ioctl.number, upTo: maxSmall, "ioctl number") {
                    return "\(target.target) constant \(constant.name): \(problem)"
                }
            }
        }
        return nil
    }

    private static func check(_ value: Int?, upTo limit: Int, _ what: String) -> String? {
        guard let value, value < 0 || value > limit else { return nil }
        return "\(what) \(value) is outside 0...\(limit)"
    }
}
