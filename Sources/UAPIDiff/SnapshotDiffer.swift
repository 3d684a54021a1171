import UAPIModel

/// Compares two snapshots target by target and merges the same fact seen on
/// several targets into one change. Produces data only: no text, no exit codes.
public struct SnapshotDiffer {
    public var sentinels: SentinelRule

    public init(sentinels: SentinelRule = .default) {
        self.sentinels = sentinels
    }

    public func diff(old: Snapshot, new: Snapshot) -> DiffResult {
        diff(old: old, new: new, workers: Concurrency.defaultWorkers)
    }

    /// `workers: 1` compares serially (the tests check that the result is the same).
    func diff(old: Snapshot, new: Snapshot, workers: Int) -> DiffResult {
        let common = old.targets.map(\.target).filter { name in new.targets.contains { $0.target == name } }
        var merged: [Change.MergeKey: Change] = [:]
        var order: [Change.MergeKey] = []
        // Each target's records, values and declarations are compared in parallel;
        // the results are merged in the serial order, so the output does not depend on timing.
        let parts = DiffPart.allCases
        // Targets are completed in parallel too: with three, this came before every comparison.
        let sides = parallelMap(count: common.count, workers: workers, makeState: { () }) { _, position in
            let (before, after) = IncludedView.complete(old: old.target(named: common[position])!, new: new.target(named: common[position])!)
            return (before, after, InterfaceTypes(before), InterfaceTypes(after))
        }
        let perPart = parallelMap(count: common.count * parts.count, workers: workers, makeState: { () }) { _, job in
            let (before, after, oldInterface, newInterface) = sides[job / parts.count]
            var changes = parts[job % parts.count].changes(old: before, new: after, sentinels: sentinels)
            if oldInterface.hasDeclarations || newInterface.hasDeclarations {
                for index in changes.indices where !oldInterface.contains(changes[index]) && !newInterface.contains(changes[index]) {
                    changes[index].outsideInterface = true
                }
            }
            return changes
        }
        for (position, name) in common.enumerated() {
            let changes = perPart[(position * parts.count)..<((position + 1) * parts.count)].joined()
            for change in changes {
                let key = change.mergeKey
                if merged[key] == nil {
                    merged[key] = change
                    order.append(key)
                }
                merged[key]!.targets.append(name)
            }
        }
        var changes = order.map { merged[$0]! }
        for index in changes.indices {
            changes[index].targetSpecific = changes[index].targets.count < common.count
        }
        changes.sort { ($0.header, $0.name, $0.category.rawValue, $0.targets.first ?? "") < ($1.header, $1.name, $1.category.rawValue, $1.targets.first ?? "") }
        let onlyOld = old.targets.map(\.target).filter { !common.contains($0) }
        let onlyNew = new.targets.map(\.target).filter { !common.contains($0) }
        return DiffResult(targets: common, changes: changes, targetsOnlyInOld: onlyOld, targetsOnlyInNew: onlyNew)
    }
}

/// The three independent comparisons of one target, in the order their changes are merged.
private enum DiffPart: CaseIterable {
    case records, values, declarations

    func changes(old: TargetSnapshot, new: TargetSnapshot, sentinels: SentinelRule) -> [Change] {
        let moves = HeaderMoves(old: old, new: new)
        switch self {
        case .records: return RecordDiffer(old: old, new: new, moves: moves).changes()
        case .values: return ValueDiffer(old: old, new: new, moves: moves, sentinels: sentinels).changes()
        case .declarations: return DeclarationDiffer(old: old, new: new, moves: moves).changes()
        }
    }
}

/// The facts: every change, before any policy.
public struct DiffResult: Codable, Sendable, Equatable {
    public var targets: [String]
    public var changes: [Change]
    public var targetsOnlyInOld: [String]
    public var targetsOnlyInNew: [String]
}
