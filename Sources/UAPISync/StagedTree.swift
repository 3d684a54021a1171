import Foundation
import UAPIModel

/// The new tree, built beside `--to` as `.NAME.uapi-staging-PID`: the current tree
/// hard-linked (unchanged files keep their inode and are never rewritten), the plan's
/// files written as new files, and the record listing every file in the tree. A
/// symbolic link in the current tree is an error naming it; nothing is followed.
struct StagedTree {
    let destination: SyncDestination
    let parent: DirectoryHandle
    let hooks: SyncTestHooks

    var name: String { "\(destination.stagingPrefix)\(getpid())" }

    /// Builds the staging copy; on failure removes it and rethrows.
    func build(_ plan: SyncPlan, current: DirectoryHandle?) throws {
        try parent.makeDirectory(name)
        do {
            // Messages name the files as they will be in --to.
            let staging = try parent.directory(name, shownAs: destination.path)
            if let current {
                try staging.setMode(try parent.status(destination.name).st_mode & 0o7777)
                try mirror(current, into: staging)
            }
            try write(plan, into: staging)
            var record = plan.record
            record.files = try inventory(staging, listed: Set(plan.files.map(\.path))).sorted { $0.path < $1.path }
            try replace(SyncPlan.recordName, in: staging, with: try SnapshotCoding.encode(record))
            staging.sync()
        } catch {
            try? parent.removeTree(name)
            throw error
        }
    }

    private func mirror(_ source: DirectoryHandle, into target: DirectoryHandle) throws {
        for entry in try source.names() {
            guard let kind = try source.kind(entry) else { continue }
            switch kind.kind {
            case .directory:
                try target.makeDirectory(entry)
                let copy = try target.directory(entry)
                try copy.setMode(kind.mode)
                try mirror(try source.directory(entry), into: copy)
            case .regularFile:
                if try !source.link(entry, into: target) {
                    try target.create(entry, contents: try source.read(entry))
                }
            case .symbolicLink:
                throw SyncFileError.symbolicLink(source.path(entry))
            case .other:
                throw SyncFileError.notARegularFile(source.path(entry))
            }
        }
    }

    /// New and changed files. Each file must still hold what the plan saw: if another
    /// sync or an editor changed it since, the ABI verdict is stale and nothing is written.
    private func write(_ plan: SyncPlan, into staging: DirectoryHandle) throws {
        var written = 0
        for file in plan.files {
            var components = file.path.split(separator: "/").map(String.init)
            guard !file.path.hasPrefix("/"), !components.contains(".."), let leaf = components.popLast() else {
                throw UAPIError.badArgument("\(file.path): header names must be relative and must not contain '..'")
            }
            let directory = try makeDirectories(components, in: staging)
            let current = try directory.kind(leaf)?.kind == .regularFile ? try directory.read(leaf) : nil
            guard current == file.previous else {
                throw UAPIError.badArgument("\(staging.path(file.path)) changed while this sync was being prepared "
                    + "(another sync or an edit); nothing written; run uapi sync again")
            }
            guard file.status != .unchanged else { continue }
            try replace(leaf, in: directory, with: file.content)
            written += 1
            try hooks.wrote(written, staging.path(file.path))
            try SyncInterrupt.check(destination)
        }
    }

    private func makeDirectories(_ components: [String], in root: DirectoryHandle) throws -> DirectoryHandle {
        var directory = root
        for component in components {
            switch try directory.kind(component)?.kind {
            case nil: try directory.makeDirectory(component)
            case .directory: break
            default: throw UAPIError.cannotWrite(path: directory.path(component), reason: "it is in the way of a directory the sync needs; move it out of --to")
            }
            directory = try directory.directory(component)
        }
        return directory
    }

    /// A new file under the name: the old one may be a hard link into the current tree.
    private func replace(_ name: String, in directory: DirectoryHandle, with contents: Data) throws {
        if try directory.kind(name)?.kind == .directory {
            throw UAPIError.cannotWrite(path: directory.path(name), reason: "a directory is in the way of this header; move it out of --to")
        }
        try directory.remove(name)
        try directory.create(name, contents: contents)
    }

    /// Every regular file below `root` except the record, with its hash.
    private func inventory(_ root: DirectoryHandle, listed: Set<String>, prefix: String = "") throws -> [HeaderFile] {
        var files: [HeaderFile] = []
        for entry in try root.names() {
            let path = prefix + entry
            switch try root.kind(entry)?.kind {
            case .directory:
                files += try inventory(try root.directory(entry), listed: listed, prefix: path + "/")
            case .regularFile where path != SyncPlan.recordName:
                files.append(HeaderFile(path: path, sha256: SHA256.hex(of: try root.read(entry)), listed: listed.contains(path)))
            default:
                continue
            }
        }
        return files
    }
}
