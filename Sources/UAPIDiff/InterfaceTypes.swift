import UAPIModel

/// The types a header's functions and variables use, followed through typedefs and the
/// fields of the records they reach: a library's interface. A handle a prototype takes by
/// value, or a struct it reads through a pointer, is part of the ABI wherever it is defined.
struct InterfaceTypes {
    private(set) var records: Set<String> = []
    private(set) var typedefs: Set<String> = []
    private(set) var enums: Set<String> = []

    /// False when the side declares no function and no variable: there is no interface to reach from.
    let hasDeclarations: Bool

    init(_ target: TargetSnapshot) {
        hasDeclarations = !target.functions.isEmpty || !target.variables.isEmpty
        guard hasDeclarations else { return }
        let aside = target.included ?? IncludedDefinitions()
        var recordsByName: [String: [Record]] = [:]
        for record in target.records + aside.records { recordsByName[record.name, default: []].append(record) }
        var typedefsByName: [String: [Typedef]] = [:]
        for typedef in target.typedefs + aside.typedefs { typedefsByName[typedef.name, default: []].append(typedef) }

        var pending = target.functions.flatMap { function in
            [function.returnType, function.canonicalReturnType] + function.parameters.flatMap { [$0.type, $0.canonicalType] }
        } + target.variables.flatMap { [$0.type, $0.canonicalType] }
        while let type = pending.popLast() {
            for base in Self.bases(of: type) {
                switch base {
                case let .record(name):
                    guard records.insert(name).inserted else { continue }
                    for record in recordsByName[name] ?? [] {
                        pending += record.fields.flatMap { [$0.type, $0.canonicalType] }
                        // Anonymous members and untagged member types hold fields of the record too.
                        for member in recordsByName.keys where member.hasPrefix(name + ".") || member.hasPrefix(name + "::") {
                            pending += (recordsByName[member] ?? []).flatMap { $0.fields.flatMap { [$0.type, $0.canonicalType] } }
                        }
                    }
                case let .enumeration(name):
                    enums.insert(name)
                case let .name(name):
                    guard typedefsByName[name] != nil || recordsByName[name] != nil else { continue }
                    if typedefsByName[name] != nil, !typedefs.insert(name).inserted { continue }
                    // A typedef of an untagged record names the record by the typedef's name.
                    if recordsByName[name] != nil { pending.append("struct \(name)") }
                    pending += (typedefsByName[name] ?? []).flatMap { [$0.underlyingType, $0.canonicalType] }
                }
            }
        }
    }

    /// Whether a change to `name` (a record, `record.field`, typedef or enum) is to the interface.
    func contains(_ change: Change) -> Bool {
        switch change.item {
        case .record, .field:
            let root = change.name.prefix { $0 != "." && $0 != ":" }
            return records.contains(String(root)) || typedefs.contains(String(root))
        case .typedef: return typedefs.contains(change.name)
        case .enum: return enums.contains(change.name)
        case .header, .enumerator, .constant, .ioctl, .macro, .function, .variable: return true
        }
    }

    private enum Base {
        case record(String), enumeration(String), name(String)
    }

    /// Every type a type spelling names, function pointer parameters included:
    /// `int (*)(struct cbarg *, handle_t)` -> record `cbarg`, name `handle_t`.
    private static func bases(of type: String) -> [Base] {
        let words = CWords.identifiers(in: type)
        var result: [Base] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if ["struct", "union", "enum"].contains(word), index + 1 < words.count {
                result.append(word == "enum" ? .enumeration(words[index + 1]) : .record(words[index + 1]))
                index += 2
                continue
            }
            if !CWords.keywords.contains(word) { result.append(.name(word)) }
            index += 1
        }
        return result
    }
}
