import UAPIModel

/// Checks where each kernel header of a translation unit came from: `asm/` from the
/// target's asm directories, generic kernel headers (`linux/`, `rdma/`, ...) from the
/// tree being snapshotted. Anything else is a second copy (a cross package's older
/// `linux/`, say) that would mix two versions in one snapshot.
struct HeaderProvenance {
    let environment: TargetEnvironment
    let userRoots: [String]
    let namer: HeaderNamer

    /// Throws on a header from a second copy; returns a note for each kernel header a tree
    /// that lacks it took from the build machine (never silently).
    func check(_ files: [String], listed: Set<String>) throws -> [String] {
        var notes: [String] = []
        for file in files {
            let path = HeaderNamer.normalize(file)
            if !environment.borrowedDirectories.isEmpty, !listed.contains(path),
               environment.borrowedDirectories.contains(where: { path.hasPrefix($0) }),
               !userRoots.contains(where: { isInside(path, $0) }) {
                let name = namer.name(of: path)
                if let top = name.split(separator: "/").first, top == "asm" || HeaderTree.kernelDirectories.contains(String(top)) {
                    notes.append(Self.borrowedNote(name: name, tree: environment.treeDescription))
                }
            }
            guard !listed.contains(path), !environment.asmDirectories.contains(where: { isInside(path, $0) }) else { continue }
            let name = namer.name(of: path)
            guard let top = name.split(separator: "/").first.map(String.init), name.contains("/") else { continue }
            if top == "asm", !userRoots.contains(where: { isInside(path, $0) }) {
                throw UAPIError.headerOutsideTree(target: environment.target.name, header: name, path: path,
                                                  expected: environment.asmDirectories + userRoots)
            }
            if HeaderTree.kernelDirectories.contains(top), !environment.kernelRoots.contains(where: { isInside(path, $0) }) {
                throw UAPIError.headerOutsideTree(target: environment.target.name, header: name, path: path,
                                                  expected: environment.kernelRoots)
            }
        }
        return notes
    }

    /// One line per borrowed header; `merged` turns them into one line per tree.
    private static let borrowedPrefix = "note: the build machine's "
    static func borrowedNote(name: String, tree: String) -> String { "\(borrowedPrefix)\(name)\u{0}\(tree)" }

    /// The borrowed-header lines among `warnings` as one readable line per tree; the rest as they are.
    static func merged(_ warnings: [String]) -> [String] {
        var byTree: [String: [String]] = [:]
        var rest: [String] = []
        for warning in warnings {
            guard warning.hasPrefix(borrowedPrefix), let split = warning.firstIndex(of: "\u{0}") else {
                rest.append(warning)
                continue
            }
            byTree[String(warning[warning.index(after: split)...]), default: []]
                .append(String(warning[warning.index(warning.startIndex, offsetBy: borrowedPrefix.count)..<split]))
        }
        let notes = byTree.keys.sorted().map { tree -> String in
            let names = Set(byTree[tree]!).sorted()
            return "note: \(names.count) kernel header\(names.count == 1 ? "" : "s") came from the build machine, as \(tree) does not have \(names.count == 1 ? "it" : "them"): \(names.joined(separator: ", "))"
        }
        return rest + notes
    }

    private func isInside(_ path: String, _ directory: String) -> Bool {
        path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }
}
