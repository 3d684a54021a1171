import Foundation
import UAPIModel

/// Where the kernel headers of a parse come from: the build machine (`/`), a tree given
/// with `--sysroot`, or the tree a header argument was found in (`detect`). A tree
/// provides the generic headers (`linux/`, `asm-generic/`, ...) and each target's `asm/`;
/// only the C library comes from the build machine.
public struct HeaderTree: Sendable, Equatable {
    /// The directory the user named, or the one detection found.
    public let root: String
    /// Include roots of the generic headers, searched in order.
    public let genericRoots: [String]
    /// How the tree is laid out, which decides where each target's `asm/` is.
    let layout: Layout

    enum Layout: Sendable, Equatable {
        /// `make headers_install` or a Debian package: `<include>/<multiarch>/asm`,
        /// `usr/<multiarch>/include/asm`, or a single-architecture `<include>/asm`.
        case installed
        /// QEMU's copy: `linux-headers/asm-<arch>` beside a few `linux/` headers, and
        /// `include/standard-headers`; the rest is the build machine's.
        /// (QEMU's build links `linux-headers/asm` to the host's `asm-<arch>`: use the source tree.)
        case qemu
        /// A kernel source tree: `include/uapi` and `arch/<arch>/include/{,generated/}uapi`.
        case kernelSource
        /// A project's copy of some kernel directories (rdma-core's `kernel-headers/`):
        /// what it lacks, `asm/` included, is the build machine's.
        case vendored
    }

    /// Top-level directories of the kernel's UAPI headers. The build machine's
    /// `/usr/include` mixes them with the C library's, so only these are taken from it.
    package static let kernelDirectories = ["asm-generic", "cxl", "drm", "fwctl", "linux", "misc", "mtd", "rdma",
                                    "regulator", "scsi", "sound", "video", "xen"]

    /// The build machine's installed headers.
    public static let host = HeaderTree(root: "/", genericRoots: ["/usr/include"], layout: .installed)

    /// What the tree is, in a few words, for messages.
    public var description: String {
        switch layout {
        case .installed: return self == .host ? "the build machine's /usr/include" : "the installed header tree \(root)"
        case .qemu: return "the QEMU tree \(root)"
        case .kernelSource: return "the kernel source tree \(root)"
        case .vendored: return "the vendored headers in \(root) (the rest from /usr/include)"
        }
    }

    /// The tree in a few words without the fallback, for a note about what it lacks.
    var shortDescription: String {
        switch layout {
        case .vendored: return "the vendored copy \(root)"
        case .installed, .qemu, .kernelSource: return description
        }
    }

    /// Whether the tree falls back to the build machine for headers it lacks: QEMU's and
    /// vendored copies always, a kernel source tree when it was found rather than named
    /// (a checkout without `make headers` lacks the generated `asm/types.h` and friends).
    public var borrowsFromHost: Bool { layout == .qemu || layout == .vendored || lenient }
    private var lenient = false

    init(root: String, genericRoots: [String], layout: Layout) {
        self.root = root
        self.genericRoots = genericRoots
        self.layout = layout
    }

    /// This tree, filling what it lacks from the build machine (see `borrowsFromHost`).
    public var borrowingFromHost: HeaderTree {
        guard layout == .kernelSource, !lenient else { return self }
        var tree = HeaderTree(root: root, genericRoots: genericRoots + ["/usr/include"], layout: layout)
        tree.lenient = true
        return tree
    }

    /// Recognises the layout of `path` (`--sysroot`).
    public static func open(_ path: String, option: String = "--sysroot") throws -> HeaderTree {
        let root = HeaderNamer.normalize(HeaderResolver.absolute(path))
        guard isDirectory(root) else {
            throw UAPIError.badArgument("\(option) \(path): no such directory; give an installed header tree, a kernel source tree or a QEMU source tree")
        }
        if root == "/" { return host }
        if let tree = kernelSource(at: root, isDirectory) ?? qemu(at: root, isDirectory) { return tree }
        for candidate in ["\(root)/usr/include", "\(root)/include", root] where isDirectory("\(candidate)/linux") {
            return installed(includeRoot: candidate)
        }
        throw UAPIError.badArgument("\(option) \(path): not a header tree: expected \(path)/usr/include/linux (installed headers), \(path)/include/uapi/linux (kernel source) or \(path)/linux-headers (QEMU)")
    }

