import ArgumentParser
import UAPIKit

/// The project's uapi.yaml, for every command that reads one: named, found, or ignored.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The project config: its include roots, targets, defines, kernel-types and policy apply (default: uapi.yaml or headers/uapi.yaml here, else uapi.yaml in the nearest parent up to the repository root).",
        valueName: "uapi.yaml"), completion: .file(extensions: ["yaml", "yml"]))
    var path: String?

    @Flag(name: .customLong("no-config"), help: "Read no uapi.yaml (and so no policy from one).")
    var ignore = false

    func validate() throws {
        if ignore, path != nil { throw ValidationError("give --config or --no-config, not both") }
    }

    /// The config this run is under, if any; a found one is named on standard error.
    func load() throws -> LocatedConfig? {
        let located = try ConfigDiscovery.locate(explicit: path, ignore: ignore)
        located?.notes.forEach(CLIOutput.warning)
        return located
    }
}
