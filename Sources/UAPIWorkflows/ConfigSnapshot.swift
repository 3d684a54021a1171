import Foundation
import UAPIExtract
import UAPIModel

/// Resolves a project config into a snapshot request, leaving out optional
/// headers the include roots lack (each named in `notes`).
public enum ConfigSnapshot {
    public static func request(_ config: ProjectConfig, targetsOverride: [Target]?, jobs: Int?) throws -> (request: SnapshotRequest, notes: [String]) {
        var names = config.headers
        var notes: [String] = []
        for optional in config.optionalHeaders {
            let roots = config.include + (config.include.contains("/usr/include") ? [] : ["/usr/include"])
            if roots.contains(where: { FileManager.default.fileExists(atPath: "\($0)/\(optional)") }) {
                names.append(optional)
            } else {
                notes.append("note: left out optional header \(optional): not found under \(roots.joined(separator: " or "))")
            }
        }
        let listed = try HeaderResolver.resolve(names, includeDirectories: config.include, recursive: false)
        let configured = config.targets.isEmpty ? [.x86_64] : try Target.parseList(config.targets)
        var request = SnapshotRequest(headers: listed, includeDirectories: config.include, targets: targetsOverride ?? configured,
                                      kernelTypes: config.kernelTypes, onlyListed: config.onlyListed, defines: config.defines,
                                      workers: jobs ?? Concurrency.defaultWorkers)
        // Each configured header is read with the tree it is in (--sysroot may still override).
        request.tree = try HeaderTree.forInputs(listed.map(\.path), explicit: nil)
        return (request, notes)
    }
}