    /// The tree a header file or directory belongs to, found by walking up from it: a
    /// kernel source tree, a QEMU tree, an installed tree (`X/linux/vfio.h` belongs to `X`
    /// when `X` also has `asm-generic/`), or a vendored copy (`X/rdma/...`). Nil when the
    /// path is in none of them, and the build machine's tree when that is where it is.
    public static func detect(containing path: String) -> HeaderTree? {
        let absolute = HeaderNamer.normalize(HeaderResolver.absolute(path))
        return detect(from: isDirectory(absolute) ? absolute : (absolute as NSString).deletingLastPathComponent,
                      isDirectory: isDirectory)
    }

    /// `detect` over any directory listing (a git revision's, say): `start` is the
    /// directory to walk up from, `isDirectory` answers for absolute paths.
    public static func detect(from start: String, isDirectory: (String) -> Bool) -> HeaderTree? {
        var directory = start
        var child: String?
        var vendored: HeaderTree?
        while directory != "/" && !directory.isEmpty {
            // A vendored copy found below is nearer than a tree marker above it (a home
            // directory with ~/linux-headers from headers_install is no QEMU tree).
            if vendored == nil {
                if isDirectory("\(directory)/arch"), let tree = kernelSource(at: directory, isDirectory) { return tree.borrowingFromHost }
                if isQEMURoot(directory, isDirectory), let tree = qemu(at: directory, isDirectory) { return tree }
            }
            let name = (directory as NSString).lastPathComponent
            let parent = (directory as NSString).deletingLastPathComponent
            // A kernel's own include/ and QEMU's linux-headers/ look like installed trees;
            // the walk goes on to find the tree they belong to.
            let kernelRoot = name == "include" ? parent
                : name == "uapi" && (parent as NSString).lastPathComponent == "include" ? (parent as NSString).deletingLastPathComponent : nil
            let isPartOfLargerTree = kernelRoot.map { isDirectory("\($0)/arch") && kernelSource(at: $0, isDirectory) != nil } ?? false
                    || ((name == "linux-headers" || name == "standard-headers") && qemuRoot(above: parent, isDirectory) != nil)
            if !isPartOfLargerTree {
                if isDirectory("\(directory)/linux"), isDirectory("\(directory)/asm-generic") {
                    return directory == "/usr/include" ? host : installed(includeRoot: directory)
                }
                if vendored == nil, let child, kernelDirectories.contains(child) {
                    vendored = HeaderTree(root: directory, genericRoots: [directory, "/usr/include"], layout: .vendored)
                }
            }
            child = name
            directory = parent
        }
        return vendored
    }

    /// The directories, relative to `root`, that hold every header of the tree (globs
    /// allowed): what a copy of the tree needs (a git revision laid out on disk).
    public var headerDirectories: [String] {
        switch layout {
        case .kernelSource: return ["include/uapi", "arch/*/include/uapi"]
        case .qemu: return ["linux-headers", "include/standard-headers"]
        // An installed tree's asm/ may link elsewhere in its root (Debian's usr/lib/linux/uapi).
        case .installed, .vendored: return [""]
        }
    }

    /// The tree of a command's header arguments: `explicit` (`--sysroot`) when given, else
    /// the one tree every argument that is a path belongs to, else the build machine's.
    /// Names (`linux/vfio.h`) are looked up in the tree, so they decide nothing.
    public static func forInputs(_ arguments: [String], explicit: HeaderTree?) throws -> HeaderTree {
        if let explicit { return explicit }
        var found: (tree: HeaderTree, argument: String)?
        var weak: [String: HeaderTree] = [:]
        for argument in arguments where FileManager.default.fileExists(atPath: argument) {
            let tree = detect(containing: argument) ?? host
            // Vendored copies lean on the build machine anyway: several of them (given
            // with -I, say) are read as before, against the build machine's tree, and
            // beside a real tree they are read with it.
            if tree.layout == .vendored || tree == host {
                weak[tree.root] = tree
                continue
            }
            if let found, found.tree != tree {
                throw UAPIError.badArgument("\(found.argument) is in \(found.tree.description) but \(argument) is in \(tree.description); one run reads one tree: run once per tree, or name the tree with --sysroot")
            }
            found = found ?? (tree, argument)
        }
        // Loose headers beside one tree's (a project's own, the build machine's) are read with that tree.
        if let found { return found.tree }
        return weak.count == 1 ? weak.values.first! : host
    }

    private static func kernelSource(at directory: String, _ isDirectory: (String) -> Bool) -> HeaderTree? {
        guard isDirectory("\(directory)/include/uapi/linux") else { return nil }
        // The raw headers include two kernel-internal headers that headers_install deletes.
        let stubs = KernelSourceStubs.directory().map { [$0] } ?? []
        return HeaderTree(root: directory, genericRoots: ["\(directory)/include/uapi"] + stubs, layout: .kernelSource)
    }

