import Foundation
import UAPIModel

/// Where extraction results are kept between runs, and how much room they may take.
/// One header's items for one target are reused when this build of uapi, the target
/// and every flag, the names of the files involved, and the bytes of the header and
/// of every file it includes are all the same (see docs/ci.md for sharing it in CI).
public struct ExtractionCache: Sendable, Equatable {
    public var directory: String
    /// In bytes; after a run that stored results, the least recently used files go
    /// until the cache is back under 90% of it.
    public var sizeLimit: Int64

    public static let defaultSizeLimit: Int64 = 512 << 20

    public init(directory: String, sizeLimit: Int64 = ExtractionCache.defaultSizeLimit) {
        self.directory = directory
        self.sizeLimit = sizeLimit
    }

    /// `$XDG_CACHE_HOME/uapi`, else `~/.cache/uapi`; nil with neither variable set.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return "\(base)/uapi" }
        if let home = environment["HOME"], !home.isEmpty { return "\(home)/.cache/uapi" }
        return nil
    }

    /// `512M`, `2G`, `64K`, `1048576`: binary units, upper or lower case, an optional `iB` or `B`.
    public static func parseSize(_ text: String) -> Int64? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count { digits.removeLast(suffix.count) }
        var shift: Int64 = 0
        if let unit = digits.last, let power = ["K": 10, "M": 20, "G": 30, "T": 40][String(unit)] {
            shift = Int64(power)
            digits.removeLast()
        }
        guard let value = Int64(digits), value >= 0, value <= Int64.max >> shift else { return nil }
        return value << shift
    }
}

/// What the cache did in one run.
public struct CacheStatistics: Sendable, Equatable {
    /// Header-target results read from the cache.
    public var hits = 0
    /// Header-target results parsed, because the cache had none that still held.
    public var parsed = 0
    /// Cache files that could not be read back (damaged); their results were parsed again.
    public var unreadable = 0
    /// Results stored.
    public var stored = 0
    /// Files removed to keep the cache under its size.
    public var evictedFiles = 0

    public init() {}

    public static func + (a: CacheStatistics, b: CacheStatistics) -> CacheStatistics {
        var sum = a
        sum.hits += b.hits
        sum.parsed += b.parsed
        sum.unreadable += b.unreadable
        sum.stored += b.stored
        sum.evictedFiles += b.evictedFiles
        return sum
    }

    /// `uapi: cache: 2508 hits, 0 parsed, 0 stored (/root/.cache/uapi)`.
    public func line(directory: String) -> String {
        var parts = ["\(hits) hit\(hits == 1 ? "" : "s")", "\(parsed) parsed", "\(stored) stored"]
        if unreadable > 0 { parts.append("\(unreadable) unreadable") }
        if evictedFiles > 0 { parts.append("\(evictedFiles) file\(evictedFiles == 1 ? "" : "s") evicted") }
        return "cache: \(parts.joined(separator: ", ")) (\(directory))"
    }
}
