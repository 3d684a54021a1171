/// Paths relative to the top of a tree (a git revision's, a copy's), as text.
public enum RelativePath {
    /// `a/./b/../c` -> `a/c`; nil when it climbs above the top.
    public static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The directory part (`""` for a name at the top). Foundation's
    /// `deletingLastPathComponent` is not used: it traps on a one-letter relative name here.
    public static func parent(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }
}
