import Foundation
import UAPIExtract
import UAPIModel

/// `uapi check --against REV`: the project's own header set as it was at a git revision
/// (a pull request's target branch), parsed the same way as the working tree's, so a
/// gate needs no committed baseline snapshot.
public enum RevisionBaseline {
    /// Snapshots `request`'s headers at `revision` of the repository holding them. Headers
    /// the revision lacks are left out (the working tree's then count as added).
    public static func snapshot(of request: SnapshotRequest, at revision: String, cacheDirectory: String?,
                                progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (snapshot: Snapshot, notes: [String], cache: CacheStatistics?) {
        guard let first = request.headers.first else { throw UAPIError.noHeaders("no headers to compare at \(revision)") }
        let top = try repositoryTop(containing: (first.path as NSString).deletingLastPathComponent)
        let checkout = try GitSideCheckout.make(repository: top, revision: revision, path: "", cacheDirectory: cacheDirectory)
        defer { checkout.removeIfTemporary() }
        let moved = { (path: String) -> String? in
            let real = realPath(path)
            guard real.hasPrefix(top + "/") else { return nil }
            return checkout.directory + real.dropFirst(top.count)
        }
        var old = request
        var notes: [String] = []
        old.headers = request.headers.compactMap { header in
            guard let path = moved(header.path), FileManager.default.fileExists(atPath: path) else {
                notes.append("note: \(header.name) is not in \(revision): its items count as added")
                return nil
            }
            return ListedHeader(path: path, name: header.name)
        }
        guard !old.headers.isEmpty else {
            throw UAPIError.noHeaders("none of the configured headers exists at \(revision); check the revision, or create a baseline with 'uapi check --update-baseline'")
        }
        old.includeDirectories = request.includeDirectories.map { directory in
            moved(HeaderResolver.absolute(directory)).flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? directory
        }
        // A tree inside the repository is read at the revision too.
        if request.tree != .host, realPath(request.tree.root).hasPrefix(top + "/") || realPath(request.tree.root) == top {
            old.tree = try HeaderTree.forInputs(old.headers.map(\.path), explicit: nil)
        }
        do {
            let built = try SnapshotBuilder(request: old).build(progress: progress)
            return (built.snapshot, notes + built.warnings.map(checkout.naming), built.cache)
        } catch let error as UAPIError {
            throw [HeaderNamer.normalize(checkout.directory), checkout.directory].reduce(error) {
                $0.replacingOccurrences(of: $1 + "/", with: "git:\(revision):")
            }
        }
    }

    private static func repositoryTop(containing directory: String) throws -> String {
        let top = try GitTree(repository: directory).git(["rev-parse", "--show-toplevel"])
        return realPath(top.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return HeaderNamer.normalize(HeaderResolver.absolute(path)) }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
