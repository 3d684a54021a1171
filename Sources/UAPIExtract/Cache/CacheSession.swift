import Foundation
import UAPIClang
import UAPIModel

/// The cache during one build: answers a (header, target) job from a stored result
/// whose files all still hash the same, or runs the extraction and stores what it
/// gave. Shared by the worker threads.
final class CacheSession: @unchecked Sendable {
    let cache: ExtractionCache
    private let store: CacheStore
    private let hashes: FileHashes
    private let lock = NSLock()
    /// Chunks read in this run, by id: most are shared by many headers.
    private var chunks: [String: ItemChunk] = [:]
    /// What `#include <name>` opens, by target and name, looked up once per run.
    private var resolved: [String: String?] = [:]
    private var statistics = CacheStatistics()

    init(cache: ExtractionCache, hashes: FileHashes) {
        self.cache = cache
        self.store = CacheStore(directory: cache.directory)
        self.hashes = hashes
    }

    /// The job's result, from the cache when a stored one still holds.
    func extract(_ extractor: HeaderExtractor, worker: ClangWorker, environment: CacheKey.Environment) -> Swift.Result<HeaderExtraction, Error> {
        let key = CacheKey.header(extractor.header, in: environment)
        let context = Context(header: extractor.header.path, namer: extractor.namer, listed: extractor.listedPaths,
                              environment: environment)
        if let hit = lookup(key, context) {
            count { $0.hits += 1 }
            return hit
        }
        var extractor = extractor
        var entered: [String] = []
        extractor.enteredFiles = { entered = $0 }
        let result = Swift.Result { try extractor.extract(worker: worker) }
        count { $0.parsed += 1 }
        if save(result, entered: entered, key: key, context) { count { $0.stored += 1 } }
        return result
    }

    /// Removes what does not fit, after a run that stored results.
    func finish() -> CacheStatistics {
        if statistics.stored > 0 {
            let evicted = CacheEviction.run(store, limit: cache.sizeLimit)
            count { $0.evictedFiles += evicted }
        }
        lock.lock()
        defer { lock.unlock() }
        return statistics
    }

    // MARK: Reading

    /// What a result depends on besides the key: how files are named and which are listed.
    private struct Context {
        let header: String
        let namer: HeaderNamer
        let listed: Set<String>
        let environment: CacheKey.Environment

        func input(_ path: String, sha256: String) -> CacheVariant.Input {
            CacheVariant.Input(path: path, sha256: sha256, name: namer.name(of: path), listed: listed.contains(path))
        }
    }

    private func lookup(_ key: String, _ context: Context) -> Swift.Result<HeaderExtraction, Error>? {
        let path = store.entryPath(key)
        guard let bytes = store.read(path) else { return nil }
        guard let entry = CacheEntry(bytes: bytes, key: key) else {
            // Damaged, or another key's entry: parsed again, and replaced when saved.
            count { $0.unreadable += 1 }
            return nil
        }
        for variant in entry.variants where holds(variant, context) {
            switch variant.outcome {
            case let .failure(error, _, _):
                return .failure(error)
            case let .items(ids, files, macroFiles, warnings):
                var chunks: [ItemChunk] = []
                for id in ids {
                    guard let chunk = chunk(id) else { return nil }
                    chunks.append(chunk)
                }
                var extraction = HeaderExtraction()
                extraction.cachedChunks = chunks
                extraction.files = files
                extraction.macroFiles = macroFiles
                extraction.warnings = warnings
                for input in variant.inputs { extraction.includedFiles[input.path] = input.name }
                return .success(extraction)
            }
        }
        return nil
    }

