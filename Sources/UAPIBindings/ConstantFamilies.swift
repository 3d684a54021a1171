import UAPIModel

/// Types flag constants like the record field they are used with, so that
/// `info.flags & VFIO_DEVICE_FLAGS_PCI` compiles: C's `(1 << 1)` is an `int`, the
/// field a `__u32`, and Swift does not mix the two.
///
/// The rule: an integer field `F` of a named record `R` in the listed headers defines
/// the name prefixes `R_F_`, and `B_F_` where `B` is `R` without its last word when at
/// least two words remain (`vfio_device_info.flags` gives `VFIO_DEVICE_INFO_FLAGS_` and
/// `VFIO_DEVICE_FLAGS_`); a plural `F` also gives its singular (`VFIO_REGION_INFO_FLAG_`).
/// A constant whose name starts with such a prefix takes the field's Swift type, when
/// every family it matches agrees on that type and its value fits it.
struct ConstantFamilies {
    /// A field that gives constants their type.
    struct Family: Equatable {
        /// `vfio_device_info.flags`, for the doc comment (several joined by "`, `" when they agree).
        var field: String
        var swiftType: String
    }

    private var byPrefix: [String: [Family]] = [:]

    init(_ target: TargetSnapshot, headers: Set<String>) {
        for record in target.records where headers.contains(record.location.header) && record.isComplete && !record.isAnonymous {
            guard BindingNames.isIdentifier(record.name) else { continue }
            for field in record.fields where BindingNames.isIdentifier(field.name) {
                guard let swiftType = Self.integerType(field) else { continue }
                let family = Family(field: "\(record.name).\(field.name)", swiftType: swiftType)
                for prefix in Self.prefixes(record: record.name, field: field.name) where !(byPrefix[prefix]?.contains(family) ?? false) {
                    byPrefix[prefix, default: []].append(family)
                }
            }
        }
    }

    /// The family that types `constant`, or nil when none or several disagree.
    func family(of constant: Constant) -> Family? {
        guard constant.kind == .integer, constant.ioctl == nil, let value = constant.value else { return nil }
        var found: [Family] = []
        for (prefix, families) in byPrefix where constant.name.hasPrefix(prefix) && constant.name.count > prefix.count {
            found += families
        }
        guard let first = found.first, found.allSatisfy({ $0.swiftType == first.swiftType }),
              BindingPlan.fits(value, in: first.swiftType) else { return nil }
        // Every field that agrees is named (sorted, for the same bytes on every run):
        // `VFIO_DEVICE_FLAGS_` comes from both `vfio_device_info` and `vfio_device_feature`.
        let fields = Set(found.map(\.field)).sorted().joined(separator: "`, `")
        return Family(field: fields, swiftType: first.swiftType)
    }

    static func prefixes(record: String, field: String) -> Set<String> {
        let words = record.split(separator: "_")
        var bases = [record]
        if words.count >= 3 { bases.append(words.dropLast().joined(separator: "_")) }
        var fields = [field]
        if field.count > 1, field.hasSuffix("s") { fields.append(String(field.dropLast())) }
        return Set(bases.flatMap { base in fields.map { "\(base)_\($0)_".uppercased() } })
    }

    /// Fixed-width integer fields only: not arrays, enums, records or pointers.
    private static func integerType(_ field: Field) -> String? {
        guard !field.isFlexibleArray, field.record == nil, let type = SwiftNames.type(ofC: field.canonicalType),
              type.hasPrefix("Int") || type.hasPrefix("UInt") else { return nil }
        return type
    }
}
