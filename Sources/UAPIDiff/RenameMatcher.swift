import UAPIModel

/// Decides whether two names are one renamed into the other: they must share all
/// `_`-separated words but one (`VFIO_DEVICE_STATE_STOP` -> `VFIO_DEVICE_STATE_V1_STOP`,
/// `..._MIGRATION` -> `..._MIGRATION_DEPRECATED`). Values or layouts must match too;
/// that is the caller's part.
enum RenameMatcher {
    static func isLikelyRename(_ old: String, _ new: String) -> Bool {
        let a = old.split(separator: "_").map(String.init), b = new.split(separator: "_").map(String.init)
        guard !a.isEmpty, !b.isEmpty else { return false }
        let common = longestCommonSubsequence(a, b)
        return common >= 2 && common >= max(a.count, b.count) - 1
    }

    /// Pairs each old name with at most one new name, in a stable order.
    static func pairs<T>(removed: [(String, T)], added: [(String, T)], same: (T, T) -> Bool) -> [(old: String, new: String)] {
        var taken = Set<String>()
        var result: [(String, String)] = []
        let candidates = added.sorted(by: { $0.0 < $1.0 })
        for (oldName, oldValue) in removed.sorted(by: { $0.0 < $1.0 }) {
            let match = candidates.first { newName, newValue in
                !taken.contains(newName) && same(oldValue, newValue) && isLikelyRename(oldName, newName)
            }
            if let match {
                taken.insert(match.0)
                result.append((oldName, match.0))
            }
        }
        return result
    }

    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }
}
