import Foundation
import GRDB
import UAPIModel

/// One header's extraction on one target, as stored.
struct StoredPart {
    var key: PartKey
    /// The header's own items; nil when it did not parse.
    var snapshot: TargetSnapshot?
    var error: String?
    var warnings: [String]
}

/// Which part each header had at one revision, per target.
typealias RevisionEntries = [String: [String: String]]

extension HistoryStore {
    /// The targets already recorded for a revision in a scope.
    func scannedTargets(commit: String, scope: String) throws -> Set<String> {
        try guarded {
            try queue.read { db in
                Set(try String.fetchAll(db, sql: "SELECT target FROM scan WHERE commit_id = ? AND scope = ?", arguments: [commit, scope]))
            }
        }
    }

    /// Which of `keys` are stored already.
    func storedKeys(_ keys: Set<String>) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try guarded {
            try queue.read { db in
                var found = Set<String>()
                for batch in Array(keys).chunked(500) {
                    let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                    found.formUnion(try String.fetchAll(db, sql: "SELECT key FROM part WHERE key IN (\(marks))", arguments: StatementArguments(batch)))
                }
                return found
            }
        }
    }

    /// Records one revision for some targets, with the parts it needs that are new, in one transaction.
    func record(_ revision: RevisionLabel, scope: String, entries: RevisionEntries, newParts: [StoredPart]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = { (data: Data) in String(decoding: data, as: UTF8.self) }
        try guarded {
            try queue.write { db in
                for part in newParts {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO part (key, header, blob, includes, target, tool, flags, snapshot, error, warnings)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [part.key.id, part.key.header, part.key.blob, part.key.includesJSON, part.key.target,
                                         part.key.tool, part.key.flags, try part.snapshot.map { text(try encoder.encode($0)) },
                                         part.error, text(try encoder.encode(part.warnings))])
                }
                try db.execute(sql: "INSERT OR REPLACE INTO revision (commit_id, short, tags, describe) VALUES (?, ?, ?, ?)",
                               arguments: [revision.commit, revision.short, text(try encoder.encode(revision.tags)), revision.describe])
                for (target, headers) in entries.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "DELETE FROM entry WHERE commit_id = ? AND scope = ? AND target = ?",
                                   arguments: [revision.commit, scope, target])
                    for (header, key) in headers.sorted(by: { $0.key < $1.key }) {
                        try db.execute(sql: "INSERT INTO entry (commit_id, scope, target, header, part_key) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [revision.commit, scope, target, header, key])
                    }
                    try db.execute(sql: "INSERT OR REPLACE INTO scan (commit_id, scope, target) VALUES (?, ?, ?)",
                                   arguments: [revision.commit, scope, target])
                }
            }
        }
    }

    /// A revision's header -> part key lists for the targets, nil when any target is not recorded.
    func entries(commit: String, scope: String, targets: [String]) throws -> RevisionEntries? {
        try guarded {
            try queue.read { db in
                let scanned = Set(try String.fetchAll(db, sql: "SELECT target FROM scan WHERE commit_id = ? AND scope = ?", arguments: [commit, scope]))
                guard Set(targets).isSubset(of: scanned) else { return nil }
                var result: RevisionEntries = [:]
                for target in targets { result[target] = [:] }
                let rows = try Row.fetchAll(db, sql: "SELECT target, header, part_key FROM entry WHERE commit_id = ? AND scope = ?",
                                            arguments: [commit, scope])
                for row in rows {
                    let target: String = row["target"]
                    guard result[target] != nil else { continue }
                    result[target]![row["header"]] = row["part_key"] as String
                }
                return result
            }
        }
    }

    func revision(_ commit: String) throws -> RevisionLabel? {
        try guarded {
            try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM revision WHERE commit_id = ?", arguments: [commit]) else { return nil }
                let tags = try JSONDecoder().decode([String].self, from: Data((row["tags"] as String).utf8))
                return RevisionLabel(commit: row["commit_id"], short: row["short"], tags: tags, describe: row["describe"])
            }
        }
    }

    /// A stored part's items (nil and the reason when it did not parse).
    func part(_ key: String) throws -> (snapshot: TargetSnapshot?, error: String?, warnings: [String]) {
        try guarded {
            try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT snapshot, error, warnings FROM part WHERE key = ?", arguments: [key]) else {
                    throw UAPIError.badHistoryDatabase(path: path, reason: "part \(key) is listed by a revision but missing")
                }
                let json: String? = row["snapshot"]
                let snapshot = try json.map { try JSONDecoder().decode(TargetSnapshot.self, from: Data($0.utf8)) }
                let warnings = try JSONDecoder().decode([String].self, from: Data((row["warnings"] as String).utf8))
                return (snapshot, row["error"], warnings)
            }
        }
    }

    /// Row counts and the file's size, for the run summary and the benchmark.
    public func statistics() throws -> (parts: Int, revisions: Int, bytes: Int) {
        let counts = try guarded {
            // Into the main file first, so that its size is the whole database.
            _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            return try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM part") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM revision") ?? 0)
            }
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (counts.0, counts.1, bytes)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension HistoryStore {
    /// What is wrong with the database, if anything: SQLite's own check, entries
    /// without their part, and revisions recorded only in part.
    func consistencyProblems() throws -> [String] {
        try guarded {
            try queue.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                let orphans = try Int.fetchOne(db, sql: "SELECT count(*) FROM entry WHERE part_key NOT IN (SELECT key FROM part)") ?? 0
                if orphans > 0 { problems.append("\(orphans) entries name a missing part") }
                let unscanned = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM entry e WHERE NOT EXISTS
                    (SELECT 1 FROM scan s WHERE s.commit_id = e.commit_id AND s.scope = e.scope AND s.target = e.target)
                    """) ?? 0
                if unscanned > 0 { problems.append("\(unscanned) entries belong to no finished revision") }
                return problems
            }
        }
    }
}
