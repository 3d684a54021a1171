import Foundation
import XCTest
@testable import UAPIHistory
@testable import UAPIModel
@testable import UAPIPolicy

/// The vfio.h corpus as a git repository (scripts/make-history-corpus.sh), and
/// `uapi history` runs over it through the library.
struct HistoryCorpus {
    let directory: URL
    var repository: URL { directory.appendingPathComponent("repo") }
    var database: String { directory.appendingPathComponent("history.sqlite").path }
    /// The fixture files, oldest first, with the tag each is committed under.
    static let versions = [("2019-05-16_d9cb433615.h", "v5.2-rc1"), ("2020-10-26_53ba2eee52.h", "v5.10-rc1"),
                           ("2023-02-07_93e0932b7b.h", "v6.1"), ("2024-03-04_6a02465f91.h", "v6.8-rc6")]
    static let tags = versions.map(\.1) + ["v6.8"]

    init() throws {
        directory = try TestPaths.temporaryDirectory()
        let script = TestPaths.repository.appendingPathComponent("scripts/make-history-corpus.sh").path
        let made = try CommandRunner.run("bash", [script, repository.path])
        guard made.status == 0 else { throw XCTSkip("cannot build the corpus repository: \(made.stderr)") }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func fixture(_ name: String) -> String {
        TestPaths.fixtures.appendingPathComponent("corpus/vfio/\(name)").path
    }

    func request(_ selection: RevisionSelection? = .range(from: "v5.2-rc1", to: "v6.8"), revisions: [String] = [],
                 targets: [Target] = [.x86_64], database: String? = nil, policy: Policy = .strict, item: String? = nil,
                 sinceSync: String? = nil, rcChurn: Bool = false, matrix: [String] = []) -> HistoryRequest {
        HistoryRequest(repository: repository.path, selection: selection, revisions: revisions,
                       scope: HistoryScope(path: "include/uapi", patterns: ["linux/vfio.h"]), targets: targets,
                       database: database ?? self.database, policy: policy, item: item, sinceSync: sinceSync,
                       rcChurn: rcChurn, matrix: matrix, workers: Concurrency.defaultWorkers, progress: nil)
    }

    func run(_ request: HistoryRequest) throws -> HistorySession.Outcome {
        try HistorySession.run(request)
    }

    /// The blob ids of the followed header at every revision, from git.
    func headerBlobs() throws -> [String] {
        try Self.tags.map { tag in
            try CommandRunner.run("git", ["-C", repository.path, "rev-parse", "\(tag):include/uapi/linux/vfio.h"])
                .stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

extension Array where Element == DefinitionTimeline {
    func named(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> DefinitionTimeline {
        try XCTUnwrap(first { $0.name == name }, "no timeline for \(name)", file: file, line: line)
    }
}
