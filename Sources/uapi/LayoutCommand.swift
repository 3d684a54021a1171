import ArgumentParser
import Foundation
import UAPIKit

/// What `uapi layout` prints.
enum LayoutFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Show record layouts pahole-style, side by side for several targets.",
        discussion: "uapi layout --target x86_64,i386 linux/vfio.h vfio_iommu_type1_info")

    @OptionGroup var parse: ParseOptions<OneTarget>

    @Option(name: .customLong("format"), help: "text (pahole-style columns) or json (the same facts for tools).")
    var format: LayoutFormat = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file (default: standard output).", completion: .file())
    var output: String?

    @Argument(help: "A header (or a snapshot JSON).", completion: .file(extensions: ["h", "json"]))
    var header: String

    @Argument(help: "Records to show (default: every record of the header).")
    var records: [String] = []

    func run() throws {
        let located = try parse.project.load()
        var settings = try parse.settings(config: located?.config)
        let progress = ProgressLine.start("parsing")
        settings.progress = progress.update
        let (snapshot, warnings, cache) = try InputSnapshot.load([header], settings: settings)
        progress.finish()
        warnings.forEach(CLIOutput.warning)
        parse.cache.report(cache)
        guard let first = snapshot.targets.first else { return }
        let listed = Set(first.headers.filter(\.listed).map(\.path))
        let all = first.records.filter { $0.isComplete && !$0.isAnonymousMember && (listed.isEmpty || listed.contains($0.location.header)) }.map(\.name)
        for name in records where !all.contains(name) {
            let near = all.filter { $0.contains(name) || name.contains($0) }.prefix(5)
            throw UAPIError.badArgument("\(header): no record '\(name)'" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
        }
        let names = records.isEmpty ? all : records
        let data = format == .json ? try LayoutView.json(records: names, in: snapshot) : Data(LayoutView.text(records: names, in: snapshot).utf8)
        try CLIOutput.emit(data, to: output)
    }
}
