import Foundation

/// An open file descriptor, closed when the value goes away. Failures are the
/// errno value; callers add the path and what they were doing.
package final class FileDescriptor {
    package let raw: Int32

    /// Takes ownership of `raw`, which must be a valid descriptor.
    package init(_ raw: Int32) {
        self.raw = raw
    }

    deinit {
        close(raw)
    }

    /// Writes every byte, resuming after short writes and interrupted calls.
    package func writeAll(_ data: Data) throws(Errno) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(raw, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let failure { throw Errno(failure) }
    }

    /// Reads to the end of the file.
    package func readAll() throws(Errno) -> Data {
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(raw, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Errno(errno)
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Flushes the file's data to the disk.
    package func sync() throws(Errno) {
        guard fsync(raw) == 0 else { throw Errno(errno) }
    }

    package func status() throws(Errno) -> stat {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw Errno(errno) }
        return info
    }
}

/// A failed system call's errno value.
package struct Errno: Error, Equatable {
    package let code: Int32

    package init(_ code: Int32) {
        self.code = code
    }

    /// `strerror`: "Permission denied".
    package var reason: String { SystemError.describe(code) }
}
