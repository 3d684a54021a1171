/// Building blocks for hand-written decoders: arrays, optionals, enums by raw value,
/// required members.
extension JSONReader {
    package mutating func array<T>(_ element: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> [T] {
        var result: [T] = []
        var elements = try array()
        while try elements.next(&self) {
            do throws(JSONReadError) {
                result.append(try element(&self))
            } catch {
                throw error.inside(index: result.count)
            }
        }
        return result
    }

    /// A member that may be `null` (absent members stay nil in the caller).
    package mutating func optional<T>(_ value: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> T? {
        if null() { return nil }
        return try value(&self)
    }

    package mutating func rawValue<T: RawRepresentable>(_ type: T.Type) throws(JSONReadError) -> T where T.RawValue == String {
        let start = position
        let text = try string()
        guard let value = T(rawValue: text) else {
            throw JSONReadError(kind: .wrongValue, offset: start, message: "\"\(text)\" is not a known \(T.self)")
        }
        return value
    }

    package mutating func strings() throws(JSONReadError) -> [String] {
        try array { (reader: inout JSONReader) throws(JSONReadError) in try reader.string() }
    }
}

/// The value of a member the schema requires, or the error that names it.
package func required<T>(_ value: T?, _ key: String, objectAt offset: Int) throws(JSONReadError) -> T {
    guard let value else { throw JSONReadError.missing(key, at: offset) }
    return value
}
