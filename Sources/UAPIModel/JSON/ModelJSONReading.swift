import Foundation

/// The model read straight from snapshot JSON: the same members, requirements and
/// defaults as the `Decodable` conformances (which the tests use as the oracle).
/// Unknown members are skipped; `null` is an absent optional.

extension SourceLocation {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var header: String?, line: Int?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "header": header = try reader.string()
                case "line": line = try reader.int()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(header: try required(header, "header", objectAt: start), line: try required(line, "line", objectAt: start))
    }
}

extension ToolInfo {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, version: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "version": version = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), version: try required(version, "version", objectAt: start))
    }
}

extension HeaderFile {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var path: String?, sha256: String?, listed: Bool?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "path": path = try reader.string()
                case "sha256": sha256 = try reader.string()
                case "listed": listed = try reader.bool()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(path: try required(path, "path", objectAt: start), sha256: try required(sha256, "sha256", objectAt: start),
                  listed: try required(listed, "listed", objectAt: start))
    }
}

extension IntegerValue {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let (negative, magnitude) = try reader.integerParts()
        if negative {
            self.init(Int64(truncatingIfNeeded: 0 &- magnitude))
        } else {
            self.init(magnitude)
        }
    }
}

extension Record {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, kind: Kind?, location: SourceLocation?, isAnonymous: Bool?, isComplete: Bool?
        var size: Int?, alignment: Int?, isPacked: Bool?, alignedAttribute: Int?, fields: [Field]?, owner: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "kind": kind = try reader.rawValue(Kind.self)
                case "location": location = try SourceLocation(json: &reader)
                case "isAnonymous": isAnonymous = try reader.bool()
                case "isComplete": isComplete = try reader.bool()
                case "size": size = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.int() }
                case "alignment": alignment = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.int() }
                case "isPacked": isPacked = try reader.bool()
                case "alignedAttribute": alignedAttribute = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.int() }
                case "fields": fields = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Field(json: &r) }
                case "owner": owner = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        let recordName = try required(name, "name", objectAt: start)
        self.init(name: recordName, kind: try required(kind, "kind", objectAt: start),
                  location: try required(location, "location", objectAt: start),
                  isAnonymous: try required(isAnonymous, "isAnonymous", objectAt: start),
                  isComplete: try required(isComplete, "isComplete", objectAt: start), size: size, alignment: alignment,
                  isPacked: try required(isPacked, "isPacked", objectAt: start), alignedAttribute: alignedAttribute,
                  fields: try required(fields, "fields", objectAt: start),
                  // Snapshots written before `owner` existed name anonymous members `owner::<anon ...>`.
                  owner: owner ?? recordName.prefix(before: "::<anon "))
    }
}

extension Field {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, type: String?, canonicalType: String?, offsetBits: Int?, size: Int?, bitWidth: Int?
        var isFlexibleArray: Bool?, record: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "type": type = try reader.string()
                case "canonicalType": canonicalType = try reader.string()
                case "offsetBits": offsetBits = try reader.int()
                case "size": size = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.int() }
                case "bitWidth": bitWidth = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.int() }
                case "isFlexibleArray": isFlexibleArray = try reader.bool()
                case "record": record = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), type: try required(type, "type", objectAt: start),
                  canonicalType: try required(canonicalType, "canonicalType", objectAt: start),
                  offsetBits: try required(offsetBits, "offsetBits", objectAt: start), size: size, bitWidth: bitWidth,
                  isFlexibleArray: try required(isFlexibleArray, "isFlexibleArray", objectAt: start), record: record)
    }
}

extension EnumDecl {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, isAnonymous: Bool?, location: SourceLocation?, underlyingType: String?, enumerators: [Enumerator]?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "isAnonymous": isAnonymous = try reader.bool()
                case "location": location = try SourceLocation(json: &reader)
                case "underlyingType": underlyingType = try reader.string()
                case "enumerators": enumerators = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Enumerator(json: &r) }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), isAnonymous: try required(isAnonymous, "isAnonymous", objectAt: start),
                  location: try required(location, "location", objectAt: start),
                  underlyingType: try required(underlyingType, "underlyingType", objectAt: start),
                  enumerators: try required(enumerators, "enumerators", objectAt: start))
    }
}

