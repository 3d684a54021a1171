import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// Turns a report document into text. Every renderer is a pure function of its input.
public protocol ReportRenderer {
    static var identifier: String { get }
    static func render(_ document: ReportDocument, options: RenderOptions) -> String
}

public struct RenderOptions: Sendable {
    /// ANSI colours (text only; the CLI turns them on for a terminal).
    public var color: Bool
    /// Prepended to header names where a report names files (`include/uapi/`).
    public var pathPrefix: String
    /// The severities that fail the run (from --fail-on): JUnit fails a header's test case on them.
    public var failingSeverities: Set<Severity>
    /// How long the run took, for formats that record it (JUnit's `time`).
    public var elapsedSeconds: Double?
    /// Where docs/changes.md is published, for SARIF's per-rule `helpUri` (`https://.../docs/changes.md`).
    public var helpURI: String?

    public init(color: Bool = false, pathPrefix: String = "", failingSeverities: Set<Severity> = [.breaking],
                elapsedSeconds: Double? = nil, helpURI: String? = nil) {
        self.color = color
        self.pathPrefix = pathPrefix
        self.failingSeverities = failingSeverities
        self.elapsedSeconds = elapsedSeconds
        self.helpURI = helpURI
    }
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, sarif, junit, github, html

    public var renderer: ReportRenderer.Type {
        switch self {
        case .text: return TextReport.self
        case .json: return JSONReport.self
        case .markdown: return MarkdownReport.self
        case .sarif: return SARIFReport.self
        case .junit: return JUnitReport.self
        case .github: return GitHubReport.self
        case .html: return HTMLReport.self
        }
    }
}
