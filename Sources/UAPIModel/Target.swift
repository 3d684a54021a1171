import Foundation

/// A target ABI the tool knows how to parse for, and where its headers live.
public struct Target: Sendable, Equatable, Hashable {
    /// The name users type (`x86_64`, `i386`, `aarch64`, ...).
    public var name: String
    /// The clang target triple.
    public var triple: String
    /// Debian multiarch names whose `asm/` serves this target, in order of preference:
    /// `<root>/usr/include/<name>/asm` (an installed tree) or `<root>/usr/<name>/include/asm`
    /// (a cross package). i386 also takes x86_64's: the x86 asm headers switch on `__i386__`.
    public var multiarchNames: [String]
    /// The kernel's name for the architecture: `arch/<name>` in a kernel source tree,
    /// `asm-<name>` in QEMU's `linux-headers`.
    public var kernelArchitecture: String
    /// The C library's headers for this target on this machine, most specific first.
    public var libcDirectories: [String]
    /// A file only a complete C library install has, to tell a missing package apart.
    public var libcMarker: String
    /// The Debian packages that provide the asm headers and the C library headers.
    public var debianPackage: String
    public var libcPackage: String
    public var ioctlEncoding: IoctlEncoding.Name

    private static let host = ["/usr/include/x86_64-linux-gnu", "/usr/include"]

    public static let x86_64 = Target(
        name: "x86_64", triple: "x86_64-linux-gnu", multiarchNames: ["x86_64-linux-gnu"], kernelArchitecture: "x86",
        libcDirectories: host, libcMarker: "gnu/stubs-64.h",
        debianPackage: "linux-libc-dev", libcPackage: "libc6-dev", ioctlEncoding: .generic)
    public static let i386 = Target(
        name: "i386", triple: "i386-linux-gnu", multiarchNames: ["i386-linux-gnu", "x86_64-linux-gnu"], kernelArchitecture: "x86",
        libcDirectories: host, libcMarker: "gnu/stubs-32.h",
        debianPackage: "linux-libc-dev", libcPackage: "libc6-dev-i386", ioctlEncoding: .generic)
    public static let aarch64 = cross("aarch64", triple: "aarch64-linux-gnu", kernel: "arm64", stubs: "lp64",
                                      debian: "arm64", ioctl: .generic)
    public static let arm = cross("arm", triple: "arm-linux-gnueabihf", kernel: "arm", stubs: "hard",
                                  debian: "armhf", ioctl: .generic)
    public static let riscv64 = cross("riscv64", triple: "riscv64-linux-gnu", kernel: "riscv", stubs: "lp64d",
                                      debian: "riscv64", ioctl: .generic)
    public static let ppc64le = cross("ppc64le", triple: "powerpc64le-linux-gnu", kernel: "powerpc", stubs: "64-v2",
                                      debian: "ppc64el", ioctl: .powerpc)
    public static let s390x = cross("s390x", triple: "s390x-linux-gnu", kernel: "s390", stubs: "64",
                                    debian: "s390x", ioctl: .generic)

    /// A target whose C library comes from Debian's cross packages under `/usr/<triple>/include`.
    private static func cross(_ name: String, triple: String, kernel: String, stubs: String, debian: String,
                              ioctl: IoctlEncoding.Name) -> Target {
        Target(name: name, triple: triple, multiarchNames: [triple], kernelArchitecture: kernel,
               libcDirectories: ["/usr/\(triple)/include"], libcMarker: "gnu/stubs-\(stubs).h",
               debianPackage: "linux-libc-dev-\(debian)-cross", libcPackage: "libc6-dev-\(debian)-cross", ioctlEncoding: ioctl)
    }

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
