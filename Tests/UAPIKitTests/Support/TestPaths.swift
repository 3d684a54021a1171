import Foundation
import XCTest

/// Where the repository, its fixtures, the built `uapi` binary and `../shared` are.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    /// Real headers and schemas copied from `../shared` into the repository, so no
    /// test depends on a folder outside the clone.
    static func vendored(_ sub: String) -> URL { fixtures.appendingPathComponent(sub) }

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
