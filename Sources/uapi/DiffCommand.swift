import ArgumentParser
import Foundation
import UAPIKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a header set and say what changed and how bad it is.",
        discussion: """
        Each side is a header, a directory of headers, a snapshot JSON or git:REVISION:PATH (read from git objects of the repository in the working directory). The sides may mix kinds.

        Each side is parsed with the header tree it is in: an installed tree (X/linux/vfio.h with X/asm-generic), a kernel source tree, a QEMU tree, a project's vendored copy, or at a git revision that revision's own tree. Only the C library comes from the build machine. --sysroot names one tree for both sides; --old-sysroot and --new-sysroot name each side's.

        \(ExitStatus.help)
        """)

    @OptionGroup var parse: ParseOptions<DiffTargets>
    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("old-sysroot"), help: ArgumentHelp(
        "The old side's header tree, instead of the one it is found in (or --sysroot).", valueName: "dir"), completion: .directory)
    var oldSysroot: String?

    @Option(name: .customLong("new-sysroot"), help: ArgumentHelp(
        "The new side's header tree, instead of the one it is found in (or --sysroot).", valueName: "dir"), completion: .directory)
    var newSysroot: String?

    @Argument(help: "The old side.", completion: .file(extensions: ["h", "json"])) var old: String
    @Argument(help: "The new side.", completion: .file(extensions: ["h", "json"])) var new: String

    func run() throws {
        var loader = SideLoader(includeDirectories: parse.includeDirectories,
                                targets: try parse.explicitTargets(),
                                kernelTypes: parse.kernelTypes, defines: parse.defines,
                                workers: parse.jobs ?? Concurrency.defaultWorkers,
                                repository: FileManager.default.currentDirectoryPath)
        loader.tree = try parse.explicitTree()
        loader.oldTree = try oldSysroot.map { try HeaderTree.open($0, option: "--old-sysroot") }
        loader.newTree = try newSysroot.map { try HeaderTree.open($0, option: "--new-sysroot") }
        loader.preludes = parse.preludes
        loader.limits = parse.limitOptions.limits
        loader.cache = parse.cache.cache()
        let located = try parse.project.load()
        if let located { try loader.complete(from: located.config) }
        let policy = try report.loadPolicy(default: located?.config.policyPath)
        let progress = ProgressLine.start("reading both sides")
        defer { progress.finish() }
        loader.progress = progress.update
        let (before, after, warnings, cache) = try loader.load(try DiffSide.parse(old), try DiffSide.parse(new))
        warnings.forEach(CLIOutput.warning)
        parse.cache.report(cache)
        progress.begin("comparing")
        let judged = try Comparison.compare(old: before, new: after, policy: policy, oldLabel: old, newLabel: new)
        progress.finish()
        let status = try report.emit(judged, command: "diff", failOn: .compatible, old: before, new: after)
        ExitWithoutFreeing.exit(status, keeping: before, after, judged)
    }
}
