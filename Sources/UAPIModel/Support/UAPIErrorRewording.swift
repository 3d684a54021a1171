import Foundation

extension UAPIError {
    /// The same error with `text` replaced in every part of its message: a
    /// temporary directory swapped for the names the user knows.
    package func replacingOccurrences(of text: String, with replacement: String) -> UAPIError {
        func fix(_ part: String) -> String { part.replacingOccurrences(of: text, with: replacement) }
        switch self {
        case let .headerNotFound(name, searched): return .headerNotFound(fix(name), searched: searched.map(fix))
        case let .headerError(diagnostic, more): return .headerError(diagnostic: fix(diagnostic), more: more)
        case let .unknownTarget(name): return .unknownTarget(fix(name))
        case let .missingAsmHeaders(target, package, searched): return .missingAsmHeaders(target: target, package: package, searched: searched.map(fix))
        case let .treeLacksAsmHeaders(target, tree, searched):
            return .treeLacksAsmHeaders(target: target, tree: fix(tree), searched: searched.map(fix))
        case let .includeDirectoryNotFound(directory): return .includeDirectoryNotFound(fix(directory))
        case let .headerOutsideTree(target, header, path, expected):
            return .headerOutsideTree(target: target, header: fix(header), path: fix(path), expected: expected.map(fix))
        case let .conflictingHeader(target, header, paths): return .conflictingHeader(target: target, header: fix(header), paths: paths.map(fix))
        case let .cannotWrite(path, reason): return .cannotWrite(path: fix(path), reason: fix(reason))
        case let .badSnapshot(path, reason): return .badSnapshot(path: fix(path), reason: fix(reason))
        case let .badConfig(path, line, reason): return .badConfig(path: fix(path), line: line, reason: fix(reason))
        case let .noHeaders(reason): return .noHeaders(fix(reason))
        case let .gitError(reason): return .gitError(fix(reason))
        case let .badArgument(reason): return .badArgument(fix(reason))
        case let .noCommonTarget(old, oldTargets, new, newTargets):
            return .noCommonTarget(old: fix(old), oldTargets: oldTargets, new: fix(new), newTargets: newTargets)
        case let .badHistoryDatabase(path, reason): return .badHistoryDatabase(path: fix(path), reason: fix(reason))
        case let .notRegularFile(path, kind, includedFrom): return .notRegularFile(path: fix(path), kind: kind, includedFrom: includedFrom.map(fix))
        case let .inputTooLarge(path, bytes, limit, option): return .inputTooLarge(path: fix(path), bytes: bytes, limit: limit, option: option)
        case let .expressionTooLarge(place, limit): return .expressionTooLarge(place: fix(place), limit: limit)
        case let .headerTimedOut(header, seconds): return .headerTimedOut(header: fix(header), seconds: seconds)
        case let .everyHeaderFailed(failures): return .everyHeaderFailed(failures.map(fix))
        case let .fileNameNotUTF8(name): return .fileNameNotUTF8(fix(name))
        case .parserMissing: return self
        }
    }
}
