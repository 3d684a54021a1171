import UAPIModel

/// Enumerators renamed in place: gone from one spot of an enum and, at that very spot,
/// a new name with the same value (`ER_OLD` -> `ER_NEW` between the same neighbours).
/// The words of the two names need not match, as `RenameMatcher` requires: the place is
/// the evidence.
struct EnumeratorsInPlace {
    let old: TargetSnapshot
    let new: TargetSnapshot

    func renames(removed: [(String, NamedValue)], added: [(String, NamedValue)]) -> [(old: String, new: String)] {
        let removedEnumerators = removed.filter { $0.1.isEnumerator }
        guard !removedEnumerators.isEmpty else { return [] }
        let addedNames = Set(added.filter { $0.1.isEnumerator }.map(\.0))
        guard !addedNames.isEmpty else { return [] }
        let oldPlaces = Self.places(old), newPlaces = Self.places(new)
        var taken = Set<String>()
        var result: [(String, String)] = []
        for (name, value) in removedEnumerators.sorted(by: { $0.0 < $1.0 }) {
            guard let place = oldPlaces[name] else { continue }
            // The new name at the same spot: right after the same predecessor, or right before the same successor.
            let candidates = [place.previous.flatMap { newPlaces[$0]?.next }, place.next.flatMap { newPlaces[$0]?.previous }]
            guard let match = candidates.compactMap({ $0 }).first(where: { addedNames.contains($0) && !taken.contains($0) }),
                  let matched = added.first(where: { $0.0 == match })?.1, matched.sameValue(as: value) else { continue }
            taken.insert(match)
            result.append((name, match))
        }
        return result
    }

    private struct Place {
        var previous: String?
        var next: String?
    }

    private static func places(_ target: TargetSnapshot) -> [String: Place] {
        var result: [String: Place] = [:]
        for decl in target.enums {
            let names = decl.enumerators.map(\.name)
            for (index, name) in names.enumerated() where result[name] == nil {
                result[name] = Place(previous: index > 0 ? names[index - 1] : nil, next: index + 1 < names.count ? names[index + 1] : nil)
            }
        }
        return result
    }
}
