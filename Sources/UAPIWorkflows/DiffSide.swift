import Dispatch
import Foundation
import UAPIModel
import UAPIExtract
import UAPIDiff
import UAPILint
import UAPIPolicy
import UAPIReport
import UAPISync
import UAPIBindings

/// One side of a diff: a snapshot file, a header, a directory of headers, or a
/// path at a git revision (`git:v6.1:include/uapi`).
public enum DiffSide: Equatable, Sendable {
    case snapshot(String)
    case header(String)
    case directory(String)
    case git(revision: String, path: String)

    public static func parse(_ argument: String) throws -> DiffSide {
        if argument.hasPrefix("git:") {
            let rest = argument.dropFirst(4)
            guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else {
                throw UAPIError.badArgument("'\(argument)': a git side is git:REVISION:PATH, e.g. git:v6.1:include/uapi")
            }
            return .git(revision: String(rest[..<colon]), path: String(rest[rest.index(after: colon)...]))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            // A header name (linux/vfio.h) is looked up in the side's tree when it is parsed.
            if argument.hasSuffix(".h"), !argument.hasPrefix("/") { return .header(argument) }
            throw UAPIError.headerNotFound(argument, searched: [])
        }
        if isDirectory.boolValue { return .directory(argument) }
        return argument.hasSuffix(".json") ? .snapshot(argument) : .header(argument)
    }
}

