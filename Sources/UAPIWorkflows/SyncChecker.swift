import Foundation
import UAPIModel
import UAPIExtract
import UAPIDiff
import UAPILint
import UAPIPolicy
import UAPIReport
import UAPISync
import UAPIBindings

/// The checks a sync runs before it writes: includes on the allowlist, a rewrite
/// that keeps every layout and constant, and the ABI gate against the current copy.
public struct SyncChecker {
    public var targets: [Target]
    public var includeDirectories: [String]
    public var kernelTypes: Bool

    public init(targets: [Target], includeDirectories: [String], kernelTypes: Bool) {
        self.targets = targets
        self.includeDirectories = includeDirectories
        self.kernelTypes = kernelTypes
    }

    /// Every `#include` must match one of `allowed` (globs); the error names file and line.
    public static func checkIncludes(_ files: [String: String], allowed: [String], root: String) throws {
        guard !allowed.isEmpty else { return }
        let pattern = try NSRegularExpression(pattern: #"^\s*#\s*include\s*[<"]([^>"]+)[>"]"#)
        for path in files.keys.sorted() {
            for (index, line) in files[path]!.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                      let range = Range(match.range(at: 1), in: text) else { continue }
                let included = String(text[range])
                if !allowed.contains(where: { Glob.matches($0, included) }) {
                    throw UAPIError.badConfig(path: "\(root)/\(path)", line: index + 1,
                                              reason: "#include <\(included)> is not on the allowlist (\(allowed.joined(separator: ", "))); add it with --allow-include or drop the header")
                }
            }
        }
    }

    /// Snapshots a set of header texts laid out in a temporary include root, in front of
    /// `tree`: what they include and do not bring along comes from there.
    public func snapshot(_ files: [String: String], defines: [String] = [], tree: HeaderTree = .host) throws -> Snapshot {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-sync-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (path, text) in files {
            let full = "\(directory)/\(path)"
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: full))
            } catch {
                throw UAPIError.cannotWrite(path: full, reason: "\(SystemError.describe(error)) (a temporary copy for parsing; set TMPDIR to a writable directory)")
            }
        }
        let listed = files.keys.sorted().map { ListedHeader(path: HeaderNamer.normalize("\(directory)/\($0)"), name: $0) }
        var request = SnapshotRequest(headers: listed, includeDirectories: [directory] + includeDirectories, targets: targets,
                                      kernelTypes: kernelTypes, onlyListed: true, defines: defines)
        // Portable headers include <stdint.h>: take the compiler's, for every target.
        request.freestanding = true
        request.tree = tree
        do {
            return try SnapshotBuilder(request: request).build().snapshot
        } catch {
            throw Self.namingHeaders(error, insteadOf: directory)
        }
    }

    /// The rewritten headers must mean exactly what the originals mean: any change
    /// above `info` (a spelling) stops the sync. Returns the offending changes.
    public func rewriteProblems(original: [String: String], rewritten: [String: String], defines: [String],
                                tree: HeaderTree = .host) throws -> [Change] {
        let before = try snapshot(original, tree: tree), after = try snapshot(rewritten, defines: defines, tree: tree)
        return SnapshotDiffer().diff(old: before, new: after).changes.filter { $0.category.defaultSeverity != .info }
    }

    /// Messages name the headers (`linux/vfio.h:12:3`), not the temporary directory they were parsed in.
    private static func namingHeaders(_ error: Error, insteadOf directory: String) -> Error {
        RewordedFailure.replacing([HeaderNamer.normalize(directory) + "/", directory + "/"], with: "", in: error)
    }
}
