import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIModel

/// The hand-written snapshot reader and writer against Foundation's JSONDecoder and
/// JSONEncoder, which read and wrote snapshots before and stay the oracle.
final class SnapshotJSONTests: XCTestCase {
    private func foundationDecode(_ data: Data) throws -> Snapshot {
        try JSONDecoder().decode(Snapshot.self, from: data)
    }

    private func foundationEncode(_ snapshot: Snapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(snapshot) + Data([0x0A])
    }

    /// Every snapshot in the repository, plus system headers for three targets (all items).
    private func snapshotFiles() throws -> [(String, Data)] {
        let root = TestPaths.repository
        var files: [(String, Data)] = []
        for directory in ["Tests/Fixtures", "headers", "Examples"] {
            let base = root.appendingPathComponent(directory)
            let names = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted()
            // The fuzz regressions are hostile on purpose: the reader must refuse them (FuzzRegressionTests).
            for name in names where !"\(directory)/\(name)".contains("fuzz/") {
                let data = try Data(contentsOf: base.appendingPathComponent(name))
                if String(decoding: data.prefix(200), as: UTF8.self).contains("\"uapi-snapshot\"") { files.append(("\(directory)/\(name)", data)) }
            }
        }
        XCTAssertGreaterThanOrEqual(files.count, 3)
        let system = try Snapshots.of(Snapshots.systemHeaders)
        files.append(("system headers", try foundationEncode(system)))
        return files
    }

    func testEverySnapshotReadsAsJSONDecoderReadsIt() throws {
        for (name, data) in try snapshotFiles() {
            XCTAssertEqual(try SnapshotCoding.decode(data, path: name), try foundationDecode(data), name)
        }
    }

    func testEverySnapshotIsWrittenAsJSONEncoderWritesIt() throws {
        for (name, data) in try snapshotFiles() {
            let snapshot = try foundationDecode(data)
            let written = try SnapshotCoding.encode(snapshot)
            XCTAssertEqual(written, try foundationEncode(snapshot), name)
        }
    }

    /// Every optional member, escapes, non-ASCII text, the integer extremes, floats.
    private var unusual: Snapshot {
        let location = SourceLocation(header: "dir/a \"quoted\" \\ header.h", line: 7)
        var target = TargetSnapshot(target: "x86_64", triple: "x86_64-linux-gnu", ioctlEncoding: .powerpc)
        target.headers = [HeaderFile(path: "dir/ä.h", sha256: String(repeating: "ab", count: 32), listed: true)]
        target.records = [
            Record(name: "outer", kind: .union, location: location, isAnonymous: false, isComplete: true, size: 24, alignment: 8,
                   isPacked: true, alignedAttribute: 16, fields: [
                    Field(name: "bits", type: "__u32", canonicalType: "unsigned int", offsetBits: 3, size: 4, bitWidth: 5,
                          isFlexibleArray: false, record: nil),
                    Field(name: "", type: "struct <anonymous>", canonicalType: "struct <anonymous>", offsetBits: 64, size: nil,
                          bitWidth: nil, isFlexibleArray: true, record: "outer::<anon struct at 8>"),
                   ], owner: "owner"),
            Record(name: "forward", kind: .struct, location: location, isAnonymous: true, isComplete: false, size: nil, alignment: nil,
                   isPacked: false, alignedAttribute: nil, fields: []),
        ]
        target.enums = [EnumDecl(name: "<anon enum A>", isAnonymous: true, location: location, underlyingType: "long long", enumerators: [
            Enumerator(name: "A", value: IntegerValue(Int64.min), line: 1),
            Enumerator(name: "B", value: IntegerValue(UInt64.max), line: 2),
            Enumerator(name: "C", value: IntegerValue(Int64(-1)), line: 3),
            Enumerator(name: "D", value: IntegerValue(Int64(0)), line: 4),
        ])]
        target.typedefs = [Typedef(name: "t\u{1}\t\n\r\u{8}\u{c}\u{1f}\u{7f}", location: location, underlyingType: "a/b", canonicalType: "😀 \u{2028}")]
        target.constants = [
            Constant(name: "F", location: location, text: "1.5e300", kind: .float, cType: "double", floatValue: 1.5e300),
            Constant(name: "G", location: location, text: "0.1", kind: .float, cType: "double", floatValue: 0.1),
            Constant(name: "H", location: location, text: "100.0", kind: .float, cType: "double", floatValue: -100),
            Constant(name: "S", location: location, text: "\"x\"", kind: .string, cType: "const char *", stringValue: "x\"y\\"),
            Constant(name: "I", location: location, text: "_IOWR(...)", kind: .integer, cType: "unsigned long", value: IntegerValue(UInt64(3_222_817_547)),
                     ioctl: IoctlNumber(direction: .readWrite, type: 59, number: 11, size: 40, argumentType: "struct x", argumentRecord: "x")),
            Constant(name: "J", location: location, text: "_IO(1, 2)", kind: .integer, cType: "int", value: IntegerValue(Int64(-5)),
                     ioctl: IoctlNumber(direction: .none, type: 1, number: 2, size: 0)),
        ]
        target.macros = [
            Macro(name: "M", location: location, status: .functionLike, parameters: ["a", "b"], text: "((a) + (b))"),
            Macro(name: "N", location: location, status: .functionLike, parameters: [], text: "f()"),
            Macro(name: "E", location: location, status: .empty, parameters: nil, text: ""),
        ]
        target.functions = [
            FunctionDecl(name: "f", location: location, returnType: "__u32", canonicalReturnType: "unsigned int",
                         parameters: [FunctionDecl.Parameter(name: "", type: "const char *", canonicalType: "const char *")],
                         isVariadic: true, isInline: true, isStatic: false),
        ]
        return Snapshot(targets: [target, TargetSnapshot(target: "i386", triple: "i386-linux-gnu", ioctlEncoding: .generic)])
    }

