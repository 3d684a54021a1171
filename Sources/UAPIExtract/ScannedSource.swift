import Foundation
import UAPIModel

/// A file read for the checks before parsing, with what they need from its text.
final class ScannedSource: Sendable {
    let path: String
    /// A lexer at the start of the text, to copy for each pass.
    let lexer: SourceLexer
    let directives: SourceDirectives
    let profile: PieceProfile
    /// The object-like macros it defines whose bodies a probe can hold: probed in the
    /// parse of every header that includes it (the rule clang's tokens get, so the same
    /// macros are evaluated as when they were probed in a second parse).
    let probeNames: [String]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        lexer = SourceLexer(bytes)
        var directives = SourceDirectives()
        var profile = PieceProfile()
        // Nothing in these closures throws.
        try? ExpressionSizeCheck.walkPieces(lexer, directive: { lexer, hash, name, rest in
            directives.add(hash: hash, name: name, rest: rest, lexer: lexer)
        }, token: { lexer, token in
            profile.add(token, lexer: lexer)
        }, end: { _, _ in
            profile.endPiece()
        })
        self.directives = directives
        self.profile = profile
        var seen = Set<String>()
        probeNames = directives.definitions.compactMap { $0.isProbeCandidate && seen.insert($0.name).inserted ? $0.name : nil }
    }
}

/// Files already scanned in one snapshot: the headers of a set include the same few
/// files (`linux/types.h`, ...) for every header and target.
final class SourceScanCache: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [String: ScannedSource] = [:]
    private var reached: [IncludeSearchPath: [String: [String]]] = [:]

    /// The files `path`'s includes reach on `searchPath`, worked out by `resolve` once.
    func includes(of path: String, searchPath: IncludeSearchPath, resolve: () throws -> [String]) rethrows -> [String] {
        lock.lock()
        let known = reached[searchPath]?[path]
        lock.unlock()
        if let known { return known }
        let paths = try resolve()
        lock.lock()
        reached[searchPath, default: [:]][path] = paths
        lock.unlock()
        return paths
    }

    /// The scanned file at `path` (a regular file the caller has checked), read at most once.
    func source(_ path: String, maxBytes: Int) throws -> ScannedSource? {
        lock.lock()
        let known = sources[path]
        lock.unlock()
        if let known { return known }
        guard let data = try InputFile.read(path, maxBytes: maxBytes, option: "--max-header-bytes") else { return nil }
        let scanned = ScannedSource(path: path, bytes: [UInt8](data))
        lock.lock()
        sources[path] = scanned
        lock.unlock()
        return scanned
    }
}
