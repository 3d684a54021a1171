import Foundation
import UAPIModel

/// Compares typedefs, named enums, non-constant macros and listed headers of one target.
struct DeclarationDiffer {
    let old: TargetSnapshot
    let new: TargetSnapshot
    let moves: HeaderMoves

    func changes() -> [Change] {
        typedefs() + enums() + macros() + functions() + variables() + headers()
    }

    private func typedefs() -> [Change] {
        let chosen = DefinitionChoice(old: old.typedefs, new: new.typedefs, name: \.name, header: { moves.canonical($0.location.header) })
        let before = chosen.old, after = chosen.new
        // The first record of each name, as `TargetSnapshot.record(named:)` finds it, without a scan per typedef.
        let (oldRecords, newRecords) = inParallel({ Self.firstRecords(old) }, { Self.firstRecords(new) })
        var changes: [Change] = []
        let aliases = Dictionary(new.macros.map { ($0.name, $0.text.trimmingCharacters(in: .whitespaces)) }, uniquingKeysWith: { a, _ in a })
        for (name, typedef) in before where after[name] == nil {
            // `#define uuid_le guid_t`: the old name still spells a type of the same meaning.
            if let target = aliases[name], let aliased = after[target],
               aliased.canonicalType == typedef.canonicalType || Self.sameOwnRecord(typedef, oldRecords, aliased, newRecords) {
                changes.append(Change(.typedefAliased(to: target), item: .typedef, name: name, header: aliased.location.header,
                                      oldLocation: typedef.location, newLocation: aliased.location))
                continue
            }
            changes.append(Change(.typedefRemoved(canonical: typedef.canonicalType), item: .typedef, name: name,
                                  header: typedef.location.header, oldLocation: typedef.location))
        }
        for (name, earlier, typedef) in chosen.comparisons {
            guard let previous = earlier else {
                changes.append(Change(.typedefAdded(canonical: typedef.canonicalType), item: .typedef, name: name,
                                      header: typedef.location.header, newLocation: typedef.location))
                continue
            }
            if let move = moves.fact(from: previous.location, to: typedef.location) {
                changes.append(Change(move, item: .typedef, name: name, header: typedef.location.header,
                                      oldLocation: previous.location, newLocation: typedef.location))
            }
            let fact: ChangeFact
            // `typedef struct { ... } x` and `typedef struct x { ... } x` name one record, compared as a record,
            // when each side's record `x` is the one its typedef names (untagged for `x`, tagged for `struct x`).
            let sameRecord = Self.namesOwnRecord(previous, in: oldRecords) && Self.namesOwnRecord(typedef, in: newRecords)
            if sameRecord, previous.underlyingType == typedef.underlyingType { continue }
            if !sameRecord, !TypeMeaning.sameInteger(previous.canonicalType, typedef.canonicalType, target: new.target) {
                fact = .typedefType(old: previous.canonicalType, new: typedef.canonicalType)
            } else if previous.underlyingType != typedef.underlyingType || previous.canonicalType != typedef.canonicalType {
                fact = .typedefSpelling(old: previous.underlyingType, new: typedef.underlyingType, canonical: typedef.canonicalType)
            } else {
                continue
            }
            changes.append(Change(fact, item: .typedef, name: name, header: typedef.location.header,
                                  oldLocation: previous.location, newLocation: typedef.location))
        }
        return changes
    }

    /// Whether the typedef names the record of its own name in `target`: `x` for the untagged
    /// record the typedef names, `struct x` / `union x` for the tagged one.
    private static func namesOwnRecord(_ typedef: Typedef, in records: [String: Record]) -> Bool {
        guard let record = records[typedef.name] else { return false }
        if typedef.canonicalType == typedef.name { return record.isAnonymous }
        return !record.isAnonymous && ["struct ", "union "].contains { typedef.canonicalType == $0 + typedef.name }
    }

    /// Two typedefs of untagged records with the same layout.
    private static func sameOwnRecord(_ a: Typedef, _ oldRecords: [String: Record], _ b: Typedef, _ newRecords: [String: Record]) -> Bool {
        guard namesOwnRecord(a, in: oldRecords), namesOwnRecord(b, in: newRecords), let left = oldRecords[a.name], let right = newRecords[b.name],
              left.isComplete, right.isComplete, left.kind == right.kind else { return false }
        return RecordShape(left).ignoringAlignment == RecordShape(right).ignoringAlignment
    }

