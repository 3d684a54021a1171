import Foundation
import UAPIExtract
import UAPIModel

/// How headers named on a command line are parsed: include roots, targets, defines.
public struct ParseSettings: Sendable {
    public var includeDirectories: [String]
    public var defines: [String]
    public var kernelTypes: Bool
    public var targets: [Target]
    public var workers: Int
    /// `--sysroot`, else nil: the inputs' own tree. And `--prelude`.
    public var tree: HeaderTree?
    public var preludes: [Prelude] = []
    public var limits: InputLimits
    /// The extraction cache, if any.
    public var cache: ExtractionCache?
    /// Told (done, total) as headers are parsed.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(includeDirectories: [String], defines: [String], kernelTypes: Bool, targets: [Target], workers: Int?,
                limits: InputLimits = InputLimits()) {
        self.includeDirectories = includeDirectories
        self.defines = defines
        self.kernelTypes = kernelTypes
        self.targets = targets
        self.workers = workers ?? Concurrency.defaultWorkers
        self.limits = limits
    }
}

/// Headers named on the command line (or one snapshot JSON) as a snapshot of the
/// listed headers' own items, for `lint` and `layout`.
public enum InputSnapshot {
    public static func load(_ inputs: [String], settings: ParseSettings) throws -> (snapshot: Snapshot, warnings: [String], cache: CacheStatistics?) {
        if inputs.count == 1, inputs[0].hasSuffix(".json") {
            return (try SnapshotCoding.read(path: inputs[0]), [], nil)
        }
        let tree = try HeaderTree.forInputs(inputs, explicit: settings.tree)
        let listed = try HeaderResolver.resolve(inputs, includeDirectories: settings.includeDirectories, recursive: true,
                                                tree: tree)
        var request = SnapshotRequest(headers: listed, includeDirectories: settings.includeDirectories, targets: settings.targets,
                                      kernelTypes: settings.kernelTypes, onlyListed: true, defines: settings.defines,
                                      workers: settings.workers, keepGoing: listed.count > 1)
        request.tree = tree
        request.preludes = settings.preludes
        request.limits = settings.limits
        request.cache = settings.cache
        let result = try SnapshotBuilder(request: request).build(progress: settings.progress)
        return (result.snapshot, result.warnings, result.cache)
    }
}
