/// The top level of a snapshot file. A file that is not JSON is reported as such
/// first, then one that is not a snapshot or is too new, and only then a wrong or
/// missing value inside, so an unrelated JSON file gets the plain answer.
enum SnapshotDocument {
    static func read(_ reader: inout JSONReader) throws -> Snapshot {
        let start = reader.position
        var format: String?, schemaVersion: Int?, tool: ToolInfo?, targets: [TargetSnapshot]?
        var deferred: JSONReadError?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            let valueStart = reader.position
            do throws(JSONReadError) {
                switch key {
                case "format": format = try reader.string()
                case "schemaVersion": schemaVersion = try reader.int()
                case "tool": tool = try ToolInfo(json: &reader)
                case "targets": targets = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try TargetSnapshot(json: &r) }
                default: try reader.skipValue()
                }
            } catch {
                guard error.kind != .syntax else { throw error }
                if deferred == nil { deferred = error.inside(key: key) }
                reader.rewind(to: valueStart)
                try reader.skipValue()
            }
        }
        try reader.end()
        guard format == Snapshot.formatName else {
            throw Rejection(reason: "\"format\" is not \"\(Snapshot.formatName)\"")
        }
        guard let schemaVersion, schemaVersion <= Snapshot.currentSchemaVersion else {
            throw Rejection(reason: schemaVersion.map {
                "schemaVersion \($0) is newer than this uapi understands (\(Snapshot.currentSchemaVersion)); upgrade uapi"
            } ?? "no \"schemaVersion\" number")
        }
        if let deferred { throw deferred }
        var snapshot = Snapshot(tool: try required(tool, "tool", objectAt: start),
                                targets: try required(targets, "targets", objectAt: start))
        snapshot.format = Snapshot.formatName
        snapshot.schemaVersion = schemaVersion
        return snapshot
    }

    /// Valid JSON that is not a snapshot this uapi can read.
    struct Rejection: Error {
        var reason: String
    }
}
