import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// A short human summary of a snapshot: counts per listed header, and the
/// records whose layout differs between the targets.
public enum SnapshotSummary {
    public static func render(_ snapshot: Snapshot) -> String {
        guard let first = snapshot.targets.first else { return "empty snapshot\n" }
        let headers = first.headers.filter(\.listed).map(\.path)
        var lines = ["Snapshot of \(headers.count) header\(headers.count == 1 ? "" : "s") for \(snapshot.targets.map(\.target).joined(separator: ", "))", ""]
        let width = max(6, headers.map(\.count).max() ?? 0)
        lines.append(pad("header", width) + "  records  enums  constants  ioctls")
        for header in headers {
            let records = first.records.filter { $0.location.header == header && !$0.isAnonymous }.count
            let enums = first.enums.filter { $0.location.header == header }.count
            let constants = first.constants.filter { $0.location.header == header }
            let ioctls = constants.filter { $0.ioctl != nil }.count
            lines.append(pad(header, width) + "  " + column(records, 7) + "  " + column(enums, 5) + "  "
                         + column(constants.count, 9) + "  " + column(ioctls, 6))
        }
        let differing = layoutDifferences(snapshot, headers: Set(headers))
        lines.append("")
        if snapshot.targets.count < 2 {
            lines.append("One target: no cross-target layout comparison.")
        } else if differing.isEmpty {
            lines.append("Every record has the same layout on all targets.")
        } else {
            lines.append("\(differing.count) record\(differing.count == 1 ? "" : "s") with a layout that differs between targets:")
            lines += differing.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `header: record: size 24 on x86_64, aarch64; 20 on i386 (first differing field: cap_offset)`.
    static func layoutDifferences(_ snapshot: Snapshot, headers: Set<String>) -> [String] {
        guard let first = snapshot.targets.first else { return [] }
        var result: [String] = []
        for record in first.records where headers.contains(record.location.header) && record.isComplete {
            let versions = snapshot.targets.compactMap { target in target.record(named: record.name).map { (target.target, $0) } }
            let shapes = versions.map { LayoutShape($0.1) }
            guard Set(shapes).count > 1 else { continue }
            var groups: [(LayoutShape, [String])] = []
            for (target, shape) in zip(versions.map(\.0), shapes) {
                if let index = groups.firstIndex(where: { $0.0 == shape }) { groups[index].1.append(target) } else { groups.append((shape, [target])) }
            }
            let layouts = groups.map { shape, targets in
                "\(shape.size.map(String.init) ?? "?") bytes, align \(shape.alignment.map(String.init) ?? "?") on \(targets.joined(separator: ", "))"
            }.joined(separator: "; ")
            let field = Record.firstDifferingField(versions.map(\.1)).map { " (first differing field: \($0))" } ?? ""
            result.append("\(record.location.header): \(record.name): \(layouts)\(field)")
        }
        return result
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func column(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

