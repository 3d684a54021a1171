import Foundation
import UAPIModel

/// A header and every file its `#include`s can reach, read before clang reads them.
/// clang would read a FIFO or a device such as /dev/zero forever, so every file on
/// the way must be a regular file no larger than the limit, or the header is refused
/// with the including file and line named.
///
/// Every `#include` line counts, whatever `#if` surrounds it; `#include NAME` is
/// followed when NAME is an object-like macro naming a header (through other such
/// macros too). An include clang would compute some other way (token pasting,
/// function-like macros) is not followed: the per-header timeout bounds what it costs.
struct IncludeClosure {
    private(set) var files: [ScannedSource] = []
    private var seen = Set<String>()
    private let searchPath: IncludeSearchPath
    private let maxBytes: Int
    private let cache: SourceScanCache

    /// `header` is the listed header; `preludeIncludes` are what the umbrella file
    /// includes before it (the kernel-types prelude), checked the same way.
    init(header: String, preludeIncludes: [SourceDirectives.IncludeOperand], searchPath: IncludeSearchPath,
         maxBytes: Int, cache: SourceScanCache) throws {
        self.searchPath = searchPath
        self.maxBytes = maxBytes
        self.cache = cache
        var queue = try admit(header, from: nil)
        for operand in preludeIncludes {
            for candidate in searchPath.candidates(for: operand, includingDirectory: nil) {
                queue += try admit(candidate, from: "the kernel-types prelude")
            }
        }
        var followedMacros = Set<String>()
        while true {
            while let index = queue.popLast() {
                queue += try follow(files[index])
            }
            // `#include NAME` resolves once every file's macros are known; that may reach new files.
            let added = try followMacroIncludes(followed: &followedMacros)
            if added.isEmpty { break }
            queue = added
        }
    }

    /// Checks and reads `path` unless seen; returns the index of the new file, if any.
    private mutating func admit(_ path: String, from includer: String?) throws -> [Int] {
        guard let path = try Self.check(path, from: includer) else { return [] }
        return try read(path)
    }

    /// The normalized path when it is a regular file; nil when clang would pass it by.
    private static func check(_ path: String, from includer: String?) throws -> String? {
        let path = HeaderNamer.normalize(path)
        switch FileKind(path: path) {
        case .regular:
            return path
        case .missing where includer == nil:
            throw UAPIError.headerNotFound(path, searched: [])
        case .missing:
            // clang moves on to the next directory, or reports the missing header itself.
            return nil
        case .other("directory") where includer != nil:
            return nil
        case let .other(kind):
            throw UAPIError.notRegularFile(path: path, kind: kind, includedFrom: includer)
        }
    }

    private mutating func read(_ path: String) throws -> [Int] {
        guard seen.insert(path).inserted, let source = try cache.source(path, maxBytes: maxBytes) else { return [] }
        files.append(source)
        return [files.count - 1]
    }

    private mutating func follow(_ file: ScannedSource) throws -> [Int] {
        let reached = try cache.includes(of: file.path, searchPath: searchPath) {
            let directory = (file.path as NSString).deletingLastPathComponent
            var paths: [String] = []
            for include in file.directives.includes {
                for candidate in searchPath.candidates(for: include.operand, includingDirectory: directory) {
                    if let path = try Self.check(candidate, from: "\(file.path):\(include.line)") { paths.append(path) }
                }
            }
            return paths
        }
        var added: [Int] = []
        for path in reached { added += try read(path) }
        return added
    }

    private mutating func followMacroIncludes(followed: inout Set<String>) throws -> [Int] {
        let named = files.contains { file in
            file.directives.includes.contains { if case .macro = $0.operand { return true } else { return false } }
        }
        guard named else { return [] }
        var operands: [String: [SourceDirectives.IncludeOperand]] = [:]
        for file in files {
            for definition in file.directives.definitions {
                if let operand = definition.includeOperand { operands[definition.name, default: []].append(operand) }
            }
        }
        var added: [Int] = []
        for file in files {
            let directory = (file.path as NSString).deletingLastPathComponent
            for include in file.directives.includes {
                guard case let .macro(name) = include.operand, followed.insert("\(file.path)|\(name)").inserted else { continue }
                for operand in Self.resolve(name, operands) {
                    for candidate in searchPath.candidates(for: operand, includingDirectory: directory) {
                        added += try admit(candidate, from: "\(file.path):\(include.line)")
                    }
                }
            }
        }
        return added
    }

    /// What a macro naming a header can stand for, through chains of such macros.
    private static func resolve(_ name: String, _ operands: [String: [SourceDirectives.IncludeOperand]]) -> [SourceDirectives.IncludeOperand] {
        var result: [SourceDirectives.IncludeOperand] = []
        var pending = [name]
        var visited = Set<String>()
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            for operand in operands[next] ?? [] {
                if case let .macro(other) = operand { pending.append(other) } else { result.append(operand) }
            }
        }
        return result
    }
}
