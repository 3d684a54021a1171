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

    /// One file of a revision: its path, mode (`100644`, `120000` for a link) and blob id.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var mode: String
        public var object: String

        public init(path: String, mode: String, object: String) {
            self.path = path
            self.mode = mode
            self.object = object
        }
    }

    /// Every file of `revision` (the whole tree, whatever the working directory).
    public func listing(revision: String) throws -> [Entry] {
        let data = try gitData(["ls-tree", "-r", "-z", "--full-tree", revision])
        return data.split(separator: 0).compactMap { record -> Entry? in
            // "<mode> <type> <object>\t<path>"
            guard let tab = record.firstIndex(of: 9) else { return nil }
            let fields = record[..<tab].split(separator: 32)
            guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else { return nil }
            return Entry(path: String(decoding: record[(tab + 1)...], as: UTF8.self),
                         mode: String(decoding: fields[0], as: UTF8.self), object: String(decoding: fields[2], as: UTF8.self))
        }
    }

    /// The bytes of many blobs through one `git cat-file --batch`, in the order asked.
    public func blobs(_ objects: [String]) throws -> [Data] {
        guard !objects.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository, "cat-file", "--batch"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw UAPIError.gitError("cannot run git: \(error.localizedDescription); install git")
        }
        // Written from another thread: git answers while it reads, and both pipes are bounded.
        let request = Data(objects.map { $0 + "\n" }.joined().utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(request)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var result: [Data] = []
        var position = answer.startIndex
        for object in objects {
            // "<object> blob <size>\n<bytes>\n", or "<object> missing\n".
            guard let newline = answer[position...].firstIndex(of: 10) else { break }
            let header = answer[position..<newline].split(separator: 32)
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  newline + 1 + size <= answer.endIndex else {
                throw UAPIError.gitError("git cat-file could not read object \(object) in \(repository)")
            }
            result.append(Data(answer[(newline + 1)..<(newline + 1 + size)]))
            position = newline + 1 + size + 1
        }
        guard result.count == objects.count else {
            throw UAPIError.gitError("git cat-file --batch stopped early in \(repository) (status \(process.terminationStatus))")
        }
        return result
    }

    /// Checks that `revision` names a commit; returns its full id.
    public func commit(_ revision: String) throws -> String {
        guard let id = try? git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]) else {
            // CI checkouts are often shallow: the target branch is simply not there yet.
            let shallow = (try? git(["rev-parse", "--is-shallow-repository"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
            throw UAPIError.gitError("revision '\(revision)' not found in the repository at \(repository); "
                + (shallow ? "the clone is shallow: fetch it first (git fetch origin \(revision), or fetch-depth: 0 in actions/checkout)"
                           : "check the name with 'git log' or 'git tag'"))
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
