import Foundation
import UAPIModel

/// Writes generated files under a package root: each file atomically, unchanged
/// files left alone, nothing outside the root.
public enum BindingsWriter {
    /// Returns the relative paths it wrote (changed or new).
    @discardableResult
    public static func write(_ files: [String: String], under root: String) throws -> [String] {
        var written: [String] = []
        for (path, content) in files.sorted(by: { $0.key < $1.key }) {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw UAPIError.cannotWrite(path: path, reason: "refusing to write outside \(root)")
            }
            let full = "\(root)/\(path)"
            let data = Data(content.utf8)
            if FileManager.default.contents(atPath: full) == data { continue }
            let directory = (full as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw UAPIError.cannotWrite(path: directory, reason: SystemError.describeDirectoryCreation(directory, error))
            }
            try AtomicFile.write(data, to: full)
            written.append(path)
        }
        return written
    }
}
