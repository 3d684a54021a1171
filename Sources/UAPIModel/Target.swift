import Foundation

/// A target ABI the tool knows how to parse for.
public struct Target: Sendable, Equatable, Hashable {
    /// The name users type (`x86_64`, `i386`, `aarch64`, ...).
    public var name: String
    /// The clang target triple.
    public var triple: String
    /// Directories searched for `asm/` headers, in order; the first that holds
    /// `asm/types.h` is used.
    public var asmIncludeCandidates: [String]
    /// The Debian package that provides those headers.
    public var debianPackage: String
    public var ioctlEncoding: IoctlEncoding.Name
    /// True when the target shares the build machine's `/usr/include` for generic headers.
    public var usesHostInclude: Bool

    public static let x86_64 = Target(
        name: "x86_64", triple: "x86_64-linux-gnu",
        asmIncludeCandidates: ["/usr/include/x86_64-linux-gnu", "/usr/x86_64-linux-gnu/include"],
        debianPackage: "linux-libc-dev", ioctlEncoding: .generic, usesHostInclude: true)
    /// The x86 asm headers serve both x86_64 and i386 (they switch on `__i386__`).
    public static let i386 = Target(
        name: "i386", triple: "i386-linux-gnu",
        asmIncludeCandidates: ["/usr/include/x86_64-linux-gnu", "/usr/i686-linux-gnu/include"],
        debianPackage: "linux-libc-dev", ioctlEncoding: .generic, usesHostInclude: true)
    public static let aarch64 = Target(
        name: "aarch64", triple: "aarch64-linux-gnu",
        asmIncludeCandidates: ["/usr/aarch64-linux-gnu/include"],
        debianPackage: "linux-libc-dev-arm64-cross", ioctlEncoding: .generic, usesHostInclude: false)
    public static let arm = Target(
        name: "arm", triple: "arm-linux-gnueabihf",
        asmIncludeCandidates: ["/usr/arm-linux-gnueabihf/include"],
        debianPackage: "linux-libc-dev-armhf-cross", ioctlEncoding: .generic, usesHostInclude: false)
    public static let riscv64 = Target(
        name: "riscv64", triple: "riscv64-linux-gnu",
        asmIncludeCandidates: ["/usr/riscv64-linux-gnu/include"],
        debianPackage: "linux-libc-dev-riscv64-cross", ioctlEncoding: .generic, usesHostInclude: false)
    public static let ppc64le = Target(
        name: "ppc64le", triple: "powerpc64le-linux-gnu",
        asmIncludeCandidates: ["/usr/powerpc64le-linux-gnu/include"],
        debianPackage: "linux-libc-dev-ppc64el-cross", ioctlEncoding: .powerpc, usesHostInclude: false)
    public static let s390x = Target(
        name: "s390x", triple: "s390x-linux-gnu",
        asmIncludeCandidates: ["/usr/s390x-linux-gnu/include"],
        debianPackage: "linux-libc-dev-s390x-cross", ioctlEncoding: .generic, usesHostInclude: false)

    public static let all: [Target] = [.x86_64, .i386, .aarch64, .arm, .riscv64, .ppc64le, .s390x]

    /// Accepts the canonical names and the common aliases (`arm64`, `amd64`, `armhf`, `ppc64el`).
    public static func named(_ name: String) -> Target? {
        let aliases = ["amd64": "x86_64", "x86-64": "x86_64", "i686": "i386", "x86": "i386",
                       "arm64": "aarch64", "armhf": "arm", "ppc64el": "ppc64le"]
        let canonical = aliases[name.lowercased()] ?? name.lowercased()
        return all.first { $0.name == canonical }
    }
}

extension Target {
    /// `x86_64,i386` (or a list of such words) -> targets; aliases accepted, duplicates
    /// dropped. The one parser for the command line and config files alike.
    public static func parseList(_ words: [String]) throws -> [Target] {
        var result: [Target] = []
        for word in words {
            for name in word.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let target = Target.named(name) else { throw UAPIError.unknownTarget(name) }
                if !result.contains(target) { result.append(target) }
            }
        }
        guard !result.isEmpty else { throw UAPIError.unknownTarget(words.joined(separator: ",")) }
        return result
    }
}
