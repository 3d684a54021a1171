import ArgumentParser
import Foundation
import UAPIKit

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the ABI of headers (layouts, enums, typedefs, constants, ioctls) as JSON.",
        discussion: "Headers are paths, names under an include root (linux/vfio.h) or directories.")

    @OptionGroup var parse: ParseOptions

    @Flag(name: .customLong("recursive"), help: "Descend into directories.")
    var recursive = false

    @Flag(name: .customLong("only-listed"), help: "Leave out items from headers that were only included.")
    var onlyListed = false

    @Flag(name: .customLong("keep-going"), help: "Leave out headers that do not parse (each is named on standard error) instead of failing.")
    var keepGoing = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (default: standard output).")
    var output: String?

    @Argument(help: "Headers or directories.")
    var headers: [String]

    func run() throws {
        let listed = try HeaderResolver.resolve(headers, includeDirectories: parse.includeDirectories, recursive: recursive)
        let request = SnapshotRequest(
            headers: listed, includeDirectories: parse.includeDirectories, targets: try parse.resolvedTargets(),
            kernelTypes: parse.kernelTypes, onlyListed: onlyListed, defines: parse.defines,
            workers: parse.jobs ?? Concurrency.defaultWorkers, keepGoing: keepGoing)
        let progress = ProgressLine(enabled: CLIOutput.stderrIsTerminal && listed.count > 1)
        let result = try SnapshotBuilder(request: request).build(progress: progress.update)
        progress.finish()
        result.warnings.forEach(CLIOutput.warning)
        try CLIOutput.emit(try SnapshotCoding.encode(result.snapshot), to: output)
    }
}
