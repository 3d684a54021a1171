import UAPIModel

/// Bounds on what one header may cost, checked before and while clang parses it.
public struct InputLimits: Sendable, Equatable {
    /// The largest header, or file it includes, that is read (`--max-header-bytes`).
    public var maxHeaderBytes: Int
    /// Seconds one header may take on one target before uapi exits with status 2
    /// (`--timeout-per-header`); 0 turns the watchdog off.
    public var timeoutPerHeader: Int

    /// The most tokens one expression or declaration may have, macros expanded.
    /// clang recurses once per operator: at the measured worst (a chain of `sizeof`,
    /// about 5 KB of stack a level) 100,000 levels need 500 MiB of the 1 GiB worker
    /// stack. The largest under /usr/include/linux (an initializer list in
    /// linux/map_to_14segment.h) has about 18,000.
    public static let maxExpressionTokens = 100_000

    public static let defaultMaxHeaderBytes = 64 << 20
    public static let defaultTimeoutPerHeader = 120

    public init(maxHeaderBytes: Int = InputLimits.defaultMaxHeaderBytes,
                timeoutPerHeader: Int = InputLimits.defaultTimeoutPerHeader) {
        self.maxHeaderBytes = maxHeaderBytes
        self.timeoutPerHeader = timeoutPerHeader
    }
}
