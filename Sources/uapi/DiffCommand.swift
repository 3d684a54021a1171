import ArgumentParser
import Foundation
import UAPIKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a header set and say what changed and how bad it is.",
        discussion: """
        Each side is a header, a directory of headers, a snapshot JSON or git:REVISION:PATH
        (read from git objects of the repository in the working directory). The sides may mix kinds.

        \(ExitStatus.help)
        """)

    @OptionGroup var parse: ParseOptions
    @OptionGroup var report: ReportOptions

    @Argument(help: "The old side.") var old: String
    @Argument(help: "The new side.") var new: String

    func run() throws {
        var loader = SideLoader(includeDirectories: parse.includeDirectories,
                                targets: try parse.explicitTargets(),
                                kernelTypes: parse.kernelTypes, defines: parse.defines,
                                workers: parse.jobs ?? Concurrency.defaultWorkers,
                                repository: FileManager.default.currentDirectoryPath)
        loader.limits = parse.limitOptions.limits
        let policy = try report.loadPolicy()
        let (before, after, warnings) = try loader.load(try DiffSide.parse(old), try DiffSide.parse(new))
        warnings.forEach(CLIOutput.warning)
        let result = SnapshotDiffer(sentinels: policy.sentinels).diff(old: before, new: after)
        let judged = PolicyJudge.judge(result, policy: policy, old: before, new: after, oldLabel: old, newLabel: new)
        throw ExitCode(try report.emit(judged))
    }
}
