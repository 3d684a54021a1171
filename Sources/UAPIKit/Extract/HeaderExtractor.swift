import Foundation

/// Extracts one listed header for one target: a first parse for declarations and
/// macro definitions, a second one that evaluates the macros.
struct HeaderExtractor {
    static let umbrellaPath = "/__uapi__/umbrella.c"

    let header: ListedHeader
    let environment: TargetEnvironment
    let kernelTypes: Bool
    let namer: HeaderNamer

    func extract(index: ClangIndex) throws -> HeaderExtraction {
        let prelude = (kernelTypes ? KernelTypesPrelude.text : "") + "#include \"\(header.path)\"\n"
        let first = try parse(prelude, index: index, detailed: true, preamble: true)
        let diagnostics = first.diagnostics.filter { $0.file != HeaderExtractor.umbrellaPath || $0.severity >= .error }
        let errors = diagnostics.filter { $0.severity >= .error }
        if let firstError = errors.first {
            throw UAPIError.headerError(diagnostic: firstError.placedMessage, more: errors.count - 1)
        }

        var collector = DeclarationCollector(namer: namer, umbrellaPath: HeaderExtractor.umbrellaPath)
        collector.collect(first)
        var output = collector.output
        output.warnings = diagnostics.filter { $0.severity == .warning }.map(\.rendered)

        let definitions = latestDefinitions(collector.macroDefinitions)
        let candidates = definitions.filter(\.isProbeCandidate)
        var outcomes: [String: ConstantProber.Outcome] = [:]
        if !candidates.isEmpty {
            let firstLine = prelude.split(separator: "\n", omittingEmptySubsequences: false).count
            // The headers are the umbrella's preamble: the reparse reuses their
            // precompiled form and only parses the probe lines.
            try first.reparse(unsavedFiles: [HeaderExtractor.umbrellaPath: prelude + ConstantProber.source(for: candidates)])
            let probeUnit = first
            let results = ConstantProber.read(probeUnit, umbrellaPath: HeaderExtractor.umbrellaPath,
                                              firstLine: firstLine, count: candidates.count)
            for (candidate, outcome) in zip(candidates, results) { outcomes[candidate.name] = outcome }
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

    private func parse(_ source: String, index: ClangIndex, detailed: Bool, preamble: Bool) throws -> TranslationUnit {
        var arguments = environment.arguments
        if let resource = ResourceDirectory.path { arguments += ["-resource-dir", resource] }
        return try TranslationUnit(index: index, mainFile: HeaderExtractor.umbrellaPath, arguments: arguments,
                                   unsavedFiles: [HeaderExtractor.umbrellaPath: source],
                                   detailedPreprocessing: detailed, preamble: preamble)
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
