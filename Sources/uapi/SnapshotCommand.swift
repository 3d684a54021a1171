import ArgumentParser
import Foundation
import UAPIKit

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record the ABI of headers (layouts, enums, typedefs, constants, ioctls) as JSON.",
        discussion: """
        Headers are paths, names under an include root (linux/vfio.h) or directories; without
        any, the headers of the project's uapi.yaml (see --config).
        A large tree can be split over machines: each runs --shard I/N on the same headers, then
        uapi snapshot --merge shard-1.json ... shard-N.json -o all.json (in shard order) gives the
        snapshot one run would give.
        """)

    @OptionGroup var parse: ParseOptions<OneTarget>

    @Flag(name: .customLong("recursive"), help: "Descend into directories.")
    var recursive = false

    @Flag(name: .customLong("only-listed"), help: "Leave out items from headers that were only included.")
    var onlyListed = false

    @Flag(name: .customLong("keep-going"), help: "Leave out headers that do not parse (each is named on standard error) instead of failing.")
    var keepGoing = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (default: standard output).", completion: .file(extensions: ["json"]))
    var output: String?

    @Flag(name: .customLong("summary"), help: "Print a human summary (counts per header, layouts that differ between targets).")
    var summary = false

    @Option(name: .customLong("shard"), help: ArgumentHelp("Parse only part I of N of the headers (a contiguous run of the sorted names); merge the parts with --merge.", valueName: "I/N"))
    var shard: String?

    @Flag(name: .customLong("merge"), help: "Merge the snapshots of --shard 1/N ... N/N, given in that order, into one.")
    var merge = false

    @Argument(help: "Headers or directories (with --merge: the shards' snapshots).", completion: .file(extensions: ["h", "json"]))
    var headers: [String] = []

    func validate() throws {
        if merge, headers.isEmpty { throw ValidationError("name the shards' snapshots to merge") }
        if merge, parse.project.path != nil || shard != nil { throw ValidationError("--merge takes snapshots only, not --config or --shard") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch let error as UAPIError { throw ValidationError(error.errorDescription ?? "\(error)") }
        }
    }

    func run() throws {
        if merge { return try mergeShards() }
        let located = try parse.project.load()
        var request = headers.isEmpty
            ? try parse.request(forHeadersOf: located)
            : try parse.request(for: headers, recursive: recursive, onlyListed: onlyListed, config: located?.config)
        request.keepGoing = keepGoing
        request.shard = try shard.map(Shard.init(parsing:))
        let progress = ProgressLine.start("parsing")
        let result = try SnapshotBuilder(request: request).build(progress: progress.update)
        progress.finish()
        result.warnings.forEach(CLIOutput.warning)
        parse.cache.report(result.cache)
        try emit(result.snapshot)
        ExitWithoutFreeing.exit(ExitStatus.ok, keeping: result)
    }

    private func emit(_ snapshot: Snapshot) throws {
        let json = try SnapshotCoding.encode(snapshot)
        if summary {
            if let output { try CLIOutput.emit(json, to: output) }
            FileHandle.standardOutput.write(Data(SnapshotSummary.render(snapshot).utf8))
        } else {
            try CLIOutput.emit(json, to: output)
        }
    }

    private func mergeShards() throws {
        let parts = try headers.map { try SnapshotCoding.read(path: $0) }
        try emit(try SnapshotMerger.merge(parts, names: headers))
    }
}