    private static func firstRecords(_ target: TargetSnapshot) -> [String: Record] {
        Dictionary(target.records.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Named enums as types; their enumerators are compared as values.
    private func enums() -> [Change] {
        let chosen = DefinitionChoice(old: old.enums.filter { !$0.isAnonymous }, new: new.enums.filter { !$0.isAnonymous },
                                      name: \.name, header: { moves.canonical($0.location.header) })
        let before = chosen.old, after = chosen.new
        var changes: [Change] = []
        for (name, decl) in before where after[name] == nil {
            changes.append(Change(.enumRemoved, item: .enum, name: name, header: decl.location.header, oldLocation: decl.location))
        }
        for (name, earlier, decl) in chosen.comparisons {
            guard let previous = earlier else {
                changes.append(Change(.enumAdded, item: .enum, name: name, header: decl.location.header, newLocation: decl.location))
                continue
            }
            if let move = moves.fact(from: previous.location, to: decl.location) {
                changes.append(Change(move, item: .enum, name: name, header: decl.location.header,
                                      oldLocation: previous.location, newLocation: decl.location))
            }
            if previous.underlyingType != decl.underlyingType {
                changes.append(Change(.enumUnderlyingType(old: previous.underlyingType, new: decl.underlyingType), item: .enum,
                                      name: name, header: decl.location.header, oldLocation: previous.location, newLocation: decl.location))
            }
        }
        return changes
    }

    /// Function-like and non-constant macros: source-level facts.
    private func macros() -> [Change] {
        let constantNames: (TargetSnapshot) -> Set<String> = { target in
            Set(target.constants.map(\.name)).union(target.enums.flatMap { $0.enumerators.map(\.name) })
        }
        // Empty macros count (feature tests such as `__ARCH_WANT_*`), include guards do not.
        let interesting: (Macro) -> Bool = { $0.status != .empty || !IncludeGuard.looksLikeOne($0.name) }
        let chosen = DefinitionChoice(old: old.macros.filter(interesting), new: new.macros.filter(interesting),
                                      name: \.name, header: { moves.canonical($0.location.header) })
        let before = chosen.old, after = chosen.new
        let oldConstants = constantNames(old), newConstants = constantNames(new)
        var changes: [Change] = []
        let fact = { (macro: Macro, added: Bool) -> ChangeFact in
            if FeatureMacro.isKernelInternal(name: macro.name, text: macro.text) { return .kernelFeatureMacro(text: macro.text, added: added) }
            return added ? .macroAdded(text: macro.text) : .macroRemoved(text: macro.text)
        }
        for (name, macro) in before where after[name] == nil && !newConstants.contains(name) {
            changes.append(Change(fact(macro, false), item: .macro, name: name, header: macro.location.header,
                                  oldLocation: macro.location))
        }
        for (name, earlier, macro) in chosen.comparisons {
            guard let previous = earlier else {
                if !oldConstants.contains(name) {
                    changes.append(Change(fact(macro, true), item: .macro, name: name, header: macro.location.header,
                                          newLocation: macro.location))
                }
                continue
            }
            if let move = moves.fact(from: previous.location, to: macro.location) {
                changes.append(Change(move, item: .macro, name: name, header: macro.location.header,
                                      oldLocation: previous.location, newLocation: macro.location))
            }
            if previous.text != macro.text || previous.parameters != macro.parameters {
                changes.append(Change(.macroText(old: previous.text, new: macro.text), item: .macro, name: name,
                                      header: macro.location.header, oldLocation: previous.location, newLocation: macro.location))
            }
        }
        return changes
    }

    /// Prototypes and inline helpers: a program calls them by name with these types.
    private func functions() -> [Change] {
        linked(old.functions, new.functions, item: .function, name: \.name, location: \.location,
               added: { .functionAdded(signature: $0.canonicalSignature) }, removed: { .functionRemoved(signature: $0.canonicalSignature) }) { previous, function in
            if previous.canonicalSignature != function.canonicalSignature, Self.onlyPointeesGainedConst(previous, function) {
                return .functionParameterConst(old: previous.canonicalSignature, new: function.canonicalSignature)
            } else if previous.canonicalSignature != function.canonicalSignature {
                return .functionSignature(old: previous.canonicalSignature, new: function.canonicalSignature)
            } else if previous.writtenSignature != function.writtenSignature {
                return .functionSpelling(old: previous.writtenSignature, new: function.writtenSignature)
            }
            return nil
        }
    }

    /// Extern variables: a program links against the symbol with the type it was built for.
    private func variables() -> [Change] {
        linked(old.variables, new.variables, item: .variable, name: \.name, location: \.location,
               added: { .variableAdded(type: $0.canonicalType) }, removed: { .variableRemoved(type: $0.canonicalType) }) { previous, variable in
            if previous.isStatic, variable.isStatic, let before = ArrayShape.split(previous.canonicalType),
               let after = ArrayShape.split(variable.canonicalType), before.element == after.element, let a = before.count, let b = after.count, b > a,
               previous.isThreadLocal == variable.isThreadLocal {
                return .staticTableGrew(old: previous.canonicalType, new: variable.canonicalType)
            }
            if previous.linkedType != variable.linkedType { return .variableType(old: previous.linkedType, new: variable.linkedType) }
            if previous.type != variable.type { return .variableSpelling(old: previous.type, new: variable.type) }
            return nil
        }
    }

    /// Symbols a program links against by name: removed, added, moved, or changed as `compare` says.
    private func linked<T>(_ oldItems: [T], _ newItems: [T], item: ItemKind, name: KeyPath<T, String>, location: KeyPath<T, SourceLocation>,
                           added: (T) -> ChangeFact, removed: (T) -> ChangeFact, compare: (T, T) -> ChangeFact?) -> [Change] {
        let chosen = DefinitionChoice(old: oldItems, new: newItems, name: { $0[keyPath: name] }, header: { moves.canonical($0[keyPath: location].header) })
        var changes: [Change] = []
        for (key, before) in chosen.old where chosen.new[key] == nil {
            changes.append(Change(removed(before), item: item, name: key, header: before[keyPath: location].header,
                                  oldLocation: before[keyPath: location]))
        }
        for (key, earlier, after) in chosen.comparisons {
            let place = after[keyPath: location]
            guard let before = earlier else {
                changes.append(Change(added(after), item: item, name: key, header: place.header, newLocation: place))
                continue
            }
            let change = { (fact: ChangeFact) in
                Change(fact, item: item, name: key, header: place.header, oldLocation: before[keyPath: location], newLocation: place)
            }
            if let move = moves.fact(from: before[keyPath: location], to: place) { changes.append(change(move)) }
            if let fact = compare(before, after) { changes.append(change(fact)) }
        }
        return changes
    }

    /// The same return type and parameters but for pointer parameters whose pointee gained `const`.
    private static func onlyPointeesGainedConst(_ old: FunctionDecl, _ new: FunctionDecl) -> Bool {
        guard old.canonicalReturnType == new.canonicalReturnType, old.isVariadic == new.isVariadic, old.isStatic == new.isStatic,
              old.callingConvention == new.callingConvention,
              old.isInline == new.isInline, old.parameters.count == new.parameters.count else { return false }
        return zip(old.parameters, new.parameters).allSatisfy { a, b in
            ParameterType.adjusted(a.canonicalType) == ParameterType.adjusted(b.canonicalType)
                || ParameterType.pointeeGainedConst(old: a.canonicalType, new: b.canonicalType)
        }
    }

    /// Listed headers that appeared or disappeared. One listed header on each side
    /// is taken to be the same header, whatever its file is called.
    private func headers() -> [Change] {
        let before = old.headers.filter(\.listed).map(\.path), after = new.headers.filter(\.listed).map(\.path)
        if before.count == 1, after.count == 1 { return [] }
        // `asm-x86/kvm.h` in a QEMU copy is `x86_64-linux-gnu/asm/kvm.h` (`asm/kvm.h`) of an installed tree.
        let target = Target.named(new.target)
        let canonical = { (paths: [String]) in Set(paths.map { HeaderMoves.canonical($0, target: target) }) }
        let (oldNames, newNames) = (canonical(before), canonical(after))
        let removed = before.filter { !newNames.contains(HeaderMoves.canonical($0, target: target)) }.sorted()
            .map { Change(.headerRemoved, item: .header, name: $0, header: $0) }
        let added = after.filter { !oldNames.contains(HeaderMoves.canonical($0, target: target)) }.sorted()
            .map { Change(.headerAdded, item: .header, name: $0, header: $0) }
        return removed + added
    }
}
