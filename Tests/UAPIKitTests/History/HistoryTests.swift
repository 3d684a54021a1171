import Foundation
import XCTest
@testable import UAPIHistory
@testable import UAPIDiff
@testable import UAPIModel
@testable import UAPIPolicy

/// `uapi history` over the real vfio.h versions committed as a tagged repository.
/// Facts are written by hand from the textual diffs of the fixture files, and the
/// names every step adds or removes come from a plain-text reading of the headers.
final class HistoryTests: XCTestCase {
    func testRevisionsAreTheCommitsThatTouchThePathOrCarryATag() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let outcome = try corpus.run(corpus.request())
        XCTAssertEqual(outcome.document.revisions.map(\.name), HistoryCorpus.tags)
        XCTAssertFalse(outcome.document.revisions.contains { $0.tags.isEmpty }, "the README commit does not touch include/uapi")
        XCTAssertEqual(outcome.statistics.partsParsed, 5)
        XCTAssertEqual(outcome.statistics.newRevisions, 5)
        // The first revision of a range is where definitions were already present.
        let argsz = try XCTUnwrap(outcome.document.timelines).named("vfio_device_info.argsz")
        XCTAssertEqual(argsz.events.map(\.kind), [.present], "argsz never changed")
    }

    func testEachStepAddsAndRemovesTheNamesTheTextDoes() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let timelines = try XCTUnwrap(try corpus.run(corpus.request()).document.timelines)
        var texts: [TextualHeader] = []
        for tag in HistoryCorpus.tags {
            let path = corpus.directory.appendingPathComponent("\(tag).h")
            try CommandRunner.run("git", ["-C", corpus.repository.path, "show", "\(tag):include/uapi/linux/vfio.h"]).stdout.write(to: path)
            texts.append(try TextualHeader(path: path.path))
        }
        let values: Set<ItemKind> = [.constant, .enumerator, .ioctl, .macro]
        for index in 1..<texts.count {
            let before = texts[index - 1], after = texts[index]
            let step = "\(HistoryCorpus.tags[index - 1]) -> \(HistoryCorpus.tags[index])"
            let names = { (kinds: Set<HistoryEvent.Kind>, items: Set<ItemKind>) in
                Set(timelines.filter { timeline in
                    items.contains(timeline.item) && timeline.events.contains { $0.index == index && kinds.contains($0.kind) }
                }.map(\.name))
            }
            XCTAssertEqual(names([.appeared], values), after.names.subtracting(before.names), "names added, \(step)")
            XCTAssertEqual(names([.removed, .renamed], values), before.names.subtracting(after.names), "names removed, \(step)")
            let topLevel = names([.appeared], [.record]).filter { !$0.contains(".") && !$0.contains("::") }
            XCTAssertEqual(topLevel, Set(after.structBodies.keys).subtracting(before.structBodies.keys), "structs added, \(step)")
        }
    }

    func testTimelinesHoldTheHandWrittenFacts() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let timelines = try XCTUnwrap(try corpus.run(corpus.request()).document.timelines)
        let at = { (event: HistoryEvent) in event.label }

        // 6.1 renamed the v1 migration states to *_V1_* and reused STOP, RUNNING and
        // RESUMING for the new enum vfio_device_mig_state (STOP: macro 0 -> enumerator 1).
        for state in ["STOP", "RUNNING", "SAVING", "RESUMING"] {
            let renamed = try timelines.named("VFIO_DEVICE_STATE_V1_\(state)")
            XCTAssertEqual(renamed.events.map(at), ["v6.1"], state)
            XCTAssertEqual(renamed.events.first?.kind, .appeared)
            XCTAssertEqual(renamed.events.first?.category, .renamed)
            XCTAssertEqual(renamed.events.first?.otherName, "VFIO_DEVICE_STATE_\(state)")
        }
        let stop = try timelines.named("VFIO_DEVICE_STATE_STOP")
        XCTAssertEqual(stop.events.map(at), ["v5.10-rc1", "v6.1", "v6.1"])
        XCTAssertEqual(stop.events[0].kind, .appeared)
        let kindChange = try XCTUnwrap(stop.events.first { $0.category == .kindChanged })
        XCTAssertEqual(kindChange.severity, .breaking)
        XCTAssertTrue(kindChange.text.contains("macro 0") && kindChange.text.contains("enumerator 1"), kindChange.text)
        XCTAssertEqual(stop.events.first { $0.category == .renamed }?.kind, .changed, "the name lives on as an enumerator")
        // SAVING has no new meaning: the name is gone.
        XCTAssertEqual(try timelines.named("VFIO_DEVICE_STATE_SAVING").events.last?.kind, .renamed)

        // vfio_device_info grew twice: cap_offset in 5.10-rc1, pad in 6.8-rc6.
        let info = try timelines.named("vfio_device_info")
        XCTAssertEqual(info.events.map(at), ["v5.2-rc1", "v5.10-rc1", "v6.8-rc6"])
        XCTAssertEqual(info.events.dropFirst().map(\.category), [.tailExtension, .tailExtension])
        XCTAssertEqual(try timelines.named("vfio_device_info.cap_offset").events.map(at), ["v5.10-rc1"])
        XCTAssertEqual(try timelines.named("vfio_device_info.cap_offset").events.first?.category, .tailExtension)
        XCTAssertEqual(try timelines.named("vfio_device_info.pad").events.map(at), ["v6.8-rc6"])
        let gcc = try XCTUnwrap(GCC.forTarget("x86_64"))
        for (file, size) in zip(HistoryCorpus.versions.map(\.0), [16, 20, 20, 24]) {
            XCTAssertTrue(try gcc.accepts("#include \"\(HistoryCorpus.fixture(file))\"\n_Static_assert(sizeof(struct vfio_device_info) == \(size), \"size\");\n"), file)
        }

        // The synthetic v6.8 puts a reserved field of vfio_region_info_cap_sparse_mmap to use.
        let reserved = try timelines.named("vfio_region_info_cap_sparse_mmap.reserved")
        XCTAssertEqual(reserved.events.map(at), ["v5.2-rc1", "v6.8"])
        XCTAssertEqual(reserved.events.last?.category, .reservedUsed)
        XCTAssertEqual(reserved.events.last?.severity, .compatible)
        let used = try timelines.named("vfio_region_info_cap_sparse_mmap.area_flags")
        XCTAssertEqual(used.events.map(\.kind), [.appeared])
        XCTAssertEqual(used.events.first?.category, .reservedUsed)

        let busMaster = try timelines.named("VFIO_DEVICE_FEATURE_BUS_MASTER")
        XCTAssertEqual(busMaster.events.map(at), ["v6.8-rc6", "v6.8"])
        XCTAssertEqual(busMaster.events.last?.category, .valueChanged)
    }

    func testItemSelectsARecordWithItsFieldsAndFollowsRenames() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let info = try XCTUnwrap(try corpus.run(corpus.request(item: "vfio_device_info")).document.timelines)
        XCTAssertEqual(info.map(\.name), ["vfio_device_info", "vfio_device_info.argsz", "vfio_device_info.cap_offset",
                                          "vfio_device_info.flags", "vfio_device_info.num_irqs", "vfio_device_info.num_regions",
                                          "vfio_device_info.pad"])
        // The question "which release first had VFIO_DEVICE_STATE_V1_STOP" brings the old name along.
        let v1 = try XCTUnwrap(try corpus.run(corpus.request(item: "VFIO_DEVICE_STATE_V1_STOP")).document.timelines)
        XCTAssertEqual(v1.map(\.name), ["VFIO_DEVICE_STATE_STOP", "VFIO_DEVICE_STATE_V1_STOP"])
        XCTAssertThrowsError(try corpus.run(corpus.request(item: "vfio_no_such_thing")))
    }

    func testASecondRunOverALongerRangeParsesOnlyNewBlobs() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let first = try corpus.run(corpus.request(.range(from: "v5.2-rc1", to: "v6.1")))
        XCTAssertEqual(first.statistics.newRevisions, 3)
        XCTAssertEqual(first.statistics.partsParsed, 3)
        let second = try corpus.run(corpus.request())
        XCTAssertEqual(second.statistics.revisions, 5)
        XCTAssertEqual(second.statistics.newRevisions, 2)
        XCTAssertEqual(second.statistics.partsParsed, 2, "only the blobs of v6.8-rc6 and v6.8 are new")

        // The README commit has v6.1's blob: recorded, never parsed.
        let readme = try corpus.run(corpus.request(nil, revisions: ["v6.1", "v6.1~0^{commit}", "main~1^"]))
        XCTAssertEqual(readme.statistics.newRevisions, 1)
        XCTAssertEqual(readme.statistics.partsParsed, 0)
        XCTAssertEqual(readme.statistics.partsReused, 1)

        // A new target parses that target only.
        let wider = try corpus.run(corpus.request(targets: [.x86_64, .aarch64]))
        XCTAssertEqual(wider.statistics.newRevisions, 5)
        XCTAssertEqual(wider.statistics.partsParsed, 5)
        // Same result as one uninterrupted run into a fresh database.
        let fresh = try corpus.run(corpus.request(targets: [.x86_64, .aarch64],
                                                  database: corpus.directory.appendingPathComponent("fresh.sqlite").path))
        XCTAssertEqual(wider.document, fresh.document)
    }

    func testQueriesAnswerFromTheDatabaseWithoutTheHeaderBlobs() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let before = try corpus.run(corpus.request(sinceSync: "v6.1", rcChurn: true, matrix: ["v5.2-rc1", "v6.1", "v6.8"]))
        // Delete the header's blobs from the object store: only a parse could need them.
        for blob in try corpus.headerBlobs() {
            let object = corpus.repository.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
            try FileManager.default.removeItem(at: object)
        }
        let after = try corpus.run(corpus.request(sinceSync: "v6.1", rcChurn: true, matrix: ["v5.2-rc1", "v6.1", "v6.8"]))
        XCTAssertEqual(after.statistics.partsParsed, 0)
        XCTAssertEqual(after.document, before.document)
        // The blobs really are gone: a target not recorded yet cannot be parsed.
        XCTAssertThrowsError(try corpus.run(corpus.request(targets: [.i386]))) { error in
            XCTAssertTrue("\(error)".contains("cannot be read"), "\(error)")
        }
    }

    func testSinceSyncGivesTheNetChangeAndWhenEachHappened() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let rc = try XCTUnwrap(try corpus.run(corpus.request(sinceSync: "v6.8-rc6")).document.sinceSync)
        XCTAssertEqual(rc.base.name, "v6.8-rc6")
        XCTAssertEqual(rc.end.name, "v6.8")
        XCTAssertEqual(Set(rc.changes.map { "\($0.category.rawValue) \($0.name)" }),
                       ["value-changed VFIO_DEVICE_FEATURE_BUS_MASTER", "reserved-used vfio_region_info_cap_sparse_mmap.reserved"])

        // From 6.1, BUS_MASTER is simply new (its rc churn nets out), while its timeline keeps both steps.
        let sync = try corpus.run(corpus.request(sinceSync: "v6.1"))
        let since = try XCTUnwrap(sync.document.sinceSync)
        XCTAssertNil(sync.document.timelines, "only the view asked for")
        XCTAssertEqual(since.changes.filter { $0.name == "VFIO_DEVICE_FEATURE_BUS_MASTER" }.map(\.category), [.added])
        XCTAssertEqual(try since.timelines.named("VFIO_DEVICE_FEATURE_BUS_MASTER").events.map(\.label), ["v6.8-rc6", "v6.8"])
        XCTAssertEqual(try since.timelines.named("vfio_device_info").events.map(\.label), ["v6.8-rc6"])
        XCTAssertFalse(since.timelines.contains { $0.events.contains { $0.index <= 2 } }, "nothing at or before the sync point")
    }

    func testRcChurnListsWhatChangedAfterTheCandidate() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let churn = try XCTUnwrap(try corpus.run(corpus.request(rcChurn: true)).document.rcChurn)
        XCTAssertEqual(churn.map { "\($0.candidate.name) \($0.release.name)" }, ["v6.8-rc6 v6.8"], "v5.2-rc1 and v5.10-rc1 have no release in the range")
        XCTAssertEqual(churn.first?.timelines.map(\.name), ["VFIO_DEVICE_FEATURE_BUS_MASTER", "vfio_region_info_cap_sparse_mmap.area_flags",
                                                           "vfio_region_info_cap_sparse_mmap.reserved"])
        XCTAssertEqual(HistoryViews.releaseName(ofCandidate: "v6.8-rc6"), "v6.8")
        XCTAssertNil(HistoryViews.releaseName(ofCandidate: "v6.8"))
    }

    func testMatrixJudgesEachPairWithThePolicy() throws {
        let corpus = try HistoryCorpus()
        defer { corpus.remove() }
        let tags = ["v5.2-rc1", "v5.10-rc1", "v6.8-rc6", "v6.8"]
        let strict = try XCTUnwrap(try corpus.run(corpus.request(nil, matrix: tags)).document.matrix)
        XCTAssertEqual(strict.revisions.map(\.name), tags)
        let table = try XCTUnwrap(strict.targets.first { $0.target == "x86_64" }).breaking
        XCTAssertEqual(table[0][1], 2, "vfio_device_info and vfio_iommu_type1_info grew")
        XCTAssertEqual(table[2][3], 1, "VFIO_DEVICE_FEATURE_BUS_MASTER changed value")
        XCTAssertEqual(table[1][2], table[2][1])
        XCTAssertEqual((0..<4).map { table[$0][$0] }, [0, 0, 0, 0])

        // argsz-first structs may grow at the tail: 5.2-rc1 and 5.10-rc1 become compatible.
        let policyPath = corpus.directory.appendingPathComponent("policy.yaml")
        try "extensible:\n  first-field: [argsz]\n".write(to: policyPath, atomically: true, encoding: .utf8)
        let policy = try PolicyFile.load(path: policyPath.path)
        let lenient = try XCTUnwrap(try corpus.run(corpus.request(nil, policy: policy, matrix: tags)).document.matrix)
        XCTAssertEqual(lenient.targets.first?.breaking[0][1], 0)
        XCTAssertEqual(lenient.targets.first?.breaking[2][3], 1)
    }

    /// A throw-away repository with headers under `linux-headers/linux/`, committed by `step`.
    private struct SmallRepository {
        let directory: URL

        init() throws {
            directory = try TestPaths.temporaryDirectory()
            try git(["init", "-q", "-b", "main"])
        }

        func git(_ arguments: [String]) throws {
            let result = try CommandRunner.run("git", ["-C", directory.path] + arguments,
                                               environment: ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                                                             "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }

        /// Writes the files, commits them and tags the commit.
        func step(_ tag: String, _ files: [String: String]) throws {
            for (name, text) in files {
                let url = directory.appendingPathComponent("linux-headers/linux/\(name)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", tag])
            try git(["tag", tag])
        }

        func request(_ range: String, item: String?) throws -> HistoryRequest {
            HistoryRequest(repository: directory.path, selection: try RevisionSelection.parse(range), revisions: [],
                           scope: HistoryScope(path: "linux-headers", patterns: ["linux/demo*.h"]), targets: [.x86_64],
                           database: nil, policy: .strict, item: item, sinceSync: nil, rcChurn: false,
                           matrix: [], workers: 2, progress: nil)
        }
    }

    func testIncludedSameTreeHeadersAndGlobsUnderAnyPath() throws {
        let repository = try SmallRepository()
        defer { try? FileManager.default.removeItem(at: repository.directory) }
        try repository.step("one", ["demo_types.h": "typedef unsigned int demo_word;\n",
                                    "demo.h": "#include \"demo_types.h\"\nstruct demo_args { demo_word size; };\n#define DEMO_MAGIC 1\n",
                                    "demo_extra.h": "#include <linux/demo.h>\nstruct demo_extra { struct demo_args args; };\n",
                                    "other.h": "#define OTHER 1\n"])
        try repository.step("two", ["other.h": "#define OTHER 2\n"])
        try repository.step("three", ["demo_types.h": "typedef unsigned long long demo_word;\n"])

        let outcome = try HistorySession.run(try repository.request("one..three", item: "demo_args"))
        XCTAssertEqual(outcome.document.revisions.map(\.name), ["one", "two", "three"])
        // demo.h, demo_extra.h and demo_types.h at "one"; nothing at "two"; demo.h and demo_extra.h
        // again at "three" because the header they include changed, and demo_types.h itself.
        XCTAssertEqual(outcome.statistics.partsParsed, 6)
        XCTAssertEqual(outcome.statistics.partsReused, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.directory.appendingPathComponent(".uapi-history.sqlite").path))
        let size = try XCTUnwrap(outcome.document.timelines).named("demo_args.size")
        XCTAssertEqual(size.events.map(\.label), ["one", "three"])
        XCTAssertEqual(size.events.last?.severity, .breaking)
    }

    func testAHeaderThatDoesNotParseAtARevisionIsAGapThereWithANote() throws {
        let repository = try SmallRepository()
        defer { try? FileManager.default.removeItem(at: repository.directory) }
        try repository.step("good", ["demo.h": "struct demo_args { int a; };\n"])
        try repository.step("broken", ["demo.h": "struct demo_args { int a; \n"])
        try repository.step("fixed", ["demo.h": "struct demo_args { int a; int b; };\n"])
        let document = try HistorySession.run(try repository.request("good..fixed", item: "demo_args.b")).document
        // The revision stays; the header is a gap there, compared from its last state that parsed.
        XCTAssertEqual(document.revisions.map(\.name), ["good", "broken", "fixed"])
        XCTAssertEqual(document.notes.count, 1)
        XCTAssertTrue(document.notes[0].hasPrefix("linux/demo.h left out of broken ("), document.notes[0])
        XCTAssertTrue(document.notes[0].contains("for x86_64, a gap in its timeline"), document.notes[0])
        XCTAssertEqual(try XCTUnwrap(document.timelines).named("demo_args.b").events.map(\.label), ["fixed"])
    }
}
