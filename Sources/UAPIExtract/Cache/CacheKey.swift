import Foundation
import UAPIClang
import UAPIModel

/// Names a cache entry: this build of uapi and libclang (the library file, named without
/// opening it, so that a warm run never opens libclang), the target's clang command
/// line (include views, definitions, freestanding), the prelude and what is
/// evaluated, and the header. What else a result depends on (the bytes of every
/// included file, names, which headers are listed) is checked on each use.
enum CacheKey {
    /// What every header of one target shares: the start of its keys, and where its
    /// clang looks for headers.
    struct Environment: Sendable {
        let key: String
        let searchPath: SearchPath
    }

    static func environment(_ environment: TargetEnvironment, request: SnapshotRequest, overlay: IncludeOverlay) -> Environment {
        var arguments = environment.arguments
        // The overlay file has a new name every run; what it maps is what matters.
        for index in arguments.indices.dropLast() where arguments[index] == "-ivfsoverlay" {
            arguments[index + 1] = "<overlay>"
        }
        let material = [
            "uapi extraction cache 1", BuildIdentity.current, ClangLibrary.identity, ResourceDirectory.path ?? "",
            "target \(environment.target.name) \(environment.target.ioctlEncoding.rawValue)",
            arguments.joined(separator: "\u{1}"),
            overlay.remaps.keys.sorted().map { "\($0)=\(overlay.remaps[$0]!)" }.joined(separator: "\u{1}"),
            request.kernelTypes ? KernelTypesPrelude.text : "", request.preludes.map(\.text).joined(),
            request.onlyListed ? "own macros" : "every macro",
        ]
        return Environment(key: digest(material), searchPath: SearchPath(arguments: environment.arguments, remaps: overlay.remaps))
    }

    static func header(_ header: ListedHeader, in environment: Environment) -> String {
        digest([environment.key, header.path, header.name])
    }

    private static func digest(_ parts: [String]) -> String {
        SHA256.hex(of: Data(parts.joined(separator: "\u{0}").utf8))
    }
}
