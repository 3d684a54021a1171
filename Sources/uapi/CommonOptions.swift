import ArgumentParser
import UAPIKit

/// A command's targets when neither --target nor the project config names any, and how
/// its --target help says so (the one place each command documents its default).
protocol TargetDefault {
    static var targets: [Target] { get }
    static var help: String { get }
}

/// snapshot, layout, bindgen.
enum OneTarget: TargetDefault {
    static let targets: [Target] = [.x86_64]
    static let help = "the project config's, else x86_64"
}

/// lint: most rules compare a 64-bit and a 32-bit ABI.
enum LintTargets: TargetDefault {
    static let targets: [Target] = [.x86_64, .i386]
    static let help = "the project config's, else x86_64,i386, as most rules compare ABIs"
}

/// diff: a header side follows a snapshot side.
enum DiffTargets: TargetDefault {
    static let targets: [Target] = [.x86_64]
    static let help = "a snapshot side's, else the project config's, else x86_64"
}

/// Options shared by every command that parses headers.
struct ParseOptions<Default: TargetDefault>: ParsableArguments {
    @Option(name: .customLong("target"), help: ArgumentHelp(
        "Target ABIs, comma-separated: x86_64, i386, aarch64, arm, riscv64, ppc64le, s390x (default: \(Default.help)).",
        valueName: "list"), completion: .list(Target.all.map(\.name)))
    var targets: String?

    @Option(name: [.customShort("I"), .customLong("include")], help: "An include root, searched before the system headers (repeatable).", completion: .directory)
    var includeDirectories: [String] = []

    @Option(name: [.customShort("D"), .customLong("define")], help: "A preprocessor definition NAME or NAME=VALUE (repeatable).",
            transform: ArgumentChecks.define)
    var defines: [String] = []

    @Flag(name: .customLong("kernel-types"), help: "Map kernel-internal types (u32, __le64, bool, BIT(), __packed) to UAPI types.")
    var kernelTypes = false

    @Option(name: .customLong("sysroot"), help: ArgumentHelp(
        "Take the kernel headers from this tree: generic ones and each target's asm/.",
        discussion: "An installed tree (DIR/usr/include/<triplet>/asm, DIR/include/<triplet>/asm, DIR/include/asm), QEMU's source (DIR/linux-headers/asm-<arch>) or a kernel source tree (DIR/include/uapi, DIR/arch/<arch>/include/uapi).",
        valueName: "dir"), completion: .directory)
    var sysroot: String?

    @Option(name: .customLong("prelude"), help: "Include this before each header (repeatable): stdint (the compiler's <stdint.h>, for copies such as QEMU's standard-headers).")
    var preludes: [Prelude] = []

    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Worker threads (default: one per core).", transform: ArgumentChecks.jobs)
    var jobs: Int?

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var project: ConfigOptions

    /// The targets named with --target, or nil when the option was not given
    /// (a config file or a snapshot on the other side may then decide).
    func explicitTargets() throws -> [Target]? {
        try targets.map { try Target.parseList([$0]) }
    }

    func resolvedTargets() throws -> [Target] {
        try explicitTargets() ?? Default.targets
    }

    /// What the library needs to parse headers named on the command line; what it
    /// leaves open comes from the project's config, if any.
    func settings(config: ProjectConfig?) throws -> ParseSettings {
        var settings = ParseSettings(includeDirectories: includeDirectories, defines: defines, kernelTypes: kernelTypes,
                                     targets: try resolvedTargets(), workers: jobs, limits: limitOptions.limits)
        if let config { try settings.complete(from: config, targetsNamed: targets != nil) }
        settings.tree = try explicitTree()
        settings.preludes = preludes
        settings.cache = cache.cache()
        return settings
    }

    /// A request for headers named on the command line (snapshot, bindgen).
    func request(for names: [String], recursive: Bool, onlyListed: Bool, config: ProjectConfig?) throws -> SnapshotRequest {
        let settings = try self.settings(config: config)
        var tree = try HeaderTree.forInputs(names, explicit: settings.tree)
        var listed = try HeaderResolver.resolve(names, includeDirectories: settings.includeDirectories, recursive: recursive,
                                                tree: tree)
        // Names (linux/vfio.h) found under an -I root that is a tree read that tree, not the build machine's.
        let found = try HeaderTree.forInputs(listed.map(\.path), explicit: settings.tree)
        if found != tree {
            tree = found
            listed = try HeaderResolver.resolve(names, includeDirectories: settings.includeDirectories, recursive: recursive, tree: tree)
        }
        var request = SnapshotRequest(headers: listed, includeDirectories: settings.includeDirectories, targets: settings.targets,
                                      kernelTypes: settings.kernelTypes, onlyListed: onlyListed, defines: settings.defines,
                                      workers: settings.workers)
        try configure(&request)
        request.tree = tree
        return request
    }

    /// The request for the config's own header set, when no headers are named.
    func request(forHeadersOf located: LocatedConfig?) throws -> SnapshotRequest {
        guard let located else {
            throw ValidationError("name at least one header, or a config with --config (no uapi.yaml here or up to the repository root)")
        }
        guard !located.config.headers.isEmpty else {
            throw UAPIError.badConfig(path: located.path, line: nil, reason: "'headers' lists no headers; name the headers on the command line")
        }
        let configured = try ConfigSnapshot.request(located.config, targetsOverride: try explicitTargets(), jobs: jobs)
        configured.notes.forEach(CLIOutput.warning)
        var request = configured.request
        request.includeDirectories = includeDirectories + request.includeDirectories.filter { !includeDirectories.contains($0) }
        request.defines += defines
        request.kernelTypes = request.kernelTypes || kernelTypes
        try configure(&request)
        return request
    }

    /// The header tree named with --sysroot; nil lets each input's own tree decide.
    func explicitTree() throws -> HeaderTree? {
        try sysroot.map { try HeaderTree.open($0) }
    }

    /// Applies --sysroot (else the tree the listed headers are in), --prelude, the input
    /// limits and the cache options to a request built elsewhere (from a config file, say).
    func configure(_ request: inout SnapshotRequest) throws {
        request.tree = try HeaderTree.forInputs(request.headers.map(\.path), explicit: explicitTree())
        request.preludes = preludes
        request.limits = limitOptions.limits
        request.cache = cache.cache()
    }
}

extension Prelude: ExpressibleByArgument {}
