/// GitHub Actions workflow commands: one annotation per change, on the header line.
public enum GitHubReport: DiffRenderer {
    public static let identifier = "github"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        var lines: [String] = []
        for (_, changes) in report.grouped() {
            for change in changes where change.suppressedBy == nil {
                let command: String
                switch change.severity {
                case .breaking: command = "error"
                case .compatible: command = "warning"
                case .info: command = "notice"
                }
                var properties = ["file=\(property(options.pathPrefix + (change.location?.header ?? change.header)))"]
                if let line = change.location?.line, line > 0 { properties.append("line=\(line)") }
                properties.append("title=\(property("uapi \(change.category.rawValue)"))")
                lines.append("::\(command) \(properties.joined(separator: ","))::\(data(change.message + change.targetNote))")
            }
        }
        lines.append("uapi: \(report.summaryLine)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
