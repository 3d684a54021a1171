import Foundation
import XCTest
@testable import UAPIExtract

/// The byte-level test of a clean path against the string-splitting one it replaced.
final class HeaderNamerTests: XCTestCase {
    private func oracle(_ path: String) -> Bool {
        path.hasPrefix("/") && (!path.utf8.contains(UInt8(ascii: ".")) || !(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().contains { $0 == "." || $0 == ".." || $0.isEmpty }))
    }

    func testCleanPathsAreTheOraclesCleanPaths() {
        let paths = ["/usr/include/linux/vfio.h", "/usr/include/./linux/vfio.h", "/usr/include/../include/linux/x.h", "/usr//include/x.h",
                     "//usr/include", "/usr/include/", "/usr/include/.", "/usr/include/..", "/", "", "linux/vfio.h", "./x.h",
                     "/a/.hidden/x.h", "/a/.../x.h", "/a/..b/x.h", "/a/b../x.h", "/ä/ö.h", "/a//b", "/a/b.", "/.h"]
        for path in paths {
            XCTAssertEqual(HeaderNamer.isClean(path), oracle(path), path)
        }
        for name in FileManager.default.enumerator(atPath: "/usr/include/linux")?.allObjects as? [String] ?? [] {
            XCTAssertTrue(HeaderNamer.isClean("/usr/include/linux/\(name)"), name)
        }
    }
}
