import Foundation
import UAPIClang
import UAPIModel

/// Builds a snapshot: every (header, target) pair parsed in parallel, one libclang
/// index per worker, then merged per target in a deterministic order.
public struct SnapshotBuilder {
    public let request: SnapshotRequest

    public init(request: SnapshotRequest) {
        self.request = request
    }

    public struct Result {
        public var snapshot: Snapshot
        /// Clang warnings, each once however many targets or headers produced it, and
        /// one line per header left out (`keepGoing`).
        public var warnings: [String]
        /// The headers left out because they did not parse (`keepGoing`), by target.
        public var skipped: [SkippedHeader] = []
        /// What the extraction cache did, when there was one.
        public var cache: CacheStatistics?
    }

    /// A listed header that did not parse on one target and was left out.
    public struct SkippedHeader: Sendable, Equatable {
        public var header: String
        public var target: String
        public var reason: String

        public var message: String { "skipped \(header) for \(target): \(reason)" }

        public init(header: String, target: String, reason: String) {
            self.header = header
            self.target = target
            self.reason = reason
        }
    }

    /// A reason as a snapshot keeps it: paths relative to their include root, so the
    /// file says the same wherever the tree was.
    private static func withoutRoots(_ reason: String, _ request: SnapshotRequest) -> String {
        let treeRoot = request.tree == .host ? [] : [request.tree.root]
        let roots = (request.includeDirectories.map { HeaderResolver.absolute($0) } + request.tree.genericRoots + treeRoot)
            .map { HeaderNamer.normalize($0) + "/" }.sorted { $0.count > $1.count }
        var text = reason
        for header in request.headers { text = text.replacingOccurrences(of: header.path, with: header.name) }
        for root in roots where root != "/" { text = text.replacingOccurrences(of: root, with: "") }
        return text
    }

    /// `progress` is called after each finished job with (done, total).
    public func build(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        guard !request.headers.isEmpty else { throw UAPIError.noHeaders("no headers were given") }
        try checkIncludeDirectories()
        let overlay = IncludeOverlay()
        defer { overlay.remove() }
        let environments = try request.targets.map { try TargetEnvironment(target: $0, request: request, overlay: overlay) }
        try overlay.write()
        let headers = request.headers.sorted()
        // With --shard only a part is parsed; every header still counts as listed.
        let parsed = Array(request.shard.map { $0.slice(of: headers) } ?? headers[...])
        let jobs = environments.flatMap { environment in parsed.map { (environment, $0) } }
        let counter = ProgressCounter(total: jobs.count, report: progress)
        let listedPaths = Set(headers.map(\.path))
        let scanCache = SourceScanCache()
        let fileHashes = FileHashes()
        let session = request.cache.map { CacheSession(cache: $0, hashes: fileHashes) }
        let cacheEnvironments = environments.map { CacheKey.environment($0, request: request, overlay: overlay) }
        let namers = environments.map { environment in
            HeaderNamer(listed: headers, roots: request.includeDirectories + environment.namingRoots,
                        asmDirectories: environment.asmDirectories)
        }

        ClangLibrary.prepareForWorkers()
        let run = { (indices: [Int], listed: [Int: Set<String>]) -> [Swift.Result<HeaderExtraction, Error>] in
            parallelMap(count: indices.count, workers: request.workers, makeState: { ClangWorker() }) { worker, position in
                let job = indices[position]
                let (environment, header) = jobs[job]
                let namer = namers[job / parsed.count]
                let provenance = HeaderProvenance(environment: environment, userRoots: environment.userRoots, namer: namer)
                let extractor = HeaderExtractor(header: header, environment: environment,
                                                kernelTypes: request.kernelTypes, namer: namer,
                                                listedPaths: listed[job / parsed.count] ?? listedPaths,
                                                evaluateIncludedMacros: !request.onlyListed, limits: request.limits,
                                                scanCache: scanCache, preludes: request.preludes, provenance: provenance)
                defer { counter.step() }
                // The watchdog bounds the whole job, a cache lookup included.
                let watched = { (work: () throws -> HeaderExtraction) in
                    Swift.Result {
                        try HeaderWatchdog.shared.watch(header: "\(header.name) (\(environment.target.name))",
                                                        seconds: request.limits.timeoutPerHeader, work)
                    }
                }
                guard let session else { return watched { try extractor.extract(worker: worker) } }
                return watched { try session.extract(extractor, worker: worker, environment: cacheEnvironments[job / parsed.count]).get() }
            }
        }
        var outcomes = run(Array(jobs.indices), [:])
        if request.keepGoing, !request.onlyListed {
            // A listed header that failed on its own evaluated none of its macros:
            // redo the units that include it, evaluating its macros there.
            var listed: [Int: Set<String>] = [:]
            var redo: [Int] = []
            for position in environments.indices {
                let range = (position * parsed.count)..<((position + 1) * parsed.count)
                let failed = Set(zip(parsed, outcomes[range]).compactMap { header, outcome -> String? in
                    if case .failure = outcome { return header.path }
                    return nil
                })
                guard !failed.isEmpty else { continue }
                listed[position] = listedPaths.subtracting(failed)
                redo += range.filter { job in
                    guard case let .success(extraction) = outcomes[job] else { return false }
                    return extraction.macroFiles.union(extraction.files.keys).contains { failed.contains(HeaderNamer.normalize($0)) }
                }
            }
            for (job, outcome) in zip(redo, run(redo, listed)) { outcomes[job] = outcome }
        }

        var warnings = Set<String>()
        var skipped: [SkippedHeader] = []
        var targets: [TargetSnapshot] = []
        for (position, environment) in environments.enumerated() {
            let slice = outcomes[(position * parsed.count)..<((position + 1) * parsed.count)]
            var extractions: [HeaderExtraction] = []
            var failures: [String] = []
            for (header, outcome) in zip(parsed, slice) {
                switch outcome {
                case var .success(extraction):
                    // A listed header that parsed is in the snapshot even when it defines nothing itself.
                    if extraction.files[header.path] == nil { extraction.files[header.path] = header.name }
                    extractions.append(extraction)
                case let .failure(error as UAPIError) where error.isParserMissing:
                    // Not this header's fault: no header can be parsed.
                    throw error
                case let .failure(error) where request.keepGoing:
                    let explained = Self.explained(error, environment, request)
                    let reason = (explained as? LocalizedError)?.errorDescription ?? "\(explained)"
                    skipped.append(SkippedHeader(header: header.name, target: environment.target.name, reason: reason))
                    warnings.insert(skipped.last!.message)
                    failures.append("\(header.name) for \(environment.target.name): \(reason)")
                case let .failure(error):
                    throw Self.explained(error, environment, request)
                }
            }
            extractions.expandCachedChunks()
            // Keeping going is for leaving some headers out, not all: an empty target would pass for a clean one.
            if extractions.isEmpty, !parsed.isEmpty { throw UAPIError.everyHeaderFailed(failures) }
            extractions.forEach { warnings.formUnion($0.warnings) }
            try checkOneFilePerName(extractions, target: environment.target)
            var merged = try TargetMerger(target: environment.target, listed: Set(headers.map(\.name)),
                                          onlyListed: request.onlyListed, fileHashes: fileHashes).merge(extractions)
            let leftOut = skipped.filter { $0.target == environment.target.name }
                .map { LeftOutHeader(header: $0.header, reason: Self.withoutRoots($0.reason, request)) }
            merged.leftOut = leftOut.isEmpty ? nil : leftOut.sorted()
            targets.append(merged)
        }
        return Result(snapshot: Snapshot(targets: targets), warnings: HeaderProvenance.merged(warnings.sorted()), skipped: skipped,
                      cache: session?.finish())
    }
}

