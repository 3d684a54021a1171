import Foundation
import UAPIModel
import UAPIExtract

/// One header to parse on one target: its key and the files of its include root.
struct ParseJob {
    var key: PartKey
    /// The header and the same-tree headers it includes, by name, as git holds them.
    var files: [String: Data]
    var preludes: [Prelude] = []
}

/// Parses one header with the ordinary extraction, in a temporary include root that
/// holds only the header and the same-tree headers it includes.
enum PartParser {
    static func parse(_ job: ParseJob) -> StoredPart {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            for (name, data) in job.files {
                let path = "\(root)/\(name)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: path, contents: data) else {
                    throw UAPIError.cannotWrite(path: path, reason: "cannot write a temporary copy of \(name)")
                }
            }
            guard let target = Target.named(job.key.target) else { throw UAPIError.unknownTarget(job.key.target) }
            let listed = ListedHeader(path: HeaderNamer.normalize("\(root)/\(job.key.header)"), name: job.key.header)
            var request = SnapshotRequest(headers: [listed], includeDirectories: [root], targets: [target],
                                          onlyListed: true, defines: HistoryScope.defines, workers: 1)
            request.preludes = job.preludes
            let built = try SnapshotBuilder(request: request).build()
            let warnings = built.warnings.map { $0.replacingOccurrences(of: root + "/", with: "") }
            return StoredPart(key: job.key, snapshot: built.snapshot.targets.first, error: nil, warnings: warnings)
        } catch {
            let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return StoredPart(key: job.key, snapshot: nil,
                              error: reason.replacingOccurrences(of: root + "/", with: ""), warnings: [])
        }
    }
}
