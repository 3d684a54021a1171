import Foundation

/// Names the code that is running: the linker's GNU build ID of this executable (a
/// hash of its contents), so that anything cached from its output is never reused
/// by a differently built binary, even one with the same version number. Rebuilding
/// the same source with the same toolchain gives the same ID, so CI runs share.
package enum BuildIdentity {
    package static let current: String = {
        if let id = gnuBuildID(ofExecutableAt: "/proc/self/exe") { return "build-id:\(id)" }
        // No build ID (an unusual linker): the executable's size and time are the next best thing.
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "version:\(UAPIVersion.string)" }
        return "executable:\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// Reads the NT_GNU_BUILD_ID note from a 64-bit little-endian ELF file's PT_NOTE segments.
    static func gnuBuildID(ofExecutableAt path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        func read(_ offset: UInt64, _ count: Int) -> Data? {
            guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.read(upToCount: count), data.count == count else { return nil }
            return data
        }
        guard let header = read(0, 64), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let programHeaders: UInt64 = header.integer(at: 0x20), entrySize = Int(header.integer(at: 0x36) as UInt16)
        let count = Int(header.integer(at: 0x38) as UInt16)
        guard entrySize >= 56, count < 256, let table = read(programHeaders, entrySize * count) else { return nil }
        for index in 0..<count where table.integer(at: index * entrySize) as UInt32 == 4 { // PT_NOTE
            let offset: UInt64 = table.integer(at: index * entrySize + 0x08), size: UInt64 = table.integer(at: index * entrySize + 0x20)
            guard size < 1 << 20, let notes = read(offset, Int(size)) else { continue }
            var position = 0
            while position + 12 <= notes.count {
                let nameSize = Int(notes.integer(at: position) as UInt32), descSize = Int(notes.integer(at: position + 4) as UInt32)
                let type: UInt32 = notes.integer(at: position + 8)
                let descStart = position + 12 + (nameSize + 3) & ~3
                guard descStart + descSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[notes.startIndex + position + 12..<notes.startIndex + position + 15].elementsEqual("GNU".utf8) {
                    return notes[notes.startIndex + descStart..<notes.startIndex + descStart + descSize].map { String(format: "%02x", $0) }.joined()
                }
                position = descStart + (descSize + 3) & ~3
            }
        }
        return nil
    }
}

private extension Data {
    func integer<T: FixedWidthInteger>(at offset: Int) -> T {
        var value: T = 0
        for byte in 0..<MemoryLayout<T>.size { value |= T(self[startIndex + offset + byte]) << (8 * byte) }
        return value
    }
}
