import Foundation

/// What a path names, from stat(2), so that inputs can be refused before they are
/// opened: reading a FIFO blocks, and a character device such as /dev/zero never ends.
package enum FileKind: Equatable, Sendable {
    case regular(bytes: Int)
    case missing
    /// Anything else, described for a message ("FIFO", "character device", ...).
    case other(String)

    /// Follows symbolic links, as opening the path would.
    package init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular(bytes: Int(info.st_size))
        case S_IFDIR: self = .other("directory")
        case S_IFIFO: self = .other("FIFO")
        case S_IFCHR: self = .other("character device")
        case S_IFBLK: self = .other("block device")
        case S_IFSOCK: self = .other("socket")
        default: self = .other("special file")
        }
    }
}

/// Reads a file the user named, after checking it is a regular file of at most `maxBytes`.
package enum InputFile {
    /// Throws `notRegularFile` or `inputTooLarge`; nil when the file is missing or unreadable.
    package static func read(_ path: String, maxBytes: Int, option: String? = nil) throws -> Data? {
        switch FileKind(path: path) {
        case .missing:
            return nil
        case let .other(kind):
            throw UAPIError.notRegularFile(path: path, kind: kind, includedFrom: nil)
        case let .regular(bytes) where bytes > maxBytes:
            throw UAPIError.inputTooLarge(path: path, bytes: bytes, limit: maxBytes, option: option)
        case .regular:
            // Read through a handle, never past the limit, in case the file grows meanwhile.
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
            if data.count > maxBytes {
                throw UAPIError.inputTooLarge(path: path, bytes: data.count, limit: maxBytes, option: option)
            }
            return data
        }
    }

    /// The same, decoded as UTF-8; nil also when the bytes are not UTF-8.
    package static func readText(_ path: String, maxBytes: Int, option: String? = nil) throws -> String? {
        try read(path, maxBytes: maxBytes, option: option).flatMap { String(data: $0, encoding: .utf8) }
    }
}
