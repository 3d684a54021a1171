import UAPIClang
import UAPIModel

/// Evaluates object-like macros with clang: after the `#include`s, the umbrella
/// file declares `static const __auto_type __uapi_probe_N = MACRO;` for each
/// candidate, and `clang_Cursor_Evaluate` reads each initializer back.
struct ConstantProber {
    static let probePrefix = "__uapi_probe_"

    /// Probe declarations, one per line, starting at `firstLine` of the umbrella file.
    static func source(for names: [String]) -> String {
        names.enumerated().map { "static const __auto_type \(probePrefix)\($0.offset) = \($0.element);\n" }.joined()
    }

    enum Outcome {
        case value(EvaluationResult.Value, cType: String)
        case notConstant
    }

    /// Reads the probes back from `unit`; index i answers `candidates[i]`.
    static func read(_ unit: TranslationUnit, umbrellaPath: String, firstLine: Int, count: Int) -> [Outcome] {
        var outcomes = [Outcome](repeating: .notConstant, count: count)
        let failedLines = Set(unit.diagnostics
            .filter { $0.severity >= .error && $0.file == umbrellaPath }
            .map(\.line))
        for cursor in unit.cursor.children where cursor.kind == .varDecl {
            let name = cursor.spelling
            guard name.hasPrefix(probePrefix), let index = Int(name.dropFirst(probePrefix.count)),
                  index < count, !failedLines.contains(firstLine + index) else { continue }
            guard let result = cursor.evaluate() else { continue }
            let value = result.value
            guard value != .unknown else { continue }
            // `1e999` is infinite: a snapshot (JSON) cannot hold it, so it stays a macro that is not a constant.
            if case let .float(number) = value, !number.isFinite { continue }
            outcomes[index] = .value(value, cType: cType(of: cursor.type, value: value))
        }
        return outcomes
    }

    /// The indices of the probe declarations `unit` holds.
    static func declaredIndices(in unit: TranslationUnit) -> Set<Int> {
        var declared = Set<Int>()
        for cursor in unit.cursor.children where cursor.kind == .varDecl && cursor.spelling.hasPrefix(probePrefix) {
            if let index = Int(cursor.spelling.dropFirst(probePrefix.count)) { declared.insert(index) }
        }
        return declared
    }

    /// The expansion's type, without the `const` the probe declaration added.
    private static func cType(of type: ClangType, value: EvaluationResult.Value) -> String {
        if case .string = value { return "const char *" }
        var spelling = TypeName.clean(type.canonical.spelling)
        if spelling.hasPrefix("const ") { spelling.removeFirst("const ".count) }
        if spelling.hasSuffix(" const") { spelling.removeLast(" const".count) }
        return spelling
    }
}
