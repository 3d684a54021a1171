import Foundation
import XCTest

/// Where the repository, its fixtures, the built `uapi` binary and `../shared` are.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    /// `../shared` beside the project, when present.
    static var shared: URL? {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func requireShared(_ sub: String) throws -> URL {
        guard let shared, FileManager.default.fileExists(atPath: shared.appendingPathComponent(sub).path) else {
            let message = "SKIPPED: ../shared/\(sub) is absent; this test needs the shared test data"
            print(message)
            throw XCTSkip(message)
        }
        return shared.appendingPathComponent(sub)
    }

    /// The `uapi` executable built beside the test bundle.
    static var uapiBinary: URL {
        var url = Bundle(for: BundleMarker.self).bundleURL
        while url.pathExtension == "xctest" || url.lastPathComponent == "Contents" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("uapi")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private final class BundleMarker {}
