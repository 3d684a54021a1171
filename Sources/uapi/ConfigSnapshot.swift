import Foundation
import UAPIKit

/// Resolves a project config into a snapshot request, leaving out optional
/// headers the include roots lack (each named on standard error).
enum ConfigSnapshot {
    static func request(_ config: ProjectConfig, targetsOverride: [Target]?, jobs: Int?) throws -> SnapshotRequest {
        var names = config.headers
        for optional in config.optionalHeaders {
            let roots = config.include + (config.include.contains("/usr/include") ? [] : ["/usr/include"])
            if roots.contains(where: { FileManager.default.fileExists(atPath: "\($0)/\(optional)") }) {
                names.append(optional)
            } else {
                CLIOutput.warning("note: left out optional header \(optional): not found under \(roots.joined(separator: " or "))")
            }
        }
        let listed = try HeaderResolver.resolve(names, includeDirectories: config.include, recursive: false)
        let configured = config.targets.isEmpty ? [.x86_64] : try ParseOptions.parseTargets(config.targets.joined(separator: ","))
        let targets = targetsOverride ?? configured
        return SnapshotRequest(headers: listed, includeDirectories: config.include, targets: targets,
                               kernelTypes: config.kernelTypes, onlyListed: config.onlyListed,
                               workers: jobs ?? Concurrency.defaultWorkers)
    }
}
