/// The model written as `JSONEncoder` writes its `Encodable` conformances (the tests
/// compare the bytes): members in sorted key order, absent optionals left out.

extension Snapshot {
    package func write(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("format"); writer.string(format)
        writer.key("schemaVersion"); writer.int(schemaVersion)
        writer.key("targets")
        if targets.count == 1 {
            try writer.array(targets) { try $1.write(to: &$0) }
        } else {
            // Each target on a thread of its own, then put in order.
            writer.beginArray()
            let parts = parallelMap(count: targets.count, workers: Concurrency.defaultWorkers, makeState: { () }) { _, index in
                var part = writer.elementWriter(capacity: 1 << 20)
                return Result { try targets[index].write(to: &part) }.map { part }
            }
            for part in parts { writer.element(raw: try part.get()) }
            writer.endArray()
        }
        writer.key("tool"); tool.write(to: &writer)
        writer.endObject()
    }
}

extension ToolInfo {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name"); writer.string(name)
        writer.key("version"); writer.string(version)
        writer.endObject()
    }
}

extension TargetSnapshot {
    package func write(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("constants"); try writer.array(constants) { try $1.write(to: &$0) }
        writer.key("enums"); writer.array(enums) { $1.write(to: &$0) }
        writer.key("functions"); writer.array(functions) { $1.write(to: &$0) }
        writer.key("headers"); writer.array(headers) { $1.write(to: &$0) }
        if let included { writer.key("included"); try included.write(to: &writer) }
        writer.key("ioctlEncoding"); writer.string(ioctlEncoding.rawValue)
        if let leftOut {
            writer.key("leftOut"); writer.array(leftOut) { writer, header in
                writer.beginObject()
                writer.key("header"); writer.string(header.header)
                writer.key("reason"); writer.string(header.reason)
                writer.endObject()
            }
        }
        writer.key("macros"); writer.array(macros) { $1.write(to: &$0) }
        writer.key("records"); writer.array(records) { $1.write(to: &$0) }
        writer.key("target"); writer.string(target)
        writer.key("triple"); writer.string(triple)
        writer.key("typedefs"); writer.array(typedefs) { $1.write(to: &$0) }
        // Only when there are some: snapshots of kernel headers stay as they were.
        if !variables.isEmpty { writer.key("variables"); writer.array(variables) { $1.write(to: &$0) } }
        writer.endObject()
    }
}

extension VariableDecl {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("canonicalType"); writer.string(canonicalType)
        if isStatic { writer.key("isStatic"); writer.bool(true) }
        if isThreadLocal { writer.key("isThreadLocal"); writer.bool(true) }
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        writer.key("type"); writer.string(type)
        writer.endObject()
    }
}

extension IncludedDefinitions {
    package func write(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("constants"); try writer.array(constants) { try $1.write(to: &$0) }
        writer.key("enums"); writer.array(enums) { $1.write(to: &$0) }
        writer.key("functions"); writer.array(functions) { $1.write(to: &$0) }
        writer.key("macros"); writer.array(macros) { $1.write(to: &$0) }
        writer.key("records"); writer.array(records) { $1.write(to: &$0) }
        writer.key("typedefs"); writer.array(typedefs) { $1.write(to: &$0) }
        writer.endObject()
    }
}

extension HeaderFile {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("listed"); writer.bool(listed)
        writer.key("path"); writer.string(path)
        writer.key("sha256"); writer.string(sha256)
        writer.endObject()
    }
}

extension SourceLocation {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("header"); writer.string(header)
        writer.key("line"); writer.int(line)
        writer.endObject()
    }
}

extension IntegerValue {
    package func write(to writer: inout JSONWriter) {
        if isNegative, magnitude != 0 {
            writer.int(Int(truncatingIfNeeded: Int64(bitPattern: bitPattern)))
        } else {
            writer.unsigned(magnitude)
        }
    }
}

