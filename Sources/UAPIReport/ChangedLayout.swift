import UAPIDiff
import UAPIModel
import UAPIPolicy

/// A record some change touches, with its old and new layouts: what the HTML
/// report draws. Targets whose layouts (and marks) are the same share one pair.
public struct ChangedLayout: Sendable, Equatable {
    /// The record's name on each side; they differ for a renamed record.
    public var oldName: String
    public var newName: String
    public var header: String
    /// The worst severity among its changes, and whether every one of them is suppressed.
    public var severity: Severity
    public var isSuppressed: Bool
    /// The names of the changes it draws (`drift_map`, `drift_map.iova`), to link report items to it.
    public var changeNames: [String]
    public var pairs: [LayoutPair]

    public var displayName: String { oldName == newName ? newName : "\(oldName) → \(newName)" }
}

/// The old and new layout of one record on some targets; nil where the record does not exist.
public struct LayoutPair: Sendable, Equatable {
    public var targets: [String]
    public var old: RecordVersion?
    public var new: RecordVersion?
}

/// One side of a record on one target, with what the diff says about its fields.
public struct RecordVersion: Sendable, Equatable {
    public var record: Record
    /// The anonymous struct and union members it holds (nested ones too), by record name.
    public var members: [String: Record]
    /// The diff's facts about each field, by field name.
    public var marks: [String: [FieldMark]]

    public func member(_ field: Field) -> Record? {
        guard field.name.isEmpty, let path = field.record else { return nil }
        return members[path]
    }
}

/// What a change did to a field, as the layout diagram highlights it.
public enum FieldMark: String, Sendable, Comparable, CaseIterable {
    case added, removed, moved, resized, renamed, retyped, respelled, reused, flexible

    public static func < (a: FieldMark, b: FieldMark) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension DiffReport {
    /// The document with the old and new layouts of every changed record, for the HTML report.
    public func document(command: String, old: Snapshot, new: Snapshot) -> ReportDocument {
        var document = self.document(command: command)
        document.layouts = changedLayouts(old: old, new: new)
        return document
    }

    /// Every record that a record or field change names, on every compared target,
    /// sorted by header and name. Anonymous members are drawn inside their owner.
    public func changedLayouts(old: Snapshot, new: Snapshot) -> [ChangedLayout] {
        // The records the diff compared: those that moved into an included header too.
        let (old, new) = IncludedView.complete(old: old, new: new)
        let oldIndex = RecordIndex(old, targets: targets), newIndex = RecordIndex(new, targets: targets)
        var grouped: [RecordKey: [JudgedChange]] = [:]
        for judged in changes {
            guard let key = RecordKey(judged.change, old: oldIndex, new: newIndex) else { continue }
            grouped[key, default: []].append(judged)
        }
        return grouped.map { key, changes in
            let active = changes.filter { $0.suppressedBy == nil }
            let pairs = targets.compactMap { target -> LayoutPair? in
                let relevant = changes.map(\.change).filter { $0.targets.contains(target) }
                let oldVersion = oldIndex.version(key.old, on: target, marks: FieldMarks.old(relevant))
                let newVersion = newIndex.version(key.new, on: target, marks: FieldMarks.new(relevant))
                guard oldVersion != nil || newVersion != nil else { return nil }
                return LayoutPair(targets: [target], old: oldVersion, new: newVersion)
            }
            return ChangedLayout(oldName: key.old, newName: key.new, header: changes[0].change.header,
                                 severity: (active.isEmpty ? changes : active).map(\.severity).max()!,
                                 isSuppressed: active.isEmpty, changeNames: changes.map(\.change.name),
                                 pairs: merged(pairs))
        }
        .filter { !$0.pairs.isEmpty }
        .sorted { ($0.header, $0.newName, $0.oldName) < ($1.header, $1.newName, $1.oldName) }
    }

    /// Targets with the same pair share one drawing.
    private func merged(_ pairs: [LayoutPair]) -> [LayoutPair] {
        var result: [LayoutPair] = []
        for pair in pairs {
            if let index = result.firstIndex(where: { $0.old == pair.old && $0.new == pair.new }) {
                result[index].targets += pair.targets
            } else {
                result.append(pair)
            }
        }
        return result
    }
}

/// The named record a change is about, on each side.
private struct RecordKey: Hashable {
    var old: String
    var new: String

