import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// GitHub Actions workflow commands: one annotation per item, on the header line.
public enum GitHubReport: ReportRenderer {
    public static let identifier = "github"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        var lines: [String] = []
        for (_, items) in document.grouped() {
            for item in items where item.suppressedBy == nil {
                let command: String
                switch item.severity {
                case .breaking: command = "error"
                case .compatible: command = "warning"
                case .info: command = "notice"
                }
                var properties = ["file=\(property(options.pathPrefix + (item.location?.header ?? item.header)))"]
                // A line of the old version means nothing in the new file: annotate the file.
                if let line = item.location?.line, line > 0, !item.locationIsOld { properties.append("line=\(line)") }
                properties.append("title=\(property("uapi \(item.ruleId)"))")
                lines.append("::\(command) \(properties.joined(separator: ","))::\(data(item.message + item.targetNote))")
            }
        }
        lines.append("uapi: \(document.summaryLine)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
