import ArgumentParser
import Foundation
import UAPIKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The CI gate: snapshot the configured headers and compare them with the committed baseline.",
        discussion: """
        Reads the project's uapi.yaml (here, in headers/, or in the nearest parent up to the repository
        root; or --config): include roots, targets, defines, headers, baseline and policy.
        Fails (exit 8) on breaking changes; --fail-on compatible also fails on additions (exit 4).

        \(ExitStatus.help)
        """)

    @Option(name: .customLong("config"), help: "The project config (default: uapi.yaml or headers/uapi.yaml here, else in the nearest parent up to the repository root).", completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    @Option(name: .customLong("against"), help: ArgumentHelp(
        "Compare with the same headers at this git revision (a pull request's target branch, e.g. origin/main) instead of the baseline file.",
        valueName: "revision"))
    var against: String?

    @Flag(name: .customLong("update-baseline"), help: "Accept the current state: rewrite the baseline and exit 0.")
    var updateBaseline = false

    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Worker threads (default: one per core).", transform: ArgumentChecks.jobs)
    var jobs: Int?

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if against != nil, updateBaseline { throw ValidationError("give --against or --update-baseline, not both") }
    }

    func run() throws {
        let path = try configPath()
        let project = try ProjectConfig.load(path: path)
        project.notes.forEach(CLIOutput.warning)
        if let against { return try runAgainst(revision: against, path: path, project: project) }
        guard let baselinePath = project.baselinePath else {
            throw UAPIError.badConfig(path: path, line: nil, reason: "no 'baseline:' set; name the snapshot file to compare against")
        }
        let progress = ProgressLine.start("parsing")
        defer { progress.finish() }
        let built = try currentSnapshot(project, progress: progress)
        cache.report(built.cache)
        let current = built.snapshot

        let policy = try report.loadPolicy(default: project.policyPath)
        if updateBaseline {
            let previous = try? SnapshotCoding.read(path: baselinePath)
            try AtomicFile.write(try SnapshotCoding.encode(current), to: baselinePath)
            if let previous, let accepted = try? Comparison.compare(old: previous, new: current, policy: policy,
                                                                     oldLabel: "baseline", newLabel: "current headers") {
                let count = accepted.changes.count
                CLIOutput.warning("baseline \(baselinePath) updated: \(count) change\(count == 1 ? "" : "s") accepted (\(accepted.summaryLine))")
            } else {
                CLIOutput.warning("baseline \(baselinePath) written")
            }
            return
        }
        guard FileManager.default.fileExists(atPath: baselinePath) else {
            throw UAPIError.badSnapshot(path: baselinePath, reason: "no baseline yet; create it with 'uapi check --update-baseline'")
        }
        progress.begin("comparing with the baseline")
        let baseline = try SnapshotCoding.read(path: baselinePath)
        let judged = try Comparison.compare(old: baseline, new: current, policy: policy,
                                            oldLabel: "baseline", newLabel: "current headers")
        progress.finish()
        let status = try report.emit(judged, command: "check", failOn: .breaking, old: baseline, new: current)
        ExitWithoutFreeing.exit(status, keeping: baseline, built, judged)
    }

    /// `--against REV`: the configured headers at the revision are the baseline.
    private func runAgainst(revision: String, path: String, project: ProjectConfig) throws {
        let progress = ProgressLine.start("parsing \(revision)")
        defer { progress.finish() }
        var against = RevisionBaseline(configPath: HeaderResolver.absolute(path), revision: revision)
        against.jobs = jobs
        against.limits = limitOptions.limits
        against.cache = cache.cache()
        let baseline = try against.snapshot(progress: progress.update)
        baseline.notes.forEach(CLIOutput.warning)
        progress.begin("parsing the working tree")
        let built = try currentSnapshot(project, progress: progress, alreadySaid: Set(baseline.notes))
        cache.report(built.cache.map { $0 + (baseline.cache ?? CacheStatistics()) })
        progress.begin("comparing with \(revision)")
        let policy = try report.loadPolicy(default: project.policyPath)
        let judged = try Comparison.compare(old: baseline.snapshot, new: built.snapshot, policy: policy,
                                            oldLabel: revision, newLabel: "working tree")
        progress.finish()
        let status = try report.emit(judged, command: "check", failOn: .breaking, old: baseline.snapshot, new: built.snapshot)
        ExitWithoutFreeing.exit(status, keeping: baseline.snapshot, built, judged)
    }

    /// The configured headers as they are now, each read with the tree it is in.
    private func currentSnapshot(_ project: ProjectConfig, progress: ProgressLine, alreadySaid: Set<String> = []) throws -> SnapshotBuilder.Result {
        var (request, notes) = try ConfigSnapshot.request(project, targetsOverride: nil, jobs: jobs)
        request.limits = limitOptions.limits
        notes.filter { !alreadySaid.contains($0) }.forEach(CLIOutput.warning)
        request.cache = cache.cache()
        let built = try SnapshotBuilder(request: request).build(progress: progress.update)
        built.warnings.filter { !alreadySaid.contains($0) }.forEach(CLIOutput.warning)
        return built
    }

    private func configPath() throws -> String {
        try config ?? ConfigDiscovery.require()
    }
}
