import Foundation
import UAPIModel

/// A sync must not write where it reads: a `--to` that is the `--from` tree, lies inside a
/// directory the sync reads headers from, or contains `--from` (which the swap would
/// replace) is refused. Directories are compared by device and inode up the tree, so a
/// symbolic link or a bind mount to the same place is caught too. A `--to` elsewhere in a
/// kernel tree (`KTREE/usr/include`, headers_install's own default) is allowed.
public enum SyncOverlap {
    public static func check(destination: String, source: SyncSource) throws {
        let (root, readFrom) = readDirectories(of: source)
        guard let root else { return }
        let destinationChain = identities(upFrom: destination)
        // A destination that does not exist yet is new, under its nearest existing ancestor.
        let exists = identity(of: destination) != nil
        if exists, let rootIdentity = identity(of: root), destinationChain.first == rootIdentity {
            throw refusal(destination, "it is the --from tree \(root) itself")
        }
        for directory in readFrom {
            guard let read = identity(of: directory), destinationChain.contains(read) else { continue }
            throw refusal(destination, "it lies inside \(directory), which the sync reads its headers from")
        }
        if exists, let first = destinationChain.first, identities(upFrom: root).contains(first) {
            throw refusal(destination, "it contains the --from tree \(root), which the sync would replace")
        }
    }

    /// The tree and the directories headers are read from.
    private static func readDirectories(of source: SyncSource) -> (root: String?, readFrom: [String]) {
        switch source.kind {
        case let .kernelTree(root):
            let arches = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/arch")) ?? []
            return (root, ["\(root)/include/uapi"] + arches.sorted().map { "\(root)/arch/\($0)/include/uapi" }
                .filter { FileManager.default.fileExists(atPath: $0) })
        case let .installedTree(root):
            return (root, [root])
        case .kernelRevision:
            // Read from git objects: the work tree is never read.
            return (nil, [])
        }
    }

    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The identities of `path` (or, when it does not exist yet, of its nearest existing
    /// ancestor) and of every directory above it, resolved as the kernel resolves them.
    private static func identities(upFrom path: String) -> [Identity] {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        while identity(of: current) == nil, current != "/" { current = (current as NSString).deletingLastPathComponent }
        var result: [Identity] = []
        var seen = 0
        // `..` from a resolved path follows the real parent, whatever links led there.
        var probe = current
        while let found = identity(of: probe), seen < 4096 {
            if result.last == found { break }
            result.append(found)
            probe += "/.."
            seen += 1
        }
        return result
    }

    private static func refusal(_ destination: String, _ reason: String) -> UAPIError {
        UAPIError.badArgument("--to \(destination): \(reason); sync into the project's copy, or into a directory outside the tree (KTREE/usr/include is fine)")
    }
}
