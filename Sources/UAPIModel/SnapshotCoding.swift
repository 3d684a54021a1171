import Foundation

/// Reads and writes snapshots as deterministic JSON: sorted keys, two-space
/// indentation, a trailing newline, no absolute paths or timestamps. Snapshots go
/// through hand-written readers and writers (a whole tree is tens of megabytes);
/// other documents through `JSONEncoder`, in the same layout.
public enum SnapshotCoding {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    public static func encode(_ snapshot: Snapshot) throws -> Data {
        var writer = JSONWriter(capacity: 1 << 20)
        try snapshot.write(to: &writer)
        writer.raw(0x0A)
        return writer.takeData()
    }

    public static func decode(_ data: Data, path: String) throws -> Snapshot {
        let snapshot: Snapshot = try data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            do {
                return try SnapshotDocument.read(&reader)
            } catch let error as JSONReadError {
                throw UAPIError.badSnapshot(path: path, reason: describe(error, reader))
            } catch let rejection as SnapshotDocument.Rejection {
                throw UAPIError.badSnapshot(path: path, reason: rejection.reason)
            }
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

    /// An error as "line N: what" or "at .targets[0].records[3]", so the user can find the spot.
    private static func describe(_ error: JSONReadError, _ reader: JSONReader) -> String {
        let place = error.path.isEmpty ? "the top level" : error.path.joined()
        switch error.kind {
        case .syntax:
            return "not valid JSON (line \(reader.line(of: error.offset)): \(error.message))"
        case .wrongValue:
            return "wrong value at \(place) (line \(reader.line(of: error.offset))): \(error.message)"
        case .missingKey:
            return "\(error.message) at \(place) (line \(reader.line(of: error.offset)))"
        }
    }
}
