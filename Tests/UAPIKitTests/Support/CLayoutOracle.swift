import Foundation
import UAPIKit

/// Writes C that makes gcc check every layout fact of a snapshot target:
/// `_Static_assert` on sizeof, _Alignof and offsetof, and static objects with
/// one bit-field set to all ones, whose bytes the test reads back.
struct CLayoutOracle {
    let target: TargetSnapshot
    let includes: [String]
    let prelude: String

    struct BitFieldProbe {
        var symbol: String
        var record: String
        var field: Field
    }

    func source() -> (text: String, probes: [BitFieldProbe], assertions: Int) {
        var lines = [prelude] + includes.map { "#include \"\($0)\"" } + ["#include <stddef.h>"]
        var probes: [BitFieldProbe] = []
        var count = 0
        func check(_ condition: String, _ message: String) {
            lines.append("_Static_assert(\(condition), \"\(message.replacingOccurrences(of: "\"", with: "'"))\");")
            count += 1
        }
        for record in target.records where record.isComplete {
            guard let type = typeExpression(record.name) else { continue }
            let isAnonymousMember = record.name.hasSuffix(">") && record.name.contains("::<anon")
            if !isAnonymousMember, let size = record.size, let alignment = record.alignment {
                check("sizeof(\(type)) == \(size)", "sizeof \(record.name)")
                check("_Alignof(\(type)) == \(alignment)", "_Alignof \(record.name)")
            }
            // Members of anonymous members are reached directly from the owner in C.
            guard let ownerType = typeExpression(record.name) else { continue }
            for field in record.fields where !field.name.isEmpty {
                if field.bitWidth != nil {
                    let symbol = "__uapi_bitfield_\(probes.count)"
                    lines.append("const \(ownerType) \(symbol) = { .\(field.name) = -1 };")
                    probes.append(BitFieldProbe(symbol: symbol, record: record.name, field: field))
                } else {
                    check("offsetof(\(ownerType), \(field.name)) == \(field.offsetBytes)", "offsetof \(record.name).\(field.name)")
                    if let size = field.size {
                        check("sizeof(((\(ownerType) *)0)->\(field.name)) == \(size)", "sizeof \(record.name).\(field.name)")
                    }
                }
            }
        }
        return (lines.joined(separator: "\n") + "\n", probes, count)
    }

    /// A C type for a record path: `struct a`, a typedef name, or
    /// `__typeof__(((struct a *)0)->member[0])` for `a.member[]`.
    func typeExpression(_ path: String) -> String? {
        var segments = path.components(separatedBy: ".").map { segment in
            // `a::<anon union at 8>` is transparent: its members are members of `a`.
            segment.range(of: "::<anon").map { String(segment[..<$0.lowerBound]) } ?? segment
        }
        let root = segments.removeFirst()
        guard let record = target.record(named: root) else { return nil }
        var type = record.isAnonymous ? root : "\(record.kind.rawValue) \(root)"
        for segment in segments {
            let isArray = segment.hasSuffix("[]")
            let member = isArray ? String(segment.dropLast(2)) : segment
            type = "__typeof__(((\(type) *)0)->\(member)\(isArray ? "[0]" : ""))"
        }
        return type
    }

    /// Checks the bits gcc set for each probe against the snapshot; returns mismatches.
    static func verify(_ probes: [BitFieldProbe], assembly: String, target: String) -> [String] {
        let symbols = AssemblyData.symbols(in: assembly, target: target)
        return probes.compactMap { probe in
            guard let bytes = symbols[probe.symbol] else {
                return "\(probe.record).\(probe.field.name): gcc emitted no data for \(probe.symbol)"
            }
            var set: [Int] = []
            for (index, byte) in bytes.enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 { set.append(index * 8 + bit) }
            }
            let start = probe.field.offsetBits, width = probe.field.bitWidth ?? 0
            return set == Array(start..<(start + width)) ? nil
                : "\(probe.record).\(probe.field.name) on \(target): gcc sets bits \(set), snapshot says \(width) bits from \(start)"
        }
    }
}
