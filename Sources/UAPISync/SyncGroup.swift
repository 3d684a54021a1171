import UAPIModel

/// A set of headers synced into one directory with one rewrite.
public struct SyncGroup: Sendable, Equatable {
    package static let keys: Set<String> = ["to", "headers", "rewrite", "packed-macro", "allowed-includes"]

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
