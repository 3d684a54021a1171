import ArgumentParser
import Foundation
import UAPIKit

extension RewriteMode: ExpressibleByArgument {}

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Copy headers from a kernel tree (or a revision of one, or an installed tree) into a project, proving what changed.",
        discussion: """
        uapi sync --from ~/linux --to linux-headers linux/vfio.h 'linux/vfio_*.h' asm-x86/kvm.h --dry-run
        uapi sync --from ~/linux@v6.8 --to linux-headers linux/vfio.h
        A breaking ABI change stops the sync (exit 8, nothing written) unless --allow-breaking --reason is given;
        --fail-on compatible stops it on compatible changes too (exit 4).
        The new tree is staged beside --to and swapped in: a failure or Ctrl-C leaves the old tree as it was.
        The commit message is printed on standard output; the ABI report on standard error (or -o).
        Without --to and headers, the groups under 'sync:' in the project's uapi.yaml are synced;
        its policy and targets apply either way (see --config).
        """)

    @Option(name: .customLong("from"), help: "A kernel source tree, TREE@REVISION, or an installed header tree.", completion: .directory)
    var from: String

    @Option(name: .customLong("to"), help: "The project's header directory.", completion: .directory)
    var to: String?

    @Option(name: .customLong("rewrite"), help: "verbatim (as headers_install leaves them) or portable (uint32_t & co.).")
    var rewrite: RewriteMode = .verbatim

    @Option(name: .customLong("packed-macro"), help: "With --rewrite portable: what __attribute__((packed)) becomes (e.g. QEMU_PACKED).")
    var packedMacro: String?

    @Option(name: .customLong("allow-include"), help: ArgumentHelp("An #include allowed in the result (a glob, repeatable); without any, all are allowed.", valueName: "glob"))
    var allowedIncludes: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show the plan, the ABI report and the commit message; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("allow-breaking"), help: "Sync even with breaking ABI changes (needs --reason).")
    var allowBreaking = false

    @Option(name: .customLong("reason"), help: "Why breaking changes are accepted (kept in the sync record).")
    var reason: String?

    @Option(name: .customLong("target"), help: ArgumentHelp(
        "Targets for the layout proofs and the ABI gate, comma-separated (default: the project config's, else x86_64,i386).",
        valueName: "list"), completion: .list(Target.all.map(\.name)))
    var targets: String?

    @Option(name: [.customShort("I"), .customLong("include")], help: "Extra include roots for parsing the headers.", completion: .directory)
    var includeDirectories: [String] = []

    @Flag(name: .customLong("kernel-types"), help: "The headers use kernel-internal types (driver headers).")
    var kernelTypes = false

    @OptionGroup var report: ReportOptions

    @OptionGroup var project: ConfigOptions

    @Argument(help: "Header names or globs (linux/vfio.h, linux/vfio_*.h, asm-x86/kvm.h).")
    var headers: [String] = []

    func validate() throws {
        if allowBreaking, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--allow-breaking needs --reason \"...\"")
        }
        if report.failOn == .never {
            throw ValidationError("--fail-on never does not apply to sync: accept breaking changes with --allow-breaking --reason \"...\"")
        }
        if reason != nil, !allowBreaking {
            throw ValidationError("--reason goes with --allow-breaking (it records why breaking changes were accepted); add --allow-breaking or drop --reason")
        }
        if packedMacro != nil, rewrite != .portable { throw ValidationError("--packed-macro goes with --rewrite portable") }
        if headers.isEmpty != (to == nil) { throw ValidationError("name --to and the headers together (or neither, to sync the groups of uapi.yaml)") }
    }

    func run() throws {
        let commandLine = to.flatMap { to in
            headers.isEmpty ? nil : SyncGroup(to: to, headers: headers, rewrite: rewrite, packedMacro: packedMacro, allowedIncludes: allowedIncludes)
        }
        let located = try project.load()
        // A found config's groups are synced only when the command line names none; a named one's always.
        let configGroups = located.flatMap { commandLine == nil || !$0.discovered ? $0 : nil }
        let checkerTargets = try targets.map { try Target.parseList([$0]) } ?? located?.config.targetList() ?? [.x86_64, .i386]
        let session = SyncSession(
            source: try SyncSource.parse(from), groups: try SyncSession.groups(config: configGroups, commandLine: commandLine),
            checker: SyncChecker(targets: checkerTargets, includeDirectories: includeDirectories, kernelTypes: kernelTypes),
            policy: try report.loadPolicy(default: located?.config.policyPath), acceptedBreaking: allowBreaking ? reason : nil)
        let progress = ProgressLine.start("reading, rewriting and comparing the headers")
        let prepared = try session.prepare()
        progress.finish()
        // One report for all groups on standard error: the commit message owns standard output.
        try report.emit(prepared.report.document(command: "sync"), failOn: .breaking, onStandardError: true)
        for (destination, plan) in prepared.plans { CLIOutput.warning("plan for \(destination):\n\(plan.summary)") }
        try refuseIfTheVerdictSaysSo(prepared.report.verdict)
        if !dryRun {
            SyncInterrupt.install()
            try prepared.apply { CLIOutput.warning("\($0) is up to date; nothing written") }
        }
        print(prepared.commitMessage, terminator: "")
    }

    /// Breaking changes stop a sync unless accepted; compatible ones too under --fail-on compatible.
    private func refuseIfTheVerdictSaysSo(_ verdict: Verdict) throws {
        let threshold = report.failOn ?? .breaking
        let stopsOnBreaking = verdict.hasBreaking && !allowBreaking
        let stopsOnCompatible = threshold == .compatible && verdict.hasCompatible
        guard stopsOnBreaking || stopsOnCompatible else { return }
        let plural: (Int) -> String = { $0 == 1 ? "" : "s" }
        var reasons: [String] = []
        if stopsOnBreaking { reasons.append("\(verdict.breaking) breaking ABI change\(plural(verdict.breaking))") }
        if stopsOnCompatible { reasons.append("\(verdict.compatible) compatible ABI change\(plural(verdict.compatible)) (--fail-on compatible)") }
        CLIOutput.error("refused: \(reasons.joined(separator: " and ")); nothing written. Review the report"
                        + (stopsOnBreaking ? "; to accept, re-run with --allow-breaking --reason \"...\"" : ""))
        throw ExitCode(ExitStatus.of(verdict, failOn: threshold))
    }
}
