import UAPIModel
import UAPIDiff
import UAPIPolicy

/// The recorded revisions of a scope read back from the database: snapshots are put
/// together from stored parts and compared, never parsed.
final class RecordedHistory {
    let scope: HistoryScope
    let targets: [String]
    let policy: Policy
    private(set) var revisions: [RevisionLabel] = []
    private(set) var states: [RevisionEntries] = []
    /// Headers left out of a revision because they did not parse there, and why.
    private(set) var notes: [String] = []
    /// Per revision, per target: the headers whose state there is a stand-in (they did not parse).
    private(set) var gaps: [[String: Set<String>]] = []
    /// Per target, the headers that parse at none of the revisions, with the last reason.
    private(set) var failedEverywhere: [String: [String: String]] = [:]
    private let store: HistoryStore
    private var parts: [String: TargetSnapshot] = [:]

    /// The difference between two revisions, judged, with the definitions on each side
    /// (both restricted to the headers whose parts differ).
    struct Comparison {
        var changes: [HistoryChange]
        var before: Inventory
        var after: Inventory
    }

    init(store: HistoryStore, scope: HistoryScope, targets: [String], policy: Policy, labels: [RevisionLabel]) throws {
        self.store = store
        self.scope = scope
        self.targets = targets
        self.policy = policy
        var lastGood: [String: [String: String]] = [:]
        var parsedSomewhere = Set<String>()
        var unfilled: [(revision: Int, target: String, header: String)] = []
        for label in labels {
            var gap: [String: Set<String>] = [:]
            guard var entries = try store.entries(commit: label.commit, scope: scope.id, targets: targets) else {
                throw UAPIError.badHistoryDatabase(path: store.path, reason: "revision \(label.short) is not recorded for \(targets.joined(separator: ", "))")
            }
            // A header that does not parse at a revision is a gap in its timeline: its last
            // state that parsed stands in (or its next one, before it first parses), so
            // nothing is reported there and the revision and its other headers are kept.
            for (target, headers) in entries.sorted(by: { $0.key < $1.key }) {
                for (header, key) in headers.sorted(by: { $0.key < $1.key }) {
                    if let reason = try failure(of: key) {
                        notes.append("\(header) left out of \(label.name) (\(label.short)) for \(target), a gap in its timeline: \(reason)")
                        gap[target, default: []].insert(header)
                        failedEverywhere[target, default: [:]][header] = reason
                        if let previous = lastGood[target]?[header] {
                            entries[target]![header] = previous
                        } else {
                            entries[target]![header] = nil
                            unfilled.append((revisions.count, target, header))
                        }
                    } else {
                        lastGood[target, default: [:]][header] = key
                        parsedSomewhere.insert("\(target)\u{0}\(header)")
                    }
                }
            }
            revisions.append(label)
            states.append(entries)
            gaps.append(gap)
        }
        for (target, headers) in failedEverywhere {
            for (header, _) in headers where parsedSomewhere.contains("\(target)\u{0}\(header)") {
                failedEverywhere[target]![header] = nil
            }
        }
        for gap in unfilled {
            let next = states[(gap.revision + 1)...].lazy.compactMap { $0[gap.target]?[gap.header] }.first
            states[gap.revision][gap.target]?[gap.header] = next
        }
    }

    /// Why a part did not parse, or nil when it did (its snapshot is then loaded).
    private func failure(of key: String) throws -> String? {
        if parts[key] != nil { return nil }
        let part = try store.part(key)
        guard let snapshot = part.snapshot else { return part.error ?? "no reason recorded" }
        parts[key] = snapshot
        return nil
    }

    /// The headers, on `target`, whose state at revision `i` or `j` is a stand-in.
    func unknownHeaders(_ i: Int, _ j: Int, target: String) -> Set<String> {
        (gaps[i][target] ?? []).union(gaps[j][target] ?? [])
    }

    func index(of commit: String) -> Int? {
        revisions.firstIndex { $0.commit == commit }
    }

    /// The headers whose part differs between two revisions on some target.
    func changedHeaders(_ i: Int, _ j: Int) -> Set<String> {
        var changed = Set<String>()
        for target in targets {
            let a = states[i][target] ?? [:], b = states[j][target] ?? [:]
            for header in Set(a.keys).union(b.keys) where a[header] != b[header] { changed.insert(header) }
        }
        return changed
    }

    /// Revision `i`'s snapshot of some headers (all of them when nil).
    func snapshot(_ i: Int, headers: Set<String>?) -> Snapshot {
        Snapshot(targets: targets.map { name in
            let target = Target.named(name)!
            var assembled = TargetSnapshot(target: target.name, triple: target.triple, ioctlEncoding: target.ioctlEncoding)
            let entries = (states[i][name] ?? [:]).filter { headers?.contains($0.key) ?? true }
            var included = IncludedDefinitions()
            for (_, key) in entries.sorted(by: { $0.key < $1.key }) {
                let part = parts[key]!
                assembled.headers += part.headers
                assembled.records += part.records
                assembled.enums += part.enums
                assembled.typedefs += part.typedefs
                assembled.constants += part.constants
                assembled.macros += part.macros
                if let seen = part.included { included.append(seen) }
            }
            // What the headers only included (asm/kvm.h for linux/kvm.h) lets the diff see a
            // definition that moved there as moved, not removed.
            assembled.included = included.isEmpty ? nil : included.deduplicated()
            // The order a single parse of all the headers would give: by name, then header.
            assembled.records.sort { ($0.name, $0.location.header) < ($1.name, $1.location.header) }
            assembled.enums.sort { ($0.name, $0.location.header) < ($1.name, $1.location.header) }
            assembled.typedefs.sort { ($0.name, $0.location.header) < ($1.name, $1.location.header) }
            assembled.constants.sort { ($0.name, $0.location.header) < ($1.name, $1.location.header) }
            assembled.macros.sort { ($0.name, $0.location.header) < ($1.name, $1.location.header) }
            assembled.headers.sort { $0.path < $1.path }
            return assembled
        })
    }

    func inventory(_ i: Int) -> Inventory {
        Inventory(snapshot(i, headers: nil))
    }

    /// What changed from revision `i` to revision `j`, judged by the policy. Only
    /// headers whose parts differ are compared: the others cannot have changed.
    func compare(_ i: Int, _ j: Int) -> Comparison {
        let headers = changedHeaders(i, j)
        guard !headers.isEmpty else { return Comparison(changes: [], before: Inventory(Snapshot(targets: [])), after: Inventory(Snapshot(targets: []))) }
        let old = snapshot(i, headers: headers), new = snapshot(j, headers: headers)
        var ledger = SuppressionLedger(policy.suppressions, engine: .diff)
        let report = PolicyJudge.compare(old: old, new: new, policy: policy, oldLabel: revisions[i].name,
                                         newLabel: revisions[j].name, ledger: &ledger)
        // A header coming or going shows as its definitions coming or going.
        let changes = report.changes.filter { $0.change.item != .header }.map(HistoryChange.init)
        return Comparison(changes: changes, before: Inventory(old), after: Inventory(new))
    }
}
