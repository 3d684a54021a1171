import Foundation
import UAPIModel

/// The files under the path prefix at one revision, named relative to it
/// (`linux/vfio.h`), each with its blob id. Read from git's tree objects, never from the work tree.
struct HeaderTree {
    var blobs: [String: String]

    init(blobs: [String: String]) {
        self.blobs = blobs
    }

    /// The headers the patterns select (`linux/vfio.h`, `linux/vfio*.h`), sorted.
    func headers(matching patterns: [String]) -> [String] {
        blobs.keys.filter { name in name.hasSuffix(".h") && patterns.contains { Glob.matches($0, name) } }.sorted()
    }

    /// Where `#include` of `name` from `includer` lands in this tree, if it does:
    /// a quoted include looks beside the includer first, as the preprocessor does.
    func resolve(_ include: IncludeScanner.Include, from includer: String) -> String? {
        if include.quoted {
            let directory = (includer as NSString).deletingLastPathComponent
            let beside = directory.isEmpty ? include.name : "\(directory)/\(include.name)"
            if let normalized = HeaderTree.normalize(beside), blobs[normalized] != nil { return normalized }
        }
        return blobs[include.name] != nil ? include.name : nil
    }

    /// `linux/../asm/x.h` -> `asm/x.h`; nil when it climbs out of the tree.
    static func normalize(_ path: String) -> String? { RelativePath.normalized(path) }
}

/// Finds the `#include` lines of a header by text: enough to know which files of
/// the same tree a parse depends on.
enum IncludeScanner {
    struct Include: Hashable {
        var name: String
        var quoted: Bool
    }

    static func includes(in data: Data) -> [Include] {
        var result: [Include] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "#" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard rest.hasPrefix("include") else { continue }
            rest = rest.dropFirst("include".count).drop { $0 == " " || $0 == "\t" }
            guard let open = rest.first, open == "<" || open == "\"" else { continue }
            let close: Character = open == "<" ? ">" : "\""
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: close) else { continue }
            result.append(Include(name: String(body[..<end]), quoted: open == "\""))
        }
        return result
    }
}
