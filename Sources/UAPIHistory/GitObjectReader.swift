import Foundation
import UAPIModel

/// Reads objects (blobs and trees) through one long-lived `git cat-file --batch`
/// process: one process per run instead of one per revision or header.
final class GitObjectReader {
    let repository: String
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()

    init(repository: String) throws {
        self.repository = repository
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository, "cat-file", "--batch"]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw UAPIError.gitError("cannot run git: \(error.localizedDescription); install git")
        }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    struct Object {
        var id: String
        var type: String
        var data: Data
    }

    /// The object `name` names (an id, or `REV:PATH`), nil when git has none.
    func object(_ name: String) throws -> Object? {
        try input.write(contentsOf: Data("\(name)\n".utf8))
        let header = try line()
        let words = header.split(separator: " ")
        guard words.count == 3, let size = Int(words[2]) else { return nil }
        let content = try bytes(size + 1)
        return Object(id: String(words[0]), type: String(words[1]), data: content.prefix(size))
    }

    /// The bytes of blob `id`; `what` names it in the error (`linux/vfio.h at v6.1`).
    func blob(_ id: String, what: String) throws -> Data {
        guard let object = try object(id), object.type == "blob" else {
            throw UAPIError.gitError("blob \(id) (\(what)) cannot be read from \(repository); the object may have been pruned, fetch the repository again")
        }
        return object.data
    }

    private func line() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let text = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return text
            }
            try fill()
        }
    }

    private func bytes(_ count: Int) throws -> Data {
        while buffer.count < count { try fill() }
        let result = Data(buffer.prefix(count))
        buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + count))
        return result
    }

    private func fill() throws {
        let more = output.availableData
        guard !more.isEmpty else {
            throw UAPIError.gitError("git cat-file stopped early in \(repository)")
        }
        buffer.append(more)
    }
}
