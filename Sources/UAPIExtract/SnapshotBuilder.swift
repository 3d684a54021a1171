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
        /// Clang warnings, each once however many targets or headers produced it.
        public var warnings: [String]
    }

    /// `progress` is called after each finished job with (done, total).
    public func build(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        guard !request.headers.isEmpty else { throw UAPIError.noHeaders("no headers were given") }
        let environments = try request.targets.map { try TargetEnvironment(target: $0, request: request) }
        let headers = request.headers.sorted()
        let jobs = environments.flatMap { environment in headers.map { (environment, $0) } }
        let counter = ProgressCounter(total: jobs.count, report: progress)
        let listedPaths = Set(headers.map(\.path))
        let scanCache = SourceScanCache()

        let run = { (indices: [Int], listed: [Int: Set<String>]) -> [Swift.Result<HeaderExtraction, Error>] in
            parallelMap(count: indices.count, workers: request.workers, makeState: { ClangIndex() }) { index, position in
                let job = indices[position]
                let (environment, header) = jobs[job]
                let namer = HeaderNamer(listed: headers, roots: request.includeDirectories + environment.namingRoots)
                let extractor = HeaderExtractor(header: header, environment: environment,
                                                kernelTypes: request.kernelTypes, namer: namer,
                                                listedPaths: listed[job / headers.count] ?? listedPaths,
                                                evaluateIncludedMacros: !request.onlyListed, limits: request.limits,
                                                scanCache: scanCache)
                defer { counter.step() }
                return Swift.Result {
                    try HeaderWatchdog.shared.watch(header: "\(header.name) (\(environment.target.name))",
                                                    seconds: request.limits.timeoutPerHeader) {
                        try extractor.extract(index: index)
                    }
                }
            }
        }
        var outcomes = run(Array(jobs.indices), [:])
        if request.keepGoing, !request.onlyListed {
            // A listed header that failed on its own evaluated none of its macros:
            // redo the units that include it, evaluating its macros there.
            var listed: [Int: Set<String>] = [:]
            var redo: [Int] = []
            for position in environments.indices {
                let range = (position * headers.count)..<((position + 1) * headers.count)
                let failed = Set(zip(headers, outcomes[range]).compactMap { header, outcome -> String? in
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
        var targets: [TargetSnapshot] = []
        for (position, environment) in environments.enumerated() {
            let slice = outcomes[(position * headers.count)..<((position + 1) * headers.count)]
            var extractions: [HeaderExtraction] = []
            var failures: [String] = []
            for (header, outcome) in zip(headers, slice) {
                switch outcome {
                case let .success(extraction):
                    extractions.append(extraction)
                case let .failure(error) where request.keepGoing:
                    let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                    failures.append("\(header.name) for \(environment.target.name): \(reason)")
                case let .failure(error):
                    throw error
                }
            }
            // Keeping going is for leaving some headers out, not all: an empty target would pass for a clean one.
            if extractions.isEmpty { throw UAPIError.everyHeaderFailed(failures) }
            warnings.formUnion(failures.map { "skipped \($0)" })
            extractions.forEach { warnings.formUnion($0.warnings) }
            targets.append(try TargetMerger(target: environment.target, listed: Set(headers.map(\.name)),
                                            onlyListed: request.onlyListed).merge(extractions))
        }
        return Result(snapshot: Snapshot(targets: targets), warnings: warnings.sorted())
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
