import Foundation
import UAPIModel

/// Where synced headers come from: a kernel source tree (on disk or at a git
/// revision, with `headers_install` applied) or an installed header tree.
public struct SyncSource {
    public enum Kind: Equatable {
        case kernelTree(root: String)
        case kernelRevision(repository: String, revision: String)
        case installedTree(root: String)
    }

    public let kind: Kind
    /// As the user named it, for reports.
    public let label: String

    /// `~/linux`, `~/linux@v6.8` or `/usr/include`.
    public static func parse(_ argument: String) throws -> SyncSource {
        if let at = argument.lastIndex(of: "@"), at != argument.startIndex {
            let repository = String(argument[..<at]), revision = String(argument[argument.index(after: at)...])
            guard FileManager.default.fileExists(atPath: repository) else { throw UAPIError.headerNotFound(repository, searched: []) }
            _ = try GitTree(repository: repository).commit(revision)
            return SyncSource(kind: .kernelRevision(repository: repository, revision: revision), label: argument)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UAPIError.badArgument("\(argument): --from must be a kernel tree, a kernel tree@REVISION, or an installed header tree")
        }
        if FileManager.default.fileExists(atPath: "\(argument)/include/uapi") {
            return SyncSource(kind: .kernelTree(root: argument), label: argument)
        }
        // An installed tree named by its root (a Debian package unpacked, a headers_install output) reads from its include root.
        let includeRoot = ["usr/include", "include"].map { "\(argument)/\($0)" }
            .first { FileManager.default.fileExists(atPath: "\($0)/linux") } ?? argument
        return SyncSource(kind: .installedTree(root: includeRoot), label: argument)
    }

    /// Where a header name lives in a kernel tree: `asm-x86/kvm.h` is
    /// `arch/x86/include/uapi/asm/kvm.h`, everything else is under `include/uapi`.
    static func kernelPath(of name: String) -> String {
        let parts = name.split(separator: "/", maxSplits: 1)
        if parts.count == 2, parts[0].hasPrefix("asm-"), parts[0] != "asm-generic" {
            return "arch/\(parts[0].dropFirst(4))/include/uapi/asm/\(parts[1])"
        }
        return "include/uapi/\(name)"
    }

    /// Header names matching `pattern` (a name or a glob such as `linux/vfio*.h`).
    public func names(matching pattern: String) throws -> [String] {
        guard pattern.contains("*") || pattern.contains("?") else { return [pattern] }
        let directory = (pattern as NSString).deletingLastPathComponent
        let candidates: [String]
        switch kind {
        case let .installedTree(root):
            candidates = try SourceTree(root: root).names(in: directory).map { "\(directory)/\($0)" }
        case let .kernelTree(root):
            let base = (SyncSource.kernelPath(of: pattern) as NSString).deletingLastPathComponent
            candidates = try SourceTree(root: root).names(in: base).map { "\(directory)/\($0)" }
        case let .kernelRevision(repository, revision):
            let base = (SyncSource.kernelPath(of: pattern) as NSString).deletingLastPathComponent
            candidates = try GitTree(repository: repository).files(revision: revision, under: base)
                .filter { ($0 as NSString).deletingLastPathComponent == base }
                .map { "\(directory)/\(($0 as NSString).lastPathComponent)" }
        }
        let matches = candidates.filter { Glob.matches(pattern, $0) }.sorted()
        guard !matches.isEmpty else { throw UAPIError.noHeaders("\(pattern) matches no header in \(label)") }
        return matches
    }

    /// The header as the project should receive it (before any rewrite).
    public func read(_ name: String) throws -> String {
        guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
            throw UAPIError.badArgument("\(name): header names must be relative and must not contain '..'")
        }
        let text: String
        switch kind {
        case let .installedTree(root):
            return String(decoding: try SourceTree(root: root).read(name), as: UTF8.self)
        case let .kernelTree(root):
            text = String(decoding: try SourceTree(root: root).read(SyncSource.kernelPath(of: name)), as: UTF8.self)
        case let .kernelRevision(repository, revision):
            let path = SyncSource.kernelPath(of: name)
            let tree = GitTree(repository: repository)
            guard let mode = try tree.mode(revision: revision, path: path) else {
                throw UAPIError.gitError("'\(path)' does not exist at revision \(revision)")
            }
            guard mode != "120000" else {
                throw UAPIError.badArgument("\(label): \(path) is a symbolic link; uapi sync copies regular files only")
            }
            text = String(decoding: try tree.read(revision: revision, path: path), as: UTF8.self)
        }
        do {
            return try HeadersInstall.transform(text)
        } catch let failure as HeadersInstall.Failure {
            throw UAPIError.badConfig(path: "\(label)/\(SyncSource.kernelPath(of: name))", line: failure.line, reason: failure.reason)
        }
    }

    /// `6.8.0-rc1` from the kernel Makefile, when the source is a kernel tree.
    public var kernelVersion: String? {
        let makefile: String?
        switch kind {
        case let .kernelTree(root): makefile = (try? SourceTree(root: root).read("Makefile")).map { String(decoding: $0, as: UTF8.self) }
        case let .kernelRevision(repository, revision):
            makefile = (try? GitTree(repository: repository).read(revision: revision, path: "Makefile")).map { String(decoding: $0, as: UTF8.self) }
        case .installedTree: makefile = nil
        }
        guard let makefile else { return nil }
        func value(_ key: String) -> String? {
            makefile.split(separator: "\n").first { $0.hasPrefix("\(key) =") || $0.hasPrefix("\(key)=") }
                .map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces) }
        }
        guard let version = value("VERSION"), let patch = value("PATCHLEVEL") else { return nil }
        return "\(version).\(patch)" + (value("SUBLEVEL").map { $0.isEmpty || $0 == "0" ? "" : ".\($0)" } ?? "") + (value("EXTRAVERSION") ?? "")
    }

    /// The commit id, `git describe` and subject of the source, when it is in git.
    public var commit: (id: String, describe: String?, subject: String?)? {
        switch kind {
        case let .kernelRevision(repository, revision):
            let tree = GitTree(repository: repository)
            guard let id = try? tree.commit(revision) else { return nil }
            return (id, tree.describe(revision), tree.subject(revision))
        case let .kernelTree(root):
            let tree = GitTree(repository: root)
            guard FileManager.default.fileExists(atPath: "\(root)/.git"), let id = try? tree.commit("HEAD") else { return nil }
            return (id, tree.describe("HEAD"), tree.subject("HEAD"))
        case .installedTree:
            return nil
        }
    }
}
