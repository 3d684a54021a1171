import Foundation
import UAPIModel

/// Everything under a directory, read without following links: each path mapped to
/// "dir", "file <sha-256>" or "link -> target", so two captures are equal exactly
/// when nothing below the directory changed.
enum DiskState {
    static func capture(_ root: URL) -> [String: String] {
        var result: [String: String] = [:]
        capture(root.path, prefix: "", into: &result)
        return result
    }

    private static func capture(_ directory: String, prefix: String, into result: inout [String: String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = "\(directory)/\(name)", key = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                result[key] = "dir"
                capture(path, prefix: key + "/", into: &result)
            case S_IFLNK:
                result[key] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            case S_IFREG:
                result[key] = "file " + SHA256.hex(of: FileManager.default.contents(atPath: path) ?? Data())
            default:
                result[key] = "special \(info.st_mode & S_IFMT) \(info.st_rdev)"
            }
        }
    }
}
