import Foundation
import UAPIClang
import UAPIModel

/// The clang command line for one target: triple, include paths, definitions.
///
/// Search order: the user's include roots, the target's `asm/` alone, the tree's
/// generic kernel directories alone, then the target's C library. Views (see
/// `IncludeOverlay`) keep a cross package's older `linux/` copy out of reach.
struct TargetEnvironment: Sendable {
    let target: Target
    /// The real `asm` directories the target's `asm/` headers come from.
    let asmDirectories: [String]
    /// Include roots a generic kernel header may come from: the user's, then the tree's.
    let kernelRoots: [String]
    /// The user's include roots (`--include`), absolute.
    let userRoots: [String]
    /// Include roots used to name headers besides the user's.
    let namingRoots: [String]
    let arguments: [String]
    /// The overlay's virtual directories -> the real ones, for the checks before parsing.
    let virtualDirectories: [String: String]
    /// Directories whose files are the kernel's (the user's roots, asm/, the generic
    /// kernel directories), each ending in `/`.
    let kernelDirectories: [String]
    /// The C library's and the compiler's own directories, each ending in `/`.
    let libraryDirectories: [String]
    /// The package to install when the target's C library headers are missing.
    let missingLibcPackage: String?
    /// The build machine's kernel directories a tree that lacks a header falls back to
    /// (QEMU's, a vendored copy), each ending in `/`: a header found there is named in a note.
    let borrowedDirectories: [String]
    /// What the tree is, for that note.
    let treeDescription: String

    init(target: Target, request: SnapshotRequest, overlay: IncludeOverlay) throws {
        self.target = target
        let tree = request.tree
        guard let asm = tree.asmDirectories(for: target) else {
            let searched = tree.asmCandidates(for: target)
            if tree == .host {
                throw UAPIError.missingAsmHeaders(target: target.name, package: target.debianPackage, searched: searched)
            }
            throw UAPIError.treeLacksAsmHeaders(target: target.name, tree: tree.root, searched: searched)
        }
        asmDirectories = asm.map { HeaderNamer.normalize($0) }
        treeDescription = tree.shortDescription
        borrowedDirectories = tree.borrowsFromHost
            ? (HeaderTree.host.genericRoots + (HeaderTree.host.asmDirectories(for: target) ?? [])).map { HeaderNamer.normalize($0) + "/" }
            : []
        let userRoots = request.includeDirectories.map { HeaderNamer.normalize(HeaderResolver.absolute($0)) }
        self.userRoots = userRoots
        kernelRoots = userRoots + tree.genericRoots

        let virtualRoot = "/__uapi__/\(target.name)"
        var system: [String] = []
        var kernel = userRoots + asmDirectories
        for (position, directory) in asmDirectories.enumerated() {
            overlay.map("\(virtualRoot)/asm\(position)/asm", to: directory)
            system.append("\(virtualRoot)/asm\(position)")
        }
        for (position, root) in tree.genericRoots.enumerated() {
            for name in Self.kernelDirectoryNames(in: root, shown: tree.shownDirectories(of: root)) {
                overlay.map("\(virtualRoot)/generic\(position)/\(name)", to: "\(root)/\(name)")
                kernel.append("\(root)/\(name)")
            }
            system.append("\(virtualRoot)/generic\(position)")
        }
        let libc = target.libcDirectories.filter { FileManager.default.fileExists(atPath: $0) }
        // clang searches a directory given both as -I and -isystem only at its -isystem
        // place: the user's include root must stay first.
        system += libc.filter { !userRoots.contains($0) }
        namingRoots = tree.genericRoots + libc
        missingLibcPackage = libc.contains { FileManager.default.fileExists(atPath: "\($0)/\(target.libcMarker)") }
            ? nil : target.libcPackage

        var args = ["-x", "c", "-std=gnu11", "-target", target.triple,
                    "-ferror-limit=0", "-fno-spell-checking", "-Wno-everything"]
        // Only the compiler's own headers (stddef.h, stdint.h) plus the ones we name:
        // the host's /usr/include must never leak into a cross target.
        args.append("-nostdlibinc")
        // clang's driver looks for a GCC, CUDA and ROCm installation on every parse (300
        // stats, a third of an empty parse); none of them changes a C parse without the
        // standard include directories, so it is sent to a path that cannot exist.
        args += ["--gcc-toolchain=/dev/null/none", "--cuda-path=/dev/null/none", "--rocm-path=/dev/null/none"]
        args += ["-ivfsoverlay", overlay.path]
        if request.parsesFreestanding, let resource = ResourceDirectory.path {
            // The compiler's own stdint.h and friends first, before any C library's.
            args += ["-isystem", "\(resource)/include"]
        }
        for dir in request.includeDirectories { args += ["-I", dir] }
        for dir in system { args += ["-isystem", dir] }
        for define in tree.defines + request.defines { args.append("-D\(define)") }
        if request.parsesFreestanding { args.append("-ffreestanding") }
        arguments = args
        virtualDirectories = overlay.remaps
        kernelDirectories = kernel.map { HeaderNamer.normalize($0) + "/" }
        libraryDirectories = (libc + [ResourceDirectory.path.map { "\($0)/include" }].compactMap { $0 })
            .map { HeaderNamer.normalize($0) + "/" }
    }

    /// Whether `path` (normalized) is a kernel header, or the user's own, rather than
    /// the C library's or the compiler's.
    func isKernelFile(_ path: String) -> Bool {
        kernelDirectories.contains { path.hasPrefix($0) } || !libraryDirectories.contains { path.hasPrefix($0) }
    }

    /// The kernel's directories under `root`. A root that also holds a C library
    /// (`/usr/include`) shows only the known kernel directories; a kernel-only tree
    /// shows all of its own, except `asm` and the per-architecture directories.
    private static func kernelDirectoryNames(in root: String, shown: Set<String>?) -> [String] {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: "\(root)/\(name)", isDirectory: &isDirectory) && isDirectory.boolValue
        }
        if let shown { return entries.filter(shown.contains).sorted() }
        if manager.fileExists(atPath: "\(root)/stdio.h") {
            return entries.filter(HeaderTree.kernelDirectories.contains).sorted()
        }
        return entries.filter { $0 != "asm" && !$0.contains("-linux-") }.sorted()
    }
}
