import Foundation
import XCTest

/// Compares output with a committed expectation; `UAPI_RECORD=1` re-records it.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["UAPI_RECORD"] == "1" }

    static func check(_ actual: String, against file: URL, file sourceFile: StaticString = #filePath, line: UInt = #line) throws {
        if recording {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            XCTFail("missing expectation \(file.path); record it with UAPI_RECORD=1 make test", file: sourceFile, line: line)
            return
        }
        if expected != actual {
            let diff = firstDifference(expected, actual)
            XCTFail("\(file.path) differs at line \(diff.line):\n  expected: \(diff.expected)\n  actual:   \(diff.actual)\nre-record with UAPI_RECORD=1 make test if the change is intended",
                    file: sourceFile, line: line)
        }
    }

    private static func firstDifference(_ a: String, _ b: String) -> (line: Int, expected: String, actual: String) {
        let left = a.components(separatedBy: "\n"), right = b.components(separatedBy: "\n")
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : "<end>", r = i < right.count ? right[i] : "<end>"
            if l != r { return (i + 1, l, r) }
        }
        return (0, "", "")
    }
}
