import Foundation

/// Keeps the cache under its size: when it holds more, the files used least recently
/// (by modification time, which every read sets) are removed until it is back under
/// 90% of the limit. Temporary files older than an hour are left by killed runs.
enum CacheEviction {
    /// The number of files removed.
    static func run(_ store: CacheStore, limit: Int64) -> Int {
        var files: [(path: String, size: Int64, used: Int)] = []
        var total: Int64 = 0
        var removed = 0
        let hourAgo = Int(Date().timeIntervalSince1970) - 3600
        // Only real directories are walked: a link planted as `v1/tmp` or a bucket leads nowhere.
        for area in ["entries", "chunks", "tmp"] where store.directoriesAreReal(upTo: "\(store.root)/\(area)") {
            for path in filePaths(under: "\(store.root)/\(area)") where store.directoriesAreReal(upTo: (path as NSString).deletingLastPathComponent) {
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                if area == "tmp" {
                    if info.st_mtim.tv_sec < hourAgo, unlink(path) == 0 { removed += 1 }
                    continue
                }
                let size = Int64(info.st_blocks) * 512
                files.append((path, size, info.st_mtim.tv_sec))
                total += size
            }
        }
        guard total > limit else { return removed }
        let target = limit / 10 * 9
        for file in files.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) {
            guard total > target else { break }
            if unlink(file.path) == 0 {
                total -= file.size
                removed += 1
            }
        }
        return removed
    }

    /// Files one or two levels down (`entries/ab/<key>`, `tmp/<name>`), read with
    /// `readdir`: Foundation's enumerator took 15 µs a file, the most of a run that
    /// re-parsed one header and then looked at the whole cache.
    private static func filePaths(under directory: String) -> [String] {
        var paths: [String] = []
        for (name, isDirectory) in entries(of: directory) {
            let path = "\(directory)/\(name)"
            if isDirectory {
                paths += entries(of: path).filter { !$0.isDirectory }.map { "\(path)/\($0.name)" }
            } else {
                paths.append(path)
            }
        }
        return paths
    }

    /// The names in a directory but `.` and `..`, and whether each is a directory
    /// (without following a symbolic link).
    private static func entries(of directory: String) -> [(name: String, isDirectory: Bool)] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var result: [(String, Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat("\(directory)/\(name)", &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            result.append((name, isDirectory))
        }
        return result
    }
}
