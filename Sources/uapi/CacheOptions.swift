import ArgumentParser
import Foundation
import UAPIKit

/// The extraction cache, for every command that parses headers.
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache"), help: ArgumentHelp(
        "Keep parse results in this directory and reuse them (default: $XDG_CACHE_HOME/uapi, else ~/.cache/uapi).",
        discussion: "A header's results are reused while this uapi build, the target, the flags and the bytes of the header and of everything it includes stay the same. Safe to share between concurrent runs and CI jobs.",
        valueName: "dir"), completion: .directory)
    var directory: String?

    @Flag(name: .customLong("no-cache"), help: "Parse every header; neither read nor write the cache.")
    var disabled = false

    @Option(name: .customLong("cache-size"), help: ArgumentHelp("Keep the cache under this size (512M, 2G, ...; default 512M): the least recently used results go first.", valueName: "size"))
    var size: String?

    @Flag(name: .customLong("stats"), help: "Say on standard error how many results came from the cache and how many headers were parsed.")
    var stats = false

    func validate() throws {
        if disabled, directory != nil { throw ValidationError("give --cache or --no-cache, not both") }
        if let size, ExtractionCache.parseSize(size) == nil {
            throw ValidationError("--cache-size takes a size such as 512M, 2G or a number of bytes, not '\(size)'")
        }
    }

    /// The cache to use; nil with --no-cache, or when no directory can be named.
    func cache() -> ExtractionCache? {
        guard !disabled, var directory = directory ?? ExtractionCache.defaultDirectory() else { return nil }
        if !directory.hasPrefix("/") { directory = FileManager.default.currentDirectoryPath + "/" + directory }
        return ExtractionCache(directory: directory, sizeLimit: size.flatMap(ExtractionCache.parseSize) ?? ExtractionCache.defaultSizeLimit)
    }

    /// With --stats: one line on standard error.
    func report(_ statistics: CacheStatistics?) {
        guard stats else { return }
        if let statistics, let cache = cache() {
            CLIOutput.warning("uapi: \(statistics.line(directory: cache.directory))")
        } else {
            CLIOutput.warning("uapi: cache: off")
        }
    }
}
