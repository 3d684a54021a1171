import UAPIModel
import UAPIDiff

/// The definitions a history follows in a snapshot, named as the differ names them:
/// `vfio_device_info`, `vfio_device_info.cap_offset` (members of anonymous structs
/// and unions under their owner), `VFIO_DEVICE_STATE_STOP` (macro or enumerator alike).
struct Inventory: Equatable {
    struct Definition: Equatable {
        var item: ItemKind
        var header: String
    }

    var definitions: [String: Definition] = [:]

    init(_ snapshot: Snapshot) {
        for target in snapshot.targets { add(target) }
    }

    subscript(name: String) -> Definition? { definitions[name] }

    private mutating func add(_ target: TargetSnapshot) {
        let records = Dictionary(target.records.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for record in target.records where !record.name.contains("::<anon") {
            note(record.name, .record, record.location.header)
            for field in Inventory.fields(of: record, records: records) {
                note("\(record.name).\(field.name)", .field, record.location.header)
            }
        }
        // Macros and enumerators share one namespace, as in C and in the differ.
        for constant in target.constants {
            note(constant.name, constant.ioctl != nil ? .ioctl : .constant, constant.location.header)
        }
        for decl in target.enums {
            if !decl.isAnonymous { note(decl.name, .enum, decl.location.header) }
            for enumerator in decl.enumerators { note(enumerator.name, .enumerator, decl.location.header) }
        }
        for typedef in target.typedefs { note(typedef.name, .typedef, typedef.location.header) }
        for macro in target.macros { note(macro.name, .macro, macro.location.header) }
    }

    private mutating func note(_ name: String, _ item: ItemKind, _ header: String) {
        if definitions[name] == nil { definitions[name] = Definition(item: item, header: header) }
    }

    /// Named fields, with the members of anonymous structs and unions in their place;
    /// an unnamed bit-field is padding and not a definition.
    static func fields(of record: Record, records: [String: Record]) -> [Field] {
        record.fields.flatMap { field -> [Field] in
            guard field.name.isEmpty else { return [field] }
            guard let path = field.record, path.contains("::<anon"), let member = records[path] else { return [] }
            return fields(of: member, records: records)
        }
    }
}
