import ArgumentParser
import UAPIKit

/// Bounds on what one header may cost (see docs/hostile-input.md).
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-header-bytes"), help: "The largest header, or file it includes, that is read (bytes; default 64 MiB).")
    var maxHeaderBytes = InputLimits.defaultMaxHeaderBytes

    @Option(name: .customLong("timeout-per-header"),
            help: "Seconds one header may take on one target; past that uapi stops at once with status 2 (0: no limit; default 120).")
    var timeoutPerHeader = InputLimits.defaultTimeoutPerHeader

    func validate() throws {
        if maxHeaderBytes < 1 { throw ValidationError("--max-header-bytes must be at least 1, not \(maxHeaderBytes)") }
        if timeoutPerHeader < 0 { throw ValidationError("--timeout-per-header must be 0 (no limit) or more, not \(timeoutPerHeader)") }
    }

    var limits: InputLimits {
        InputLimits(maxHeaderBytes: maxHeaderBytes, timeoutPerHeader: timeoutPerHeader)
    }
}
