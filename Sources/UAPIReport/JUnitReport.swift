import Foundation
import UAPIModel

/// JUnit XML: one test case per header; a header fails on unsuppressed items of a
/// severity that fails the run (--fail-on), and lists the others in system-out.
public enum JUnitReport: ReportRenderer {
    public static let identifier = "junit"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let byHeader = Dictionary(grouping: document.items.filter { $0.suppressedBy == nil }, by: \.header)
        let failing = document.headers.filter { byHeader[$0]?.contains { options.failingSeverities.contains($0.severity) } == true }
        let time = options.elapsedSeconds.map { " time=\"\(String(format: "%.3f", $0))\"" } ?? ""
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"uapi\" tests=\"\(document.headers.count)\" failures=\"\(failing.count)\"\(time)>",
                     "  <testsuite name=\"\(xml(document.title))\" tests=\"\(document.headers.count)\" failures=\"\(failing.count)\" errors=\"0\" skipped=\"0\"\(time)>"]
        for header in document.headers {
            let items = byHeader[header] ?? []
            lines.append("    <testcase classname=\"uapi.abi\" name=\"\(xml(options.pathPrefix + header))\">")
            let fails = items.filter { options.failingSeverities.contains($0.severity) }
            if !fails.isEmpty {
                let body = fails.map { "\(document.word($0.severity)) \($0.ruleId): \($0.message)\($0.targetNote)" }.joined(separator: "\n")
                let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                    let count = fails.filter { $0.severity == severity }.count
                    return count > 0 ? document.phrase(count, severity) : nil
                }
                lines.append("      <failure type=\"\(document.word(fails.map(\.severity).max()!))\" message=\"\(counts.joined(separator: ", "))\">\(xml(body))</failure>")
            }
            let other = items.filter { !options.failingSeverities.contains($0.severity) }
            if !other.isEmpty {
                let body = other.map { "\(document.word($0.severity)) \($0.ruleId): \($0.message)\($0.targetNote)" }.joined(separator: "\n")
                lines.append("      <system-out>\(xml(body))</system-out>")
            }
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
