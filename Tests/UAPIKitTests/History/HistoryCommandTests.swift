import Foundation
import XCTest
@testable import UAPIHistory
@testable import UAPIModel

/// `uapi history` as a program: interruption, merging sharded databases, formats, errors.
extension HistoryTests {
    private var range: [String] { ["v5.2-rc1..v6.8", "linux/vfio.h", "--target", "x86_64,i386,aarch64"] }

    func testAKilledRunLeavesAConsistentDatabaseThatTheNextRunCompletes() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let killed = corpus.directory.appendingPathComponent("killed.sqlite").path
        // One worker: two revisions per chunk, so the kill lands while later ones are parsed.
        let process = Process()
        process.executableURL = TestPaths.uapiBinary
        process.arguments = ["history", "--repo", corpus.repository.path, "--db", killed, "--progress", "--jobs", "1"] + range
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("history: [1/") {
            let more = errors.fileHandleForReading.availableData
            guard !more.isEmpty else { break }
            seen += String(decoding: more, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertTrue(seen.contains("history: [1/5]"), seen)

        let store = try HistoryStore(path: killed)
        XCTAssertEqual(try store.consistencyProblems(), [])
        let recorded = try store.statistics().revisions
        print("the killed run had recorded \(recorded) of 5 revisions")

        let resumed = try CommandRunner.uapi(["history", "--repo", corpus.repository.path, "--db", killed, "--format", "json"] + range)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("(\(5 - recorded) new)"), resumed.stderr)
        let whole = try CommandRunner.uapi(["history", "--repo", corpus.repository.path, "--db", corpus.database, "--format", "json"] + range)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertEqual(resumed.stdoutText, whole.stdoutText)
        XCTAssertEqual(try HistoryStore(path: killed).statistics().parts, try HistoryStore(path: corpus.database).statistics().parts)
    }

    func testShardedDatabasesMergeIntoOneThatNeedsNoParse() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let path = { (name: String) in corpus.directory.appendingPathComponent(name).path }
        let common = ["history", "--repo", corpus.repository.path, "linux/vfio.h"]
        let a = try CommandRunner.uapi(common + ["--db", path("a.sqlite"), "--rev", "v5.2-rc1", "--rev", "v5.10-rc1", "--rev", "v6.1"])
        let b = try CommandRunner.uapi(common + ["--db", path("b.sqlite"), "--rev", "v6.8-rc6", "--rev", "v6.8"])
        XCTAssertEqual([a.status, b.status], [0, 0], a.stderr + b.stderr)
        let merge = try CommandRunner.uapi(["history", "merge", path("a.sqlite"), path("b.sqlite"), "-o", path("all.sqlite")])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertTrue(merge.stderr.contains("5 revisions, 5 header parts"), merge.stderr)

