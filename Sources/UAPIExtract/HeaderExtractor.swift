import Foundation
import UAPIClang
import UAPIModel

/// Extracts one listed header for one target: one parse gives declarations, macro
/// definitions and the values of the macros of the header and of every file it can
/// reach (found by name in their text before parsing); a second parse is only needed
/// for a macro clang saw that the scan did not find (a computed include's).
struct HeaderExtractor {
    static let umbrellaPath = "/__uapi__/umbrella.c"

    let header: ListedHeader
    let environment: TargetEnvironment
    let kernelTypes: Bool
    let namer: HeaderNamer
    /// Paths of every header listed in this snapshot.
    let listedPaths: Set<String>
    /// All items: probe the C library's macros too, and give those the scan missed a second
    /// parse. With --only-listed only the kernel's and the user's included macros are probed.
    let evaluateIncludedMacros: Bool
    let limits: InputLimits
    /// Files read by the checks before parsing, shared by the snapshot's jobs.
    let scanCache: SourceScanCache
    /// Headers included before the listed one (`--prelude`).
    var preludes: [Prelude] = []
    /// Checks that every kernel header came from the tree being snapshotted.
    let provenance: HeaderProvenance
    /// Hears the files the parse entered, before any error (the cache keeps failures too).
    var enteredFiles: (([String]) -> Void)?

    func extract(worker: ClangWorker) throws -> HeaderExtraction {
        let preludeText = (kernelTypes ? KernelTypesPrelude.text : "") + preludes.map(\.text).joined()
        let reachable = try HeaderInputCheck(arguments: parseArguments, virtualDirectories: environment.virtualDirectories, limits: limits, prelude: preludeText, cache: scanCache).check(header.path)
        let includeLine = preludeText.split(separator: "\n", omittingEmptySubsequences: false).count
        let prelude = preludeText + (try UmbrellaFile.includeLine(for: header.path)) + UmbrellaFile.fence
        let firstProbeLine = prelude.split(separator: "\n", omittingEmptySubsequences: false).count
        // Macros are probed in the same parse, found by name in the text of the header and of
        // every file it can reach (another listed header's are evaluated in its own parse).
        let scanned = probeNames(reachable)
        let unit = try parse(prelude + ConstantProber.source(for: scanned), worker: worker)
        enteredFiles?(unit.includedFiles)
        // The end of the file, after the last probe, is not a probe line: an error there is the header's.
        let probeLines = firstProbeLine..<(firstProbeLine + scanned.count)
        let isProbeLine: (ClangDiagnostic) -> Bool = { $0.file == HeaderExtractor.umbrellaPath && probeLines.contains($0.line) }
        let diagnostics = unit.diagnostics.filter { !isProbeLine($0) && ($0.file != HeaderExtractor.umbrellaPath || $0.severity >= .error) }
        let errors = diagnostics.filter { $0.severity >= .error }
        // The header's own errors first; then a header cut short (the fence after it did not
        // parse), named by its unfinished declaration; then errors of the prelude.
        if let firstError = errors.first(where: { $0.file != HeaderExtractor.umbrellaPath }) {
            throw UAPIError.headerError(diagnostic: firstError.placedMessage, more: errors.count - 1)
        }
        try checkHeaderEnded(unit, includeLine: includeLine, errors: errors.count)
        if let firstError = errors.first {
            throw UAPIError.headerError(diagnostic: UmbrellaFile.placedMessage(firstError, header: header.path, includeLine: includeLine),
                                        more: errors.count - 1)
        }
        let included = unit.includedFiles.filter { $0 != HeaderExtractor.umbrellaPath }
        let borrowed = try provenance.check(included, listed: listedPaths)

        var collector = DeclarationCollector(namer: namer, umbrellaPath: HeaderExtractor.umbrellaPath)
        collector.collect(unit)
        var output = collector.output
        if !collector.offsetProbes.pending.isEmpty {
            let offsetUnit = try parseProbes(prelude + collector.offsetProbes.source, worker: worker)
            collector.offsetProbes.fill(&output.records, from: offsetUnit)
        }
        output.warnings = diagnostics.filter { $0.severity == .warning }.map(\.rendered) + borrowed
        for file in included { output.includedFiles[HeaderNamer.normalize(file)] = namer.name(of: file) }

        output.macroFiles = Set(collector.macroDefinitions.map(\.file))
        var outcomes: [String: ConstantProber.Outcome] = [:]
        let results = ConstantProber.read(unit, umbrellaPath: HeaderExtractor.umbrellaPath, firstLine: firstProbeLine, count: scanned.count)
        for (name, outcome) in zip(scanned, results) { outcomes[name] = outcome }
        try reprobeAfterFatal(unit, names: scanned, prelude: prelude, firstProbeLine: firstProbeLine, worker: worker, into: &outcomes)

        // Macros of included headers: a listed header's are evaluated in its own
        // translation unit; any the scan missed need a second parse, unless only listed headers are kept.
        let definitions = latestDefinitions(collector.macroDefinitions).filter { definition in
            definition.file == header.path || !listedPaths.contains(definition.file)
        }
        let late = definitions.filter { $0.isProbeCandidate && outcomes[$0.name] == nil && ($0.file == header.path || evaluateIncludedMacros) }
        if !late.isEmpty {
            let names = late.map(\.name)
            let probeUnit = try parseProbes(prelude + ConstantProber.source(for: names), worker: worker)
            let results = ConstantProber.read(probeUnit, umbrellaPath: HeaderExtractor.umbrellaPath, firstLine: firstProbeLine, count: names.count)
            for (name, outcome) in zip(names, results) { outcomes[name] = outcome }
            try reprobeAfterFatal(probeUnit, names: names, prelude: prelude, firstProbeLine: firstProbeLine, worker: worker, into: &outcomes)
        }
        for definition in definitions {
            let headerName = namer.name(of: definition.file)
            if output.files[definition.file] == nil { output.files[definition.file] = headerName }
            let location = SourceLocation(header: headerName, line: definition.line)
            switch outcomes[definition.name] {
            case let .value(value, cType)?:
                output.constants.append(constant(definition, location: location, value: value, cType: cType))
            case nil where definition.isProbeCandidate:
                // Not probed (a C library macro under --only-listed): whether it is a constant is unknown.
                continue
            default:
                let status: Macro.Status = definition.isFunctionLike ? .functionLike
                    : definition.body.isEmpty ? .empty : .notConstant
                output.macros.append(Macro(name: definition.name, location: location, status: status,
                                           parameters: definition.isFunctionLike ? definition.parameters : nil,
                                           text: definition.text))
            }
        }
        return output
    }

