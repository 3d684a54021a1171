import ArgumentParser
import Foundation
import UAPIKit

extension HistoryFormat: ExpressibleByArgument {}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "When did each definition change: timelines over git revisions, kept in a SQLite database.",
        subcommands: [HistoryShowCommand.self, HistoryMergeCommand.self],
        defaultSubcommand: HistoryShowCommand.self)
}

struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Record revisions (each header parsed once per content) and print timelines, what changed since a sync, rc churn or a compatibility matrix.",
        discussion: """
        Reads headers from git objects only, never from the work tree. A range A..B covers A, then
        B's first-parent commits after A that touch --path or carry a tag; B alone covers the whole
        first-parent history up to B. Revisions already in the database are not read again.

        Examples:
          uapi history --repo linux v6.1..v6.8 linux/vfio.h --item vfio_device_info
          uapi history --repo qemu --path linux-headers --rev v8.0.0 --rev v9.0.0 'linux/vfio*.h'
          uapi history --repo linux v6.8-rc6..v6.9 linux/vfio.h --since-sync v6.8-rc6 --rc-churn
        """)

    @Argument(help: "A revision range (A..B, or B for all history up to B), then header names or globs under --path (linux/vfio.h, 'linux/vfio*.h').")
    var arguments: [String] = []

    @Option(name: .customLong("repo"), help: "The git repository (default: the working directory).", completion: .directory)
    var repository = "."

    @Option(name: .customLong("rev"), help: "A revision to record, instead of a range (repeatable; oldest first).")
    var revisions: [String] = []

    @Option(name: .customLong("path"), help: "The directory the header names are relative to (include/uapi in a kernel tree, linux-headers in QEMU).")
    var path = "include/uapi"

    @Option(name: [.customShort("I"), .customLong("include")], help: ArgumentHelp(
        "Another include root of the revision, relative to the repository (repeatable), e.g. include for QEMU's standard-headers.",
        discussion: "Each revision's own asm-<arch> (QEMU) or arch/<arch>/include/uapi/asm (a kernel) is always used for the target; what a revision lacks comes from the build machine."))
    var includeRoots: [String] = []

    @Option(name: .customLong("prelude"), help: "Include this before each header (repeatable): stdint (the compiler's <stdint.h>, for copies such as QEMU's standard-headers).")
    var preludes: [Prelude] = []

    @Option(name: .customLong("target"), help: "Target ABIs, comma-separated or repeated (default x86_64).", completion: .list(Target.all.map(\.name)))
    var targets: [String] = []

    @Option(name: .customLong("db"), help: "The history database (default: .uapi-history.sqlite at the top of the repository).", completion: .file(extensions: ["sqlite"]))
    var database: String?

    @Option(name: .customLong("item"), help: "Only this definition (vfio_device_info.cap_offset), or everything under a record (vfio_device_info).")
    var item: String?

    @Option(name: .customLong("since-sync"), help: "What changed after this revision (the one a vendored copy was taken from) up to the end of the range.")
    var sinceSync: String?

    @Flag(name: .customLong("rc-churn"), help: "Definitions that changed between a -rc tag and the release of the same version.")
    var rcChurn = false

    @Option(name: .customLong("matrix"), help: "Revisions, comma-separated: which pairs have no breaking change between them, per target.")
    var matrix: String?

    @Option(name: .customLong("policy"), help: "A policy file: severities, extensible structs, sentinels, suppressions.", completion: .file(extensions: ["yaml", "yml"]))
    var policy: String?

    @Option(name: .customLong("format"), help: "text, json or markdown.")
    var format: HistoryFormat = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the report to a file (default: standard output).", completion: .file())
    var output: String?

    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Worker threads (default: one per core).", transform: ArgumentChecks.jobs)
    var jobs: Int?

    @Flag(name: .customLong("progress"), help: "Print a line on standard error for each revision recorded.")
    var progress = false

    func run() throws {
        var headers = arguments
        var selection: RevisionSelection?
        if let first = headers.first, first.contains("..") || (revisions.isEmpty && matrix == nil && headers.count > 1) {
            selection = try RevisionSelection.parse(headers.removeFirst())
        }
        guard !headers.isEmpty else {
            throw UAPIError.badArgument("name the headers to follow under --path, e.g. linux/vfio.h or 'linux/vfio*.h'")
        }
        var scope = HistoryScope(path: path, patterns: headers)
        scope.includeRoots = includeRoots.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
        scope.preludes = preludes
        let request = HistoryRequest(
            repository: repository, selection: selection, revisions: revisions,
            scope: scope,
            targets: targets.isEmpty ? [.x86_64] : try Target.parseList(targets), database: database,
            policy: try policy.map { try PolicyFile.load(path: $0) } ?? .strict, item: item, sinceSync: sinceSync,
            rcChurn: rcChurn, matrix: (matrix ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            workers: jobs ?? Concurrency.defaultWorkers, progress: progress ? CLIOutput.warning : nil)
        let outcome = try HistorySession.run(request)
        let statistics = outcome.statistics
        CLIOutput.warning("history: \(statistics.revisions) revisions (\(statistics.newRevisions) new), "
                          + "\(statistics.partsParsed) header parses, \(statistics.partsReused) saved by blob reuse; database \(outcome.database)")
        try CLIOutput.emit(Data(format.render(outcome.document).utf8), to: output)
    }
}

struct HistoryMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge history databases written by separate jobs (each with its own --rev share) into one.",
        discussion: "uapi history merge a.sqlite b.sqlite -o all.sqlite")

    @Argument(help: "The databases to merge.", completion: .file(extensions: ["sqlite"]))
    var inputs: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "The merged database (created if missing; merged into if it exists).", completion: .file(extensions: ["sqlite"]))
    var output: String

    func run() throws {
        guard !inputs.isEmpty else { throw UAPIError.badArgument("name the databases to merge, e.g. uapi history merge a.sqlite b.sqlite -o all.sqlite") }
        let store = try HistoryStore.merge(inputs, into: output)
        let statistics = try store.statistics()
        CLIOutput.warning("history: merged \(inputs.count) database\(inputs.count == 1 ? "" : "s") into \(output): "
                          + "\(statistics.revisions) revisions, \(statistics.parts) header parts, \(statistics.bytes) bytes")
    }
}