extension Enumerator {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, value: IntegerValue?, line: Int?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "value": value = try IntegerValue(json: &reader)
                case "line": line = try reader.int()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), value: try required(value, "value", objectAt: start),
                  line: try required(line, "line", objectAt: start))
    }
}

extension Typedef {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, location: SourceLocation?, underlyingType: String?, canonicalType: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "location": location = try SourceLocation(json: &reader)
                case "underlyingType": underlyingType = try reader.string()
                case "canonicalType": canonicalType = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), location: try required(location, "location", objectAt: start),
                  underlyingType: try required(underlyingType, "underlyingType", objectAt: start),
                  canonicalType: try required(canonicalType, "canonicalType", objectAt: start))
    }
}

extension Constant {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, location: SourceLocation?, text: String?, kind: Kind?, cType: String?
        var value: IntegerValue?, stringValue: String?, floatValue: Double?, ioctl: IoctlNumber?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "location": location = try SourceLocation(json: &reader)
                case "text": text = try reader.string()
                case "kind": kind = try reader.rawValue(Kind.self)
                case "cType": cType = try reader.string()
                case "value": value = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try IntegerValue(json: &r) }
                case "stringValue": stringValue = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                case "floatValue": floatValue = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.double() }
                case "ioctl": ioctl = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try IoctlNumber(json: &r) }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), location: try required(location, "location", objectAt: start),
                  text: try required(text, "text", objectAt: start), kind: try required(kind, "kind", objectAt: start),
                  cType: try required(cType, "cType", objectAt: start), value: value, stringValue: stringValue,
                  floatValue: floatValue, ioctl: ioctl)
    }
}

extension IoctlNumber {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var direction: Direction?, type: Int?, number: Int?, size: Int?, argumentType: String?, argumentRecord: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "direction": direction = try reader.rawValue(Direction.self)
                case "type": type = try reader.int()
                case "number": number = try reader.int()
                case "size": size = try reader.int()
                case "argumentType": argumentType = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                case "argumentRecord": argumentRecord = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(direction: try required(direction, "direction", objectAt: start), type: try required(type, "type", objectAt: start),
                  number: try required(number, "number", objectAt: start), size: try required(size, "size", objectAt: start),
                  argumentType: argumentType, argumentRecord: argumentRecord)
    }
}

extension Macro {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, location: SourceLocation?, status: Status?, parameters: [String]?, text: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "location": location = try SourceLocation(json: &reader)
                case "status": status = try reader.rawValue(Status.self)
                case "parameters": parameters = try reader.optional { (r: inout JSONReader) throws(JSONReadError) in try r.strings() }
                case "text": text = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), location: try required(location, "location", objectAt: start),
                  status: try required(status, "status", objectAt: start), parameters: parameters,
                  text: try required(text, "text", objectAt: start))
    }
}

extension TargetSnapshot {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var target: String?, triple: String?, ioctlEncoding: IoctlEncoding.Name?, headers: [HeaderFile]?
        var records: [Record]?, enums: [EnumDecl]?, typedefs: [Typedef]?, constants: [Constant]?, macros: [Macro]?
        var functions: [FunctionDecl]?, variables: [VariableDecl]?, included: IncludedDefinitions?, leftOut: [LeftOutHeader]?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "target": target = try reader.string()
                case "included": included = try IncludedDefinitions(json: &reader)
                case "leftOut": leftOut = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try LeftOutHeader(json: &r) }
                case "triple": triple = try reader.string()
                case "ioctlEncoding": ioctlEncoding = try reader.rawValue(IoctlEncoding.Name.self)
                case "headers": headers = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try HeaderFile(json: &r) }
                case "records": records = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Record(json: &r) }
                case "enums": enums = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try EnumDecl(json: &r) }
                case "typedefs": typedefs = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Typedef(json: &r) }
                case "constants": constants = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Constant(json: &r) }
                case "macros": macros = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Macro(json: &r) }
                case "functions": functions = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try FunctionDecl(json: &r) }
                case "variables": variables = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try VariableDecl(json: &r) }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(target: try required(target, "target", objectAt: start), triple: try required(triple, "triple", objectAt: start),
                  ioctlEncoding: try required(ioctlEncoding, "ioctlEncoding", objectAt: start),
                  records: try required(records, "records", objectAt: start), enums: try required(enums, "enums", objectAt: start),
                  typedefs: try required(typedefs, "typedefs", objectAt: start),
                  constants: try required(constants, "constants", objectAt: start), macros: try required(macros, "macros", objectAt: start))
        self.headers = try required(headers, "headers", objectAt: start)
        // Snapshots written before functions were recorded have none.
        self.functions = functions ?? []
        self.variables = variables ?? []
        self.included = included
        self.leftOut = leftOut
    }
}