    /// A header that leaves a brace or a declaration open swallows the fence after it.
    /// Names the unfinished declaration: where clang saw its `{`, else the last one.
    private func checkHeaderEnded(_ unit: TranslationUnit, includeLine: Int, errors: Int) throws {
        // The fence is the line after the `#include`; the probes after it may fail on their own.
        let umbrellaErrors = unit.diagnostics.filter { $0.severity >= .error && $0.file == HeaderExtractor.umbrellaPath && $0.line == includeLine + 1 }
        guard !UmbrellaFile.fenceIsIntact(in: unit) || !umbrellaErrors.isEmpty else { return }
        let topLevel = unit.cursor.children
        let opening = umbrellaErrors.flatMap(\.notes).first { $0.file != HeaderExtractor.umbrellaPath && !$0.file.isEmpty }
        let last = topLevel.last { !$0.position.file.isEmpty && $0.position.file != HeaderExtractor.umbrellaPath }
        let place = opening.map { "\($0.file):\($0.line)" } ?? last.map { "\($0.position.file):\($0.position.line)" } ?? header.path
        let what = last.map { $0.spelling.isEmpty ? "this declaration" : "'\($0.spelling)'" } ?? "a declaration"
        throw UAPIError.headerError(diagnostic: "\(place): \(what) is not finished when the header ends (a missing '}' or ';')",
                                    more: max(0, errors - 1))
    }

    /// clang's command line; the checks before parsing read their include path from it too.
    private var parseArguments: [String] {
        var arguments = environment.arguments
        if let resource = ResourceDirectory.path { arguments += ["-resource-dir", resource] }
        return arguments
    }

    /// The main parse, with the detailed preprocessing record, in the worker's unit for
    /// this target (which frees it at once when it is large).
    private func parse(_ source: String, worker: ClangWorker) throws -> TranslationUnit {
        try explainingFailure {
            try worker.slot(mainFile: HeaderExtractor.umbrellaPath, arguments: parseArguments).parse([HeaderExtractor.umbrellaPath: source])
        }
    }

