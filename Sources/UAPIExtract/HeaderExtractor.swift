import Foundation
import UAPIClang
import UAPIModel

/// Extracts one listed header for one target: one parse gives declarations, macro
/// definitions and the values of the header's own macros; a second parse is only
/// needed for macros of included headers that are not listed themselves.
struct HeaderExtractor {
    static let umbrellaPath = "/__uapi__/umbrella.c"
    /// Declared right after the header: it parses at the top level only if the header
    /// closed every brace, so a header cut short cannot swallow the probes after it.
    static let sentinel = "__uapi_header_end"

    let header: ListedHeader
    let environment: TargetEnvironment
    let kernelTypes: Bool
    let namer: HeaderNamer
    /// Paths of every header listed in this snapshot.
    let listedPaths: Set<String>
    /// Evaluate macros of included, unlisted headers too (not needed with --only-listed).
    let evaluateIncludedMacros: Bool
    /// Headers included before the listed one (`--prelude`).
    var preludes: [Prelude] = []
    /// Checks that every kernel header came from the tree being snapshotted.
    let provenance: HeaderProvenance
    /// Hears the files the parse entered, before any error (the cache keeps failures too).
    var enteredFiles: (([String]) -> Void)?

    func extract(index: ClangIndex) throws -> HeaderExtraction {
        let prelude = (kernelTypes ? KernelTypesPrelude.text : "") + preludes.map(\.text).joined()
            + "#include \"\(header.path)\"\n" + "static const int \(Self.sentinel) = 0;\n"
        let firstProbeLine = prelude.split(separator: "\n", omittingEmptySubsequences: false).count
        // The listed header's own macros are probed in the same parse, found by name in its text.
        let scanned = MacroScanner.objectLikeNames(inFile: header.path)
        let unit = try parse(prelude + ConstantProber.source(for: scanned), index: index, detailed: true)
        enteredFiles?(unit.includedFiles)
        let isProbeLine: (ClangDiagnostic) -> Bool = { $0.file == HeaderExtractor.umbrellaPath && $0.line >= firstProbeLine }
        let diagnostics = unit.diagnostics.filter { !isProbeLine($0) && ($0.file != HeaderExtractor.umbrellaPath || $0.severity >= .error) }
        let errors = diagnostics.filter { $0.severity >= .error }
        if let firstError = errors.first(where: { $0.file != HeaderExtractor.umbrellaPath || $0.line < firstProbeLine - 1 }) {
            throw UAPIError.headerError(diagnostic: firstError.placedMessage, more: errors.count - 1)
        }
        try checkHeaderEnded(unit, sentinelLine: firstProbeLine - 1, errors: errors.count)
        let included = unit.includedFiles.filter { $0 != HeaderExtractor.umbrellaPath }
        try provenance.check(included, listed: listedPaths)

        var collector = DeclarationCollector(namer: namer, umbrellaPath: HeaderExtractor.umbrellaPath)
        collector.collect(unit)
        var output = collector.output
        output.warnings = diagnostics.filter { $0.severity == .warning }.map(\.rendered)

        for file in included { output.includedFiles[HeaderNamer.normalize(file)] = namer.name(of: file) }
        output.macroFiles = Set(collector.macroDefinitions.map(\.file))
        var outcomes: [String: ConstantProber.Outcome] = [:]
        let results = ConstantProber.read(unit, umbrellaPath: HeaderExtractor.umbrellaPath, firstLine: firstProbeLine, count: scanned.count)
        for (name, outcome) in zip(scanned, results) { outcomes[name] = outcome }

        // Macros of included headers: a listed header's are evaluated in its own
        // translation unit; the others need a second parse, unless only listed headers are kept.
        let definitions = latestDefinitions(collector.macroDefinitions).filter { definition in
            definition.file == header.path || !listedPaths.contains(definition.file)
        }
        let late = definitions.filter { $0.isProbeCandidate && outcomes[$0.name] == nil && ($0.file == header.path || evaluateIncludedMacros) }
        if !late.isEmpty {
            let names = late.map(\.name)
            let probeUnit = try parse(prelude + ConstantProber.source(for: names), index: index, detailed: false)
            let results = ConstantProber.read(probeUnit, umbrellaPath: HeaderExtractor.umbrellaPath, firstLine: firstProbeLine, count: names.count)
            for (name, outcome) in zip(names, results) { outcomes[name] = outcome }
        }
        for definition in definitions {
            let headerName = namer.name(of: definition.file)
            if output.files[definition.file] == nil { output.files[definition.file] = headerName }
            let location = SourceLocation(header: headerName, line: definition.line)
            switch outcomes[definition.name] {
            case let .value(value, cType)?:
                output.constants.append(constant(definition, location: location, value: value, cType: cType))
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

    /// A header that leaves a brace open ends inside a declaration: the sentinel then
    /// fails to parse. Names the unfinished declaration's first line.
    private func checkHeaderEnded(_ unit: TranslationUnit, sentinelLine: Int, errors: Int) throws {
        let topLevel = unit.cursor.children
        let sentinelParsed = topLevel.contains { $0.kind == .varDecl && $0.spelling == Self.sentinel }
        let umbrellaErrors = unit.diagnostics.filter { $0.severity >= .error && $0.file == HeaderExtractor.umbrellaPath }
        guard !sentinelParsed || umbrellaErrors.contains(where: { $0.line == sentinelLine }) else { return }
        // clang notes where the open brace is ("to match this '{'"); else name the last declaration.
        let opening = umbrellaErrors.flatMap(\.notes).first { $0.file != HeaderExtractor.umbrellaPath && !$0.file.isEmpty }
        let last = topLevel.last { !$0.position.file.isEmpty && $0.position.file != HeaderExtractor.umbrellaPath }
        let place = opening.map { "\($0.file):\($0.line)" } ?? last.map { "\($0.position.file):\($0.position.line)" } ?? header.path
        let what = last.map { $0.spelling.isEmpty ? "this declaration" : "'\($0.spelling)'" } ?? "a declaration"
        throw UAPIError.headerError(diagnostic: "\(place): \(what) is not finished when the header ends (a missing '}' or ';')",
                                    more: max(0, errors - 1))
    }

    private func parse(_ source: String, index: ClangIndex, detailed: Bool) throws -> TranslationUnit {
        var arguments = environment.arguments
        if let resource = ResourceDirectory.path { arguments += ["-resource-dir", resource] }
        return try TranslationUnit(index: index, mainFile: HeaderExtractor.umbrellaPath, arguments: arguments,
                                   unsavedFiles: [HeaderExtractor.umbrellaPath: source],
                                   detailedPreprocessing: detailed)
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