    func testUnusualValuesRoundTripLikeFoundation() throws {
        let written = try SnapshotCoding.encode(unusual)
        XCTAssertEqual(written, try foundationEncode(unusual))
        XCTAssertEqual(try SnapshotCoding.decode(written, path: "u.json"), unusual)
    }

    /// Other writers' JSON: any member order, no whitespace, unknown members, `null`
    /// for an absent optional, escapes JSONEncoder never writes.
    func testOtherLayoutsOfTheSameJSONReadAlike() throws {
        let compact = try JSONSerialization.jsonObject(with: try foundationEncode(unusual))
        for options: JSONSerialization.WritingOptions in [[], [.prettyPrinted], [.sortedKeys]] {
            let data = try JSONSerialization.data(withJSONObject: compact, options: options)
            XCTAssertEqual(try SnapshotCoding.decode(data, path: "c.json"), try foundationDecode(data))
        }
        let text = #"""
        {"targets": [{"macros": [], "constants": [], "typedefs": [{"name": "\u0041\/\ud83d\ude00", "extra": [1, {"deep": [null, true, -0.5e-3]}],
          "location": {"line": 2, "header": "h.h"}, "underlyingType": "int", "canonicalType": "int"}], "enums": [],
          "records": [{"name": "outer::<anon union at 0>", "kind": "union", "location": {"header": "h.h", "line": 1}, "isAnonymous": true,
            "isComplete": true, "size": null, "isPacked": false, "fields": []}],
          "headers": [], "ioctlEncoding": "generic", "triple": "t", "target": "x86_64"}],
         "tool": {"version": "0", "name": "other"}, "schemaVersion": 1, "format": "uapi-snapshot", "unknown": {"a": [[]]}}
        """#
        let data = Data(text.utf8)
        let read = try SnapshotCoding.decode(data, path: "o.json")
        XCTAssertEqual(read, try foundationDecode(data))
        XCTAssertEqual(read.targets[0].typedefs[0].name, "A/😀")
        XCTAssertEqual(read.targets[0].records[0].owner, "outer", "an old snapshot's anonymous member gets its owner from its name")
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try SnapshotCoding.decode(Data(text.utf8), path: "bad.json")
            return "no error"
        } catch {
            return (error as? UAPIError)?.errorDescription ?? "\(error)"
        }
    }

    func testErrorsSayWhereAndWhat() {
        let valid = String(decoding: try! foundationEncode(unusual), as: UTF8.self)
        XCTAssertTrue(failure("{\"format\": \"uapi-snapshot\",\n\"schemaVersion\": 1,\n\"targets\": [") .contains("bad.json: not a usable uapi snapshot: not valid JSON (line 3:"), failure("{"))
        let trailing = failure(valid + "}")
        XCTAssertTrue(trailing.contains("not valid JSON (line \(valid.filter { $0 == "\n" }.count + 1): more data after the end"), trailing)
        XCTAssertTrue(failure(valid.replacingOccurrences(of: "\"line\" : 7", with: "\"line\" : 07")).contains("leading zero"))
        XCTAssertTrue(failure(#"{"format": "other", "schemaVersion": 1, "targets": 5}"#).contains(#""format" is not "uapi-snapshot""#))
        XCTAssertTrue(failure(#"{"format": "uapi-snapshot", "schemaVersion": 2, "targets": 5}"#).contains("schemaVersion 2 is newer than this uapi understands (1); upgrade uapi"))
        let missing = failure(valid.replacingOccurrences(of: "\"triple\" : \"i386-linux-gnu\",", with: ""))
        XCTAssertTrue(missing.contains(#"missing "triple" at .targets[1]"#), missing)
        let wrong = failure(valid.replacingOccurrences(of: "\"line\" : 2,", with: "\"line\" : \"2\","))
        XCTAssertTrue(wrong.contains("wrong value at .targets[0].enums[0].enumerators[1].line"), wrong)
        XCTAssertTrue(wrong.contains("expected an integer, found a string"), wrong)
        let unknownKind = failure(valid.replacingOccurrences(of: "\"kind\" : \"union\"", with: "\"kind\" : \"class\""))
        XCTAssertTrue(unknownKind.contains(#"at .targets[0].records[0].kind"#) && unknownKind.contains(#""class" is not a known Kind"#), unknownKind)
        XCTAssertTrue(failure(valid.replacingOccurrences(of: "18446744073709551615", with: "18446744073709551616")).contains("fits in 64 bits"))
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        XCTAssertTrue(failure("{\"x\": \(deep), \"format\": 1}").contains(#""format" is not"#))
        XCTAssertTrue(failure("{\"x\": \(deep.dropLast())}").contains("not valid JSON"))
    }
}
