/// Include guards (`#define _LINUX_VFIO_H`) are how a header protects itself, not
/// something a program uses: recognised by the conventional name.
package enum IncludeGuard {
    /// The name without its leading and trailing underscores ends in `_H` or `_INCLUDED`,
    /// or is `H`. Compared on bytes: the diff asks this of every constant whose value is 1.
    package static func looksLikeOne(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let underscore = UInt8(ascii: "_")
        guard let last = bytes.lastIndex(where: { $0 != underscore }) else { return false }
        let first = bytes.firstIndex { $0 != underscore }!
        let trimmed = bytes[first...last]
        func ends(with suffix: StaticString) -> Bool {
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            return trimmed.count >= tail.count && trimmed.suffix(tail.count).elementsEqual(tail)
        }
        return ends(with: "_H") || ends(with: "_INCLUDED") || trimmed.elementsEqual("H".utf8)
    }
}
