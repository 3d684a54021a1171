import Foundation
import GRDB
import UAPIModel

/// The history database (SQLite through GRDB): each header's extraction stored once
/// per key, and per revision, scope and target which key each header had. A revision
/// lands in one transaction, so an interrupted run leaves only whole revisions.
public final class HistoryStore {
    public static let format = "uapi-history"
    public static let schemaVersion = 1

    public let path: String
    let queue: DatabaseQueue

    public init(path: String) throws {
        self.path = path
        try Self.checkDatabasePath(path)
        do {
            var configuration = Configuration()
            // Two jobs sharing a database wait for each other instead of failing.
            configuration.busyMode = .timeout(30)
            // A commit per revision: WAL with NORMAL sync does not wait for the disk at
            // each one, and a killed process still loses only unfinished revisions.
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw HistoryStore.failure(path, error)
        }
        try migrate()
    }

    /// A database path must be a regular file or a new file in an existing directory: SQLite
    /// would otherwise write its pages over a device (`-o /dev/sdb`) or leave a journal beside one.
    static func checkDatabasePath(_ path: String) throws {
        switch FileKind(path: path) {
        case .regular:
            return
        case let .other(kind):
            throw UAPIError.badHistoryDatabase(path: path, reason: "it is a \(kind), not a database file; give a regular file or a new path")
        case .missing:
            let parent = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UAPIError.badHistoryDatabase(path: path, reason: "its directory \(parent) does not exist; create it or give another path")
            }
        }
    }

    private func migrate() throws {
        try guarded {
            try queue.read { db in
                // GRDB's own bookkeeping table appears first while another uapi creates the database:
                // that database is ours, being made, not one that holds other tables.
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    .filter { $0 != "grdb_migrations" && !$0.hasPrefix("sqlite_") }
                if !tables.isEmpty, !tables.contains("meta") {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "it holds other tables (\(tables.sorted().prefix(3).joined(separator: ", "))) and no uapi 'meta' table; choose another --db file")
                }
                if tables.contains("meta") {
                    let format = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'format'")
                    guard format == HistoryStore.format else {
                        throw UAPIError.badHistoryDatabase(path: path, reason: "its format is '\(format ?? "missing")', not '\(HistoryStore.format)'; choose another --db file")
                    }
                }
                if try HistorySchema.migrator.hasBeenSuperseded(db) {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "it was written by a newer uapi (schema newer than \(HistoryStore.schemaVersion)); upgrade uapi or use another --db file")
                }
            }
            try HistorySchema.migrator.migrate(queue)
        }
    }

    /// Runs database work, turning SQLite errors into errors that name the file.
    func guarded<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as UAPIError { throw error } catch {
            throw HistoryStore.failure(path, error)
        }
    }

    static func failure(_ path: String, _ error: Error) -> UAPIError {
        let reason = (error as? DatabaseError).map { $0.message ?? "\($0)" } ?? "\(error)"
        return .badHistoryDatabase(path: path, reason: "\(reason); check the file, or delete it to start over (it is only a cache of git)")
    }
}

/// The tables, as GRDB migrations: a new schema version is a new migration.
enum HistorySchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta (name, value) VALUES ('format', '\(HistoryStore.format)'), ('schema', '1');
                CREATE TABLE part (
                    key TEXT PRIMARY KEY,
                    header TEXT NOT NULL,
                    blob TEXT NOT NULL,
                    includes TEXT NOT NULL,
                    target TEXT NOT NULL,
                    tool TEXT NOT NULL,
                    flags TEXT NOT NULL,
                    snapshot TEXT,
                    error TEXT,
                    warnings TEXT NOT NULL
                );
                CREATE TABLE revision (
                    commit_id TEXT PRIMARY KEY,
                    short TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    describe TEXT
                );
                CREATE TABLE scan (
                    commit_id TEXT NOT NULL REFERENCES revision(commit_id),
                    scope TEXT NOT NULL,
                    target TEXT NOT NULL,
                    PRIMARY KEY (commit_id, scope, target)
                );
                CREATE TABLE entry (
                    commit_id TEXT NOT NULL REFERENCES revision(commit_id),
                    scope TEXT NOT NULL,
                    target TEXT NOT NULL,
                    header TEXT NOT NULL,
                    part_key TEXT NOT NULL REFERENCES part(key),
                    PRIMARY KEY (commit_id, scope, target, header)
                );
                """)
        }
        return migrator
    }()
}
