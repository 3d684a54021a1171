import Foundation
import UAPIModel

/// A clang virtual file system overlay: virtual directories that show one real
/// directory each. It lets a target see only `asm/` of a cross package, and only
/// the kernel's directories of the build machine's `/usr/include`, in one search path.
/// clang reports the real paths (`use-external-names`), so names and hashes are unaffected.
final class IncludeOverlay {
    /// Virtual path -> real directory.
    private(set) var remaps: [String: String] = [:]
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-overlay-\(UUID().uuidString).json").path
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Shows `real` at `virtual`.
    func map(_ virtual: String, to real: String) {
        remaps[virtual] = real
    }

    /// Writes the overlay file clang reads (`-ivfsoverlay`); JSON is valid YAML.
    func write() throws {
        let roots = remaps.keys.sorted().map { virtual in
            ["type": "directory-remap", "name": virtual, "external-contents": remaps[virtual]!]
        }
        let document: [String: Any] = ["version": 0, "use-external-names": true, "roots": roots]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw UAPIError.cannotWrite(path: path, reason: SystemError.describe(error))
        }
    }
}
