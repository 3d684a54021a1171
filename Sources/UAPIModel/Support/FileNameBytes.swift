import Foundation

/// File names as the bytes the kernel stores. Swift turns bytes that are not UTF-8
/// into U+FFFD, after which the file cannot be found again; these helpers notice
/// such names so they are reported as what they are, not as missing files.
package enum FileNameBytes {
    /// `bytes` as text, or nil when they are not valid UTF-8.
    package static func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        String(validating: bytes, as: UTF8.self)
    }

    /// Printable ASCII kept, every other byte as `\xNN`: safe to print whatever the name holds.
    package static func escaped<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }

    /// The first command-line argument that is not valid UTF-8, escaped; read from the raw argv.
    package static func firstNonUTF8Argument() -> String? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if decode(bytes) == nil { return escaped(bytes) }
        }
        return nil
    }
}
