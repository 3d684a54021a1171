import ArgumentParser
import Foundation
import UAPIKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The CI gate: snapshot the configured headers and compare them with the committed baseline.",
        discussion: """
        Reads uapi.yaml (or headers/uapi.yaml): include roots, targets, headers, baseline and policy.

        \(ExitStatus.help)
        """)

    @Option(name: .customLong("config"), help: "The project config (default: ./uapi.yaml, else ./headers/uapi.yaml).")
    var config: String?

    @Flag(name: .customLong("update-baseline"), help: "Accept the current state: rewrite the baseline and exit 0.")
    var updateBaseline = false

    @Option(name: .customLong("jobs"), help: "Worker threads (default: one per core).")
    var jobs: Int?

    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let path = try configPath()
        let project = try ProjectConfig.load(path: path)
        guard let baselinePath = project.baselinePath else {
            throw UAPIError.badConfig(path: path, line: nil, reason: "no 'baseline:' set; name the snapshot file to compare against")
        }
        var (request, notes) = try ConfigSnapshot.request(project, targetsOverride: nil, jobs: jobs)
        request.limits = limitOptions.limits
        notes.forEach(CLIOutput.warning)
        let built = try SnapshotBuilder(request: request).build()
        built.warnings.forEach(CLIOutput.warning)
        let current = built.snapshot

        if updateBaseline {
            let previous = try? SnapshotCoding.read(path: baselinePath)
            try AtomicFile.write(try SnapshotCoding.encode(current), to: baselinePath)
            if let previous {
                let result = SnapshotDiffer().diff(old: previous, new: current)
                CLIOutput.warning("baseline \(baselinePath) updated: \(result.changes.count) change\(result.changes.count == 1 ? "" : "s") accepted")
            } else {
                CLIOutput.warning("baseline \(baselinePath) written")
            }
            return
        }
        guard FileManager.default.fileExists(atPath: baselinePath) else {
            throw UAPIError.badSnapshot(path: baselinePath, reason: "no baseline yet; create it with 'uapi check --update-baseline'")
        }
        let baseline = try SnapshotCoding.read(path: baselinePath)
        let policy = try report.loadPolicy(default: project.policyPath)
        let result = SnapshotDiffer(sentinels: policy.sentinels).diff(old: baseline, new: current)
        let judged = PolicyJudge.judge(result, policy: policy, old: baseline, new: current,
                                       oldLabel: "baseline", newLabel: "current headers")
        throw ExitCode(try report.emit(judged))
    }

    private func configPath() throws -> String {
        if let config { return config }
        for candidate in ["uapi.yaml", "headers/uapi.yaml"] where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        throw UAPIError.badConfig(path: "uapi.yaml", line: nil, reason: "no config found (looked for ./uapi.yaml and ./headers/uapi.yaml); pass --config")
    }
}
