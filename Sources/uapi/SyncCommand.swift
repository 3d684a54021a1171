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
        A breaking ABI change stops the sync (exit 8, nothing written) unless --allow-breaking --reason is given.
        The new tree is staged beside --to and swapped in: a failure or Ctrl-C leaves the old tree as it was.
        The commit message is printed on standard output; the ABI report on standard error (or -o).
        """)

    @Option(name: .customLong("from"), help: "A kernel source tree, TREE@REVISION, or an installed header tree.")
    var from: String

    @Option(name: .customLong("to"), help: "The project's header directory.")
    var to: String

    @Option(name: .customLong("rewrite"), help: "verbatim (as headers_install leaves them) or portable (uint32_t & co.).")
    var rewrite: RewriteMode = .verbatim

    @Option(name: .customLong("packed-macro"), help: "With --rewrite portable: what __attribute__((packed)) becomes (e.g. QEMU_PACKED).")
    var packedMacro: String?

    @Option(name: .customLong("allow-include"), help: "An #include allowed in the result (a glob, repeatable); without any, all are allowed.")
    var allowedIncludes: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Show the plan, the ABI report and the commit message; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("allow-breaking"), help: "Sync even with breaking ABI changes (needs --reason).")
    var allowBreaking = false

    @Option(name: .customLong("reason"), help: "Why breaking changes are accepted (kept in the sync record).")
    var reason: String?

    @Option(name: .customLong("target"), help: "Targets for the layout proofs and the ABI gate.")
    var targets: String = "x86_64,i386"

    @Option(name: [.customShort("I"), .customLong("include")], help: "Extra include roots for parsing the headers.")
    var includeDirectories: [String] = []

    @Flag(name: .customLong("kernel-types"), help: "The headers use kernel-internal types (driver headers).")
    var kernelTypes = false

    @OptionGroup var report: ReportOptions

    @Argument(help: "Header names or globs (linux/vfio.h, linux/vfio_*.h, asm-x86/kvm.h).")
    var headers: [String]

    func validate() throws {
        if allowBreaking, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--allow-breaking needs --reason \"...\"")
        }
        if packedMacro != nil, rewrite != .portable { throw ValidationError("--packed-macro goes with --rewrite portable") }
    }

    func run() throws {
        let source = try SyncSource.parse(from)
        let targetList = try targets.split(separator: ",").map { name -> Target in
            guard let target = Target.named(String(name)) else { throw UAPIError.unknownTarget(String(name)) }
            return target
        }
        var names: [String] = []
        for pattern in headers { names += try source.names(matching: pattern) }
        names = Array(Set(names)).sorted()

        var installed: [String: String] = [:], final: [String: String] = [:]
        let portable = PortableRewrite(packedMacro: packedMacro)
        for name in names {
            let text = try source.read(name)
            installed[name] = text
            final[name] = rewrite == .portable ? portable.apply(text) : text
        }
        try SyncChecker.checkIncludes(final, allowed: allowedIncludes, root: to)

        let checker = SyncChecker(targets: targetList, includeDirectories: includeDirectories, kernelTypes: kernelTypes)
        let defines = packedMacro.map { ["\($0)=__attribute__((packed))"] } ?? []
        if rewrite == .portable {
            let problems = try checker.rewriteProblems(original: installed, rewritten: final, defines: defines)
            guard problems.isEmpty else {
                let list = problems.map { "  \($0.category.rawValue): \($0.message)" + ($0.targetSpecific ? " (\($0.targets.joined(separator: ", ")) only)" : "") }
                throw UAPIError.badArgument("the portable rewrite changes the ABI; nothing written:\n" + list.joined(separator: "\n"))
            }
        }

        var existing: [String: Data] = [:]
        for name in names { existing[name] = FileManager.default.contents(atPath: "\(to)/\(name)") }
        let currentTexts = existing.mapValues { String(decoding: $0, as: UTF8.self) }
        let before = currentTexts.isEmpty
            ? Snapshot(targets: targetList.map { TargetSnapshot(target: $0.name, triple: $0.triple, ioctlEncoding: $0.ioctlEncoding) })
            : try checker.snapshot(currentTexts, defines: defines)
        let after = try checker.snapshot(final, defines: defines)
        let policy = try report.loadPolicy()
        let judged = PolicyJudge.judge(SnapshotDiffer(sentinels: policy.sentinels).diff(old: before, new: after), policy: policy,
                                       old: before, new: after, oldLabel: to, newLabel: source.label)
        try emitReport(judged)

        let commit = source.commit
        var record = SyncRecord(source: source.label, kernelVersion: source.kernelVersion, commit: commit?.id, describe: commit?.describe,
                                rewrite: rewrite.rawValue, date: ISO8601DateFormatter().string(from: Date()), files: final)
        if judged.hasBreaking, allowBreaking { record.breakingAccepted = reason }
        let plan = SyncPlan(incoming: final, existing: existing, record: record)
        let message = SyncCommitMessage.make(directory: (to as NSString).lastPathComponent, record: record, subject: commit?.subject,
                                             report: judged, plan: plan)
        CLIOutput.warning("plan for \(to):\n\(plan.summary)")

        if judged.hasBreaking && !allowBreaking {
            CLIOutput.error("refused: \(judged.summary.breaking) breaking ABI change\(judged.summary.breaking == 1 ? "" : "s"); nothing written. Review the report; to accept, re-run with --allow-breaking --reason \"...\"")
            throw ExitCode(ExitStatus.breaking)
        }
        if dryRun {
            print(message, terminator: "")
            return
        }
        if plan.isNoOp {
            CLIOutput.warning("\(to) is up to date; nothing written")
            return
        }
        SyncInterrupt.install()
        try SyncApplier(destination: to).apply(plan)
        print(message, terminator: "")
    }

    /// The ABI report goes to -o, or to standard error: standard output carries the commit message.
    private func emitReport(_ judged: DiffReport) throws {
        let text = report.format.renderer.render(judged.document, options: RenderOptions(color: false, pathPrefix: report.pathPrefix))
        if let output = report.output {
            try AtomicFile.write(Data(text.utf8), to: output)
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
