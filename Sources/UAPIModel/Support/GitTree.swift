import Foundation

/// Reads headers from a git revision's objects, without touching the work tree.
public struct GitTree {
    public let repository: String

    public init(repository: String) {
        self.repository = repository
    }

    /// Writes every `.h` under `path` at `revision` into `directory` (paths relative
    /// to `path`; a single file keeps its name). Returns the relative names written.
    public func export(revision: String, path: String, into directory: String) throws -> [String] {
        let cleanPath = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard (try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])) != nil else {
            throw UAPIError.gitError("revision '\(revision)' not found in the repository at \(repository); check the name with 'git log' or 'git tag'")
        }
        let listing = try git(["ls-tree", "-r", "--name-only", revision, "--", cleanPath])
        let files = listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".h") }
        guard !files.isEmpty else {
            throw UAPIError.gitError("'\(cleanPath)' holds no .h files at revision \(revision) (or does not exist there)")
        }
        let manager = FileManager.default
        var written: [String] = []
        for file in files.sorted() {
            let relative = file == cleanPath ? (file as NSString).lastPathComponent : String(file.dropFirst(cleanPath.count + 1))
            guard !relative.split(separator: "/").contains("..") else { continue }
            let content = try gitData(["cat-file", "blob", "\(revision):\(file)"])
            let target = "\(directory)/\(relative)"
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: target, contents: content) else {
                throw UAPIError.cannotWrite(path: target, reason: "cannot write a temporary copy")
            }
            written.append(relative)
        }
        return written
    }

    /// Checks that `revision` names a commit; returns its full id.
    public func commit(_ revision: String) throws -> String {
        guard let id = try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]) else {
            throw UAPIError.gitError("revision '\(revision)' not found in the repository at \(repository); check the name with 'git log' or 'git tag'")
        }
        return id.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every file path under `path` at `revision`.
    public func files(revision: String, under path: String) throws -> [String] {
        try git(["ls-tree", "-r", "--name-only", revision, "--", path]).split(separator: "\n").map(String.init)
    }

    /// The mode of `path` at `revision` (`120000` for a symbolic link), or nil if absent.
    public func mode(revision: String, path: String) throws -> String? {
        let line = try git(["ls-tree", revision, "--", path]).split(separator: "\n").first
        return line?.split(separator: " ").first.map(String.init)
    }

    public func read(revision: String, path: String) throws -> Data {
        try gitData(["cat-file", "blob", "\(revision):\(path)"])
    }

    /// `git describe` of a revision, if it has a tag behind it.
    public func describe(_ revision: String) -> String? {
        (try? git(["describe", "--tags", revision]))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func subject(_ revision: String) -> String? {
        (try? git(["log", "-1", "--format=%s", revision]))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    package func git(_ arguments: [String]) throws -> String {
        String(decoding: try gitData(arguments), as: UTF8.self)
    }

    package func gitData(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw UAPIError.gitError("cannot run git: \(error.localizedDescription); install git")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UAPIError.gitError("git \(arguments.joined(separator: " ")) failed in \(repository): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }
}
