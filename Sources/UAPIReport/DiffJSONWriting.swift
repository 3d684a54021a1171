import Foundation
import UAPIModel
import UAPIPolicy

/// The `uapi-diff` document written by hand, byte for byte what `JSONEncoder` makes of
/// `DiffJSON` (sorted keys, pretty, nil members left out; a test compares the two): a
/// whole-tree diff's report took `JSONEncoder` a tenth of the diff.
extension DiffJSON {
    func encoded() -> Data {
        var writer = JSONWriter(capacity: 1 << 16)
        writer.beginObject()
        writer.key("changes"); writer.array(changes) { $1.write(to: &$0) }
        writer.key("format"); writer.string(format)
        writer.key("headers"); writer.strings(headers)
        writer.key("new"); writer.string(new)
        writer.key("notes"); writer.strings(notes)
        writer.key("old"); writer.string(old)
        writer.key("schemaVersion"); writer.int(schemaVersion)
        writer.key("summary")
        writer.beginObject()
        writer.key("breaking"); writer.int(summary.breaking)
        writer.key("compatible"); writer.int(summary.compatible)
        writer.key("info"); writer.int(summary.info)
        writer.key("suppressed"); writer.int(summary.suppressed)
        writer.key("versionBump"); writer.string(summary.versionBump)
        writer.endObject()
        writer.key("targets"); writer.strings(targets)
        writer.key("unmatchedSuppressions"); writer.array(unmatchedSuppressions) { $1.write(to: &$0) }
        writer.endObject()
        writer.raw(0x0A)
        return writer.takeData()
    }
}

extension DiffJSON.ChangeJSON {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("category"); writer.string(category)
        writer.key("header"); writer.string(header)
        writer.key("item"); writer.string(item)
        writer.key("message"); writer.string(message)
        writer.key("name"); writer.string(name)
        if let new { writer.key("new"); writer.string(new) }
        if let newLocation { writer.key("newLocation"); newLocation.write(to: &writer) }
        if let newName { writer.key("newName"); writer.string(newName) }
        if let old { writer.key("old"); writer.string(old) }
        if let oldLocation { writer.key("oldLocation"); oldLocation.write(to: &writer) }
        writer.key("severity"); writer.string(severity.rawValue)
        if let suppressedBy { writer.key("suppressedBy"); writer.string(suppressedBy) }
        writer.key("targetSpecific"); writer.bool(targetSpecific)
        writer.key("targets"); writer.strings(targets)
        writer.endObject()
    }
}

extension Suppression {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let category { writer.key("category"); writer.string(category.rawValue) }
        if let header { writer.key("header"); writer.string(header) }
        if let name { writer.key("name"); writer.string(name) }
        writer.key("reason"); writer.string(reason)
        if let rule { writer.key("rule"); writer.string(rule) }
        writer.key("source"); writer.string(source)
        if let target { writer.key("target"); writer.string(target) }
        writer.endObject()
    }
}

private extension JSONWriter {
    mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        beginArray()
        for item in items {
            element()
            write(&self, item)
        }
        endArray()
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }
}
