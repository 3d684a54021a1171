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
            throw UAPIError.headerNotFound(argument, searched: [])
        }
        if isDirectory.boolValue { return .directory(argument) }
        return argument.hasSuffix(".json") ? .snapshot(argument) : .header(argument)
    }
}

/// Turns diff sides into snapshots, parsing headers on the fly with the given options.
public struct SideLoader {
    public var includeDirectories: [String]
    public var targets: [Target]?
    public var kernelTypes: Bool
    public var defines: [String]
    public var workers: Int
    public var repository: String
    /// Size and time bounds for headers parsed on the fly.
    public var limits = InputLimits()

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
    /// a snapshot on the other side, else x86_64.
    public func load(_ old: DiffSide, _ new: DiffSide) throws -> (Snapshot, Snapshot, warnings: [String]) {
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
        let resolve = { (side: DiffSide, loaded: Snapshot?) throws -> Snapshot in
            if let loaded { return loaded }
            let result = try parse(side, targets: hint ?? [.x86_64])
            warnings += result.warnings
            return result.snapshot
        }
        return (try resolve(old, oldSnapshot), try resolve(new, newSnapshot), warnings)
    }

    private func snapshotIfFile(_ side: DiffSide) throws -> Snapshot? {
        if case let .snapshot(path) = side { return try SnapshotCoding.read(path: path) }
        return nil
    }

    private func parse(_ side: DiffSide, targets: [Target]) throws -> SnapshotBuilder.Result {
        switch side {
        case .snapshot:
            preconditionFailure("snapshots are read, not parsed")
        case let .header(path):
            let listed = try HeaderResolver.resolve([path], includeDirectories: includeDirectories, recursive: false)
            return try build(listed, extraIncludes: [], targets: targets)
        case let .directory(path):
            let root = HeaderNamer.normalize(HeaderResolver.absolute(path))
            return try build(try headers(under: root), extraIncludes: [root], targets: targets)
        case let .git(revision, path):
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uapi-git-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let names = try GitTree(repository: repository).export(revision: revision, path: path, into: directory)
            let listed = names.map { ListedHeader(path: HeaderNamer.normalize("\(directory)/\($0)"), name: $0) }
            return try build(listed, extraIncludes: [directory], targets: targets)
        }
    }

    private func headers(under root: String) throws -> [ListedHeader] {
        let files = try HeaderDirectory.headers(in: root, recursive: true)
        guard !files.isEmpty else { throw UAPIError.noHeaders("no .h files under \(root)") }
        return files.sorted().map { ListedHeader(path: HeaderNamer.normalize("\(root)/\($0)"), name: $0) }
    }

    private func build(_ listed: [ListedHeader], extraIncludes: [String], targets: [Target]) throws -> SnapshotBuilder.Result {
        // Only the compared headers' own items: included system headers are the same on both sides.
        var request = SnapshotRequest(headers: listed, includeDirectories: extraIncludes + includeDirectories, targets: targets,
                                      kernelTypes: kernelTypes, onlyListed: true, defines: defines, workers: workers,
                                      keepGoing: listed.count > 1)
        request.limits = limits
        return try SnapshotBuilder(request: request).build()
    }
}
