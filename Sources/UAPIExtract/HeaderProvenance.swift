import UAPIModel

/// Checks where each kernel header of a translation unit came from: `asm/` from the
/// target's asm directories, generic kernel headers (`linux/`, `rdma/`, ...) from the
/// tree being snapshotted. Anything else is a second copy (a cross package's older
/// `linux/`, say) that would mix two versions in one snapshot.
struct HeaderProvenance {
    let environment: TargetEnvironment
    let userRoots: [String]
    let namer: HeaderNamer

    func check(_ files: [String], listed: Set<String>) throws {
        for file in files {
            let path = HeaderNamer.normalize(file)
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
    }

    private func isInside(_ path: String, _ directory: String) -> Bool {
        path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }
}
