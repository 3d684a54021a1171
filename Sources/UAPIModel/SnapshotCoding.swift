import Foundation

/// Reads and writes snapshots as deterministic JSON: sorted keys, two-space
/// indentation, a trailing newline, no absolute paths or timestamps.
public enum SnapshotCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data, path: String) throws -> Snapshot {
        struct Header: Decodable { var format: String?; var schemaVersion: Int? }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw UAPIError.badSnapshot(path: path, reason: "not valid JSON (\(describe(error, in: data)))")
        }
        guard header.format == Snapshot.formatName else {
            throw UAPIError.badSnapshot(path: path, reason: "\"format\" is not \"\(Snapshot.formatName)\"")
        }
        guard let version = header.schemaVersion, version <= Snapshot.currentSchemaVersion else {
            throw UAPIError.badSnapshot(path: path, reason: "schemaVersion \(header.schemaVersion.map(String.init) ?? "missing") is newer than this uapi understands (\(Snapshot.currentSchemaVersion)); upgrade uapi")
        }
        let snapshot: Snapshot
        do {
            snapshot = try JSONDecoder().decode(Snapshot.self, from: data)
        } catch {
            throw UAPIError.badSnapshot(path: path, reason: describe(error, in: data))
        }
        if let violation = SnapshotBounds.violation(in: snapshot) {
            throw UAPIError.badSnapshot(path: path, reason: violation)
        }
        return snapshot
    }

    /// The largest snapshot file read: a few times the largest real one (all of /usr/include).
    public static let maxBytes = 1 << 30

    public static func read(path: String) throws -> Snapshot {
        guard let data = try InputFile.read(path, maxBytes: maxBytes) else {
            throw UAPIError.badSnapshot(path: path, reason: "cannot read the file")
        }
        return try decode(data, path: path)
    }

    /// A decoding error as "line N: what", so the user can find the spot.
    private static func describe(_ error: Error, in data: Data) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context):
            return "\(context.debugDescription) \(lineHint(context.underlyingError, data))".trimmingCharacters(in: .whitespaces)
        case let DecodingError.keyNotFound(key, context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            return "wrong value at \(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private static func lineHint(_ underlying: Error?, _ data: Data) -> String {
        guard let underlying else { return "" }
        let text = "\(underlying)"
        if let range = text.range(of: #"line \d+"#, options: .regularExpression) { return "(\(text[range]))" }
        return "(\(text))"
    }
}