extension Record {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let alignedAttribute { writer.key("alignedAttribute"); writer.int(alignedAttribute) }
        if let alignment { writer.key("alignment"); writer.int(alignment) }
        writer.key("fields"); writer.array(fields) { $1.write(to: &$0) }
        writer.key("isAnonymous"); writer.bool(isAnonymous)
        writer.key("isComplete"); writer.bool(isComplete)
        writer.key("isPacked"); writer.bool(isPacked)
        writer.key("kind"); writer.string(kind.rawValue)
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        if let owner { writer.key("owner"); writer.string(owner) }
        if let size { writer.key("size"); writer.int(size) }
        writer.endObject()
    }
}

extension Field {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let bitWidth { writer.key("bitWidth"); writer.int(bitWidth) }
        writer.key("canonicalType"); writer.string(canonicalType)
        writer.key("isFlexibleArray"); writer.bool(isFlexibleArray)
        writer.key("name"); writer.string(name)
        writer.key("offsetBits"); writer.int(offsetBits)
        if let record { writer.key("record"); writer.string(record) }
        if let size { writer.key("size"); writer.int(size) }
        writer.key("type"); writer.string(type)
        writer.endObject()
    }
}

extension EnumDecl {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("enumerators"); writer.array(enumerators) { $1.write(to: &$0) }
        writer.key("isAnonymous"); writer.bool(isAnonymous)
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        writer.key("underlyingType"); writer.string(underlyingType)
        writer.endObject()
    }
}

extension Enumerator {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("line"); writer.int(line)
        writer.key("name"); writer.string(name)
        writer.key("value"); value.write(to: &writer)
        writer.endObject()
    }
}

extension Typedef {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("canonicalType"); writer.string(canonicalType)
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        writer.key("underlyingType"); writer.string(underlyingType)
        writer.endObject()
    }
}

extension Constant {
    package func write(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("cType"); writer.string(cType)
        if let floatValue { writer.key("floatValue"); try writer.double(floatValue) }
        if let ioctl { writer.key("ioctl"); ioctl.write(to: &writer) }
        writer.key("kind"); writer.string(kind.rawValue)
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        if let stringValue { writer.key("stringValue"); writer.string(stringValue) }
        writer.key("text"); writer.string(text)
        if let value { writer.key("value"); value.write(to: &writer) }
        writer.endObject()
    }
}

extension IoctlNumber {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let argumentRecord { writer.key("argumentRecord"); writer.string(argumentRecord) }
        if let argumentType { writer.key("argumentType"); writer.string(argumentType) }
        writer.key("direction"); writer.string(direction.rawValue)
        writer.key("number"); writer.int(number)
        writer.key("size"); writer.int(size)
        writer.key("type"); writer.int(type)
        writer.endObject()
    }
}

extension Macro {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        if let parameters { writer.key("parameters"); writer.array(parameters) { $0.string($1) } }
        writer.key("status"); writer.string(status.rawValue)
        writer.key("text"); writer.string(text)
        writer.endObject()
    }
}

extension FunctionDecl {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let callingConvention { writer.key("callingConvention"); writer.string(callingConvention) }
        writer.key("canonicalReturnType"); writer.string(canonicalReturnType)
        writer.key("isInline"); writer.bool(isInline)
        writer.key("isStatic"); writer.bool(isStatic)
        writer.key("isVariadic"); writer.bool(isVariadic)
        writer.key("location"); location.write(to: &writer)
        writer.key("name"); writer.string(name)
        writer.key("parameters"); writer.array(parameters) { $1.write(to: &$0) }
        writer.key("returnType"); writer.string(returnType)
        writer.endObject()
    }
}

extension FunctionDecl.Parameter {
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("canonicalType"); writer.string(canonicalType)
        writer.key("name"); writer.string(name)
        writer.key("type"); writer.string(type)
        writer.endObject()
    }
}

extension JSONWriter {
    package mutating func array<T>(_ items: [T], _ write: (inout JSONWriter, T) throws -> Void) rethrows {
        beginArray()
        for item in items {
            element()
            try write(&self, item)
        }
        endArray()
    }
}
