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
        var targets = try targetsOverride ?? config.targets.map { name -> Target in
            guard let target = Target.named(name) else { throw UAPIError.unknownTarget(name) }
            return target
        }
        if targets.isEmpty { targets = [.x86_64] }
        return SnapshotRequest(headers: listed, includeDirectories: config.include, targets: targets,
                               kernelTypes: config.kernelTypes, onlyListed: config.onlyListed,
                               workers: jobs ?? Concurrency.defaultWorkers)
    }
}