        let rest = ["v5.2-rc1..v6.8", "linux/vfio.h", "--rc-churn", "--matrix", "v5.2-rc1,v6.1,v6.8", "--format", "json"]
        let merged = try CommandRunner.uapi(["history", "--repo", corpus.repository.path, "--db", path("all.sqlite")] + rest)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stderr.contains("0 header parses"), merged.stderr)
        let single = try CommandRunner.uapi(["history", "--repo", corpus.repository.path, "--db", path("single.sqlite")] + rest)
        XCTAssertEqual(merged.stdoutText, single.stdoutText)
        // Merging again changes nothing.
        XCTAssertEqual(try CommandRunner.uapi(["history", "merge", path("a.sqlite"), "-o", path("all.sqlite")]).status, 0)
        XCTAssertEqual(try HistoryStore(path: path("all.sqlite")).statistics().revisions, 5)
    }

    /// A device, a directory or a missing directory as --db or merge -o is refused before SQLite
    /// touches it; a merge input is opened read-only, checked first, and never changed.
    func testDatabasePathsMustBeFilesAndMergeInputsAreOnlyRead() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let path = { (name: String) in corpus.directory.appendingPathComponent(name).path }
        // A character device with the null device's numbers, in the temporary directory only.
        XCTAssertEqual(mknod(path("device"), S_IFCHR | 0o600, dev_t((1 << 8) | 3)), 0)
        try FileManager.default.createDirectory(atPath: path("folder"), withIntermediateDirectories: false)
        let common = ["history", "--repo", corpus.repository.path, "linux/vfio.h", "--rev", "v6.1"]
        for (database, reason) in [("device", "it is a character device, not a database file"), ("folder", "it is a directory, not a database file"),
                                   ("missing/x.sqlite", "does not exist; create it or give another path")] {
            let result = try CommandRunner.uapi(common + ["--db", path(database)])
            XCTAssertEqual(result.status, 2, database)
            XCTAssertTrue(result.stderr.contains(reason), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("device-journal")))
        // A database another uapi is creating holds only GRDB's bookkeeping table so far: it is ours, not "other tables".
        _ = try CommandRunner.run("python3", ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
            + "c.execute('CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)'); c.commit()", path("racing.sqlite")])
        let racing = try CommandRunner.uapi(common + ["--db", path("racing.sqlite")])
        XCTAssertEqual(racing.status, 0, racing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("device-wal")))

        XCTAssertEqual(try CommandRunner.uapi(common + ["--db", path("a.sqlite")]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path("a.sqlite")))
        try "not a database".write(toFile: path("damaged.sqlite"), atomically: true, encoding: .utf8)
        let refused = try CommandRunner.uapi(["history", "merge", path("a.sqlite"), path("damaged.sqlite"), "-o", path("all.sqlite")])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("damaged.sqlite"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("all.sqlite")), "nothing is written before every input is checked")
        XCTAssertEqual(try CommandRunner.uapi(["history", "merge", path("a.sqlite"), "-o", path("device")]).status, 2)
        XCTAssertEqual(try CommandRunner.uapi(["history", "merge", path("a.sqlite"), "-o", path("all.sqlite")]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("a.sqlite"))), before, "a merge input is only read")
    }

    func testFormatsAreDeterministicAndJSONDecodes() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let base = ["history", "--repo", corpus.repository.path, "--db", corpus.database, "v5.2-rc1..v6.8", "linux/vfio.h",
                    "--item", "vfio_device_info", "--since-sync", "v6.1", "--rc-churn", "--matrix", "v6.1,v6.8"]
        for format in ["text", "markdown", "json"] {
            let first = try CommandRunner.uapi(base + ["--format", format])
            let second = try CommandRunner.uapi(base + ["--format", format])
            XCTAssertEqual(first.status, 0, first.stderr)
            XCTAssertEqual(first.stdoutText, second.stdoutText, format)
            XCTAssertTrue(first.stdoutText.contains("vfio_device_info.cap_offset"), format)
            XCTAssertFalse(first.stdoutText.contains(corpus.directory.path), "no absolute paths in \(format)")
        }
        let json = try CommandRunner.uapi(base + ["--format", "json"])
        let document = try JSONDecoder().decode(HistoryDocument.self, from: json.stdout)
        XCTAssertEqual(document.format, "uapi-history-report")
        XCTAssertEqual(document.timelines?.first?.name, "vfio_device_info")
        let markdown = try CommandRunner.uapi(base + ["--format", "markdown"]).stdoutText
        XCTAssertTrue(markdown.contains("| `vfio_device_info.pad` (field) | `v6.8-rc6`"), markdown)
        let text = try CommandRunner.uapi(base).stdoutText
        XCTAssertTrue(text.contains("v6.8-rc6  changed, breaking tail-extension: vfio_device_info grew from 20 to 24 bytes by appending pad"), text)
    }

    func testBadInputsExitTwoWithAMessageThatSaysWhatToDo() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let notADatabase = corpus.directory.appendingPathComponent("notes.txt")
        try "not sqlite".write(to: notADatabase, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["v5.2-rc1..v9.9", "linux/vfio.h"], "revision 'v9.9' not found"),
            (["v5.2-rc1..v6.8", "linux/vfio.h", "--item", "vfio_nothing"], "no definition named 'vfio_nothing'"),
            (["v6.1..v6.8", "linux/vfio.h", "--since-sync", "v5.2-rc1"], "is not among the revisions"),
            (["v6.1..v6.8", "linux/vfio.h", "--db", notADatabase.path], "not a usable uapi history database"),
            (["v6.1..v6.8"], "name the headers to follow"),
            (["v6.1..v6.8", "linux/vfio.h", "--path", "linux-headers"], "nothing under 'linux-headers' matches linux/vfio.h"),
        ]
        for (arguments, message) in cases {
            let result = try CommandRunner.uapi(["history", "--repo", corpus.repository.path] + arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let merge = try CommandRunner.uapi(["history", "merge", notADatabase.path, "-o", corpus.database])
        XCTAssertEqual(merge.status, 2)
        XCTAssertTrue(merge.stderr.contains("notes.txt"), merge.stderr)
    }
}