    /// Every file still has the bytes, the name and the listed state it had, and a
    /// header that was missing still is.
    private func holds(_ variant: CacheVariant, _ context: Context) -> Bool {
        if case let .failure(_, missing?, includer) = variant.outcome, context.environment.searchPath.finds(missing, includer: includer) {
            return false
        }
        return variant.inputs.allSatisfy { $0.listed == context.listed.contains($0.path) && $0.name == context.namer.name(of: $0.path) }
            && variant.inputs.allSatisfy { hashes.sha256(ofFile: $0.path) == $0.sha256 }
            && variant.inputs.allSatisfy { $0.path == context.header || !isShadowed($0, context.environment) }
    }

    /// A file of the same name that appeared earlier on the include path would be opened instead.
    private func isShadowed(_ input: CacheVariant.Input, _ environment: CacheKey.Environment) -> Bool {
        let key = "\(environment.key)\u{0}\(input.name)"
        lock.lock()
        let known = resolved[key]
        lock.unlock()
        let found: String?
        if let known {
            found = known
        } else {
            found = environment.searchPath.resolve(input.name).map(HeaderNamer.normalize)
            lock.lock()
            resolved[key] = found
            lock.unlock()
        }
        return found.map { $0 != input.path } ?? false
    }

    private func chunk(_ id: String) -> ItemChunk? {
        lock.lock()
        if let known = chunks[id] {
            lock.unlock()
            return known
        }
        lock.unlock()
        guard let bytes = store.read(store.chunkPath(id)) else { return nil }
        // A chunk is named by the hash of its bytes: bytes that do not hash to the name are damaged.
        guard bytes.withUnsafeBytes({ SHA256.hex(of: $0) }) == id, let chunk = ItemChunk.read(id: id, bytes: bytes) else {
            // Chunks are written only when absent: remove the damaged one so it is written again.
            store.remove(store.chunkPath(id))
            count { $0.unreadable += 1 }
            return nil
        }
        lock.lock()
        chunks[id] = chunk
        lock.unlock()
        return chunk
    }

    // MARK: Writing

    /// Stores a result with the files its translation unit entered. A failure is kept
    /// when it is a finding about the headers; one for a missing header, with its name.
    private func save(_ result: Swift.Result<HeaderExtraction, Error>, entered: [String], key: String, _ context: Context) -> Bool {
        let paths = Set(entered.filter { $0 != HeaderExtractor.umbrellaPath }.map(HeaderNamer.normalize)).sorted()
        guard !paths.isEmpty else { return false }
        var inputs: [CacheVariant.Input] = []
        for path in paths {
            guard let hash = hashes.sha256(ofFile: path) else { return false }
            inputs.append(context.input(path, sha256: hash))
        }
        let outcome: CacheVariant.Outcome
        switch result {
        case let .success(extraction):
            guard let split = try? ItemChunk.split(extraction) else { return false }
            // Stored by content: one of the right size is this one (a damaged one is removed when read).
            for (chunk, bytes) in split where store.size(of: store.chunkPath(chunk.id)) != bytes.count {
                guard store.write(bytes, to: store.chunkPath(chunk.id)) else { return false }
            }
            outcome = .items(chunks: split.map(\.chunk.id), files: extraction.files, macroFiles: extraction.macroFiles,
                             warnings: extraction.warnings)
        case let .failure(error as UAPIError):
            let message = error.errorDescription ?? ""
            let missing = SearchPath.missingHeader(in: message)
            if message.contains("file not found"), missing == nil { return false }
            outcome = .failure(error, missing: missing?.name, includer: missing?.includer ?? "")
        case .failure:
            return false
        }
        let path = store.entryPath(key)
        var entry = store.read(path).flatMap { CacheEntry(bytes: $0, key: key) } ?? CacheEntry()
        entry.variants.removeAll { $0.inputs == inputs }
        entry.variants.insert(CacheVariant(inputs: inputs, outcome: outcome), at: 0)
        entry.variants = Array(entry.variants.prefix(CacheEntry.maximumVariants))
        return store.write(entry.encoded(key: key), to: path)
    }

    private func count(_ change: (inout CacheStatistics) -> Void) {
        lock.lock()
        change(&statistics)
        lock.unlock()
    }
}
