/// JUnit XML: one test case per header; a header with unsuppressed breaking changes fails.
public enum JUnitReport: DiffRenderer {
    public static let identifier = "junit"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        let byHeader = Dictionary(grouping: report.changes.filter { $0.suppressedBy == nil }, by: \.header)
        let failing = report.headers.filter { byHeader[$0]?.contains { $0.severity == .breaking } == true }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"uapi\" tests=\"\(report.headers.count)\" failures=\"\(failing.count)\">",
                     "  <testsuite name=\"uapi ABI: \(xml(report.old)) -> \(xml(report.new))\" tests=\"\(report.headers.count)\" failures=\"\(failing.count)\" errors=\"0\" skipped=\"0\">"]
        for header in report.headers {
            let changes = byHeader[header] ?? []
            lines.append("    <testcase classname=\"uapi.abi\" name=\"\(xml(options.pathPrefix + header))\">")
            let breaking = changes.filter { $0.severity == .breaking }
            if !breaking.isEmpty {
                let body = breaking.map { "\($0.category.rawValue): \($0.message)\($0.targetNote)" }.joined(separator: "\n")
                lines.append("      <failure type=\"breaking\" message=\"\(breaking.count) breaking change\(breaking.count == 1 ? "" : "s")\">\(xml(body))</failure>")
            }
            let other = changes.filter { $0.severity != .breaking }
            if !other.isEmpty {
                let body = other.map { "\($0.severity.rawValue) \($0.category.rawValue): \($0.message)\($0.targetNote)" }.joined(separator: "\n")
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