/// Turns diff sides into snapshots, parsing headers on the fly with the given options.
///
/// A directory of headers is parsed with keep-going: a whole tree usually has a header
/// or two that does not parse on its own for some target. Such a header is left out on
/// both sides for that target (and named in a note), so it is never reported as removed.
public struct SideLoader {
    public var includeDirectories: [String]
    public var targets: [Target]?
    public var kernelTypes: Bool
    public var defines: [String]
    public var workers: Int
    public var repository: String
    /// `--sysroot`: one tree for both sides; nil lets each side's own tree decide.
    public var tree: HeaderTree?
    /// `--old-sysroot` and `--new-sysroot`: each side's tree, before `tree`.
    public var oldTree: HeaderTree?
    public var newTree: HeaderTree?
    public var preludes: [Prelude] = []
    /// Size and time bounds for headers parsed on the fly.
    public var limits = InputLimits()
    /// The extraction cache for header sides, if any.
    public var cache: ExtractionCache?
    /// Targets of header sides when neither `targets` nor a snapshot side names them.
    public var fallbackTargets: [Target] = [.x86_64]
    /// Told (done, total) as header sides are parsed; each side counts afresh.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(includeDirectories: [String], targets: [Target]?, kernelTypes: Bool, defines: [String],
                workers: Int, repository: String) {
        self.includeDirectories = includeDirectories
        self.targets = targets
        self.kernelTypes = kernelTypes
        self.defines = defines
        self.workers = workers
        self.repository = repository
    }

    /// Loads both sides; a header side takes its targets from `--target`, else from
    /// a snapshot on the other side, else `fallbackTargets` (the project's, or x86_64).
    public func load(_ old: DiffSide, _ new: DiffSide) throws -> (Snapshot, Snapshot, warnings: [String], cache: CacheStatistics?) {
        // Two large snapshot files decode in parallel: decoding is most of a diff's time.
        var loaded = [Result<Snapshot?, Error>](repeating: .success(nil), count: 2)
        let sides = [old, new]
        loaded.withUnsafeMutableBufferPointer { slots in
            let buffer = slots
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                buffer[index] = Result { try snapshotIfFile(sides[index]) }
            }
        }
        let oldSnapshot = try loaded[0].get(), newSnapshot = try loaded[1].get()
        let hint = targets ?? (oldSnapshot ?? newSnapshot).map { $0.targets.compactMap { Target.named($0.target) } }
        var warnings: [String] = []
        var skipped: [[SnapshotBuilder.SkippedHeader]] = [[], []]
        var statistics: CacheStatistics?
        let resolve = { (side: DiffSide, loaded: Snapshot?, position: Int) throws -> Snapshot in
            if let loaded { return loaded }
            let result = try parse(side, tree: (position == 0 ? oldTree : newTree) ?? tree, targets: hint ?? fallbackTargets)
            let skippedLines = Set(result.skipped.map(\.message))
            warnings += result.warnings.filter { !skippedLines.contains($0) }
            skipped[position] = result.skipped
            if let cache = result.cache { statistics = (statistics ?? CacheStatistics()) + cache }
            return result.snapshot
        }
        let before = try resolve(old, oldSnapshot, 0), after = try resolve(new, newSnapshot, 1)
        // Snapshot files say which headers they left out, per target.
        for (position, snapshot) in [oldSnapshot, newSnapshot].enumerated() {
            guard let snapshot else { continue }
            skipped[position] += snapshot.targets.flatMap { target in
                (target.leftOut ?? []).map { SnapshotBuilder.SkippedHeader(header: $0.header, target: target.target, reason: $0.reason) }
            }
        }
        warnings += Self.leftOutNotes(old: skipped[0], new: skipped[1])
        let leftOut = skipped[0] + skipped[1]
        return (Self.leavingOut(leftOut, from: before), Self.leavingOut(leftOut, from: after), warnings, statistics)
    }

    /// One line per header and target left out, saying on which side it failed.
    private static func leftOutNotes(old: [SnapshotBuilder.SkippedHeader], new: [SnapshotBuilder.SkippedHeader]) -> [String] {
        let key = { (skipped: SnapshotBuilder.SkippedHeader) in "\(skipped.header)|\(skipped.target)" }
        let newKeys = Set(new.map(key)), oldKeys = Set(old.map(key))
        let notes = old.map { skipped in
            let sides = newKeys.contains(key(skipped)) ? "either side" : "the old side"
            return "left out \(skipped.header) for \(skipped.target): it does not parse on \(sides): \(skipped.reason)"
        } + new.filter { !oldKeys.contains(key($0)) }.map { skipped in
            "left out \(skipped.header) for \(skipped.target): it does not parse on the new side: \(skipped.reason)"
        }
        return notes.sorted()
    }

    /// A header that did not parse on one side is compared on neither.
    private static func leavingOut(_ skipped: [SnapshotBuilder.SkippedHeader], from snapshot: Snapshot) -> Snapshot {
        var snapshot = snapshot
        for index in snapshot.targets.indices {
            let names = Set(skipped.filter { $0.target == snapshot.targets[index].target }.map(\.header))
            if !names.isEmpty { snapshot.targets[index] = snapshot.targets[index].leavingOut(headers: names) }
        }
        return snapshot
    }

    private func snapshotIfFile(_ side: DiffSide) throws -> Snapshot? {
        if case let .snapshot(path) = side { return try SnapshotCoding.read(path: path) }
        return nil
    }

    private func parse(_ side: DiffSide, tree explicit: HeaderTree?, targets: [Target]) throws -> SnapshotBuilder.Result {
        switch side {
        case .snapshot:
            preconditionFailure("snapshots are read, not parsed")
        case let .header(path):
            let tree = try HeaderTree.forInputs([path], explicit: explicit)
            let listed = try HeaderResolver.resolve([path], includeDirectories: includeDirectories, recursive: false, tree: tree)
            return try build(listed, extraIncludes: [], tree: tree, targets: targets)
        case let .directory(path):
            let directory = HeaderNamer.normalize(HeaderResolver.absolute(path))
            let tree = try HeaderTree.forInputs([directory], explicit: explicit)
            // Named from the tree's include root the directory is in, else from the directory.
            let treeRoot = tree.genericRoots.map(HeaderNamer.normalize).first { directory == $0 || directory.hasPrefix($0 + "/") }
            let root = treeRoot ?? Self.includeRoot(of: directory)
            return try build(try headers(under: directory, namedFrom: root), extraIncludes: treeRoot == nil ? [root] : [],
                             tree: tree, targets: targets)
        case let .git(revision, path):
            let checkout = try GitSideCheckout.make(repository: repository, revision: revision, path: path,
                                                    cacheDirectory: cache?.directory)
            defer { checkout.removeIfTemporary() }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: checkout.sidePath, isDirectory: &isDirectory)
            do {
                var result = try parse(isDirectory.boolValue ? .directory(checkout.sidePath) : .header(checkout.sidePath),
                                       tree: explicit, targets: targets)
                result.warnings = result.warnings.map(checkout.naming)
                result.skipped = result.skipped.map { skipped in
                    var skipped = skipped
                    skipped.reason = checkout.naming(skipped.reason)
                    return skipped
                }
                return result
            } catch {
                throw checkout.naming(error)
            }
        }
    }

    /// The include root a directory's headers are written against: `…/include/linux`
    /// holds `linux/x.h`, so its parent is the root (the directory itself as a root
    /// would turn `<stddef.h>` into `linux/stddef.h`).
    private static func includeRoot(of directory: String) -> String {
        let name = (directory as NSString).lastPathComponent
        return HeaderTree.kernelDirectories.contains(name) ? (directory as NSString).deletingLastPathComponent : directory
    }

    private func headers(under directory: String, namedFrom root: String) throws -> [ListedHeader] {
        let files = try HeaderDirectory.headers(in: directory, recursive: true)
        guard !files.isEmpty else { throw UAPIError.noHeaders("no .h files under \(directory)") }
        let prefix = directory == root ? "" : String(directory.dropFirst(root.count + 1)) + "/"
        return files.map { ListedHeader(path: HeaderNamer.normalize("\(directory)/\($0)"), name: prefix + $0) }
    }

    private func build(_ listed: [ListedHeader], extraIncludes: [String], tree: HeaderTree, targets: [Target]) throws -> SnapshotBuilder.Result {
        // Only the compared headers' own items: included system headers are the same on both sides.
        // An include root that is the build machine's tree (a config's /usr/include) would
        // shadow a side's own tree: that side reads its tree instead.
        let hostRoots = Set(HeaderTree.host.genericRoots)
        let ownIncludes = tree == .host ? includeDirectories
            : includeDirectories.filter { !hostRoots.contains(HeaderNamer.normalize(HeaderResolver.absolute($0))) }
        var request = SnapshotRequest(headers: listed, includeDirectories: extraIncludes + ownIncludes, targets: targets,
                                      kernelTypes: kernelTypes, onlyListed: true, defines: defines, workers: workers,
                                      keepGoing: listed.count > 1)
        request.tree = tree
        request.preludes = preludes
        request.limits = limits
        request.cache = cache
        return try SnapshotBuilder(request: request).build(progress: progress)
    }
}
