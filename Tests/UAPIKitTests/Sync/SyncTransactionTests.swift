import Foundation
import XCTest
@testable import UAPIModel
@testable import UAPISync

/// `uapi sync` as a transaction: killed at every step, run twice at once, given
/// planted symbolic links, a file or a link as `--to`, and an injected write failure.
/// Each case checks that `--to` is byte for byte the old tree or the whole new one
/// and that nothing outside it changed. Tests run as root, so permissions cannot
/// make a write fail: failures are injected with UAPI_TEST_SYNC_FAIL_AFTER.
final class SyncTransactionTests: XCTestCase {
    private let headers = ["linux/fixdev*.h", "asm-x86/fixdev.h"]
    private func kernel(_ version: String) -> String { TestPaths.fixtures.appendingPathComponent("sync/kernel-\(version)").path }

    /// A temporary root holding `project/` (the sync runs there, into `project/lh`) and
    /// `outside/`, which no sync may change.
    private struct Scene {
        let root: URL
        var project: URL { root.appendingPathComponent("project") }
        var destination: URL { project.appendingPathComponent("lh") }
        var outside: URL { root.appendingPathComponent("outside") }
    }

    private func makeScene(syncedFrom version: String? = "v1") throws -> Scene {
        let scene = Scene(root: try TestPaths.temporaryDirectory())
        try FileManager.default.createDirectory(at: scene.project, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scene.outside.appendingPathComponent("linux"), withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: scene.outside.appendingPathComponent("linux/fixdev.h"))
        try Data("untouchable\n".utf8).write(to: scene.outside.appendingPathComponent("fixdev.h"))
        if let version { try FileManager.default.copyItem(at: try reference(version), to: scene.destination) }
        return scene
    }

    private var references: [String: URL] = [:]

