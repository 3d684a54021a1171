import Foundation
import UAPIClang
import UAPIModel

/// Turns command-line header arguments into listed headers: a path, a name found
/// under an include root (`linux/vfio.h`), or a directory (`--recursive` descends).
public enum HeaderResolver {
    public static func resolve(_ arguments: [String], includeDirectories: [String],
                               recursive: Bool, tree: HeaderTree = .host) throws -> [ListedHeader] {
        var result = Set<ListedHeader>()
        let searchRoots = includeDirectories + tree.genericRoots
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                let path = HeaderNamer.normalize(absolute(argument))
                if isDirectory.boolValue {
                    result.formUnion(try headers(inDirectory: path, recursive: recursive, roots: searchRoots))
                } else {
                    if case let .other(kind) = FileKind(path: path) {
                        throw UAPIError.notRegularFile(path: argument, kind: kind, includedFrom: nil)
                    }
                    if isSnapshotFile(path) {
                        throw UAPIError.badArgument("\(argument) is a uapi snapshot, not a header: name headers here (uapi diff, lint and layout take a snapshot file)")
                    }
                    result.insert(ListedHeader(path: path, name: name(of: path, roots: searchRoots, fallbackRoot: nil)))
                }
                continue
            }
            guard let root = searchRoots.first(where: { FileManager.default.fileExists(atPath: "\($0)/\(argument)") }) else {
                throw UAPIError.headerNotFound(argument, searched: searchRoots)
            }
            let path = HeaderNamer.normalize("\(absolute(root))/\(argument)")
            result.insert(ListedHeader(path: path, name: argument))
        }
        guard !result.isEmpty else { throw UAPIError.noHeaders("no .h files in \(arguments.joined(separator: ", "))") }
        return result.sorted()
    }

    /// A snapshot written by uapi (`{"format" : "uapi-snapshot", ...`), read as far as its first kilobyte.
    private static func isSnapshotFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = String(decoding: handle.readData(ofLength: 1024), as: UTF8.self)
        return start.drop { $0.isWhitespace }.hasPrefix("{") && start.contains("\"\(Snapshot.formatName)\"")
    }

    private static func headers(inDirectory directory: String, recursive: Bool, roots: [String]) throws -> [ListedHeader] {
        let files = try HeaderDirectory.headers(in: directory, recursive: recursive)
        // A directory argument names its files relative to the nearest include root
        // above it, else relative to its own parent (`linux/` -> `linux/x.h`).
        let parent = (directory as NSString).deletingLastPathComponent
        return files.map { file in
            let path = HeaderNamer.normalize("\(directory)/\(file)")
            return ListedHeader(path: path, name: name(of: path, roots: roots, fallbackRoot: parent))
        }
    }

    private static func name(of path: String, roots: [String], fallbackRoot: String?) -> String {
        let candidates = roots.map { HeaderNamer.normalize(absolute($0)) } + (fallbackRoot.map { [$0] } ?? [])
        for root in candidates.sorted(by: { $0.count > $1.count }) where path.hasPrefix(root + "/") {
            return String(path.dropFirst(root.count + 1))
        }
        return (path as NSString).lastPathComponent
    }

    package static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
