import Foundation
import UAPIModel

/// Finds a project's `uapi.yaml` the way git finds its repository: in the working
/// directory (or its `headers/`), then `uapi.yaml` in each parent up to the repository root.
/// Outside a repository only the working directory counts: a `uapi.yaml` left in a
/// shared parent such as `/tmp` must not change a verdict.
public enum ConfigDiscovery {
    public static let names = ["uapi.yaml", "headers/uapi.yaml"]

    /// The nearest config, or nil; never looks above the directory that holds `.git`.
    public static func find(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        let insideRepository = repositoryRoot(from: directory) != nil
        while true {
            // `headers/uapi.yaml` only where the command runs: a parent's headers/ is another set.
            for name in directory.path == URL(fileURLWithPath: start).standardizedFileURL.path ? names : ["uapi.yaml"] {
                let candidate = directory.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return relative(candidate, to: start) }
            }
            let isRepositoryRoot = FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path)
            let parent = directory.deletingLastPathComponent()
            if isRepositoryRoot || !insideRepository || parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The nearest directory holding `.git` (a directory, or a file for a worktree).
    private static func repositoryRoot(from start: URL) -> URL? {
        var directory = start
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) { return directory }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The nearest config, or an error that says where it looked.
    public static func require(from start: String = FileManager.default.currentDirectoryPath) throws -> String {
        guard let path = find(from: start) else {
            throw UAPIError.badConfig(path: "uapi.yaml", line: nil,
                                      reason: "no config found (looked for uapi.yaml and headers/uapi.yaml here, and, inside a git repository, uapi.yaml in each parent up to its root); pass --config")
        }
        return path
    }

    /// The config a command runs under: `explicit` (`--config`), else the nearest one,
    /// unless `ignore` (`--no-config`). Nil when there is none.
    public static func locate(explicit: String?, ignore: Bool,
                              from start: String = FileManager.default.currentDirectoryPath) throws -> LocatedConfig? {
        if let explicit { return LocatedConfig(path: explicit, config: try ProjectConfig.load(path: explicit), discovered: false) }
        guard !ignore, let path = find(from: start) else { return nil }
        return LocatedConfig(path: path, config: try ProjectConfig.load(path: path), discovered: true)
    }

    /// Paths under the working directory stay relative in messages.
    private static func relative(_ path: String, to start: String) -> String {
        let prefix = URL(fileURLWithPath: start).standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A project config and where it came from.
public struct LocatedConfig: Sendable {
    public var path: String
    public var config: ProjectConfig
    /// Found by walking up from the working directory, not named with `--config`.
    public var discovered: Bool

    /// What a reader should hear: the file when it was found rather than named, and its own notes.
    public var notes: [String] {
        (discovered ? ["note: using the project config \(path): its include roots, targets, defines and policy apply (--no-config ignores it)"] : [])
            + config.notes
    }
}

extension ParseSettings {
    /// Fills in what the command line left open from the project's config: its include
    /// roots after the `-I` ones, its defines before the `-D` ones (the command line's win),
    /// kernel types, and its targets when none were named (`targetsNamed` false).
    public mutating func complete(from config: ProjectConfig, targetsNamed: Bool) throws {
        includeDirectories += config.include.filter { !includeDirectories.contains($0) }
        defines = config.defines + defines
        kernelTypes = kernelTypes || config.kernelTypes
        if !targetsNamed, let configured = try config.targetList() { targets = configured }
    }
}

extension SideLoader {
    /// The same for diff sides: a header side takes the config's targets when neither
    /// `--target` nor a snapshot on the other side names them.
    public mutating func complete(from config: ProjectConfig) throws {
        includeDirectories += config.include.filter { !includeDirectories.contains($0) }
        defines = config.defines + defines
        kernelTypes = kernelTypes || config.kernelTypes
        if let configured = try config.targetList() { fallbackTargets = configured }
    }
}
