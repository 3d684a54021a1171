import UAPIModel

/// Compares constants and enumerators of one target: removed, added, renamed,
/// value or type changed, macro turned enumerator, ioctl numbers.
struct ValueDiffer {
    let old: TargetSnapshot
    let new: TargetSnapshot
    let sentinel: (NamedValue, TargetSnapshot) -> Bool

    func changes() -> [Change] {
        let oldValues = NamedValue.all(in: old), newValues = NamedValue.all(in: new)
        let oldMacros = Set(old.macros.map(\.name)), newMacros = Set(new.macros.map(\.name))
        var changes: [Change] = []

        // An old definition that is gone: the name vanished or now means something else.
        var gone: [(String, NamedValue)] = []
        for (name, before) in oldValues.sorted(by: { $0.key < $1.key }) {
            guard let after = newValues[name] else {
                if newMacros.contains(name) {
                    changes.append(Change(category: .kindChanged, item: item(before), name: name, header: before.location.header,
                                          oldLocation: before.location, old: before.described, new: "macro that is not a constant",
                                          message: "\(name) no longer evaluates to a constant (was \(before.described))"))
                } else {
                    gone.append((name, before))
                }
                continue
            }
            if before.kindWord != after.kindWord {
                gone.append((name, before))
                let kept = before.sameValue(as: after)
                changes.append(change(.kindChanged, before, after,
                                      "\(name) changed from \(before.described) to \(after.described)"
                                        + (kept ? "" : "; binaries built against the old header use \(before.displayValue)")))
                continue
            }
            changes += compareSameKind(before, after)
        }
        var fresh: [(String, NamedValue)] = newValues.filter { oldValues[$0.key] == nil && !oldMacros.contains($0.key) }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (name, after) in newValues.sorted(by: { $0.key < $1.key }) where oldMacros.contains(name) && oldValues[name] == nil {
            changes.append(Change(category: .kindChanged, item: item(after), name: name, header: after.location.header,
                                  newLocation: after.location, old: "macro that is not a constant", new: after.described,
                                  message: "\(name) now evaluates to a constant (\(after.described))"))
        }

        let renames = RenameMatcher.pairs(removed: gone, added: fresh, same: { $0.sameValue(as: $1) && $0.kindWord == $1.kindWord })
        for (oldName, newName) in renames {
            let before = oldValues[oldName]!, after = newValues[newName]!
            let nameStillUsed = newValues[oldName] != nil
            var rename = change(.renamed, before, after,
                                "\(oldName) (\(before.described)) is now \(newName)"
                                  + (nameStillUsed ? "; the old name now means \(newValues[oldName]!.described)" : "; the old name is gone for source users"))
            rename.newName = newName
            rename.old = oldName
            rename.new = newName
            changes.append(rename)
        }
        let renamedOld = Set(renames.map(\.old)), renamedNew = Set(renames.map(\.new))
        for (name, before) in gone where !renamedOld.contains(name) && newValues[name] == nil {
            changes.append(Change(category: .removed, item: item(before), name: name, header: before.location.header,
                                  oldLocation: before.location, old: before.described,
                                  message: "\(before.displayWord) \(name) (\(before.displayValue)) was removed"))
        }
        fresh.removeAll { renamedNew.contains($0.0) }
        for (name, after) in fresh {
            changes.append(Change(category: .added, item: item(after), name: name, header: after.location.header,
                                  newLocation: after.location, new: after.described,
                                  message: "\(after.displayWord) \(name) (\(after.displayValue)) was added"))
        }
        return changes
    }

    private func item(_ value: NamedValue) -> ItemKind {
        if value.ioctl != nil { return .ioctl }
        if case .enumerator = value.kind { return .enumerator }
        return .constant
    }

    private func change(_ category: ChangeCategory, _ before: NamedValue, _ after: NamedValue, _ message: String) -> Change {
        Change(category: category, item: item(after.ioctl != nil ? after : before), name: before.name, header: after.location.header,
               oldLocation: before.location, newLocation: after.location, old: before.described, new: after.described,
               message: message)
    }

    private func compareSameKind(_ before: NamedValue, _ after: NamedValue) -> [Change] {
        let name = before.name
        var changes: [Change] = []
        if let oldIoctl = before.ioctl, let newIoctl = after.ioctl {
            if let change = ioctlChange(name, before, after, oldIoctl, newIoctl) { changes.append(change) }
        } else if !before.sameValue(as: after) {
            let category: ChangeCategory = sentinel(before, old) || sentinel(after, new) ? .sentinelChanged : .valueChanged
            var change = change(category, before, after, "\(before.displayWord) \(name) changed value from \(before.displayValue) to \(after.displayValue)")
            change.old = before.displayValue
            change.new = after.displayValue
            changes.append(change)
        }
        if case let .enumerator(oldEnum) = before.kind, case let .enumerator(newEnum) = after.kind, oldEnum != newEnum,
           !oldEnum.hasPrefix("<anon"), !newEnum.hasPrefix("<anon") {
            changes.append(change(.kindChanged, before, after, "enumerator \(name) moved from enum \(oldEnum) to enum \(newEnum)"))
        }
        if before.cType != after.cType, before.kindWord == "macro" {
            let same = TypeMeaning.sameInteger(before.cType, after.cType, target: new.target)
            var change = change(same ? .spellingChanged : .typeChanged, before, after,
                                "type of \(name) changed from \(before.cType) to \(after.cType)" + (same ? " (the same width and sign here)" : ""))
            change.old = before.cType
            change.new = after.cType
            changes.append(change)
        }
        return changes
    }

    private func ioctlChange(_ name: String, _ before: NamedValue, _ after: NamedValue,
                             _ a: IoctlNumber, _ b: IoctlNumber) -> Change? {
        var facts: [String] = []
        if a.direction != b.direction { facts.append("direction \(a.direction.rawValue) -> \(b.direction.rawValue)") }
        if a.type != b.type || a.number != b.number { facts.append("type/number \(a.type)/\(a.number) -> \(b.type)/\(b.number)") }
        if a.size != b.size {
            let argument = b.argumentType ?? a.argumentType
            facts.append("argument size \(a.size) -> \(b.size)" + (argument.map { " (\($0) changed size, so the request number changed)" } ?? ""))
        }
        if a.argumentType != b.argumentType {
            facts.append("argument type \(a.argumentType ?? "none") -> \(b.argumentType ?? "none")")
        }
        guard !facts.isEmpty || !before.sameValue(as: after) else { return nil }
        if before.sameValue(as: after), a.size == b.size, a.direction == b.direction {
            // Same request number: only the argument's spelling differs (u32 / __u32, a typedef).
            var change = change(.spellingChanged, before, after, "ioctl \(name): argument spelled \(b.argumentType ?? "none") instead of \(a.argumentType ?? "none"); the request number is unchanged")
            change.old = a.argumentType
            change.new = b.argumentType
            return change
        }
        var change = change(.ioctlChanged, before, after, "ioctl \(name): " + (facts.isEmpty ? "request number changed" : facts.joined(separator: "; "))
                            + " (\(before.displayValue) -> \(after.displayValue))")
        change.old = before.displayValue
        change.new = after.displayValue
        return change
    }
}
