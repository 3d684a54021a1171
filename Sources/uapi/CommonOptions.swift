import ArgumentParser
import UAPIKit

/// Options shared by every command that parses headers.
struct ParseOptions: ParsableArguments {
    @Option(name: .customLong("target"), help: "Target ABIs, comma-separated (x86_64, i386, aarch64, arm, riscv64, ppc64le, s390x); default x86_64.")
    var targets: String?

    @Option(name: [.customShort("I"), .customLong("include")], help: "An include root, searched before the system headers (repeatable).")
    var includeDirectories: [String] = []

    @Option(name: [.customShort("D"), .customLong("define")], help: "A preprocessor definition NAME or NAME=VALUE (repeatable).")
    var defines: [String] = []

    @Flag(name: .customLong("kernel-types"), help: "Map kernel-internal types (u32, __le64, bool, BIT(), __packed) to UAPI types.")
    var kernelTypes = false

    @Option(name: .customLong("jobs"), help: "Worker threads (default: one per core).")
    var jobs: Int?

    @OptionGroup var limitOptions: LimitOptions

    /// The targets named with --target, or nil when the option was not given
    /// (a config file or a snapshot on the other side may then decide).
    func explicitTargets() throws -> [Target]? {
        try targets.map { try Target.parseList([$0]) }
    }

    func resolvedTargets(default fallback: [Target] = [.x86_64]) throws -> [Target] {
        try explicitTargets() ?? fallback
    }

    /// What the library needs to parse headers named on the command line.
    func settings(defaultTargets: [Target] = [.x86_64]) throws -> ParseSettings {
        ParseSettings(includeDirectories: includeDirectories, defines: defines, kernelTypes: kernelTypes,
                      targets: try resolvedTargets(default: defaultTargets), workers: jobs, limits: limitOptions.limits)
    }
}
