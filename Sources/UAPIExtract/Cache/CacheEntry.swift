import Foundation
import UAPIModel

/// What the cache keeps for one header on one target: the variants seen most
/// recently (the same header listed among different headers gives different
/// items), each with the files it depends on and what the extraction produced.
struct CacheEntry {
    static let maximumVariants = 4
    var variants: [CacheVariant] = []
}

struct CacheVariant {
    /// A file the translation unit entered, with what the result depends on: its
    /// bytes, the name it gets and whether it is one of the listed headers.
    struct Input: Equatable {
        var path: String
        var sha256: String
        var name: String
        var listed: Bool
    }

    enum Outcome {
        case items(chunks: [String], files: [String: String], macroFiles: Set<String>, warnings: [String])
        /// The header did not parse or came from the wrong tree (kept with --keep-going)
        /// and, for a missing header, its name and the directory that asked for it.
        case failure(UAPIError, missing: String?, includer: String)
    }

    var inputs: [Input]
    var outcome: Outcome
}

/// An entry names its key and carries a checksum of its variants, both checked on read, in the
/// manner of git's objects: a damaged entry, or one moved under another key, is never used.
extension CacheEntry {
    func encoded(key: String) -> [UInt8] {
        // The variants are written once and embedded as they are: the checksum covers exactly these bytes.
        var variantsWriter = JSONWriter(pretty: false)
        variantsWriter.array(variants) { writer, variant in variant.write(to: &writer) }
        let variantBytes = variantsWriter.bytes
        let checksum = variantBytes.withUnsafeBytes { SHA256.hex(of: $0) }
        var keyWriter = JSONWriter(pretty: false)
        keyWriter.string(key)
        return Array("{\"key\":".utf8) + keyWriter.bytes + Array(",\"sha256\":\"\(checksum)\",\"variants\":".utf8) + variantBytes + Array("}".utf8)
    }

    /// Nil when the bytes are not the entry of `key` as written (a damaged or misplaced file).
    init?(bytes: [UInt8], key expected: String) {
        let read: CacheEntry? = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            do throws(JSONReadError) {
                var entry = CacheEntry()
                var key: String?, checksum: String?, variantsHash: String?
                var members = try reader.object()
                while let name = try members.next(&reader) {
                    switch name {
                    case "key": key = try reader.string()
                    case "sha256": checksum = try reader.string()
                    case "variants":
                        let start = reader.position
                        entry.variants = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try CacheVariant(json: &r) }
                        variantsHash = SHA256.hex(of: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[start..<reader.position]))
                    default: try reader.skipValue()
                    }
                }
                try reader.end()
                guard key == expected, let checksum, checksum == variantsHash else { return nil }
                return entry
            } catch {
                return nil
            }
        }
        guard let read else { return nil }
        self = read
    }
}

extension CacheVariant {
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        switch outcome {
        case let .items(chunks, files, macroFiles, warnings):
            writer.key("chunks"); writer.array(chunks) { $0.string($1) }
            writer.key("files"); writer.array(files.keys.sorted()) { writer, path in
                writer.beginArray()
                writer.element(); writer.string(path)
                writer.element(); writer.string(files[path]!)
                writer.endArray()
            }
            writer.key("macroFiles"); writer.array(macroFiles.sorted()) { $0.string($1) }
            writer.key("warnings"); writer.array(warnings) { $0.string($1) }
        case let .failure(error, missing, includer):
            writer.key("failure"); writer.string(String(decoding: (try? JSONEncoder().encode(error)) ?? Data(), as: UTF8.self))
            if let missing {
                writer.key("missing"); writer.string(missing)
                writer.key("missingIncluder"); writer.string(includer)
            }
        }
        writer.key("inputs"); writer.array(inputs) { writer, input in
            writer.beginObject()
            writer.key("listed"); writer.bool(input.listed)
            writer.key("name"); writer.string(input.name)
            writer.key("path"); writer.string(input.path)
            writer.key("sha256"); writer.string(input.sha256)
            writer.endObject()
        }
        writer.endObject()
    }

    init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var inputs: [Input]?, chunks: [String]?, files: [String: String] = [:], macroFiles: [String] = [], warnings: [String] = []
        var failure: String?, missing: String?, includer = ""
        var members = try reader.object()
        while let key = try members.next(&reader) {
            switch key {
            case "inputs": inputs = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Input(json: &r) }
            case "chunks": chunks = try reader.strings()
            case "files":
                for pair in try reader.array({ (r: inout JSONReader) throws(JSONReadError) in try r.strings() }) {
                    guard pair.count == 2 else { throw JSONReadError(kind: .wrongValue, offset: start, message: "a file is [path, name]") }
                    files[pair[0]] = pair[1]
                }
            case "macroFiles": macroFiles = try reader.strings()
            case "warnings": warnings = try reader.strings()
            case "failure": failure = try reader.string()
            case "missing": missing = try reader.string()
            case "missingIncluder": includer = try reader.string()
            default: try reader.skipValue()
            }
        }
        self.inputs = try required(inputs, "inputs", objectAt: start)
        if let failure {
            guard let error = try? JSONDecoder().decode(UAPIError.self, from: Data(failure.utf8)) else {
                throw JSONReadError(kind: .wrongValue, offset: start, message: "not an error uapi knows")
            }
            outcome = .failure(error, missing: missing, includer: includer)
        } else {
            outcome = .items(chunks: try required(chunks, "chunks", objectAt: start), files: files,
                             macroFiles: Set(macroFiles), warnings: warnings)
        }
    }
}

extension CacheVariant.Input {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var path: String?, sha256: String?, name: String?, listed: Bool?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            switch key {
            case "path": path = try reader.string()
            case "sha256": sha256 = try reader.string()
            case "name": name = try reader.string()
            case "listed": listed = try reader.bool()
            default: try reader.skipValue()
            }
        }
        self.init(path: try required(path, "path", objectAt: start), sha256: try required(sha256, "sha256", objectAt: start),
                  name: try required(name, "name", objectAt: start), listed: try required(listed, "listed", objectAt: start))
    }
}
