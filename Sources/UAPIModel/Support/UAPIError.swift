import Foundation

/// Errors a user can act on: bad input, missing files, missing packages. The CLI
/// prints `errorDescription` on one line and exits with status 2.
public enum UAPIError: Error, LocalizedError, Equatable, Codable {
    /// A header named on the command line does not exist.
    case headerNotFound(String, searched: [String])
    /// clang stopped on an error in a header.
    case headerError(diagnostic: String, more: Int)
    /// `--target` named an ABI the tool does not know.
    case unknownTarget(String)
    /// The target's asm headers are not installed.
    case missingAsmHeaders(target: String, package: String, searched: [String])
    /// A `--sysroot` tree has no asm headers for a target.
    case treeLacksAsmHeaders(target: String, tree: String, searched: [String])
    /// An include root given with `--include` does not exist.
    case includeDirectoryNotFound(String)
    /// A kernel header came from outside the tree being snapshotted (a cross package's older copy, say).
    case headerOutsideTree(target: String, header: String, path: String, expected: [String])
    /// One header name resolved to two files in one snapshot.
    case conflictingHeader(target: String, header: String, paths: [String])
    /// The output file or its directory cannot be written.
    case cannotWrite(path: String, reason: String)
    /// A snapshot file cannot be read.
    case badSnapshot(path: String, reason: String)
    /// A configuration file is malformed.
    case badConfig(path: String, line: Int?, reason: String)
    /// Nothing to do.
    case noHeaders(String)
    /// A git revision or path cannot be read.
    case gitError(String)
    /// A command-line argument is malformed.
    case badArgument(String)
    /// The two sides of a comparison share no target ABI, so nothing can be compared.
    case noCommonTarget(old: String, oldTargets: [String], new: String, newTargets: [String])
    /// A history database cannot be opened, read or written.
    case badHistoryDatabase(path: String, reason: String)
    /// An input is a FIFO, device, directory or socket where a regular file is needed;
    /// `includedFrom` is the `file:line` of the `#include` that reached it.
    case notRegularFile(path: String, kind: String, includedFrom: String?)
    /// An input file is larger than its limit (`option` raises it, when there is one).
    case inputTooLarge(path: String, bytes: Int, limit: Int, option: String?)
    /// One expression or declaration has more tokens, macros expanded, than clang can nest safely.
    case expressionTooLarge(place: String, limit: Int)
    /// Parsing one header took longer than `--timeout-per-header`.
    case headerTimedOut(header: String, seconds: Int)
    /// `--keep-going` left nothing: every header failed (each failure listed).
    case everyHeaderFailed([String])
    /// A file name whose bytes are not UTF-8 (shown with `\xNN` escapes).
    case fileNameNotUTF8(String)
    /// libclang could not be opened to parse: what was tried, and how to install it.
    case parserMissing(String)

    /// No header can be parsed on this machine: never one header's failure to keep going past.
    public var isParserMissing: Bool {
        if case .parserMissing = self { return true }
        return false
    }

    public var errorDescription: String? {
        switch self {
        case let .headerNotFound(name, searched):
            let places = searched.isEmpty ? "" : " (searched \(searched.joined(separator: ", ")))"
            return "\(name): no such header\(places); give an existing path or add its include root with --include"
        case let .headerError(diagnostic, more):
            let extra = more > 0 ? " (and \(more) more error\(more == 1 ? "" : "s"))" : ""
            return "\(diagnostic)\(extra); fix the header or the include paths (--include) and run again"
        case let .unknownTarget(name):
            return "unknown target '\(name)'; known targets: \(Target.all.map(\.name).joined(separator: ", "))"
        case let .missingAsmHeaders(target, package, searched):
            return "target \(target): no asm headers in \(searched.joined(separator: " or ")); install them with: apt-get install -y \(package)"
        case let .treeLacksAsmHeaders(target, tree, searched):
            return "target \(target): the tree \(tree) has no asm headers for it (searched \(searched.joined(separator: ", "))); pass a tree that has them with --sysroot, or leave the target out"
        case let .includeDirectoryNotFound(directory):
            return "--include \(directory): no such directory; fix the path or drop the option"
        case let .headerOutsideTree(target, header, path, expected):
            return "target \(target): \(header) was found at \(path), outside the headers being snapshotted (\(expected.joined(separator: ", "))); the tree lacks it: add it to the tree, or give the tree that has it with --sysroot or --include"
        case let .conflictingHeader(target, header, paths):
            return "target \(target): \(header) resolves to two files (\(paths.joined(separator: " and "))); one snapshot must not mix two copies of a header: list headers from one tree, or fix the include roots"
        case let .cannotWrite(path, reason):
            return "\(path): cannot write: \(reason); choose a writable output path"
        case let .badSnapshot(path, reason):
            return "\(path): not a usable uapi snapshot: \(reason); regenerate it with 'uapi snapshot'"
        case let .badConfig(path, line, reason):
            let place = line.map { "\(path):\($0)" } ?? path
            return "\(place): \(reason)"
        case let .noHeaders(reason):
            return "no headers to snapshot: \(reason)"
        case let .gitError(reason):
            return "git: \(reason)"
        case let .badArgument(reason):
            return reason
        case let .noCommonTarget(old, oldTargets, new, newTargets):
            let list: ([String]) -> String = { $0.isEmpty ? "none" : $0.joined(separator: ", ") }
            return "nothing to compare: \(old) has targets \(list(oldTargets)) and \(new) has \(list(newTargets)); snapshot both sides for the same targets (--target)"
        case let .badHistoryDatabase(path, reason):
            return "\(path): not a usable uapi history database: \(reason)"
        case let .notRegularFile(path, kind, includedFrom):
            let subject = includedFrom.map { "\($0): #include reaches \(path), which" } ?? path
            return "\(subject) is a \(kind), not a regular file; uapi reads only regular files (a device or FIFO may never end)"
        case let .inputTooLarge(path, bytes, limit, option):
            let remedy = option.map { "; raise \($0) if the file is genuine" } ?? ""
            return "\(path) is \(bytes) bytes, over the limit of \(limit)\(remedy)"
        case let .expressionTooLarge(place, limit):
            return "\(place): one expression or declaration of more than \(limit) tokens, macros expanded (clang would run out of stack); split it"
        case let .headerTimedOut(header, seconds):
            return "\(header): parsing took longer than \(seconds) s; raise --timeout-per-header if the header is genuine"
        case let .everyHeaderFailed(failures):
            return "every header failed, nothing is left to report:\n  " + failures.joined(separator: "\n  ")
        case let .parserMissing(reason):
            return reason
        case let .fileNameNotUTF8(escaped):
            return "file name is not valid UTF-8: \(escaped); rename the file"
        }
    }
}
