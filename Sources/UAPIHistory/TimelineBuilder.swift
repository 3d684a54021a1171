import UAPIModel
import UAPIDiff

/// Turns the comparisons of consecutive revisions into one timeline per definition.
/// Which names exist comes from the snapshots; what happened to them, and how bad
/// it is, from the differ and the policy.
struct TimelineBuilder {
    private(set) var timelines: [String: DefinitionTimeline] = [:]
    private let revisions: [RevisionLabel]

    init(revisions: [RevisionLabel]) {
        self.revisions = revisions
    }

    /// Everything defined at the first revision: appeared there when the range starts
    /// at the root of the history, else present from before.
    mutating func start(_ inventory: Inventory, startsAtRoot: Bool) {
        for (name, definition) in inventory.definitions {
            add(name, definition, event(0, startsAtRoot ? .appeared : .present, nil,
                                        text: startsAtRoot ? "first defined here" : "defined at the start of the range"))
        }
    }

    mutating func step(to index: Int, _ comparison: RecordedHistory.Comparison) {
        var own: [String: [HistoryChange]] = [:]
        for change in comparison.changes {
            own[change.name, default: []].append(change)
            if let newName = change.newName, newName != change.name { own[newName, default: []].append(change) }
        }
        let names = Set(comparison.before.definitions.keys).union(comparison.after.definitions.keys).union(own.keys)
        for name in names.sorted() {
            let before = comparison.before[name], after = comparison.after[name]
            guard let definition = after ?? before else { continue }
            let kind: HistoryEvent.Kind = before == nil ? .appeared : after == nil ? .removed : .changed
            if let changes = own[name] {
                // A definition that moved is still defined: its other changes are changes.
                let movedAway = after == nil && changes.contains { $0.category == .moved }
                for change in changes {
                    var kind = movedAway ? .changed : kind, other: String?
                    if change.category == .renamed, let newName = change.newName {
                        other = change.name == name ? newName : change.name
                        if change.name == name, after == nil { kind = .renamed }
                    }
                    if change.category == .moved, after == nil { kind = .moved }
                    add(name, definition, event(index, kind, change, other: other))
                }
            } else if kind != .changed {
                // Came or went without a change of its own: a field appended by a tail
                // extension, carved out of a reserved field, or of a record added or removed.
                let cause = definition.item == .field ? ownerChange(of: name, in: comparison.changes) : nil
                // A field of a record that moved moved with it.
                let moved = kind == .removed && cause?.category == .moved
                add(name, definition, event(index, moved ? .moved : kind, cause,
                                            text: kind == .appeared ? "first defined here" : moved ? "moved with its record" : "no longer defined"))
            }
        }
    }

    var sorted: [DefinitionTimeline] {
        timelines.values.sorted { $0.name < $1.name }
    }

    /// The change of the nearest record above a field that explains it (`a.u.x` -> `a.u`, then `a`).
    private func ownerChange(of field: String, in changes: [HistoryChange]) -> HistoryChange? {
        let causes: Set<ChangeCategory> = [.tailExtension, .reservedUsed, .added, .removed, .moved]
        var owner = Substring(field)
        while let dot = owner.lastIndex(of: ".") {
            owner = owner[..<dot]
            let name = String(owner)
            if let change = changes.first(where: { causes.contains($0.category)
                && ($0.name == name || $0.category == .reservedUsed && $0.name.hasPrefix(name + ".")) }) {
                return change
            }
        }
        return nil
    }

    private mutating func add(_ name: String, _ definition: Inventory.Definition, _ event: HistoryEvent) {
        timelines[name, default: DefinitionTimeline(name: name, item: definition.item, header: definition.header, events: [])]
            .events.append(event)
    }

    private func event(_ index: Int, _ kind: HistoryEvent.Kind, _ change: HistoryChange?, other: String? = nil,
                       text: String = "") -> HistoryEvent {
        let revision = revisions[index]
        return HistoryEvent(index: index, revision: revision.short, label: revision.name, kind: kind,
                            category: change?.category, severity: change?.severity, suppressedBy: change?.suppressedBy,
                            targets: change?.targets ?? [], text: change?.text ?? text, otherName: other)
    }
}