    /// `lh` as a clean sync of v1 (then of `version`) leaves it, made once per test.
    private func reference(_ version: String) throws -> URL {
        if let done = references[version] { return done }
        let project = try TestPaths.temporaryDirectory()
        for step in version == "v1" ? ["v1"] : ["v1", version] {
            let result = try sync(step, in: project)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        references[version] = project.appendingPathComponent("lh")
        return project.appendingPathComponent("lh")
    }

    private func sync(_ version: String, in project: URL, _ extra: [String] = [], environment: [String: String]? = nil) throws -> CommandResult {
        try CommandRunner.run(TestPaths.uapiBinary.path, ["sync", "--from", kernel(version), "--to", "lh"] + extra + headers,
                              in: project, environment: environment)
    }

    /// The tree with the record's date left out (it is the only thing two syncs of the same source differ in).
    private func state(_ tree: URL) throws -> [String: String] {
        var state = DiskState.capture(tree)
        let recordURL = tree.appendingPathComponent(SyncPlan.recordName)
        if let data = FileManager.default.contents(atPath: recordURL.path),
           var record = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
            record["date"] = nil
            state[SyncPlan.recordName] = String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self)
        }
        return state
    }

    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    // MARK: kills

    func testAKillAtEveryStepLeavesTheOldTreeOrTheNewOneAndTheNextSyncFinishes() throws {
        let old = try state(try reference("v1")), new = try state(try reference("v2"))
        XCTAssertNotEqual(old, new)
        let exchange = "UAPI_TEST_SYNC_NO_EXCHANGE"
        let steps: [(environment: [String: String], stop: String)] = [
            (["UAPI_TEST_SYNC_PAUSE_AFTER": "1"], "written-1"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "staged"], "staged"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "swapped"], "swapped"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "staged", exchange: "1"], "staged"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "journaled", exchange: "1"], "journaled"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "moved-aside", exchange: "1"], "moved-aside"),
            (["UAPI_TEST_SYNC_PAUSE_AT": "swapped", exchange: "1"], "swapped"),
        ]
        for (environment, stop) in steps {
            let label = "killed at \(stop) \(environment[exchange] == nil ? "(exchange)" : "(two renames)")"
            let scene = try makeScene()
            let outside = DiskState.capture(scene.outside)
            let run = try BackgroundCommand(["sync", "--from", kernel("v2"), "--to", "lh"] + headers, in: scene.project, environment: environment)
            guard run.waitUntilStopped(at: "stopped at \(stop)") else {
                XCTFail("\(label): the sync never reached the step: \(run.abandon())")
                continue
            }
            run.send(SIGKILL)
            _ = run.finish()

            if FileManager.default.fileExists(atPath: scene.destination.path) {
                let now = try state(scene.destination)
                XCTAssertTrue(now == old || now == new, "\(label): lh is neither the old tree nor the new one")
            } else {
                // Between the two renames: the old tree is whole beside lh, and the journal says so.
                XCTAssertEqual(stop, "moved-aside", label)
                XCTAssertEqual(try state(scene.project.appendingPathComponent(".lh.uapi-old-\(run.pid)")), old, label)
                XCTAssertTrue(FileManager.default.fileExists(atPath: scene.project.appendingPathComponent(".lh.uapi-swap").path), label)
            }
            XCTAssertEqual(DiskState.capture(scene.outside), outside, label)

            let next = try sync("v2", in: scene.project)
            XCTAssertEqual(next.status, 0, "\(label): \(next.stderr)")
            XCTAssertEqual(try state(scene.destination), new, label)
            XCTAssertEqual(try entries(scene.project), ["lh"], "\(label): the next sync leaves nothing beside lh")
        }
    }

    func testAnInterruptBeforeTheSwapLeavesTheOldTreeAndNothingBesideIt() throws {
        let scene = try makeScene()
        let before = DiskState.capture(scene.root)
        let run = try BackgroundCommand(["sync", "--from", kernel("v2"), "--to", "lh"] + headers, in: scene.project,
                                        environment: ["UAPI_TEST_SYNC_PAUSE_AT": "staged"])
        XCTAssertTrue(run.waitUntilStopped(at: "stopped at staged"), run.abandon())
        run.send(SIGINT)
        run.send(SIGCONT)
        let result = run.finish()
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("interrupted: lh was not changed"), result.stderr)
        XCTAssertEqual(DiskState.capture(scene.root), before)
    }

    /// Before the journal, a kill between the two renames left only `.lh.uapi-old-PID`,
    /// which the next run deleted. Now it is put back first: the user's own file in it survives.
    func testAnOldCopyThatIsTheOnlyTreeLeftIsPutBack() throws {
        let scene = try makeScene()
        try Data("kept\n".utf8).write(to: scene.destination.appendingPathComponent("NOTES"))
        let orphan = scene.project.appendingPathComponent(".lh.uapi-old-\(try BackgroundCommand.deadPID())")
        try FileManager.default.moveItem(at: scene.destination, to: orphan)

        let result = try sync("v2", in: scene.project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: scene.destination.appendingPathComponent("NOTES"), encoding: .utf8), "kept\n")
        XCTAssertEqual(try entries(scene.project), ["lh"])
    }

    func testTheJournalIsCompletedOrUndoneAndNeverLosesTheOnlyCopy() throws {
        let dead = try BackgroundCommand.deadPID()
        let staging = ".lh.uapi-staging-\(dead)", old = ".lh.uapi-old-\(dead)"
        let journal = try JSONEncoder().encode(SwapJournal(staging: staging, old: old))
        func tree(_ marker: String, at url: URL) throws {
            try FileManager.default.createDirectory(at: url.appendingPathComponent("linux"), withIntermediateDirectories: true)
            try Data(marker.utf8).write(to: url.appendingPathComponent("linux/fixdev.h"))
        }
        func recover(_ project: URL) throws {
            let parent = try DirectoryHandle.open(project.path)
            try SyncRecovery(destination: try SyncDestination(project.appendingPathComponent("lh").path), parent: parent).run()
        }
        func marker(_ project: URL) -> String? {
            FileManager.default.contents(atPath: project.appendingPathComponent("lh/linux/fixdev.h").path).map { String(decoding: $0, as: UTF8.self) }
        }
        // (lh, old copy, staging copy) present before recovery -> what lh holds after it.
        let cases: [(lh: Bool, old: Bool, staging: Bool, expected: String?)] = [
            (true, false, true, "lh"),        // killed before the first rename: lh is untouched
            (false, true, true, "old"),       // between the renames: the old tree goes back
            (true, true, false, "lh"),        // after the second rename: the new tree (now lh) stays
            (false, false, true, "staging"),  // lh removed by hand: the only copy left becomes lh
        ]
        for entry in cases {
            let project = try TestPaths.temporaryDirectory()
            if entry.lh { try tree("lh", at: project.appendingPathComponent("lh")) }
            if entry.old { try tree("old", at: project.appendingPathComponent(old)) }
            if entry.staging { try tree("staging", at: project.appendingPathComponent(staging)) }
            try journal.write(to: project.appendingPathComponent(".lh.uapi-swap"))
            try recover(project)
            XCTAssertEqual(marker(project), entry.expected, "\(entry)")
            XCTAssertEqual(try entries(project), ["lh"], "\(entry)")
        }

        // Two old copies and no lh: nothing is guessed, nothing deleted.
        let project = try TestPaths.temporaryDirectory()
        try tree("a", at: project.appendingPathComponent(old))
        try tree("b", at: project.appendingPathComponent(".lh.uapi-old-\(try BackgroundCommand.deadPID())"))
        let before = DiskState.capture(project)
        XCTAssertThrowsError(try recover(project)) { error in
            XCTAssertTrue("\(error.localizedDescription)".contains("several old copies"), "\(error)")
        }
        XCTAssertEqual(DiskState.capture(project), before)

        // A link named like an old copy is never made lh, nor followed: it is unlinked as stale.
        let planted = try TestPaths.temporaryDirectory()
        let elsewhere = try TestPaths.temporaryDirectory()
        try tree("elsewhere", at: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: planted.appendingPathComponent(old).path, withDestinationPath: elsewhere.path)
        let outside = DiskState.capture(elsewhere)
        try recover(planted)
        XCTAssertEqual(try entries(planted), [])
        XCTAssertEqual(DiskState.capture(elsewhere), outside)

        // A staging copy of a live process (PID 1) is not ours to remove; one of a dead process is.
        let live = try TestPaths.temporaryDirectory()
        try tree("lh", at: live.appendingPathComponent("lh"))
        try tree("x", at: live.appendingPathComponent(".lh.uapi-staging-1"))
        try tree("y", at: live.appendingPathComponent(staging))
        try recover(live)
        XCTAssertEqual(try entries(live), [".lh.uapi-staging-1", "lh"])
    }

    /// With lh moved aside by a killed swap, the ABI gate still judges against the old
    /// tree (the one the next sync puts back), not against nothing.
    func testTheGateJudgesAgainstTheTreeARecoveryWillPutBack() throws {
        let scene = try makeScene()
        let old = ".lh.uapi-old-\(try BackgroundCommand.deadPID())"
        try FileManager.default.moveItem(at: scene.destination, to: scene.project.appendingPathComponent(old))
        try Data(#"{"old": "\#(old)", "staging": ".lh.uapi-staging-1"}"#.utf8).write(to: scene.project.appendingPathComponent(".lh.uapi-swap"))
        let before = DiskState.capture(scene.root)

        let breaking = try sync("v3", in: scene.project)
        XCTAssertEqual(breaking.status, 8, breaking.stderr)
        XCTAssertTrue(breaking.stderr.contains("layout-drift: type of fixdev_region.index changed"), breaking.stderr)
        XCTAssertEqual(DiskState.capture(scene.root), before, "a refused sync writes nothing, not even the recovery")

        let accepted = try sync("v2", in: scene.project)
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
        XCTAssertEqual(try state(scene.destination), try state(try reference("v2")))
        XCTAssertEqual(try entries(scene.project), ["lh"])
    }

    /// The plan records what each file held; if that changed before the lock was taken
    /// (another sync, an editor), the verdict is stale and nothing is written.
    func testAPlanMadeAgainstAnotherTreeIsNotApplied() throws {
        let scene = try makeScene()
        let header = "linux/fixdev.h"
        let seen = try Data(contentsOf: scene.destination.appendingPathComponent(header))
        try Data("edited meanwhile\n".utf8).write(to: scene.destination.appendingPathComponent(header))
        let before = DiskState.capture(scene.root)
        let record = SyncRecord(source: "test", kernelVersion: nil, commit: nil, describe: nil, rewrite: "verbatim", date: "", files: [header: "new\n"])
        let plan = SyncPlan(incoming: [header: "new\n"], existing: [header: seen], record: record)

        XCTAssertThrowsError(try SyncApplier(destination: scene.destination.path).apply(plan)) { error in
            XCTAssertTrue(error.localizedDescription.contains("linux/fixdev.h changed while this sync was being prepared"), "\(error)")
        }
        XCTAssertEqual(DiskState.capture(scene.root), before)
    }

    // MARK: concurrency

    func testASecondSyncIsRefusedWhileTheFirstCompletes() throws {
        let scene = try makeScene()
        let new = try state(try reference("v2"))
        let first = try BackgroundCommand(["sync", "--from", kernel("v2"), "--to", "lh"] + headers, in: scene.project,
                                          environment: ["UAPI_TEST_SYNC_PAUSE_AT": "staged"])
        XCTAssertTrue(first.waitUntilStopped(at: "stopped at staged"), first.abandon())

        let second = try sync("v2", in: scene.project)
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("another uapi sync (PID \(first.pid)) is changing it"), second.stderr)

        first.send(SIGCONT)
        let result = first.finish()
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try state(scene.destination), new)
        XCTAssertEqual(try entries(scene.project), ["lh"])
    }

    // MARK: hostile trees

    func testLinksPlantedInTheDestinationAreRefusedAndNothingOutsideChanges() throws {
        let plants: [(path: String, target: String)] = [
            ("lh/linux", "../../outside/linux"),               // a directory we write into
            ("lh/linux/fixdev.h", "../../../outside/fixdev.h"),  // a header we rewrite
            ("lh/asm-x86/extra", "../../../outside"),           // a link we would only copy
            (".lh.uapi-lock", "../outside/fixdev.h"),           // the lock file
        ]
        for plant in plants {
            let scene = try makeScene()
            let link = scene.project.appendingPathComponent(plant.path)
            if FileManager.default.fileExists(atPath: link.path) { try FileManager.default.removeItem(at: link) }
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: plant.target)
            let before = DiskState.capture(scene.root)

            let result = try sync("v2", in: scene.project)
            XCTAssertEqual(result.status, 2, "\(plant.path): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(plant.path) is a symbolic link"), result.stderr)
            XCTAssertEqual(DiskState.capture(scene.root), before, "\(plant.path): nothing may change, inside lh or outside")
        }
    }

    func testALinkedDirectoryInTheSourceIsNotFollowed() throws {
        let scene = try makeScene()
        let source = scene.root.appendingPathComponent("linux")
        try FileManager.default.copyItem(atPath: kernel("v2"), toPath: source.path)
        // The headers themselves sit outside the tree; the link makes them look inside.
        let uapi = source.appendingPathComponent("include/uapi/linux")
        try FileManager.default.moveItem(at: uapi, to: scene.outside.appendingPathComponent("uapi-linux"))
        try FileManager.default.createSymbolicLink(atPath: uapi.path, withDestinationPath: "../../../outside/uapi-linux")
        let before = DiskState.capture(scene.root)

        let result = try CommandRunner.uapi(["sync", "--from", source.path, "--to", "lh"] + headers, in: scene.project)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("include/uapi/linux is a symbolic link"), result.stderr)
        XCTAssertEqual(DiskState.capture(scene.root), before)
    }

    func testAFileOrALinkAsTheDestinationIsRefused() throws {
        let scene = try makeScene(syncedFrom: nil)
        try Data("a file\n".utf8).write(to: scene.project.appendingPathComponent("afile"))
        try FileManager.default.createDirectory(at: scene.project.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scene.project.appendingPathComponent("alink").path, withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: scene.project.appendingPathComponent("away").path, withDestinationPath: "../outside")
        let before = DiskState.capture(scene.root)
        for (to, message) in [("afile", "--to afile exists and is not a directory"), ("alink", "--to alink is a symbolic link"),
                              ("away", "--to away is a symbolic link"), ("afile/sub", "afile is not a directory"),
                              ("afile/sub/lh", "afile/sub: Not a directory")] {
            let result = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--to", to] + headers, in: scene.project)
            XCTAssertEqual(result.status, 2, "\(to): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(to): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("ErrorDomain"), result.stderr)
            XCTAssertEqual(DiskState.capture(scene.root), before, to)
        }
        // A missing --to is created, with its parents.
        let created = try CommandRunner.uapi(["sync", "--from", kernel("v1"), "--to", "new/deeper/lh"] + headers, in: scene.project)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(try state(scene.project.appendingPathComponent("new/deeper/lh")), try state(try reference("v1")))
    }

    func testAnInjectedWriteFailureLeavesTheOldTreeOrNone() throws {
        // v1 -> v2 changes one file; a first sync writes all three.
        for (synced, failAfter) in [("v1", "1"), (nil, "2")] {
            let scene = try makeScene(syncedFrom: synced)
            let before = DiskState.capture(scene.root)
            let result = try sync("v2", in: scene.project, environment: ["UAPI_TEST_SYNC_FAIL_AFTER": failAfter])
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("injected failure"), result.stderr)
            XCTAssertEqual(DiskState.capture(scene.root), before, "after \(failAfter) written files")
        }
    }

    // MARK: the record, options and messages

    func testTheRecordListsEveryFileUnderTheDestination() throws {
        let scene = try makeScene()
        try Data("local\n".utf8).write(to: scene.destination.appendingPathComponent("linux/local.h"))
        try Data("notes\n".utf8).write(to: scene.destination.appendingPathComponent("README"))
        let result = try sync("v2", in: scene.project)
        XCTAssertEqual(result.status, 0, result.stderr)

        let record = try JSONDecoder().decode(SyncRecord.self, from: Data(contentsOf: scene.destination.appendingPathComponent(SyncPlan.recordName)))
        var onDisk: [String: String] = [:]
        for (path, entry) in DiskState.capture(scene.destination) where entry.hasPrefix("file ") && path != SyncPlan.recordName {
            onDisk[path] = String(entry.dropFirst("file ".count))
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: record.files.map { ($0.path, $0.sha256) }), onDisk)
        XCTAssertEqual(record.files.filter { !$0.listed }.map(\.path), ["README", "linux/local.h"])
        XCTAssertEqual(record.files.map(\.path), record.files.map(\.path).sorted())
    }

    func testAReasonWithoutAllowBreakingIsRefused() throws {
        let scene = try makeScene()
        let before = DiskState.capture(scene.root)
        let result = try sync("v2", in: scene.project, ["--reason", "agreed upstream"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("--reason goes with --allow-breaking"), result.stderr)
        XCTAssertEqual(DiskState.capture(scene.root), before)
    }

    func testParseErrorsNameTheHeaderNotATemporaryDirectory() throws {
        let scene = try makeScene(syncedFrom: nil)
        let source = scene.root.appendingPathComponent("linux")
        try FileManager.default.copyItem(atPath: kernel("v1"), toPath: source.path)
        let header = source.appendingPathComponent("include/uapi/linux/fixdev.h")
        let text = try String(contentsOf: header, encoding: .utf8)
        try text.replacingOccurrences(of: "#include <linux/ioctl.h>", with: "#include <linux/no_such_header.h>")
            .write(to: header, atomically: true, encoding: .utf8)

        let result = try CommandRunner.uapi(["sync", "--from", source.path, "--to", "lh", "linux/fixdev.h"], in: scene.project)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("uapi: error: linux/fixdev.h:7:10: 'linux/no_such_header.h' file not found"), result.stderr)
        XCTAssertFalse(result.stderr.contains("uapi-sync-"), result.stderr)
        // The --from tree the user named may be named (it says where the include was looked for).
        XCTAssertFalse(result.stderr.replacingOccurrences(of: source.path, with: "<from>")
            .contains(FileManager.default.temporaryDirectory.path), result.stderr)
    }
}
