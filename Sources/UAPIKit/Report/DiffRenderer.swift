/// Turns a judged diff into text. Every renderer is a pure function of its input.
public protocol DiffRenderer {
    static var identifier: String { get }
    static func render(_ report: DiffReport, options: RenderOptions) -> String
}

public struct RenderOptions: Sendable {
    /// ANSI colours (text only; the CLI turns them on for a terminal).
    public var color: Bool
    /// Prepended to header names where a report names files (`include/uapi/`).
    public var pathPrefix: String

    public init(color: Bool = false, pathPrefix: String = "") {
        self.color = color
        self.pathPrefix = pathPrefix
    }
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, sarif, junit, github

    public var renderer: DiffRenderer.Type {
        switch self {
        case .text: return TextReport.self
        case .json: return JSONReport.self
        case .markdown: return MarkdownReport.self
        case .sarif: return SARIFReport.self
        case .junit: return JUnitReport.self
        case .github: return GitHubReport.self
        }
    }
}

extension DiffReport {
    /// Changes grouped by header, headers sorted, then by severity (worst first).
    func grouped() -> [(header: String, changes: [Change])] {
        let byHeader = Dictionary(grouping: changes, by: \.header)
        return byHeader.keys.sorted().map { header in
            (header, byHeader[header]!.sorted { a, b in
                let ka = (a.suppressedBy == nil ? 0 : 1, -rank(a.severity)), kb = (b.suppressedBy == nil ? 0 : 1, -rank(b.severity))
                return ka < kb
            })
        }
    }

    var summaryLine: String {
        "\(summary.breaking) breaking, \(summary.compatible) compatible, \(summary.info) info"
            + (summary.suppressed > 0 ? ", \(summary.suppressed) suppressed" : "")
            + "; version bump: \(summary.versionBump)"
    }
}

private func rank(_ severity: Severity) -> Int {
    Severity.allCases.firstIndex(of: severity)!
}

extension Change {
    /// `(i386 only)` when the change does not happen on every compared target.
    var targetNote: String {
        targetSpecific ? " (\(targets.joined(separator: ", ")) only)" : ""
    }

    var lineNote: String {
        location.map { $0.line > 0 ? "\($0.header):\($0.line)" : $0.header } ?? header
    }
}
