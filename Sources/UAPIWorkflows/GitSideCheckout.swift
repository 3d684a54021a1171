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

    /// `path` is relative to the working directory inside the repository, as git's own
    /// `REV:./path` (`fromTop`: relative to the top of the repository); `alsoCopy` names
    /// more files or directories (from the top) the copy must hold.
    static func make(repository: String, revision: String, path: String, cacheDirectory: String?,
                     fromTop: Bool = false, alsoCopy: [String] = [], copyingSide: Bool = true) throws -> GitSideCheckout {
        let git = GitTree(repository: repository)
        let commit = try git.commit(revision)
        let prefix = fromTop ? "" : (try? git.git(["rev-parse", "--show-prefix"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let clean = Self.normalized(prefix + path) else {
            throw UAPIError.badArgument("git:\(revision):\(path): the path leaves the repository")
        }
        let entries = try git.listing(revision: commit)
        let inSide = entries.filter { clean.isEmpty || $0.path == clean || $0.path.hasPrefix(clean + "/") }
        guard inSide.contains(where: { $0.path.hasSuffix(".h") }) else {
            throw UAPIError.badArgument("git:\(revision):\(path) holds no .h files (or does not exist at that revision); paths are relative to the working directory, as in git show REV:./PATH")
        }
        // Links are few (Debian's asm/, a kernel's odd header): their targets are read up front.
        let linkObjects = Array(Set(entries.filter { $0.mode == "120000" }.map(\.object))).sorted()
        let linkTexts = Dictionary(uniqueKeysWithValues: zip(linkObjects, try git.blobs(linkObjects).map { String(decoding: $0, as: UTF8.self) }))
        let selected = Self.select(entries, side: clean, isFile: inSide.count == 1 && inSide[0].path == clean, alsoCopy: alsoCopy,
                                   copyingSide: copyingSide, linkTexts: linkTexts)
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
        copyPrefixes.reduce(message) { $0.replacingOccurrences(of: $1, with: "git:\(revision):") }
    }

    /// An error about the copy, reworded the same way (an input error stays one).
    func naming(_ error: Error) -> Error {
        RewordedFailure.replacing(copyPrefixes, with: "git:\(revision):", in: error)
    }

    private var copyPrefixes: [String] { [HeaderNamer.normalize(directory), directory].map { $0 + "/" } }

    /// The side's own files, and every header of the tree the side belongs to. A link
    /// becomes a copy of the file it names in the revision, or is left out: a link is never
    /// written, so nothing outside the revision can be reached through the copy.
    private static func select(_ entries: [GitTree.Entry], side: String, isFile: Bool, alsoCopy: [String],
                               copyingSide: Bool, linkTexts: [String: String]) -> [GitTree.Entry] {
        var directories = Set<String>()
        for entry in entries {
            var parent = parentPath(entry.path)
            while !parent.isEmpty, directories.insert(parent).inserted {
                parent = parentPath(parent)
            }
        }
        // Under a made-up root, so that the revision's usr/include is not the build machine's.
        let top = "/__revision__"
        let start = top + "/" + (isFile ? parentPath(side) : side)
        let tree = HeaderTree.detect(from: HeaderNamer.normalize(start)) { path in
            path == top || (path.hasPrefix(top + "/") && directories.contains(String(path.dropFirst(top.count + 1))))
        }
        var prefixes = copyingSide ? [side] : []
        if let tree, tree.root.hasPrefix(top) {
            let root = String(tree.root.dropFirst(top.count).drop { $0 == "/" })
            prefixes += tree.headerDirectories.map { root.isEmpty ? $0 : ($0.isEmpty ? root : "\(root)/\($0)") }
        }
        let files = Dictionary(entries.filter { $0.mode != "120000" }.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let links = Dictionary(entries.filter { $0.mode == "120000" }.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var wanted: [GitTree.Entry] = []
        for entry in entries where alsoCopy.contains(entry.path)
            || (entry.path.hasSuffix(".h") || entry.mode == "120000") && (prefixes + alsoCopy).contains(where: { isInside(entry.path, $0) }) {
            if entry.mode != "120000" {
                wanted.append(entry)
            } else if let target = linkTarget(entry.path, files: files, links: links, texts: linkTexts) {
                wanted.append(GitTree.Entry(path: entry.path, mode: target.mode, object: target.object))
            }
        }
        return wanted.sorted { $0.path < $1.path }
    }

    /// The regular file a link names, following links inside the revision (a few hops), by
    /// path text: whatever it resolves to is a file of the revision, never one outside it.
    private static func linkTarget(_ path: String, files: [String: GitTree.Entry], links: [String: GitTree.Entry],
                                   texts: [String: String]) -> GitTree.Entry? {
        var current = path
        for _ in 0..<8 {
            guard let link = links[current], let text = texts[link.object] else { return files[current] }
            guard !text.hasPrefix("/"), let next = normalized(parentPath(current) + "/" + text) else { return nil }
            current = next
        }
        return files[current]
    }

    static func normalized(_ path: String) -> String? { RelativePath.normalized(path) }
    static func parentPath(_ path: String) -> String { RelativePath.parent(path) }

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
        guard isDirectory(cacheDirectory), isPlainDirectory(base) else { return nil }
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
        // A copy used within the hour may be in use by another run: it stays.
        let now = Int(Date().timeIntervalSince1970)
        for stale in copies.sorted(by: { $0.used > $1.used }).dropFirst(keptCopies) where now - stale.used > 3600 {
            try? manager.removeItem(atPath: "\(base)/\(stale.name)")
        }
    }

    private static func write(_ entries: [GitTree.Entry], git: GitTree, into directory: String) throws {
        let manager = FileManager.default
        let contents = try git.blobs(entries.map(\.object))
        do {
            for (entry, content) in zip(entries, contents) {
                let path = "\(directory)/\(entry.path)"
                try manager.createDirectory(atPath: "\(directory)/\(parentPath(entry.path))", withIntermediateDirectories: true)
                try content.write(to: URL(fileURLWithPath: path))
            }
        } catch {
            throw UAPIError.cannotWrite(path: directory, reason: "\(SystemError.describe(error)) (a copy of a git revision for parsing; set TMPDIR or --cache to a writable directory)")
        }
    }

    /// The user's cache directory may itself be a link; what uapi makes inside it may not.
    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isPlainDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
