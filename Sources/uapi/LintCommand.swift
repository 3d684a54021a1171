import ArgumentParser
import Foundation
import UAPIKit

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check UAPI hygiene: holes, padding, 32/64-bit divergence, non-fixed-width types, old flexible arrays, ...",
        discussion: """
        Rules: \(LintRules.all.map(\.id).joined(separator: ", ")).
        Errors set exit bit 8, warnings bit 4 (see --fail-on); 2 is an input error.
        """)

    @OptionGroup var parse: ParseOptions<LintTargets>
    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("explain"), help: "Explain a rule and exit.", completion: .list(LintRules.all.map(\.id)))
    var explain: String?

    @Option(name: .customLong("known-findings"), help: ArgumentHelp(
        "An earlier 'uapi lint --format json' report: only findings it does not have are reported.",
        valueName: "report.json"), completion: .file(extensions: ["json"]))
    var knownFindings: String?

    /// The old name, which check's baseline snapshot made ambiguous.
    @Option(name: .customLong("baseline"), help: .hidden, completion: .file(extensions: ["json"]))
    var deprecatedBaseline: String?

    @Argument(help: "Headers, directories, or one snapshot JSON.", completion: .file(extensions: ["h", "json"]))
    var inputs: [String] = []

    func validate() throws {
        if knownFindings != nil, deprecatedBaseline != nil { throw ValidationError("give --known-findings once (--baseline is its old name)") }
    }

    func run() throws {
        if let explain {
            guard let rule = LintRules.named(explain) else {
                throw UAPIError.badArgument("unknown rule '\(explain)'; rules: \(LintRules.all.map(\.id).joined(separator: ", "))")
            }
            print(LintRules.explanation(of: rule), terminator: "")
            return
        }
        guard !inputs.isEmpty else { throw ValidationError("name at least one header, or --explain RULE") }
        let located = try parse.project.load()
        var settings = try parse.settings(config: located?.config)
        let progress = ProgressLine.start("parsing")
        defer { progress.finish() }
        settings.progress = progress.update
        let (snapshot, warnings, cache) = try InputSnapshot.load(inputs, settings: settings)
        progress.begin("checking the rules")
        warnings.forEach(CLIOutput.warning)
        parse.cache.report(cache)
        if deprecatedBaseline != nil { CLIOutput.warning("uapi lint: --baseline is deprecated; use --known-findings") }
        let previous = try (knownFindings ?? deprecatedBaseline).map { path -> LintReport in
            guard let data = try InputFile.read(path, maxBytes: SnapshotCoding.maxBytes),
                  let report = try? JSONDecoder().decode(LintReport.self, from: data) else {
                throw UAPIError.badSnapshot(path: path, reason: "not a 'uapi lint --format json' report")
            }
            return report
        }
        let result = LintEngine.run(snapshot, subject: inputs.joined(separator: " "), policy: try report.loadPolicy(default: located?.config.policyPath), knownFindings: previous)
        progress.finish()
        try report.emit(result.document, failOn: .compatible)
        throw ExitCode(ExitStatus.of(result.verdict, failOn: report.failOn ?? .compatible))
    }
}
