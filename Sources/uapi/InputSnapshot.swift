import Foundation
import UAPIKit

/// Headers named on the command line (or one snapshot JSON) as a snapshot of the
/// listed headers' own items, for `lint` and `layout`.
enum InputSnapshot {
    static func load(_ inputs: [String], parse: ParseOptions, defaultTargets: [Target]) throws -> Snapshot {
        if inputs.count == 1, inputs[0].hasSuffix(".json") {
            return try SnapshotCoding.read(path: inputs[0])
        }
        let listed = try HeaderResolver.resolve(inputs, includeDirectories: parse.includeDirectories, recursive: true)
        let targets = try parse.resolvedTargets(default: defaultTargets)
        let request = SnapshotRequest(headers: listed, includeDirectories: parse.includeDirectories, targets: targets,
                                      kernelTypes: parse.kernelTypes, onlyListed: true, defines: parse.defines,
                                      workers: parse.jobs ?? Concurrency.defaultWorkers, keepGoing: listed.count > 1)
        let result = try SnapshotBuilder(request: request).build()
        result.warnings.forEach(CLIOutput.warning)
        return result.snapshot
    }
}
