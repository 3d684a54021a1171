import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// JUnit XML: one test case per header; a header with unsuppressed items of the
/// worst severity (breaking changes, lint errors) fails.
public enum JUnitReport: ReportRenderer {
    public static let identifier = "junit"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        let byHeader = Dictionary(grouping: document.items.filter { $0.suppressedBy == nil }, by: \.header)
        let failing = document.headers.filter { byHeader[$0]?.contains { $0.severity == .breaking } == true }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"uapi\" tests=\"\(document.headers.count)\" failures=\"\(failing.count)\">",
                     "  <testsuite name=\"\(xml(document.title))\" tests=\"\(document.headers.count)\" failures=\"\(failing.count)\" errors=\"0\" skipped=\"0\">"]
        for header in document.headers {
            let items = byHeader[header] ?? []
            lines.append("    <testcase classname=\"uapi.abi\" name=\"\(xml(options.pathPrefix + header))\">")
            let worst = items.filter { $0.severity == .breaking }
            if !worst.isEmpty {
                let body = worst.map { "\($0.ruleId): \($0.message)\($0.targetNote)" }.joined(separator: "\n")
                let word = document.word(.breaking)
                lines.append("      <failure type=\"\(word)\" message=\"\(worst.count) \(word)\(worst.count == 1 ? "" : "s")\">\(xml(body))</failure>")
            }
            let other = items.filter { $0.severity != .breaking }
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
