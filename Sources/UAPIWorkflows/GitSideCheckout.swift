import Foundation
import UAPIExtract
import UAPIModel

/// A `git:REVISION:PATH` side laid out on disk together with the header tree it belongs
/// to at that revision (a kernel's `include/uapi` and `arch/*/include/uapi`, QEMU's
/// `linux-headers` and `include/standard-headers`, an installed tree), so its includes
/// resolve in the revision rather than on the build machine.
///
/// With a cache, the copy lives at `<cache>/git-trees/<hash of the files' blob ids>`: the
/// same headers always get the same paths, so the extraction cache serves a second run.
struct GitSideCheckout {
    /// The directory the revision's files are written under.
    let directory: String
    /// The side's path inside `directory`.
    let sidePath: String
    let revision: String
    /// Removed after use (no cache to keep it in).
    let temporary: Bool

    /// Copies kept in a cache at most; the least recently used go first.
    static let keptCopies = 8

    static func make(repository: String, revision: String, path: String, cacheDirectory: String?) throws -> GitSideCheckout {
        let git = GitTree(repository: repository)
        let commit = try git.commit(revision)
        let clean = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let entries = try git.listing(revision: commit)
        let inSide = entries.filter { clean.isEmpty || $0.path == clean || $0.path.hasPrefix(clean + "/") }
        guard inSide.contains(where: { $0.path.hasSuffix(".h") }) else {
            throw UAPIError.gitError("'\(clean)' holds no .h files at revision \(revision) (or does not exist there)")
        }
        let selected = Self.select(entries, side: clean, isFile: inSide.count == 1 && inSide[0].path == clean)
        let key = SHA256.hex(of: Data(selected.map { "\($0.mode) \($0.object) \($0.path)\n" }.joined().utf8))
        if let cacheDirectory, let kept = try keptCopy(key: key, selected, git: git, cacheDirectory: cacheDirectory) {
            return GitSideCheckout(directory: kept, sidePath: "\(kept)/\(clean)", revision: revision, temporary: false)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-git-\(UUID().uuidString)").path
        try write(selected, git: git, into: directory)
        return GitSideCheckout(directory: directory, sidePath: "\(directory)/\(clean)", revision: revision, temporary: true)
    }

    func removeIfTemporary() {
        if temporary { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// A message about the copy, naming `git:REVISION:PATH` instead of the copy's paths.
    func naming(_ message: String) -> String {
        let prefixes = [HeaderNamer.normalize(directory), directory].map { $0 + "/" }
        return prefixes.reduce(message) { $0.replacingOccurrences(of: $1, with: "git:\(revision):") }
    }

    /// The side's own files, and every header of the tree the side belongs to.
    private static func select(_ entries: [GitTree.Entry], side: String, isFile: Bool) -> [GitTree.Entry] {
        var directories = Set<String>()
        for entry in entries {
            var parent = (entry.path as NSString).deletingLastPathComponent
            while !parent.isEmpty, directories.insert(parent).inserted {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Under a made-up root, so that the revision's usr/include is not the build machine's.
        let top = "/__revision__"
        let start = top + "/" + (isFile ? (side as NSString).deletingLastPathComponent : side)
        let tree = HeaderTree.detect(from: HeaderNamer.normalize(start)) { path in
            path == top || (path.hasPrefix(top + "/") && directories.contains(String(path.dropFirst(top.count + 1))))
        }
        var prefixes = [side]
        if let tree, tree.root.hasPrefix(top) {
            let root = String(tree.root.dropFirst(top.count + 1))
            prefixes += tree.headerDirectories.map { root.isEmpty ? $0 : ($0.isEmpty ? root : "\(root)/\($0)") }
        }
        let wanted = entries.filter { entry in
            (entry.path.hasSuffix(".h") || entry.mode == "120000")
                && prefixes.contains { Self.isInside(entry.path, $0) }
        }
        return wanted.sorted { $0.path < $1.path }
    }

    /// Whether `path` is `prefix` or under it; a `*` component matches any one component.
    private static func isInside(_ path: String, _ prefix: String) -> Bool {
        if prefix.isEmpty { return true }
        let parts = path.split(separator: "/"), pattern = prefix.split(separator: "/")
        guard parts.count >= pattern.count else { return false }
        return zip(parts, pattern).allSatisfy { $1 == "*" || $0 == $1 }
    }

    /// The cached copy for `key`, written now if missing; nil when the cache cannot hold it.
    private static func keptCopy(key: String, _ entries: [GitTree.Entry], git: GitTree, cacheDirectory: String) throws -> String? {
        let base = "\(cacheDirectory)/git-trees"
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // Never through a link: the copies are deleted again when the cache is trimmed.
        guard isPlainDirectory(cacheDirectory), isPlainDirectory(base) else { return nil }
        let final = "\(base)/\(key)"
        if isPlainDirectory(final) {
            utimes(final, nil)
            return final
        }
        let staging = "\(base)/.tmp-\(getpid())-\(UUID().uuidString)"
        do {
            try write(entries, git: git, into: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            return nil
        }
        // Another run may have written the same copy meanwhile: either is whole.
        if rename(staging, final) != 0 { try? FileManager.default.removeItem(atPath: staging) }
        trim(base)
        return isPlainDirectory(final) ? final : nil
    }

    /// Keeps the `keptCopies` most recently used copies and removes stale staging folders.
    private static func trim(_ base: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: base) else { return }
        var copies: [(name: String, used: Int)] = []
        for name in names {
            var info = stat()
            guard lstat("\(base)/\(name)", &info) == 0 else { continue }
            let age = Int(Date().timeIntervalSince1970) - info.st_mtim.tv_sec
            if name.hasPrefix(".tmp-") {
                if age > 3600 { try? manager.removeItem(atPath: "\(base)/\(name)") }
            } else {
                copies.append((name, info.st_mtim.tv_sec))
            }
        }
        for stale in copies.sorted(by: { $0.used > $1.used }).dropFirst(keptCopies) {
            try? manager.removeItem(atPath: "\(base)/\(stale.name)")
        }
    }

    private static func write(_ entries: [GitTree.Entry], git: GitTree, into directory: String) throws {
        let manager = FileManager.default
        let files = entries.filter { $0.mode != "120000" }, links = entries.filter { $0.mode == "120000" }
        let contents = try git.blobs(files.map(\.object))
        let targets = try git.blobs(links.map(\.object))
        do {
            for (entry, content) in zip(files, contents) {
                let path = "\(directory)/\(entry.path)"
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try content.write(to: URL(fileURLWithPath: path))
            }
            for (entry, target) in zip(links, targets) {
                let destination = String(decoding: target, as: UTF8.self)
                let parent = (entry.path as NSString).deletingLastPathComponent
                // A link that leaves the revision's tree would read the build machine's files.
                let resolved = HeaderNamer.normalize("/\(parent)/\(destination)")
                guard !destination.hasPrefix("/"), resolved != "/", !resolved.hasPrefix("/..") else { continue }
                let path = "\(directory)/\(entry.path)"
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try manager.createSymbolicLink(atPath: path, withDestinationPath: destination)
            }
        } catch {
            throw UAPIError.cannotWrite(path: directory, reason: "\(SystemError.describe(error)) (a copy of a git revision for parsing; set TMPDIR or --cache to a writable directory)")
        }
    }

    private static func isPlainDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
