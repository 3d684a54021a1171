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
        headers[Self.share(index - 1, of: headers.count, count)..<Self.share(index, of: headers.count, count)]
    }

    /// `part * total / count` without overflow, for any I/N that parses (`--shard 9223372036854775807/...`).
    private static func share(_ part: Int, of total: Int, _ count: Int) -> Int {
        let product = part.multipliedFullWidth(by: total)
        return count.dividingFullWidth((high: product.high, low: product.low)).quotient
    }
}
