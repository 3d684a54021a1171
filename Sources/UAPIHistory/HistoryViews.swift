import Foundation
import UAPIModel
import UAPIDiff

/// The views of a history, each computed from recorded revisions only.
struct HistoryViews {
    let history: RecordedHistory
    /// Every definition's timeline over all revisions.
    let timelines: [DefinitionTimeline]

    init(history: RecordedHistory, startsAtRoot: Bool) {
        self.history = history
        var builder = TimelineBuilder(revisions: history.revisions)
        if !history.revisions.isEmpty { builder.start(history.inventory(0), startsAtRoot: startsAtRoot) }
        for index in history.revisions.indices.dropFirst() {
            builder.step(to: index, history.compare(index - 1, index), gapBefore: Set(history.gaps[index - 1].values.joined()))
        }
        timelines = builder.sorted
    }

    /// The timelines `item` names: a definition, everything under a record
    /// (`vfio_device_info` gives its fields too), and the names it was renamed from or to.
    static func select(_ item: String, from timelines: [DefinitionTimeline]) throws -> [DefinitionTimeline] {
        let matches = { (name: String) in name == item || name.hasPrefix(item + ".") || name.hasPrefix(item + "::") }
        var chosen = Set(timelines.map(\.name).filter(matches))
        guard !chosen.isEmpty else {
            let near = timelines.map(\.name).filter { $0.localizedCaseInsensitiveContains(item) }.prefix(5)
            throw UAPIError.badArgument("no definition named '\(item)' in this history"
                + (near.isEmpty ? "; names look like vfio_device_info.cap_offset or VFIO_DEVICE_STATE_STOP" : "; similar: \(near.joined(separator: ", "))"))
        }
        // Follow renames both ways until nothing new turns up.
        var grew = true
        while grew {
            let linked = timelines.filter { chosen.contains($0.name) }.flatMap { $0.events.compactMap(\.otherName) }
            grew = !Set(linked).isSubset(of: chosen)
            chosen.formUnion(linked)
        }
        return timelines.filter { chosen.contains($0.name) }
    }

    /// Events after revision `index` up to and including `end`, for definitions that have any.
    static func events(after index: Int, through end: Int, in timelines: [DefinitionTimeline]) -> [DefinitionTimeline] {
        timelines.compactMap { timeline in
            var copy = timeline
            copy.events = timeline.events.filter { $0.index > index && $0.index <= end }
            return copy.events.isEmpty ? nil : copy
        }
    }

    /// `names`: the definitions `--item` selected, nil for all.
    func sinceSync(_ base: Int, timelines selected: [DefinitionTimeline], names: Set<String>?) -> HistoryDocument.SinceSync {
        let end = history.revisions.count - 1
        let net = history.compare(base, end).changes.filter { change in
            names.map { $0.contains(change.name) || change.newName.map($0.contains) == true } ?? true
        }
        let unknown = history.targets.flatMap { target in
            history.unknownHeaders(base, end, target: target).map { "\($0) (\(target))" }
        }.sorted()
        return HistoryDocument.SinceSync(base: history.revisions[base], end: history.revisions[end], changes: net,
                                         timelines: HistoryViews.events(after: base, through: end, in: selected),
                                         unknown: unknown.isEmpty ? nil : unknown)
    }

    /// For each version with a release candidate and its release in the range: what
    /// changed after its first candidate here, up to the release.
    func rcChurn(timelines selected: [DefinitionTimeline]) -> [HistoryDocument.RcChurn] {
        let revisions = history.revisions
        var result: [HistoryDocument.RcChurn] = []
        var versions = Set<String>()
        for (index, revision) in revisions.enumerated() {
            for tag in revision.tags {
                guard let version = HistoryViews.releaseName(ofCandidate: tag), versions.insert(version).inserted,
                      let release = revisions.indices.first(where: { $0 > index && revisions[$0].tags.contains(version) }) else { continue }
                result.append(HistoryDocument.RcChurn(candidate: revision, release: revisions[release],
                                                      timelines: HistoryViews.events(after: index, through: release, in: selected)))
            }
        }
        return result
    }

    /// `v6.8-rc6` -> `v6.8`; nil for a tag that is not a release candidate.
    static func releaseName(ofCandidate tag: String) -> String? {
        guard let range = tag.range(of: #"-rc[0-9]+$"#, options: .regularExpression), range.lowerBound > tag.startIndex else { return nil }
        return String(tag[..<range.lowerBound])
    }

    func matrix(_ indices: [Int]) -> HistoryDocument.CompatibilityMatrix {
        var counts: [String: [[Int]]] = [:]
        for target in history.targets { counts[target] = Array(repeating: Array(repeating: 0, count: indices.count), count: indices.count) }
        for a in indices.indices {
            for b in indices.indices where a < b {
                let (older, newer) = indices[a] <= indices[b] ? (indices[a], indices[b]) : (indices[b], indices[a])
                let breaking = history.compare(older, newer).changes.filter(\.isBreaking)
                for target in history.targets {
                    // A header that does not parse at either end makes the cell unknown, never "ok".
                    let unknown = !history.unknownHeaders(older, newer, target: target).isEmpty
                    let count = unknown ? -1 : breaking.filter { $0.targets.contains(target) }.count
                    counts[target]![a][b] = count
                    counts[target]![b][a] = count
                }
            }
        }
        return HistoryDocument.CompatibilityMatrix(revisions: indices.map { history.revisions[$0] },
                                                   targets: history.targets.map { HistoryDocument.TargetMatrix(target: $0, breaking: counts[$0]!) })
    }
}
