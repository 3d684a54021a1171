import UAPIModel
import UAPIDiff

/// Turns the comparisons of consecutive revisions into one timeline per definition.
/// Which names exist comes from the snapshots; what happened to them, and how bad
/// it is, from the differ and the policy.
struct TimelineBuilder {
    private(set) var timelines: [String: DefinitionTimeline] = [:]
    private var gapBefore: Set<String> = []
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

    /// `gapBefore`: headers that did not parse at the revision before `index`; their changes
    /// here may have happened there, and the event says so.
    mutating func step(to index: Int, _ comparison: RecordedHistory.Comparison, gapBefore: Set<String> = []) {
        self.gapBefore = gapBefore
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
                for change in changes {
                    var kind = kind, other: String?
                    if after == nil {
                        // Per change, for its targets: moved, removed, or (when it moved, itself or
                        // with the record it is in, on those targets) still defined and changed.
                        if change.category == .moved { kind = .moved }
                        else if change.category == .removed { kind = .removed }
                        else if movedOn(change.targets, name, changes + comparison.changes) { kind = .changed }
                    }
                    if change.category == .renamed, let newName = change.newName {
                        other = change.name == name ? newName : change.name
                        if change.name == name, after == nil { kind = .renamed }
                    }
                    add(name, definition, event(index, kind, change, other: other))
                }
            } else if kind == .removed, definition.item == .field, !ownerMoves(name, comparison.changes).isEmpty {
                // A field of a record that moved moved with it, on the move's targets; where the
                // record was removed instead (another architecture), the field went with it.
                for change in ownerMoves(name, comparison.changes) {
                    add(name, definition, event(index, change.category == .moved ? .moved : .removed, change,
                                                text: change.category == .moved ? "moved with its record" : "no longer defined"))
                }
            } else if kind != .changed {
                // Came or went without a change of its own: a field appended by a tail
                // extension, carved out of a reserved field, or of a record added or removed.
                let cause = definition.item == .field ? ownerChange(of: name, in: comparison.changes) : nil
                add(name, definition, event(index, kind, cause, text: kind == .appeared ? "first defined here" : "no longer defined"))
            }
        }
    }

    /// Whether `name`, or a record above it, moved to another header on every one of `targets`.
    private func movedOn(_ targets: [String], _ name: String, _ changes: [HistoryChange]) -> Bool {
        var candidates = [name]
        var owner = Substring(name)
        while let dot = owner.lastIndex(of: ".") {
            owner = owner[..<dot]
            candidates.append(String(owner))
        }
        let moved = Set(changes.filter { $0.category == .moved && candidates.contains($0.name) }.flatMap(\.targets))
        return !moved.isEmpty && (targets.isEmpty || Set(targets).isSubset(of: moved))
    }

    /// The nearest record above `name` that moved or was removed: its move and removal changes.
    private func ownerMoves(_ name: String, _ changes: [HistoryChange]) -> [HistoryChange] {
        var owner = Substring(name)
        while let dot = owner.lastIndex(of: ".") {
            owner = owner[..<dot]
            let prefix = String(owner)
            let found = changes.filter { ($0.category == .moved || $0.category == .removed) && $0.name == prefix }
            if found.contains(where: { $0.category == .moved }) { return found }
        }
        return []
    }

    var sorted: [DefinitionTimeline] {
        timelines.values.sorted { $0.name < $1.name }
    }

    /// The change of the nearest record above a field that explains it (`a.u.x` -> `a.u`, then `a`).
    private func ownerChange(of field: String, in changes: [HistoryChange]) -> HistoryChange? {
        let causes: Set<ChangeCategory> = [.tailExtension, .reservedUsed, .added, .removed]
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
        var event = event
        if event.index > 0, gapBefore.contains(definition.header) {
            event.text += " (at or before this revision: \(definition.header) does not parse at \(revisions[event.index - 1].name))"
        }
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
