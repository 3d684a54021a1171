import Foundation
import GRDB
import UAPIModel

extension HistoryStore {
    /// Adds everything another history database holds (from jobs that each ran a
    /// share of the revisions) to this one, in one transaction. Parts are keyed by
    /// content and revisions by commit, so merging the same rows twice is harmless.
    public func merge(from other: String) throws {
        guard FileManager.default.fileExists(atPath: other) else {
            throw UAPIError.badHistoryDatabase(path: other, reason: "no such file; name the databases the jobs wrote")
        }
        // Opening it checks its format and schema version (and migrates nothing newer).
        _ = try HistoryStore(path: other)
        try guarded {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [other])
                defer { try? db.execute(sql: "DETACH DATABASE source") }
                try db.inTransaction {
                    // Referenced rows first: parts and revisions, then what points at them.
                    for table in ["part", "revision", "entry", "scan"] {
                        try db.execute(sql: "INSERT OR IGNORE INTO main.\(table) SELECT * FROM source.\(table)")
                    }
                    return .commit
                }
            }
        }
    }
}
