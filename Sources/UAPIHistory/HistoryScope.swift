import Foundation
import UAPIModel
import UAPIExtract

/// What a history follows: the path prefix in the repository, the header patterns
/// under it, and the parse flags. Revisions are recorded per scope and target.
public struct HistoryScope: Sendable, Equatable {
    public var path: String
    public var patterns: [String]
    /// More include roots of the revision, relative to the repository (`-I include` for
    /// QEMU's `standard-headers`): an include the path lacks is looked up there.
    public var includeRoots: [String] = []
    /// `--prelude`, as for every other command.
    public var preludes: [Prelude] = []

    /// Kernel-only annotations a raw `include/uapi` header may still carry; defining
    /// them away parses the header as `make headers_install` would leave it.
    public static let defines = ["__user=", "__force=", "__iomem=", "__attribute_const__="]

    public init(path: String, patterns: [String]) {
        self.path = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.patterns = patterns
    }

    /// The parse flags, as they enter a part's key.
    public var flags: String {
        // asm/ is read from each revision (asm-<arch>, arch/<arch>/include/uapi) since this flag.
        "only-listed asm=revision " + HistoryScope.defines.map { "-D\($0)" }.joined(separator: " ")
            + preludes.map { " --prelude \($0.rawValue)" }.joined()
    }

    /// Where a target's `asm/` headers are in a revision, relative to the repository,
    /// in search order: QEMU's `linux-headers/asm-<arch>`, a kernel's `arch/<arch>/include/uapi/asm`.
    /// What the revision lacks is the build machine's.
    func asmPrefixes(for target: Target) -> [String] {
        let arch = target.kernelArchitecture
        return [path.isEmpty ? "asm-\(arch)" : "\(path)/asm-\(arch)", "arch/\(arch)/include/uapi/asm"]
    }

    /// The scope's name in the database: readable, and distinct for distinct scopes.
    public var id: String {
        "path=\(path);headers=\(patterns.sorted().joined(separator: ","));flags=\(flags)"
            + (includeRoots.isEmpty ? "" : ";include=\(includeRoots.joined(separator: ","))")
    }
}

/// The identity of one parse: a header's blob, the blobs of the same-tree headers it
/// includes (directly or not), the target, the tool and the flags. Equal keys give
/// equal extractions, so a key already stored is never parsed again.
struct PartKey: Hashable {
    var header: String
    var blob: String
    /// (name, blob) of every same-tree header the parse reads, sorted by name.
    var includes: [[String]]
    var target: String
    var tool: String
    var flags: String

    /// The uapi version and the libclang it parses with: either changes what a parse yields.
    static func tool() throws -> String { "uapi \(UAPIVersion.string); \(try ParserVersion.clang())" }

    var id: String {
        let lines = ["uapi-history-part 1", header, blob] + includes.map { $0.joined(separator: " ") } + [target, tool, flags]
        return SHA256.hex(of: Data(lines.joined(separator: "\n").utf8))
    }

    var includesJSON: String {
        String(decoding: (try? JSONEncoder().encode(includes)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
