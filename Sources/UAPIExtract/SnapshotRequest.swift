import UAPIClang
import UAPIModel

/// What to snapshot: resolved headers, include roots, targets and options.
public struct SnapshotRequest: Sendable {
    public var headers: [ListedHeader]
    /// User include roots (`--include`), searched before the target's system headers.
    public var includeDirectories: [String]
    public var targets: [Target]
    /// Prepend the kernel-types prelude (`u32`, `__le64`, `BIT()`, `__packed`, ...).
    public var kernelTypes: Bool
    /// Keep only items defined in the listed headers.
    public var onlyListed: Bool
    /// Extra `-D` definitions passed to clang.
    public var defines: [String]
    public var workers: Int
    /// Leave out a header that does not parse on a target (with a warning) instead of failing.
    public var keepGoing: Bool
    /// Parse as freestanding C: `<stdint.h>` comes from the compiler, not the C library
    /// (the i386 C library headers are not installed beside the cross compilers).
    public var freestanding = false
    /// Where the kernel headers come from (`--sysroot`): generic headers and each target's `asm/`.
    public var tree: HeaderTree = .host
    /// Headers included before each listed header (`--prelude`).
    public var preludes: [Prelude] = []
    /// Reuse and keep extraction results here; nil parses everything.
    public var cache: ExtractionCache?
    /// Parse only this part of the headers (`--shard I/N`); the others count as listed all the same.
    public var shard: Shard?

    /// The stdint prelude means the compiler's `<stdint.h>`, whatever the target's C library.
    var parsesFreestanding: Bool { freestanding || preludes.contains(.stdint) }
    /// Size and time bounds for each header (see `InputLimits`).
    public var limits = InputLimits()

    public init(headers: [ListedHeader], includeDirectories: [String] = [], targets: [Target] = [.x86_64],
                kernelTypes: Bool = false, onlyListed: Bool = false, defines: [String] = [],
                workers: Int = Concurrency.defaultWorkers, keepGoing: Bool = false) {
        self.keepGoing = keepGoing
        self.headers = headers
        self.includeDirectories = includeDirectories
        self.targets = targets
        self.kernelTypes = kernelTypes
        self.onlyListed = onlyListed
        self.defines = defines
        self.workers = workers
    }
}

/// What `--prelude` can put before each header, for copies that rely on their
/// project for basic types (QEMU's `include/standard-headers` use `uint32_t` unannounced).
public enum Prelude: String, Sendable, CaseIterable {
    /// `#include <stdint.h>`, the compiler's own (freestanding), so every target has it.
    case stdint

    var text: String {
        switch self {
        case .stdint: return "#include <stdint.h>\n"
        }
    }
}

/// A header the user asked for: its absolute path and the name reports use.
public struct ListedHeader: Sendable, Hashable, Comparable {
    public var path: String
    public var name: String

    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    public static func < (a: ListedHeader, b: ListedHeader) -> Bool { (a.name, a.path) < (b.name, b.path) }
}
