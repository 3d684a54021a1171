import UAPIModel

/// Compares typedefs, named enums, non-constant macros and listed headers of one target.
struct DeclarationDiffer {
    let old: TargetSnapshot
    let new: TargetSnapshot

    func changes() -> [Change] {
        typedefs() + enums() + macros() + headers()
    }

    private func typedefs() -> [Change] {
        let before = Dictionary(old.typedefs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.typedefs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for (name, typedef) in before where after[name] == nil {
            changes.append(Change(category: .removed, item: .typedef, name: name, header: typedef.location.header,
                                  oldLocation: typedef.location, old: typedef.canonicalType, message: "typedef \(name) was removed"))
        }
        for (name, typedef) in after {
            guard let previous = before[name] else {
                changes.append(Change(category: .added, item: .typedef, name: name, header: typedef.location.header,
                                      newLocation: typedef.location, new: typedef.canonicalType, message: "typedef \(name) was added"))
                continue
            }
            if !TypeMeaning.sameInteger(previous.canonicalType, typedef.canonicalType, target: new.target) {
                changes.append(Change(category: .typeChanged, item: .typedef, name: name, header: typedef.location.header,
                                      oldLocation: previous.location, newLocation: typedef.location,
                                      old: previous.canonicalType, new: typedef.canonicalType,
                                      message: "typedef \(name) changed from \(previous.canonicalType) to \(typedef.canonicalType)"))
            } else if previous.underlyingType != typedef.underlyingType || previous.canonicalType != typedef.canonicalType {
                changes.append(Change(category: .spellingChanged, item: .typedef, name: name, header: typedef.location.header,
                                      oldLocation: previous.location, newLocation: typedef.location,
                                      old: previous.underlyingType, new: typedef.underlyingType,
                                      message: "typedef \(name) is spelled \(typedef.underlyingType) instead of \(previous.underlyingType); both are \(typedef.canonicalType)"))
            }
        }
        return changes
    }

    /// Named enums as types; their enumerators are compared as values.
    private func enums() -> [Change] {
        let named: (TargetSnapshot) -> [String: EnumDecl] = { target in
            Dictionary(target.enums.filter { !$0.isAnonymous }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let before = named(old), after = named(new)
        var changes: [Change] = []
        for (name, decl) in before where after[name] == nil {
            changes.append(Change(category: .removed, item: .enum, name: name, header: decl.location.header,
                                  oldLocation: decl.location, message: "enum \(name) was removed"))
        }
        for (name, decl) in after {
            guard let previous = before[name] else {
                changes.append(Change(category: .added, item: .enum, name: name, header: decl.location.header,
                                      newLocation: decl.location, message: "enum \(name) was added"))
                continue
            }
            if previous.underlyingType != decl.underlyingType {
                changes.append(Change(category: .typeChanged, item: .enum, name: name, header: decl.location.header,
                                      oldLocation: previous.location, newLocation: decl.location,
                                      old: previous.underlyingType, new: decl.underlyingType,
                                      message: "underlying type of enum \(name) changed from \(previous.underlyingType) to \(decl.underlyingType)"))
            }
        }
        return changes
    }

    /// Function-like and non-constant macros: source-level facts.
    private func macros() -> [Change] {
        let constantNames: (TargetSnapshot) -> Set<String> = { target in
            Set(target.constants.map(\.name)).union(target.enums.flatMap { $0.enumerators.map(\.name) })
        }
        let interesting: (Macro) -> Bool = { $0.status != .empty }
        let before = Dictionary(old.macros.filter(interesting).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.macros.filter(interesting).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let oldConstants = constantNames(old), newConstants = constantNames(new)
        var changes: [Change] = []
        for (name, macro) in before where after[name] == nil && !newConstants.contains(name) {
            changes.append(Change(category: .removed, item: .macro, name: name, header: macro.location.header,
                                  oldLocation: macro.location, old: macro.text, message: "macro \(name) was removed"))
        }
        for (name, macro) in after {
            guard let previous = before[name] else {
                if !oldConstants.contains(name) {
                    changes.append(Change(category: .added, item: .macro, name: name, header: macro.location.header,
                                          newLocation: macro.location, new: macro.text, message: "macro \(name) was added"))
                }
                continue
            }
            if previous.text != macro.text || previous.parameters != macro.parameters {
                changes.append(Change(category: .macroChanged, item: .macro, name: name, header: macro.location.header,
                                      oldLocation: previous.location, newLocation: macro.location,
                                      old: previous.text, new: macro.text, message: "macro \(name) changed its definition"))
            }
        }
        return changes
    }

    /// Listed headers that appeared or disappeared. One listed header on each side
    /// is taken to be the same header, whatever its file is called.
    private func headers() -> [Change] {
        let before = old.headers.filter(\.listed).map(\.path), after = new.headers.filter(\.listed).map(\.path)
        if before.count == 1, after.count == 1 { return [] }
        var changes: [Change] = []
        for header in Set(before).subtracting(after).sorted() {
            changes.append(Change(category: .removed, item: .header, name: header, header: header, message: "header \(header) was removed"))
        }
        for header in Set(after).subtracting(before).sorted() {
            changes.append(Change(category: .added, item: .header, name: header, header: header, message: "header \(header) was added"))
        }
        return changes
    }
}
