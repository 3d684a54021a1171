import UAPIModel

/// Compares two snapshots target by target and merges the same fact seen on
/// several targets into one change. Produces data only: no text, no exit codes.
public struct SnapshotDiffer {
    public var sentinels: SentinelRule

    public init(sentinels: SentinelRule = .default) {
        self.sentinels = sentinels
    }

    public func diff(old: Snapshot, new: Snapshot) -> DiffResult {
        let common = old.targets.map(\.target).filter { name in new.targets.contains { $0.target == name } }
        var merged: [Change.MergeKey: Change] = [:]
        var order: [Change.MergeKey] = []
        let sentinel: (NamedValue, TargetSnapshot) -> Bool = { value, target in
            guard case let .enumerator(enumName) = value.kind else { return false }
            return sentinels.matches(enumerator: value.name, of: enumName, in: target)
        }
        for name in common {
            let before = old.target(named: name)!, after = new.target(named: name)!
            let moves = HeaderMoves(old: before, new: after)
            let changes = RecordDiffer(old: before, new: after, moves: moves).changes()
                + ValueDiffer(old: before, new: after, moves: moves, sentinel: sentinel).changes()
                + DeclarationDiffer(old: before, new: after, moves: moves).changes()
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

/// The facts: every change, before any policy.
public struct DiffResult: Codable, Sendable, Equatable {
    public var targets: [String]
    public var changes: [Change]
    public var targetsOnlyInOld: [String]
    public var targetsOnlyInNew: [String]
}
