import Foundation
import UAPIModel

/// What a sync will write: every synced file with its new content and whether it
/// is new, changed or unchanged, plus the record. Pure data; `SyncApplier` writes it.
public struct SyncPlan: Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case added, changed, unchanged }

    public struct File: Sendable, Equatable {
        public var path: String
        public var content: Data
        public var status: Status
        /// What the file held when the plan was made (nil: absent); the sync checks it
        /// again under the lock, so the ABI verdict always judged what it replaces.
        public var previous: Data?
    }

    public var files: [File]
    public var record: SyncRecord

    public static let recordName = ".uapi-sync.json"

    public init(incoming: [String: String], existing: [String: Data], record: SyncRecord) {
        files = incoming.keys.sorted().map { path in
            let data = Data(incoming[path]!.utf8)
            let status: Status = existing[path] == nil ? .added : existing[path] == data ? .unchanged : .changed
            return File(path: path, content: data, status: status, previous: existing[path])
        }
        self.record = record
    }

    public var changedFiles: [File] { files.filter { $0.status != .unchanged } }
    public var isNoOp: Bool { changedFiles.isEmpty }

    /// One line per file, for `--dry-run` and the log.
    public var summary: String {
        files.map { "  \($0.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.path)" }.joined(separator: "\n")
    }
}

/// Written beside the synced headers: where they came from and what they hash to.
public struct SyncRecord: Codable, Sendable, Equatable {
    public var source: String
    public var kernelVersion: String?
    public var commit: String?
    public var describe: String?
    public var rewrite: String
    /// ISO 8601, UTC.
    public var date: String
    public var files: [HeaderFile]
    /// The reason given with --allow-breaking, when breaking changes were accepted.
    public var breakingAccepted: String?

    public init(source: String, kernelVersion: String?, commit: String?, describe: String?, rewrite: String,
                date: String, files: [String: String]) {
        self.source = source
        self.kernelVersion = kernelVersion
        self.commit = commit
        self.describe = describe
        self.rewrite = rewrite
        self.date = date
        self.files = files.keys.sorted().map { HeaderFile(path: $0, sha256: SHA256.hex(of: Data(files[$0]!.utf8)), listed: true) }
    }
}

