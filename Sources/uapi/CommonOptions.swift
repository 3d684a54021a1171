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

    /// The targets named with --target, or nil when the option was not given
    /// (a config file or a snapshot on the other side may then decide).
    func explicitTargets() throws -> [Target]? {
        try targets.map(ParseOptions.parseTargets)
    }

    func resolvedTargets(default fallback: [Target] = [.x86_64]) throws -> [Target] {
        try explicitTargets() ?? fallback
    }

    /// `x86_64,i386` -> targets, aliases accepted, duplicates dropped.
    static func parseTargets(_ text: String) throws -> [Target] {
        var result: [Target] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let target = Target.named(name) else { throw UAPIError.unknownTarget(name) }
            if !result.contains(target) { result.append(target) }
        }
        guard !result.isEmpty else { throw UAPIError.unknownTarget(text) }
        return result
    }
}