extension LeftOutHeader {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var header: String?, reason: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "header": header = try reader.string()
                case "reason": reason = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(header: try required(header, "header", objectAt: start), reason: try required(reason, "reason", objectAt: start))
    }
}

extension IncludedDefinitions {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        self.init()
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "records": records = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Record(json: &r) }
                case "enums": enums = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try EnumDecl(json: &r) }
                case "typedefs": typedefs = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Typedef(json: &r) }
                case "constants": constants = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Constant(json: &r) }
                case "macros": macros = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Macro(json: &r) }
                case "functions": functions = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try FunctionDecl(json: &r) }
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
    }
}

extension FunctionDecl {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, location: SourceLocation?, returnType: String?, canonicalReturnType: String?
        var parameters: [Parameter]?, isVariadic: Bool?, isInline: Bool?, isStatic: Bool?, callingConvention: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "location": location = try SourceLocation(json: &reader)
                case "returnType": returnType = try reader.string()
                case "canonicalReturnType": canonicalReturnType = try reader.string()
                case "parameters": parameters = try reader.array { (r: inout JSONReader) throws(JSONReadError) in try Parameter(json: &r) }
                case "isVariadic": isVariadic = try reader.bool()
                case "isInline": isInline = try reader.bool()
                case "isStatic": isStatic = try reader.bool()
                case "callingConvention": callingConvention = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), location: try required(location, "location", objectAt: start),
                  returnType: try required(returnType, "returnType", objectAt: start),
                  canonicalReturnType: try required(canonicalReturnType, "canonicalReturnType", objectAt: start),
                  parameters: try required(parameters, "parameters", objectAt: start),
                  isVariadic: try required(isVariadic, "isVariadic", objectAt: start),
                  isInline: try required(isInline, "isInline", objectAt: start), isStatic: try required(isStatic, "isStatic", objectAt: start),
                  callingConvention: callingConvention)
    }
}

extension VariableDecl {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, location: SourceLocation?, type: String?, canonicalType: String?, isStatic = false, isThreadLocal = false
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "location": location = try SourceLocation(json: &reader)
                case "type": type = try reader.string()
                case "canonicalType": canonicalType = try reader.string()
                case "isStatic": isStatic = try reader.bool()
                case "isThreadLocal": isThreadLocal = try reader.bool()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), location: try required(location, "location", objectAt: start),
                  type: try required(type, "type", objectAt: start), canonicalType: try required(canonicalType, "canonicalType", objectAt: start),
                  isStatic: isStatic, isThreadLocal: isThreadLocal)
    }
}

extension FunctionDecl.Parameter {
    package init(json reader: inout JSONReader) throws(JSONReadError) {
        let start = reader.position
        var name: String?, type: String?, canonicalType: String?
        var members = try reader.object()
        while let key = try members.next(&reader) {
            do throws(JSONReadError) {
                switch key {
                case "name": name = try reader.string()
                case "type": type = try reader.string()
                case "canonicalType": canonicalType = try reader.string()
                default: try reader.skipValue()
                }
            } catch { throw error.inside(key: key) }
        }
        self.init(name: try required(name, "name", objectAt: start), type: try required(type, "type", objectAt: start),
                  canonicalType: try required(canonicalType, "canonicalType", objectAt: start))
    }
}
