import UAPIModel

/// The Swift overlay: constants the importer drops, typed ioctls, and their support code.
enum OverlaySource {
    static func constants(_ plan: BindingPlan, request: BindingsRequest) -> String {
        var lines = ["// \(SwiftBindings.banner(request))", "@_exported import \(request.module)", "",
                     SwiftBindings.architectureGuard(plan.targets)]
        for constant in plan.constants where constant.uniform {
            let value = constant.values[plan.targets[0]]!
            lines += documentation(constant)
            lines.append("public let \(SwiftNames.identifier(constant.name)): \(value.swiftType) = \(value.literal)")
        }
        let varying = plan.constants.filter { !$0.uniform }
        if !varying.isEmpty {
            lines.append("")
            lines.append("// Values that differ between architectures.")
            for (index, target) in plan.targets.enumerated() {
                lines.append("\(index == 0 ? "#if" : "#elseif") arch(\(SwiftNames.arch(target)))")
                for constant in varying {
                    let value = constant.values[target]!
                    lines += documentation(constant)
                    lines.append("public let \(SwiftNames.identifier(constant.name)): \(value.swiftType) = \(value.literal)")
                }
            }
            lines.append("#endif")
        }
        if !plan.skipped.isEmpty {
            lines.append("")
            lines.append("// Not generated:")
            lines += plan.skipped.map { "// - \($0.name): \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func documentation(_ constant: BindingPlan.ConstantBinding) -> [String] {
        var text = "/// `\(constant.text.replacingOccurrences(of: "`", with: "'"))` (\(constant.location.header):\(constant.location.line))"
        if let ioctl = constant.ioctl {
            text += "\n/// ioctl: direction \(ioctl.direction.rawValue), type \(ioctl.type), number \(ioctl.number), argument size \(ioctl.size)"
                + (ioctl.argumentType.map { ", argument \($0)" } ?? "")
        }
        return [text]
    }

    /// `Ioctls.NAME`: every ioctl of the headers, typed by its argument when the macro names one.
    static func ioctls(_ plan: BindingPlan, snapshot: Snapshot, request: BindingsRequest) -> String {
        guard let first = snapshot.targets.first else { return "" }
        let listed = Set(plan.headers)
        var lines = ["// \(SwiftBindings.banner(request))", "", SwiftBindings.architectureGuard(plan.targets),
                     "/// Every ioctl request of \(plan.headers.joined(separator: ", ")), typed by its argument where the header names it.",
                     "public enum Ioctls {"]
        let generated = Set(plan.constants.map(\.name))
        for constant in first.constants where constant.ioctl != nil && listed.contains(constant.location.header) {
            let ioctl = constant.ioctl!
            let value = "UInt(truncatingIfNeeded: \(request.overlay).\(SwiftNames.identifier(constant.name)))"
            guard generated.contains(constant.name) || BindingPlan.isImported(constant.name, in: first) else { continue }
            let reference = generated.contains(constant.name) ? value : "UInt(truncatingIfNeeded: \(request.module).\(constant.name))"
            lines.append("    /// `\(constant.text)` (\(constant.location.header):\(constant.location.line)): \(ioctl.direction.rawValue)")
            if let swiftType = argumentType(ioctl, in: first) {
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = Ioctl<\(swiftType)>(request: \(reference))")
            } else {
                let note = ioctl.argumentType.map { " The argument (\($0)) has no Swift struct type: use perform(on:pointer:)." } ?? ""
                if !note.isEmpty { lines.append("    ///\(note)") }
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = IoctlRequest(request: \(reference))")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let fixedWidth: Set<String> = Set(["8", "16", "32", "64"].flatMap { ["__u\($0)", "__s\($0)", "__le\($0)", "__be\($0)"] })

    /// The Swift type of an ioctl's argument: a record, a typedef the headers declare, or a fixed-width UAPI integer.
    static func argumentType(_ ioctl: IoctlNumber, in target: TargetSnapshot) -> String? {
        if let record = ioctl.argumentRecord { return swiftTypeName(record, in: target) }
        guard let written = ioctl.argumentType, written.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil,
              fixedWidth.contains(written) || target.typedefs.contains(where: { $0.name == written }) else { return nil }
        return written
    }

    /// The Swift name of a record: its tag, or its typedef for a typedef'd anonymous struct.
    static func swiftTypeName(_ record: String, in target: TargetSnapshot) -> String? {
        guard !record.contains("."), !record.contains("::"), let found = target.record(named: record), found.isComplete else { return nil }
        return SwiftNames.identifier(record)
    }
}