    init?(_ change: Change, old: RecordIndex, new: RecordIndex) {
        switch change.item {
        case .record:
            self.old = old.owner(of: change.name)
            self.new = new.owner(of: change.newName ?? change.name)
        case .field:
            guard let dot = change.name.lastIndex(of: ".") else { return nil }
            let record = String(change.name[..<dot])
            self.old = old.owner(of: record)
            self.new = new.owner(of: record)
        default:
            return nil
        }
    }
}

/// The records of one snapshot by target and name.
private struct RecordIndex {
    private var records: [String: [String: Record]] = [:]

    init(_ snapshot: Snapshot, targets: [String]) {
        for target in snapshot.targets where targets.contains(target.target) {
            // Of two definitions with one name, the complete one (the diff pairs them the same way).
            records[target.target] = Dictionary(target.records.map { ($0.name, $0) }) { first, second in
                first.isComplete || !second.isComplete ? first : second
            }
        }
    }

    /// The named record that holds an anonymous member, or the name itself.
    func owner(of name: String) -> String {
        var name = name
        while let record = records.values.lazy.compactMap({ $0[name] }).first, let owner = record.owner {
            name = owner
        }
        return name
    }

    func version(_ name: String, on target: String, marks: [String: [FieldMark]]) -> RecordVersion? {
        guard let records = records[target], let record = records[name] else { return nil }
        var members: [String: Record] = [:]
        var pending = [record]
        while let next = pending.popLast() {
            for field in next.fields where field.name.isEmpty {
                guard let path = field.record, let member = records[path], member.isAnonymousMember,
                      members[path] == nil else { continue }
                members[path] = member
                pending.append(member)
            }
        }
        var version = RecordVersion(record: record, members: members, marks: marks)
        version.markEveryField(ifAll: marks["*"])
        return version
    }
}

private extension RecordVersion {
    /// An added or removed record: every field of it carries the record's mark.
    mutating func markEveryField(ifAll mark: [FieldMark]?) {
        marks["*"] = nil
        guard let mark else { return }
        for field in ([record] + members.values).flatMap(\.fields) where !field.name.isEmpty {
            marks[field.name] = mark
        }
    }
}

/// The diff's field facts as marks on the old and the new side. `*` stands for every field.
private enum FieldMarks {
    static func old(_ changes: [Change]) -> [String: [FieldMark]] {
        collect(changes) { fact, field in
            switch fact {
            case .recordRemoved: return [("*", .removed)]
            case .fieldRemoved: return [(field, .removed)]
            case let .fieldRenamed(from, _): return [(from, .renamed)]
            case let .reservedUsed(reserved, _): return [(reserved, .reused)]
            default: return shared(fact, field)
            }
        }
    }

    static func new(_ changes: [Change]) -> [String: [FieldMark]] {
        collect(changes) { fact, field in
            switch fact {
            case .recordAdded: return [("*", .added)]
            case .fieldAdded: return [(field, .added)]
            case let .fieldRenamed(_, to): return [(to, .renamed)]
            case let .tailAppended(_, _, fields, _, _): return fields.map { ($0, .added) }
            case let .reservedUsed(_, by): return by.map { ($0, .reused) }
            default: return shared(fact, field)
            }
        }
    }

    /// Facts that mark the field on both sides.
    private static func shared(_ fact: ChangeFact, _ field: String) -> [(String, FieldMark)] {
        switch fact {
        case .fieldOffset: return [(field, .moved)]
        case .fieldBitWidth, .fieldSize: return [(field, .resized)]
        case let .fieldType(_, _, oldSize, newSize): return [(field, oldSize == newSize ? .retyped : .resized)]
        case .fieldSpelling: return [(field, .respelled)]
        case .flexibleArray: return [(field, .flexible)]
        default: return []
        }
    }

    private static func collect(_ changes: [Change], _ marks: (ChangeFact, String) -> [(String, FieldMark)]) -> [String: [FieldMark]] {
        var result: [String: Set<FieldMark>] = [:]
        for change in changes {
            let field = change.item == .field ? String(change.name.split(separator: ".").last ?? "") : ""
            for (name, mark) in marks(change.fact, field) { result[name, default: []].insert(mark) }
            for moved in change.consequences?.movedFields ?? [] {
                result[String(moved.split(separator: ".").last ?? ""), default: []].insert(.moved)
            }
        }
        return result.mapValues { $0.sorted() }
    }
}
