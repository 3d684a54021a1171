import Foundation
import UAPIModel

/// Compares constants and enumerators of one target: removed, added, renamed,
/// value or type changed, macro turned enumerator, ioctl numbers.
struct ValueDiffer {
    let old: TargetSnapshot
    let new: TargetSnapshot
    let moves: HeaderMoves
    let sentinels: SentinelRule

    func changes() -> [Change] {
        // An include guard defined as 1 (`#define _LINUX_FOO_H 1`) is not a constant anyone uses.
        let values = { (target: TargetSnapshot) in
            NamedValue.all(in: target).filter { !($0.constant.value == IntegerValue(Int64(1)) && !$0.isEnumerator && IncludeGuard.looksLikeOne($0.name)) }
        }
        // The two sides are independent until compared: each half on its own core.
        let (oldAll, newAll) = inParallel({ values(old) }, { values(new) })
        let chosen = DefinitionChoice(old: oldAll, new: newAll, name: \.name, header: { moves.canonical($0.location.header) })
        let oldValues = chosen.old, newValues = chosen.new
        // A function-like macro's text is its parameter list and body: `BAR(x) 3` is not `BAR 3`.
        let macroText: (TargetSnapshot) -> [String: String] = { target in
            Dictionary(target.macros.map { ($0.name, ($0.parameters.map { "(\($0.joined(separator: ",")))" } ?? "") + $0.text) },
                       uniquingKeysWith: { a, _ in a })
        }
        let (oldMacros, newMacros) = inParallel({ macroText(old) }, { macroText(new) })
        // Each name once, in the snapshots' order: the diff's result is sorted in the end, and the
        // changes of one name keep their order below (sorting 40,000 names here cost a tenth of a diff).
        let (oldNames, newNames) = inParallel({ Self.uniqueNames(oldAll) }, { Self.uniqueNames(newAll) })
        var changes: [Change] = []

        // An old definition that is gone: the name vanished or now means something else.
        var gone: [(String, NamedValue)] = []
        for name in oldNames {
            let before = oldValues[name]!
            guard let after = newValues[name] else {
                if let text = newMacros[name] {
                    // A kernel feature switch still defined (`1` -> empty) is the same switch.
                    if FeatureMacro.isKernelInternal(before), FeatureMacro.isKernelInternal(name: name, text: text) { continue }
                    changes.append(Change(.stoppedBeingConstant(was: before.constant, sameText: text == before.text), item: item(before), name: name,
                                          header: before.location.header, oldLocation: before.location))
                } else {
                    gone.append((name, before))
                }
                continue
            }
            if before.isEnumerator != after.isEnumerator {
                gone.append((name, before))
                changes.append(change(.valueKindChanged(old: before.constant, new: after.constant), before, after))
                continue
            }
            changes += compareSameKind(before, after)
        }
        // The other headers that define a repeated name: each compared on its own.
        for (name, before, after) in chosen.others {
            switch (before, after) {
            case let (before?, after?) where before.isEnumerator == after.isEnumerator:
                changes += compareSameKind(before, after)
            case (_?, nil):
                // Still defined in the chosen header, and perhaps through an include of this one: not a removal.
                continue
            case let (nil, after?):
                changes.append(Change(.valueAdded(after.constant), item: item(after), name: name, header: after.location.header,
                                      newLocation: after.location))
            default:
                continue
            }
        }
        var fresh: [(String, NamedValue)] = newNames.filter { oldValues[$0] == nil && oldMacros[$0] == nil }.map { ($0, newValues[$0]!) }
        var knownOldNames: Set<String>?
        for name in newNames where oldMacros[name] != nil && oldValues[name] == nil {
            let after = newValues[name]!
            let oldText = oldMacros[name]!
            if FeatureMacro.isKernelInternal(after), FeatureMacro.isKernelInternal(name: name, text: oldText) { continue }
            if knownOldNames == nil { knownOldNames = KernelOnlyText.names(in: old) }
            let kernelOnly = KernelOnlyText.usesUndefinedNames(oldText, known: knownOldNames!)
            changes.append(Change(.becameConstant(after.constant, sameText: oldText == after.text, oldWasKernelOnly: kernelOnly), item: item(after),
                                  name: name, header: after.location.header, newLocation: after.location))
        }

        // A sentinel's value is where the list ends, not a meaning: it is never a rename. Nor is a name
        // kept as an alias of its new spelling (`#define V4L2_COLORSPACE_ADOBERGB V4L2_COLORSPACE_OPRGB`).
        let freshNames = Set(fresh.map(\.0))
        let isAlias = { (name: String, before: NamedValue) -> Bool in
            guard let now = newValues[name], now.sameValue(as: before), let text = now.text else { return false }
            return freshNames.contains(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t()")))
        }
        let renameable = gone.filter { name, before in !isSentinelName(before, old) && !isAlias(name, before) }
        var renames = RenameMatcher.pairs(removed: renameable, added: fresh.filter { !isSentinelName($0.1, new) },
                                          same: { $0.sameValue(as: $1) && $0.isEnumerator == $1.isEnumerator })
        renames += EnumeratorsInPlace(old: old, new: new).renames(
            removed: renameable.filter { name, _ in !renames.contains { $0.old == name } },
            added: fresh.filter { name, _ in !renames.contains { $0.new == name } })
        for (oldName, newName) in renames {
            let before = oldValues[oldName]!, after = newValues[newName]!
            var rename = change(.valueRenamed(value: before.constant, oldNameNowMeans: newValues[oldName]?.constant), before, after)
            rename.newName = newName
            changes.append(rename)
        }
        let renamedOld = Set(renames.map(\.old)), renamedNew = Set(renames.map(\.new))
        for (name, before) in gone where !renamedOld.contains(name) && newValues[name] == nil {
            let fact: ChangeFact = FeatureMacro.isKernelInternal(before) ? .kernelFeatureMacro(text: before.text ?? "", added: false) : .valueRemoved(before.constant)
            changes.append(Change(fact, item: item(before), name: name, header: before.location.header, oldLocation: before.location))
        }
        fresh.removeAll { renamedNew.contains($0.0) }
        for (name, after) in fresh {
            let fact: ChangeFact = FeatureMacro.isKernelInternal(after) ? .kernelFeatureMacro(text: after.text ?? "", added: true) : .valueAdded(after.constant)
            changes.append(Change(fact, item: item(after), name: name, header: after.location.header, newLocation: after.location))
        }
        return changes
    }

    private static func uniqueNames(_ values: [NamedValue]) -> [String] {
        var seen = Set<String>(minimumCapacity: values.count)
        return values.lazy.map(\.name).filter { seen.insert($0).inserted }
    }

    private func item(_ value: NamedValue) -> ItemKind {
        if value.ioctl != nil { return .ioctl }
        if value.isEnumerator { return .enumerator }
        return .constant
    }

    private func change(_ fact: ChangeFact, _ before: NamedValue, _ after: NamedValue) -> Change {
        Change(fact, item: item(after.ioctl != nil ? after : before), name: before.name, header: after.location.header,
               oldLocation: before.location, newLocation: after.location)
    }

    private func compareSameKind(_ before: NamedValue, _ after: NamedValue) -> [Change] {
        var changes: [Change] = []
        if let move = moves.fact(from: before.location, to: after.location) { changes.append(change(move, before, after)) }
        if let oldIoctl = before.ioctl, let newIoctl = after.ioctl {
            if let fact = ioctlFact(before, after, oldIoctl, newIoctl) { changes.append(change(fact, before, after)) }
        } else if !before.sameValue(as: after) {
            let isSentinel = isSentinelMove(before, after)
            changes.append(change(.valueChanged(old: before.constant, new: after.constant, isSentinel: isSentinel), before, after))
        }
        if case let .enumerator(oldEnum) = before.kind, case let .enumerator(newEnum) = after.kind, oldEnum != newEnum,
           !oldEnum.hasPrefix("<anon"), !newEnum.hasPrefix("<anon") {
            changes.append(change(.enumeratorMoved(fromEnum: oldEnum, toEnum: newEnum, old: before.constant, new: after.constant), before, after))
        }
        if before.cType != after.cType, !before.isEnumerator {
            let same = TypeMeaning.sameInteger(before.cType, after.cType, target: new.target)
            changes.append(change(.constantType(old: before.cType, new: after.cType, sameMeaning: same, sameValue: before.sameValue(as: after)),
                                  before, after))
        }
        return changes
    }

    /// A sentinel by its name alone: never paired as a rename.
    private func isSentinelName(_ value: NamedValue, _ target: TargetSnapshot) -> Bool {
        guard case let .enumerator(enumName) = value.kind else { return sentinels.matches(macro: value.name) }
        return sentinels.matches(enumerator: value.name, of: enumName, in: target)
    }

    /// A count that moved because entries were added: an enumerator with the rule's evidence,
    /// or a counting macro that grew.
    private func isSentinelMove(_ before: NamedValue, _ after: NamedValue) -> Bool {
        switch (before.kind, after.kind) {
        case let (.enumerator(oldEnum), .enumerator(newEnum)):
            return sentinels.isSentinelMove(enumerator: after.name, oldEnum: oldEnum, newEnum: newEnum, old: old, new: new)
        case (.macro, .macro):
            guard sentinels.matches(macro: after.name), let a = before.constant.value, let b = after.constant.value else { return false }
            return a < b
        default:
            return false
        }
    }

    private func ioctlFact(_ before: NamedValue, _ after: NamedValue, _ a: IoctlNumber, _ b: IoctlNumber) -> ChangeFact? {
        let sameNumber = before.sameValue(as: after)
        let encodingChanged = a.direction != b.direction || a.type != b.type || a.number != b.number || a.size != b.size
        guard encodingChanged || a.argumentType != b.argumentType || !sameNumber else { return nil }
        if sameNumber, a.size == b.size, a.direction == b.direction {
            // Same request number: only the argument's spelling differs (u32 / __u32, a typedef).
            return .ioctlArgumentSpelling(old: a.argumentType, new: b.argumentType)
        }
        return .ioctl(old: a, new: b, oldValue: before.constant, newValue: after.constant)
    }
}