extension SnapshotBuilder {
    /// A header that includes a C library header fails when the target's C library
    /// is not installed: say which package to install.
    /// Clang's message, with what to do about it: which tree was searched and which flag
    /// fixes it, or that a kernel-internal type needs `--kernel-types`.
    private static func explained(_ error: Error, _ environment: TargetEnvironment, _ request: SnapshotRequest) -> Error {
        guard case let UAPIError.headerError(diagnostic, more) = error else { return error }
        if let hint = hint(for: diagnostic, environment, request) {
            return UAPIError.headerError(diagnostic: "\(diagnostic) (\(hint))", more: more)
        }
        return error
    }

    /// Kernel-internal spellings a copied driver header uses (QEMU's pvrdma copies).
    private static let kernelInternalTypes: Set<String> = ["u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
        "bool"]

    private static func hint(for diagnostic: String, _ environment: TargetEnvironment, _ request: SnapshotRequest) -> String? {
        let target = environment.target.name
        if let name = quoted(after: "unknown type name ", in: diagnostic) {
            if kernelInternalTypes.contains(name), !request.kernelTypes {
                return "\(name) is a kernel-internal type: parse with --kernel-types, which maps u32, bool and BIT() to UAPI types"
            }
            if ["uint8_t", "uint16_t", "uint32_t", "uint64_t", "int8_t", "int16_t", "int32_t", "int64_t"].contains(name),
               !request.preludes.contains(.stdint) {
                return "\(name) is used without including <stdint.h>; if the header relies on its includer for it (QEMU's standard-headers do), parse with --prelude stdint"
            }
        }
        guard diagnostic.contains("file not found"), let missing = quoted(after: "", in: diagnostic) else { return nil }
        if missing.hasPrefix("asm/") {
            return "target \(target): \(missing) is in none of the asm directories searched for it (\(environment.asmDirectories.joined(separator: ", ")), for \(request.tree.description)); give a tree that has it with --sysroot, or leave the target out"
        }
        if let package = environment.missingLibcPackage {
            return "the \(target) C library headers are not installed: apt-get install -y \(package)"
        }
        let top = missing.split(separator: "/").first.map(String.init) ?? ""
        if HeaderTree.kernelDirectories.contains(top) {
            return "searched \(request.tree.description); give the tree that has it with --sysroot, or its include root with -I"
        }
        return nil
    }

    /// The text between the first pair of single quotes after `prefix`.
    private static func quoted(after prefix: String, in text: String) -> String? {
        guard let start = text.range(of: prefix + "'") ?? (prefix.isEmpty ? text.range(of: "'") : nil) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// A missing include root would be skipped silently by clang.
    private func checkIncludeDirectories() throws {
        for directory in request.includeDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UAPIError.includeDirectoryNotFound(directory)
            }
        }
    }

    /// Two files under one header name would mix two copies (two versions) in one snapshot.
    private func checkOneFilePerName(_ extractions: [HeaderExtraction], target: Target) throws {
        var pathByName: [String: String] = [:]
        for extraction in extractions {
            for (path, name) in extraction.includedFiles.sorted(by: { $0.key < $1.key }) where name.contains("/") {
                if let known = pathByName[name], known != path {
                    throw UAPIError.conflictingHeader(target: target.name, header: name, paths: [known, path].sorted())
                }
                pathByName[name] = path
            }
        }
    }
}

/// Counts finished jobs across worker threads.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func step() {
        lock.lock()
        done += 1
        let now = done
        lock.unlock()
        report?(now, total)
    }
}
