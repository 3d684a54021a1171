/// Byte-level tests on C names for the hot paths of reading and diffing: Foundation's
/// `contains(_:)` and `range(of:)` on `String` cost thousands of instructions a call,
/// which a whole-tree diff pays hundreds of thousands of times.
extension String {
    /// Whether the name holds this ASCII character (`.` in `outer.member`).
    package func containsASCII(_ character: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(ascii: character))
    }

    /// The text before the first occurrence of `marker`, or nil when it does not occur.
    package func prefix(before marker: StaticString) -> String? {
        let pattern = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let first = pattern.first else { return "" }
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first
            && bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return String(decoding: bytes[..<start], as: UTF8.self)
        }
        return nil
    }
}
