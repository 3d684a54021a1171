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
        let absolute = HeaderNamer.normalize(HeaderResolver.absolute(configPath))
        // The config's own place in the repository (a link is taken where it is, as the working side reads it).
        let configDirectory = Self.realPath((absolute as NSString).deletingLastPathComponent)
        let top = try Self.repositoryTop(containing: configDirectory)
        let inRepository = { (path: String) -> String? in
            path == top ? "" : path.hasPrefix(top + "/") ? String(path.dropFirst(top.count + 1)) : nil
        }
        guard let configDirectoryName = inRepository(configDirectory) else {
            throw UAPIError.badArgument("--against \(revision): the config \(configPath) is not inside the git repository \(top)")
        }
        let configName = (configDirectoryName.isEmpty ? "" : configDirectoryName + "/") + (absolute as NSString).lastPathComponent
        // The config as committed decides what to copy: its own include roots, as they are at the revision.
        let git = GitTree(repository: top)
        let commit = try git.commit(revision)
        let committed = try Self.committedConfig(git: git, commit: commit, name: configName, revision: revision)
        let roots = committed.include.compactMap { root -> String? in
            GitSideCheckout.normalized(root.hasPrefix("/") ? String(inRepository(HeaderNamer.normalize(root)) ?? "/") : root)
        }.filter { !$0.hasPrefix("/") }
        let copy = [configName] + (roots.isEmpty ? [configDirectoryName] : roots)
        let checkout = try GitSideCheckout.make(repository: top, revision: commit, path: "", cacheDirectory: cache?.directory,
                                                fromTop: true, alsoCopy: copy, copyingSide: false)
        defer { checkout.removeIfTemporary() }
        do {
            var config = try ProjectConfig.load(path: "\(checkout.directory)/\(configName)")
            // Include roots inside the repository are the revision's; names are looked up in them
            // (and beside the working directory's place in the copy), never in the working tree.
            config.include = config.include.map { root in
                inRepository(Self.realPath(root)).map { "\(checkout.directory)/\($0)" } ?? root
            }
            let place = inRepository(Self.realPath(FileManager.default.currentDirectoryPath)).map { "\(checkout.directory)/\($0)" }
            config.headers = config.headers.map { Self.inCopy($0, roots: config.include, place: place) }
            var (request, notes) = try ConfigSnapshot.request(config, targetsOverride: targetsOverride, jobs: jobs)
            request.limits = limits
            request.cache = cache
            let built = try SnapshotBuilder(request: request).build(progress: progress)
            return (built.snapshot, (config.notes + notes + built.warnings).map(checkout.naming), built.cache)
        } catch {
            throw checkout.naming(error)
        }
    }

    /// The config file as committed at the revision, parsed where it would be in the work tree.
    private static func committedConfig(git: GitTree, commit: String, name: String, revision: String) throws -> ProjectConfig {
        guard let data = try? git.read(revision: commit, path: name) else {
            throw UAPIError.badArgument("--against \(revision): \(name) does not exist at that revision; compare with a revision that has it, or use a baseline file (uapi check --update-baseline)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-config-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let file = "\(scratch)/\(name)"
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: file))
        } catch {
            throw UAPIError.cannotWrite(path: file, reason: "\(SystemError.describe(error)) (a copy of the committed config; set TMPDIR to a writable directory)")
        }
        var config = try ProjectConfig.load(path: file)
        // Relative include roots, as the repository names them.
        config.include = config.include.map { $0.hasPrefix(scratch + "/") ? String($0.dropFirst(scratch.count + 1)) : $0 }
        return config
    }

    /// A header name of the committed config as an absolute path in the copy: beside the
    /// working directory's place first (as the working side reads a relative path), then
    /// under each include root; the name itself when neither has it (the error names it).
    private static func inCopy(_ name: String, roots: [String], place: String?) -> String {
        if name.hasPrefix("/") { return name }
        for base in (place.map { [$0] } ?? []) + roots where FileManager.default.fileExists(atPath: "\(base)/\(name)") {
            // A name under an include root keeps its include name: resolve() names it from the roots.
            return HeaderNamer.normalize("\(base)/\(name)")
        }
        return name
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
