import UAPIModel

/// A set of headers synced into one directory with one rewrite.
public struct SyncGroup: Sendable, Equatable {
    /// The settings of a group in `uapi.yaml`, named like the command-line options.
    package static let keys: Set<String> = ["to", "headers", "rewrite", "packed-macro", "allow-include"]
    /// Old names still read, each with the key that replaces it.
    package static let deprecatedKeys = ["allowed-includes": "allow-include"]

    public var to: String
    /// Names or globs: `linux/vfio.h`, `linux/vfio_*.h`, `asm-x86/kvm.h`.
    public var headers: [String]
    public var rewrite: RewriteMode
    public var packedMacro: String?
    public var allowedIncludes: [String]

    public init(to: String, headers: [String], rewrite: RewriteMode, packedMacro: String?, allowedIncludes: [String]) {
        self.to = to
        self.headers = headers
        self.rewrite = rewrite
        self.packedMacro = packedMacro
        self.allowedIncludes = allowedIncludes
    }
}
