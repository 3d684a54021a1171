import Foundation
import UAPIExtract
import UAPIModel

/// `uapi check --against REV`: the project's header set as it was at a git revision
/// (a pull request's target branch): the config as committed there, its headers and
/// include roots read from that revision, parsed the same way as the working tree's, so
/// a gate needs no committed baseline snapshot. Include roots outside the repository
/// (`/usr/include`) are the same on both sides.
public struct RevisionBaseline {
    /// The project config in the working tree (absolute).
    public var configPath: String
    public var revision: String
    public var targetsOverride: [Target]?
    public var jobs: Int?
    public var limits = InputLimits()
    public var cache: ExtractionCache?

    public init(configPath: String, revision: String) {
        self.configPath = configPath
        self.revision = revision
    }

    public func snapshot(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (snapshot: Snapshot, notes: [String], cache: CacheStatistics?) {
        let configDirectory = (Self.realPath(configPath) as NSString).deletingLastPathComponent
        let top = try Self.repositoryTop(containing: configDirectory)
        let inRepository = { (path: String) -> String? in
            let real = Self.realPath(path)
            return real == top ? "" : real.hasPrefix(top + "/") ? String(real.dropFirst(top.count + 1)) : nil
        }
        guard let configName = inRepository(configPath) else {
            throw UAPIError.badArgument("--against \(revision): the config \(configPath) is not inside the git repository \(top)")
        }
        // The config's own include roots (those in the repository) and its directory hold the headers.
        let current = try ProjectConfig.load(path: configPath)
        let roots = current.include.compactMap(inRepository)
        let copy = [configName] + (roots.isEmpty ? [GitSideCheckout.parentPath(configName)] : roots)
        let checkout = try GitSideCheckout.make(repository: top, revision: revision, path: "", cacheDirectory: cache?.directory,
                                                fromTop: true, alsoCopy: copy, copyingSide: false)
        defer { checkout.removeIfTemporary() }
        let committedConfig = "\(checkout.directory)/\(configName)"
        guard FileManager.default.fileExists(atPath: committedConfig) else {
            throw UAPIError.badArgument("--against \(revision): \(configName) does not exist at that revision; compare with a revision that has it, or use a baseline file (uapi check --update-baseline)")
        }
        do {
            let config = try ProjectConfig.load(path: committedConfig)
            var (request, notes) = try ConfigSnapshot.request(config, targetsOverride: targetsOverride, jobs: jobs)
            request.tree = try HeaderTree.forInputs(request.headers.map(\.path), explicit: nil)
            request.limits = limits
            request.cache = cache
            let built = try SnapshotBuilder(request: request).build(progress: progress)
            return (built.snapshot, (config.notes + notes + built.warnings).map(checkout.naming), built.cache)
        } catch let error as UAPIError {
            throw [HeaderNamer.normalize(checkout.directory), checkout.directory].reduce(error) {
                $0.replacingOccurrences(of: $1 + "/", with: "git:\(revision):")
            }
        }
    }

    private static func repositoryTop(containing directory: String) throws -> String {
        let top = try GitTree(repository: directory).git(["rev-parse", "--show-toplevel"])
        return realPath(top.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return HeaderNamer.normalize(HeaderResolver.absolute(path)) }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
