import Foundation
import UAPIModel

/// Where the kernel headers of a snapshot come from: the build machine (`/`) or a
/// tree given with `--sysroot`. A tree provides the generic headers (`linux/`,
/// `asm-generic/`, ...) and each target's `asm/`; only the C library comes from elsewhere.
public struct HeaderTree: Sendable, Equatable {
    /// The directory the user named.
    public let root: String
    /// Include roots of the generic headers, searched in order.
    public let genericRoots: [String]
    /// How the tree is laid out, which decides where each target's `asm/` is.
    let layout: Layout

    enum Layout: Sendable, Equatable {
        /// `make headers_install` or a Debian package: `usr/include/<multiarch>/asm`, `usr/<multiarch>/include/asm`.
        case installed
        /// QEMU's copy: `linux-headers/asm-<arch>` beside a few `linux/` headers; the rest is the build machine's.
        /// (QEMU's build links `linux-headers/asm` to the host's `asm-<arch>`: use the source tree.)
        case qemu
        /// A kernel source tree: `include/uapi` and `arch/<arch>/include/{,generated/}uapi`.
        case kernelSource
    }

    /// Top-level directories of the kernel's UAPI headers. The build machine's
    /// `/usr/include` mixes them with the C library's, so only these are taken from it.
    package static let kernelDirectories = ["asm-generic", "cxl", "drm", "fwctl", "linux", "misc", "mtd", "rdma",
                                    "regulator", "scsi", "sound", "video", "xen"]

    /// The build machine's installed headers.
    public static let host = HeaderTree(root: "/", genericRoots: ["/usr/include"], layout: .installed)

    /// Recognises the layout of `path` (`--sysroot`).
    public static func open(_ path: String) throws -> HeaderTree {
        let root = HeaderNamer.normalize(HeaderResolver.absolute(path))
        guard isDirectory(root) else {
            throw UAPIError.badArgument("--sysroot \(path): no such directory; give an installed header tree, a kernel source tree or a QEMU source tree")
        }
        if root == "/" { return host }
        if isDirectory("\(root)/include/uapi/linux") {
            return HeaderTree(root: root, genericRoots: ["\(root)/include/uapi"], layout: .kernelSource)
        }
        if isDirectory("\(root)/linux-headers") {
            // QEMU copies only the headers it needs; it builds against the machine's for the rest.
            return HeaderTree(root: root, genericRoots: ["\(root)/linux-headers", "/usr/include"], layout: .qemu)
        }
        for candidate in ["\(root)/usr/include", "\(root)/include"] where isDirectory("\(candidate)/linux") {
            return HeaderTree(root: root, genericRoots: [candidate], layout: .installed)
        }
        throw UAPIError.badArgument("--sysroot \(path): not a header tree: expected \(path)/usr/include/linux (installed headers), \(path)/include/uapi/linux (kernel source) or \(path)/linux-headers (QEMU)")
    }

    /// The `asm` directories of `target`, in search order, or nil when the tree lacks them.
    public func asmDirectories(for target: Target) -> [String]? {
        switch layout {
        case .installed:
            return asmCandidates(for: target).first(where: hasAsmTypes).map { [$0] }
        case .qemu:
            // QEMU's asm-<arch> holds a few headers (kvm.h, unistd.h); asm/types.h and the
            // rest are the build machine's, as when QEMU itself is built.
            guard let own = asmCandidates(for: target).first(where: isDirectory) else { return nil }
            return [own] + (HeaderTree.host.asmDirectories(for: target) ?? [])
        case .kernelSource:
            let found = asmCandidates(for: target).filter(isDirectory)
            return found.isEmpty ? nil : found
        }
    }

    /// Every place `asmDirectories(for:)` looks, for error messages.
    public func asmCandidates(for target: Target) -> [String] {
        let base = root == "/" ? "" : root
        switch layout {
        case .installed:
            let perArchitecture = target.multiarchNames.flatMap { name in
                ["\(base)/usr/include/\(name)/asm", "\(base)/include/\(name)/asm", "\(base)/usr/\(name)/include/asm"]
            }
            // A single-architecture tree (headers_install, a cross package's include/) says
            // nothing about its architecture: it serves whatever target is asked for.
            return perArchitecture + (root == "/" ? [] : ["\(root)/include/asm"])
        case .qemu:
            return ["\(root)/linux-headers/asm-\(target.kernelArchitecture)"]
        case .kernelSource:
            let arch = "\(root)/arch/\(target.kernelArchitecture)/include"
            return ["\(arch)/uapi/asm", "\(arch)/generated/uapi/asm"]
        }
    }

    /// Whether a generic header found outside `genericRoots` is a mix of two trees.
    var providesEveryGenericHeader: Bool { layout != .qemu }

    private func hasAsmTypes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(directory)/types.h")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func isDirectory(_ path: String) -> Bool { Self.isDirectory(path) }
}