    /// `-D` definitions a parse of this tree needs (a kernel source tree's raw annotations).
    var defines: [String] { layout == .kernelSource ? KernelSourceStubs.defines : [] }

    private static func qemu(at directory: String, _ isDirectory: (String) -> Bool) -> HeaderTree? {
        guard isDirectory("\(directory)/linux-headers") else { return nil }
        // QEMU copies only the headers it needs; it builds against the machine's for the rest.
        // Its portable copies are included as "standard-headers/linux/x.h" from include/.
        var roots = ["\(directory)/linux-headers"]
        if isDirectory("\(directory)/include/standard-headers") { roots.append("\(directory)/include") }
        return HeaderTree(root: directory, genericRoots: roots + ["/usr/include"], layout: .qemu)
    }

    /// QEMU's source tree, by more than a `linux-headers` directory (which headers_install also makes).
    private static func isQEMURoot(_ directory: String, _ isDirectory: (String) -> Bool) -> Bool {
        isDirectory("\(directory)/linux-headers/linux") && (isDirectory("\(directory)/include/standard-headers")
            || isDirectory("\(directory)/linux-headers/asm-generic") && isDirectory("\(directory)/scripts"))
    }

    private static func qemuRoot(above directory: String, _ isDirectory: (String) -> Bool) -> String? {
        var current = directory
        for _ in 0..<2 where current != "/" && !current.isEmpty {
            if isQEMURoot(current, isDirectory) { return current }
            current = (current as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// An installed tree whose include root is `includeRoot` (`R/usr/include`, `R/include`).
    private static func installed(includeRoot: String) -> HeaderTree {
        var root = includeRoot
        for suffix in ["/usr/include", "/include"] where root.hasSuffix(suffix) && root.count > suffix.count {
            root = String(root.dropLast(suffix.count))
            break
        }
        return HeaderTree(root: root, genericRoots: [includeRoot], layout: .installed)
    }

    /// The `asm` directories of `target`, in search order, or nil when the tree lacks them.
    public func asmDirectories(for target: Target) -> [String]? {
        switch layout {
        case .installed:
            return asmCandidates(for: target).first(where: hasAsmTypes).map { [$0] }
        case .qemu, .vendored, .kernelSource:
            // The tree's own asm/ first (QEMU's asm-<arch> holds a few headers: kvm.h,
            // unistd.h); a tree that borrows takes asm/types.h and the rest from the build
            // machine, as when QEMU itself is built.
            let own = asmCandidates(for: target).filter(isDirectory)
            let borrowed = borrowsFromHost ? HeaderTree.host.asmDirectories(for: target) ?? [] : []
            return own.isEmpty && borrowed.isEmpty ? nil : own + borrowed
        }
    }

    /// Every place `asmDirectories(for:)` looks, for error messages.
    public func asmCandidates(for target: Target) -> [String] {
        switch layout {
        case .installed:
            let include = genericRoots[0]
            let base = root == "/" ? "" : root
            var candidates = target.multiarchNames.map { "\(include)/\($0)/asm" }
            if include == "\(base)/usr/include" {
                candidates += target.multiarchNames.map { "\(base)/usr/\($0)/include/asm" }
            }
            // A single-architecture tree (headers_install) says nothing about its architecture:
            // it serves whatever target is asked for; a cross package's (/usr/<triplet>) only its own.
            let rootName = (root as NSString).lastPathComponent
            let foreign = Target.all.contains { $0.multiarchNames.contains(rootName) } && !target.multiarchNames.contains(rootName)
            return candidates + (root == "/" || foreign ? [] : ["\(include)/asm"])
        case .qemu:
            return ["\(root)/linux-headers/asm-\(target.kernelArchitecture)"]
        case .vendored:
            return ["\(root)/asm-\(target.kernelArchitecture)"]
        case .kernelSource:
            let arch = "\(root)/arch/\(target.kernelArchitecture)/include"
            return ["\(arch)/uapi/asm", "\(arch)/generated/uapi/asm"]
        }
    }

    /// The top-level directories a generic root shows: a root that also holds a C library
    /// (`/usr/include`) only the kernel's, QEMU's `include/` only its standard headers.
    func shownDirectories(of root: String) -> Set<String>? {
        if layout == .qemu, root == "\(self.root)/include" { return ["standard-headers"] }
        return nil
    }

    private func hasAsmTypes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(directory)/types.h")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func isDirectory(_ path: String) -> Bool { Self.isDirectory(path) }
}
