import Foundation

/// Writes a file so that readers see either the old content or the whole new content:
/// write to a temporary file in the same directory, then rename over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UAPIError.cannotWrite(path: path, reason: "directory \(directory) does not exist")
        }
        let temporary = directory + "/.\(url.lastPathComponent).tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw UAPIError.cannotWrite(path: path, reason: "cannot create a file in \(directory) (permissions?)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw UAPIError.cannotWrite(path: path, reason: reason)
        }
    }
}
