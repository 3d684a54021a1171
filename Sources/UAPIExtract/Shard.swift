import UAPIModel

/// One of N parts of a header set (`--shard I/N`): a contiguous run of the sorted
/// headers, so that partial snapshots merged in order give what one run gives.
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw UAPIError.badArgument("--shard takes I/N with 1 <= I <= N, not \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// `2/5`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw UAPIError.badArgument("--shard takes I/N (e.g. 2/5), not '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// This shard's part of `headers` (sorted).
    func slice<T>(of headers: [T]) -> ArraySlice<T> {
        headers[(index - 1) * headers.count / count..<index * headers.count / count]
    }
}
