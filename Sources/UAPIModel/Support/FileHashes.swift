import Foundation

/// SHA-256 of files, each read and hashed once per run: a header is included by
/// hundreds of others, and every target names the same files again.
package final class FileHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: String?] = [:]

    package init() {}

    /// Nil when the file cannot be read.
    package func sha256(ofFile path: String) -> String? {
        lock.lock()
        if let hash = known[path] {
            lock.unlock()
            return hash
        }
        lock.unlock()
        let hash = FileBytes.read(path).map { bytes in bytes.withUnsafeBytes { SHA256.hex(of: $0) } }
        lock.lock()
        known[path] = hash
        lock.unlock()
        return hash
    }
}

/// Whole small files read with plain system calls (Foundation's readers cost more
/// than the read itself for the thousands of small files a run touches).
package enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read. `touch` sets its
    /// modification time to now (the cache's "last used").
    /// `noFollow`: a symbolic link is not followed, and a FIFO or device does not block the
    /// open (it is then refused as not a regular file): for files inside uapi's own cache.
    package static func read(_ path: String, touch: Bool = false, noFollow: Bool = false) -> [UInt8]? {
        let raw = open(path, O_RDONLY | O_CLOEXEC | (noFollow ? O_NOFOLLOW | O_NONBLOCK : 0))
        guard raw >= 0 else { return nil }
        defer { close(raw) }
        var info = stat()
        guard fstat(raw, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        if touch { futimens(raw, nil) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(raw, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(bytes.count - offset)
        return bytes
    }
}
