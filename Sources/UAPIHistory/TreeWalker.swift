import Foundation
import UAPIModel

/// Lists the prefix directory of revisions from git's tree objects. A directory whose
/// tree id the previous revision had is not read again: between two revisions of a
/// kernel, almost every directory is unchanged. Only the last revision's directories
/// are kept, so memory stays flat over long ranges.
struct TreeWalker {
    let reader: GitObjectReader
    private var previous: [String: [String: String]] = [:]
    private var current: [String: [String: String]] = [:]

    init(reader: GitObjectReader) {
        self.reader = reader
    }

    /// The tree under `prefix` at `commit`; empty when the path does not exist there.
    mutating func tree(commit: String, prefix: String) throws -> HeaderTree {
        guard let root = try reader.object(prefix.isEmpty ? "\(commit)^{tree}" : "\(commit):\(prefix)"), root.type == "tree" else {
            return HeaderTree(blobs: [:])
        }
        current = [:]
        let blobs = try listing(root)
        previous = current
        return HeaderTree(blobs: blobs)
    }

    private mutating func listing(_ tree: GitObjectReader.Object) throws -> [String: String] {
        var blobs: [String: String] = [:]
        for entry in TreeWalker.entries(tree.data, idLength: tree.id.count / 2) {
            switch entry.mode {
            case "100644", "100755":
                blobs[entry.name] = entry.id
            case "40000":
                for (name, blob) in try subtree(entry.id, name: entry.name) { blobs["\(entry.name)/\(name)"] = blob }
            default:
                continue // symbolic links and submodules are not headers
            }
        }
        current[tree.id] = blobs
        return blobs
    }

    private mutating func subtree(_ id: String, name: String) throws -> [String: String] {
        if let known = current[id] ?? previous[id] {
            current[id] = known
            return known
        }
        guard let tree = try reader.object(id), tree.type == "tree" else {
            throw UAPIError.gitError("tree \(id) (\(name)/) cannot be read from \(reader.repository); fetch the repository again")
        }
        return try listing(tree)
    }

    /// A raw tree object: entries of "MODE NAME\0" followed by the binary object id.
    private static let hexDigits = Array("0123456789abcdef")

    static func entries(_ data: Data, idLength: Int) -> [(mode: String, name: String, id: String)] {
        var result: [(String, String, String)] = []
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 0x20), let zero = bytes[space...].firstIndex(of: 0) else { break }
            let end = zero + 1 + idLength
            guard end <= bytes.count else { break }
            let mode = String(decoding: bytes[index..<space], as: UTF8.self)
            let name = String(decoding: bytes[(space + 1)..<zero], as: UTF8.self)
            let id = String(bytes[(zero + 1)..<end].flatMap { [TreeWalker.hexDigits[Int($0 >> 4)], TreeWalker.hexDigits[Int($0 & 15)]] })
            result.append((mode, name, id))
            index = end
        }
        return result
    }
}
