import ArgumentParser
import Foundation
import UAPIKit

struct BindgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindgen",
        abstract: "Generate Swift bindings: a C module, a Swift overlay with the constants Swift cannot import (ioctl numbers, ...), typed ioctls and layout tests.",
        discussion: """
        uapi bindgen --include /usr/include linux/vfio.h --module CVFIO -o Sources/
        -o is the package root, or its Sources/ folder; tests go to Tests/<Overlay>LayoutTests.
        """)

    @OptionGroup var parse: ParseOptions<OneTarget>

    @Option(name: .customLong("module"), help: "The C module's name (e.g. CVFIO).")
    var module: String?

    @Option(name: .customLong("overlay"), help: "The Swift overlay's name (default: the module name without its leading C).")
    var overlay: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The package root, or its Sources/ folder.", completion: .directory)
    var output: String?

    /// The option's name before 1.0; every other command says -o/--output.
    @Option(name: .customLong("out"), help: .hidden)
    var deprecatedOut: String?

    @Option(name: .customLong("package"), help: "Also write a Package.swift for a package of this name.")
    var package: String?

    @Flag(name: .customLong("copy-headers"), help: "Copy the headers into the C module (for headers not on the system include path).")
    var copyHeaders = false

    @Argument(help: "Headers (names under an include root, or paths; default: the headers of the project's uapi.yaml).", completion: .file(extensions: ["h"]))
    var headers: [String] = []

    func validate() throws {
        if output != nil, deprecatedOut != nil { throw ValidationError("give -o/--output once (--out is its old name)") }
        if output == nil, deprecatedOut == nil { throw ValidationError("name the package root (or its Sources/ folder) with -o/--output") }
        do {
            try BindingNames.validate(module: moduleName, overlay: overlayName, package: package)
        } catch let error as UAPIError {
            // ArgumentParser reports what validate() throws; ValidationError is its usage error (status 2).
            throw ValidationError(error.errorDescription ?? "\(error)")
        }
    }

    private var moduleName: String { module ?? "C" + (package ?? "UAPI").filter { $0.isLetter || $0.isNumber || $0 == "_" } }

    private var overlayName: String {
        overlay ?? (moduleName.hasPrefix("C") && moduleName.count > 1 ? String(moduleName.dropFirst()) : moduleName + "Overlay")
    }

    /// The command line as typed, with the output folder left out so the files do
    /// not depend on where they were written.
    static func regenerationCommand() -> String {
        var words: [String] = []
        var skipNext = false
        for word in CommandLine.arguments.dropFirst() {
            if skipNext { skipNext = false; continue }
            if ["-o", "--output", "--out"].contains(word) { skipNext = true; continue }
            if word.hasPrefix("--output=") || word.hasPrefix("--out=") || (word.hasPrefix("-o") && !word.hasPrefix("--")) { continue }
            words.append(word)
        }
        return (["uapi"] + words + ["-o", "<this package>"]).joined(separator: " ")
    }

    func run() throws {
        if deprecatedOut != nil { CLIOutput.warning("uapi bindgen: --out is deprecated; use -o/--output") }
        let located = try parse.project.load()
        var request = headers.isEmpty
            ? try parse.request(forHeadersOf: located)
            : try parse.request(for: headers, recursive: false, onlyListed: true, config: located?.config)
        request.onlyListed = true
        let progress = ProgressLine.start("parsing")
        let built = try SnapshotBuilder(request: request).build(progress: progress.update)
        progress.finish()
        built.warnings.forEach(CLIOutput.warning)
        parse.cache.report(built.cache)

        var includes: [String] = []
        var copies: [String: String] = [:]
        for header in request.headers {
            // The shim names each header in an #include, which has no way to quote these.
            if header.name.contains(where: { "\"<>\n\r".contains($0) }) {
                throw UAPIError.badArgument("\(header.name): a header name with '\"', '<', '>' or a line break cannot be written in the C module's #include; rename the file")
            }
            if copyHeaders {
                guard let text = try? String(contentsOfFile: header.path, encoding: .utf8) else {
                    throw UAPIError.headerNotFound(header.path, searched: [])
                }
                copies["uapi/\(header.name)"] = text
                includes.append("\"uapi/\(header.name)\"")
            } else {
                includes.append("<\(header.name)>")
            }
        }
        let bindings = BindingsRequest(module: moduleName, overlay: overlayName, includes: includes, copiedHeaders: copies,
                                       packageName: package, command: Self.regenerationCommand())
        var root = output ?? deprecatedOut ?? "."
        while root.hasSuffix("/") && root.count > 1 { root.removeLast() }
        if (root as NSString).lastPathComponent == "Sources" { root = (root as NSString).deletingLastPathComponent }
        if root.isEmpty { root = "." }
        let written = try BindingsWriter.write(SwiftBindings.files(for: built.snapshot, request: bindings), under: root)
        CLIOutput.warning("uapi bindgen: \(written.count) file\(written.count == 1 ? "" : "s") written under \(root)")
    }
}
