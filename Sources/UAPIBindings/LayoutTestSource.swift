import UAPIModel

/// Generated XCTest cases: MemoryLayout size, alignment and field offsets of every
/// record the snapshot knows, per architecture, and the value of every imported constant.
enum LayoutTestSource {
    static func tests(_ plan: BindingPlan, snapshot: Snapshot, request: BindingsRequest) -> String {
        var lines = ["// \(SwiftBindings.banner(request))", "import XCTest", "import \(request.overlay)", "",
                     "final class \(request.overlay)LayoutTests: XCTestCase {"]
        for (index, target) in snapshot.targets.enumerated() {
            lines.append("\(index == 0 ? "#if" : "#elseif") arch(\(SwiftNames.arch(target.target)))")
            lines.append("    func testRecordLayouts() {")
            lines += recordAssertions(target, plan: plan).map { "        " + $0 }
            lines.append("    }")
            lines.append("")
            lines.append("    func testConstantValues() {")
            lines += constantAssertions(target, plan: plan, module: request.module).map { "        " + $0 }
            lines.append("    }")
        }
        lines.append("#else")
        lines.append("    func testRecordLayouts() throws {")
        lines.append("        XCTFail(\"uapi bindgen has no layouts for this architecture; regenerate with --target naming it\")")
        lines.append("    }")
        lines.append("#endif")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func recordAssertions(_ target: TargetSnapshot, plan: BindingPlan) -> [String] {
        var lines: [String] = []
        let listed = Set(plan.headers)
        for record in target.records where listed.contains(record.location.header) && record.isComplete {
            // Nested anonymous types have importer-made names; their members are checked through their owner.
            guard let type = OverlaySource.swiftTypeName(record.name, in: target), let size = record.size, let alignment = record.alignment else { continue }
            lines.append("XCTAssertEqual(MemoryLayout<\(type)>.size, \(size), \"sizeof(\(record.name))\")")
            lines.append("XCTAssertEqual(MemoryLayout<\(type)>.alignment, \(alignment), \"_Alignof(\(record.name))\")")
            for field in record.fields where !field.name.isEmpty {
                if field.bitWidth != nil {
                    lines.append("// \(record.name).\(field.name): a bit-field; Swift imports it as a computed property, with no offset.")
                } else if field.isFlexibleArray {
                    lines.append("// \(record.name).\(field.name): a flexible array member; Swift does not import it.")
                } else if let nested = field.record, nested.contains(".") || nested.contains("::"), field.canonicalType.contains("[") {
                    lines.append("// \(record.name).\(field.name): an array of an anonymous struct; Swift does not import it.")
                } else {
                    lines.append("XCTAssertEqual(MemoryLayout<\(type)>.offset(of: \\\(type).\(SwiftNames.identifier(field.name))), \(field.offsetBytes), \"offsetof(\(record.name), \(field.name))\")")
                }
            }
        }
        return lines.isEmpty ? ["// No records."] : lines
    }

    /// The importer's own constants must have the values clang computed; ours are
    /// checked against the request numbers' decoded fields.
    private static func constantAssertions(_ target: TargetSnapshot, plan: BindingPlan, module: String) -> [String] {
        var lines: [String] = []
        let listed = Set(plan.headers)
        let generated = plan.generated(on: target.target)
        let shadowing = Set(plan.constants.filter(\.shadowsImported).map(\.name))
        for written in target.constants where listed.contains(written.location.header) {
            let constant = BindingPlan.resolvingIoctl(written, in: target)
            guard let value = constant.value, constant.kind == .integer else { continue }
            if generated.contains(constant.name) {
                if let ioctl = constant.ioctl {
                    lines.append("XCTAssertEqual(IoctlFields(UInt(truncatingIfNeeded: \(constant.name))).size, \(ioctl.size), \"\(constant.name) size\")")
                    // A typed ioctl's argument must be exactly as large as the number says.
                    if let type = OverlaySource.argumentType(ioctl, in: target) {
                        lines.append("XCTAssertEqual(MemoryLayout<\(type)>.size, Ioctls.\(SwiftNames.identifier(constant.name)).fields.size, \"\(constant.name) argument\")")
                    }
                } else if shadowing.contains(constant.name) {
                    // The typed constant must equal the C module's, which it shadows.
                    let name = SwiftNames.identifier(constant.name)
                    lines.append("XCTAssertEqual(UInt64(truncatingIfNeeded: \(name)), UInt64(truncatingIfNeeded: \(module).\(name)), \"\(constant.name)\")")
                }
                continue
            }
            // Macros naming enumerators of named enums import as the enum's type: not compared here.
            guard BindingPlan.valueKind(constant.name, in: target) == .integer else { continue }
            lines.append("XCTAssertEqual(UInt64(truncatingIfNeeded: \(SwiftNames.identifier(constant.name))), \(value.bitPattern) as UInt64, \"\(constant.name)\")")
        }
        return lines.isEmpty ? ["// No imported integer constants."] : lines
    }
}
