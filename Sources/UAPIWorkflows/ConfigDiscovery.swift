import Foundation
import UAPIModel

/// Finds a project's `uapi.yaml` the way git finds its repository: in the working
/// directory (or its `headers/`), then `uapi.yaml` in each parent up to the repository root.
public enum ConfigDiscovery {
    public static let names = ["uapi.yaml", "headers/uapi.yaml"]

    /// The nearest config, or nil; never looks above the directory that holds `.git`.
    public static func find(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            // `headers/uapi.yaml` only where the command runs: a parent's headers/ is another set.
            for name in directory.path == URL(fileURLWithPath: start).standardizedFileURL.path ? names : ["uapi.yaml"] {
                let candidate = directory.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return relative(candidate, to: start) }
            }
            let isRepositoryRoot = FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path)
            let parent = directory.deletingLastPathComponent()
            if isRepositoryRoot || parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// The nearest config, or an error that says where it looked.
    public static func require(from start: String = FileManager.default.currentDirectoryPath) throws -> String {
        guard let path = find(from: start) else {
            throw UAPIError.badConfig(path: "uapi.yaml", line: nil,
                                      reason: "no config found (looked for uapi.yaml and headers/uapi.yaml here, and uapi.yaml in each parent up to the repository root); pass --config")
        }
        return path
    }

    /// Paths under the working directory stay relative in messages.
    private static func relative(_ path: String, to start: String) -> String {
        let prefix = URL(fileURLWithPath: start).standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