    /// A second parse for probes the first could not hold, in a unit of its own.
    private func parseProbes(_ source: String, worker: ClangWorker) throws -> TranslationUnit {
        try explainingFailure {
            try TranslationUnit(index: worker.index, mainFile: HeaderExtractor.umbrellaPath, arguments: parseArguments,
                                unsavedFiles: [HeaderExtractor.umbrellaPath: source], detailedPreprocessing: false)
        }
    }

    private func explainingFailure(_ parse: () throws -> TranslationUnit) throws -> TranslationUnit {
        do {
            return try parse()
        } catch let ClangError.libraryMissing(reason) {
            throw UAPIError.parserMissing(reason)
        } catch let error as ClangError {
            throw UAPIError.headerError(diagnostic: UmbrellaFile.parseFailure(error, header: header.path), more: 0)
        }
    }

    /// The header's own names first, then those of the files it reaches, each once. With
    /// --only-listed the C library's are left out: they are kept aside only so that a
    /// definition moving between kernel headers is compared, and probes cost parse time.
    /// An all-items snapshot is the one the second parse gave (checked on /usr/include).
    /// A probe clang gives up on (brackets nested past its limit) ends the parse, so every probe
    /// after it would read as not a constant. Those are probed again without it, as often as
    /// needed: one macro clang cannot evaluate affects only itself.
    private func reprobeAfterFatal(_ unit: TranslationUnit, names: [String], prelude: String, firstProbeLine: Int, worker: ClangWorker,
                                   into outcomes: inout [String: ConstantProber.Outcome]) throws {
        var unit = unit
        var names = names
        // Only when the parse stopped short of the last probe: a probe that merely fails leaves the rest parsed.
        while case let declared = ConstantProber.declaredIndices(in: unit), !declared.contains(names.count - 1) {
            var next = (declared.max() ?? -1) + 1
            let errorLines = Set(unit.diagnostics.filter { $0.severity >= .error && $0.file == HeaderExtractor.umbrellaPath }.map(\.line))
            // Probes that failed on their own were parsed; the one clang gave up on is left out too.
            while next < names.count, errorLines.contains(firstProbeLine + next) { next += 1 }
            guard next < names.count else { return }
            names = Array(names[next...])
            unit = try parseProbes(prelude + ConstantProber.source(for: names), worker: worker)
            let results = ConstantProber.read(unit, umbrellaPath: HeaderExtractor.umbrellaPath, firstLine: firstProbeLine, count: names.count)
            for (name, outcome) in zip(names, results) { outcomes[name] = outcome }
        }
    }

    private func probeNames(_ reachable: [ScannedSource]) -> [String] {
        // The header's own by the byte scanner, as before included files were probed here too.
        var names = MacroScanner.objectLikeNames(inFile: header.path)
        var seen = Set(names)
        for file in reachable where file.path != header.path
            && !listedPaths.contains(file.path) && (evaluateIncludedMacros || environment.isKernelFile(file.path)) {
            for name in file.probeNames where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// A macro redefined later in the same translation unit: the last definition is the one in force.
    private func latestDefinitions(_ definitions: [MacroDefinition]) -> [MacroDefinition] {
        var latest: [String: MacroDefinition] = [:]
        for definition in definitions { latest[definition.name] = definition }
        return latest.values.sorted { $0.name < $1.name }
    }

    /// A request number that came out as a negative `int` is a 32-bit pattern.
    private static func requestBits(_ value: IntegerValue) -> UInt64 {
        value.isNegative ? UInt64(UInt32(truncatingIfNeeded: value.bitPattern)) : value.magnitude
    }

    private func constant(_ definition: MacroDefinition, location: SourceLocation,
                          value: EvaluationResult.Value, cType: String) -> Constant {
        var constant = Constant(name: definition.name, location: location, text: definition.text,
                                kind: .integer, cType: cType)
        switch value {
        case let .signed(number): constant.value = IntegerValue(number)
        case let .unsigned(number): constant.value = IntegerValue(number)
        case let .float(number):
            constant.kind = .float
            constant.floatValue = number
        case let .string(text):
            constant.kind = .string
            constant.stringValue = text
        case .unknown:
            break
        }
        if let value = constant.value, IoctlMacro.isIoctl(definition.body),
           var ioctl = IoctlEncoding.named(environment.target.ioctlEncoding).decode(Self.requestBits(value)) {
            ioctl.argumentType = IoctlMacro.argumentType(definition.body)
            constant.ioctl = ioctl
        }
        return constant
    }
}
