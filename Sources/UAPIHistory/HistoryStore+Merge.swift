import Foundation
import GRDB
import UAPIModel

extension HistoryStore {
    /// Merges `inputs` into `output` after checking every input, so a damaged one is named
    /// before anything is written and never spreads into the result.
    public static func merge(_ inputs: [String], into output: String) throws -> HistoryStore {
        for input in inputs where input != output { try checkInput(input) }
        try checkDatabasePath(output)
        let store = try HistoryStore(path: output)
        for input in inputs where input != output { try store.merge(from: input) }
        return store
    }

    private static func checkInput(_ path: String) throws {
        switch FileKind(path: path) {
        case .regular: try validateInput(path)
        case let .other(kind): throw UAPIError.badHistoryDatabase(path: path, reason: "it is a \(kind), not a database file; name the databases the jobs wrote")
        case .missing: throw UAPIError.badHistoryDatabase(path: path, reason: "no such file; name the databases the jobs wrote")
        }
    }

    /// Adds everything another history database holds (from jobs that each ran a
    /// share of the revisions) to this one, in one transaction. Parts are keyed by
    /// content and revisions by commit, so merging the same rows twice is harmless.
    public func merge(from other: String) throws {
        try Self.checkInput(other)
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

    /// Checks an input read-only, before anything is written: uapi's format, a schema this build
    /// knows, and SQLite's own consistency check. The input is never migrated or changed.
    static func validateInput(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let format = try? String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'format'")
                guard format == HistoryStore.format else {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "it is not a uapi history database; name the databases the jobs wrote")
                }
                if try HistorySchema.migrator.hasBeenSuperseded(db) {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "it was written by a newer uapi; upgrade uapi to merge it")
                }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "it is damaged (\(check.prefix(2).joined(separator: "; "))); run that job again")
                }
            }
        } catch let error as UAPIError {
            throw error
        } catch {
            throw HistoryStore.failure(path, error)
        }
    }
}
