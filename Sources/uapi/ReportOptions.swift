import ArgumentParser
import Foundation
import UAPIKit

extension ReportFormat: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case compatible, breaking, never

    var failingSeverities: Set<Severity> {
        switch self {
        case .compatible: return [.compatible, .breaking]
        case .breaking: return [.breaking]
        case .never: return []
        }
    }
}

/// Options shared by `diff` and `check`: how to judge and how to print.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "text, json, markdown, sarif, junit, github or html (one self-contained page; for diff and check with layout diagrams).")
    var format: ReportFormat = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the report to a file (default: standard output; for sync, standard error, which the commit message leaves free).", completion: .file())
    var output: String?

    @Option(name: .customLong("policy"), help: "A policy file: severities, experimental names, extensible structs, sentinels, suppressions.", completion: .file(extensions: ["yaml", "yml"]))
    var policy: String?

    @Option(name: .customLong("fail-on"), help: "Which changes set the exit status: compatible (4 and 8), breaking (8 only) or never. Default: compatible for diff and lint, breaking for check and sync.")
    var failOn: FailOn?

    @Option(name: .customLong("path-prefix"), help: "Prepended to header names in SARIF, GitHub, JUnit, Markdown and HTML output (e.g. include/uapi/).")
    var pathPrefix: String = ""

    @Option(name: .customLong("help-uri"), help: "Where docs/changes.md is published: SARIF links each rule to URL#rule.")
    var helpURI: String?

    @Flag(name: .customLong("no-color"), help: "No colours, even on a terminal.")
    var noColor = false

    /// --policy, else `fallback` (the project config's policy), else the strict default.
    func loadPolicy(default fallback: String? = nil) throws -> Policy {
        guard let path = policy ?? fallback else { return .strict }
        return try PolicyFile.load(path: path)
    }

    /// Prints the report and returns the exit status it calls for; `fallback` is the
    /// command's own --fail-on default. The HTML report draws the changed records'
    /// layouts, so it takes them from both snapshots.
    func emit(_ report: DiffReport, command: String, failOn fallback: FailOn, old: Snapshot, new: Snapshot) throws -> Int32 {
        let document = format == .html ? report.document(command: command, old: old, new: new) : report.document(command: command)
        try emit(document, failOn: fallback)
        return ExitStatus.of(report.verdict, failOn: failOn ?? fallback)
    }

    /// Writes to -o, else to standard output (standard error when that carries something else, as for sync).
    /// `fallback` is the command's --fail-on default, which decides what a JUnit test case fails on.
    func emit(_ document: ReportDocument, failOn fallback: FailOn, onStandardError: Bool = false) throws {
        let terminal = onStandardError ? CLIOutput.stderrIsTerminal : CLIOutput.stdoutIsTerminal
        let color = format == .text && output == nil && terminal && !noColor
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let options = RenderOptions(color: color, pathPrefix: pathPrefix, failingSeverities: (failOn ?? fallback).failingSeverities,
                                    elapsedSeconds: CLIOutput.elapsedSeconds, helpURI: helpURI)
        let text = format.renderer.render(document, options: options)
        if output == nil, onStandardError {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            try CLIOutput.emit(Data(text.utf8), to: output)
        }
    }
}

extension ExitStatus {
    /// The one place a verdict becomes an exit status: 4 for compatible changes (lint
    /// warnings), 8 for breaking ones (lint errors), both bits when both; --fail-on narrows it.
    static func of(_ verdict: Verdict, failOn: FailOn) -> Int32 {
        switch failOn {
        case .never: return ok
        case .breaking: return verdict.hasBreaking ? breaking : ok
        case .compatible: return (verdict.hasCompatible ? compatible : 0) | (verdict.hasBreaking ? breaking : 0)
        }
    }
}
