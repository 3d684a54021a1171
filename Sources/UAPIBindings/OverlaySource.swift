import UAPIModel

/// The Swift overlay: constants the importer drops, typed ioctls, and their support code.
enum OverlaySource {
    static func constants(_ plan: BindingPlan, request: BindingsRequest) -> String {
        var lines = ["// \(SwiftBindings.banner(request))", "@_exported import \(request.module)", "",
                     SwiftBindings.architectureGuard(plan.targets)]
        for constant in plan.constants where constant.uniform {
            lines += declaration(constant, plan.targets[0], module: request.module)
        }
        let varying = plan.constants.filter { !$0.uniform }
        lines += perArchitecture(plan.targets, comment: "Values that differ between architectures, or that some do not define.") { target in
            varying.filter { $0.values[target] != nil }.flatMap { declaration($0, target, module: request.module) }
        }
        if !plan.skipped.isEmpty {
            lines.append("")
            lines.append("// Not generated:")
            lines += plan.skipped.map { "// - \($0.name): \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `#if arch(a) ... #elseif arch(b) ... #endif`, each branch with that target's lines; nothing when all are empty.
    static func perArchitecture(_ targets: [String], comment: String, indent: String = "", _ body: (String) -> [String]) -> [String] {
        let branches = targets.map { ($0, body($0)) }
        guard branches.contains(where: { !$0.1.isEmpty }) else { return [] }
        var lines = ["", "\(indent)// \(comment)"]
        for (index, (target, branch)) in branches.enumerated() {
            lines.append("\(index == 0 ? "#if" : "#elseif") arch(\(SwiftNames.arch(target)))")
            lines += branch
        }
        lines.append("#endif")
        return lines
    }

    private static func declaration(_ constant: BindingPlan.ConstantBinding, _ target: String, module: String) -> [String] {
        let value = constant.values[target]!
        return [documentation(constant, value, module: module),
                "public let \(SwiftNames.identifier(constant.name)): \(value.swiftType) = \(value.literal)"]
    }

    /// This target's own definition, place and request number fields.
    private static func documentation(_ constant: BindingPlan.ConstantBinding, _ value: BindingPlan.Value, module: String) -> String {
        let location = value.location ?? constant.location
        var text = "/// `\(value.text.replacingOccurrences(of: "`", with: "'"))` (\(location.header):\(location.line))"
        if let ioctl = value.ioctl {
            text += "\n/// ioctl: direction \(ioctl.direction.rawValue), type \(ioctl.type), number \(ioctl.number), argument size \(ioctl.size)"
                + (ioctl.argumentType.map { ", argument \($0)" } ?? "")
        }
        if let family = value.family {
            text += "\n/// \(value.swiftType) to match `\(family)`"
                + (constant.shadowsImported ? "; shadows `\(module).\(constant.name)`, which has C's type." : ".")
        }
        return text
    }

    /// `Ioctls.NAME`: every ioctl of the headers, typed by its argument when the macro names one.
    /// One defined the same way on every target is declared once; the others per architecture.
    static func ioctls(_ plan: BindingPlan, snapshot: Snapshot, request: BindingsRequest) -> String {
        var lines = ["// \(SwiftBindings.banner(request))", "", SwiftBindings.architectureGuard(plan.targets),
                     "/// Every ioctl request of \(plan.headers.joined(separator: ", ")), typed by its argument where the header names it.",
                     "public enum Ioctls {"]
        let entries = Dictionary(uniqueKeysWithValues: snapshot.targets.map { ($0.target, ioctlEntries(plan, $0, request: request)) })
        let names = Set(entries.values.flatMap(\.keys)).sorted()
        let uniform = Set(names.filter { name in
            let first = entries[plan.targets[0]]?[name]
            return first != nil && plan.targets.allSatisfy { entries[$0]?[name] == first }
        })
        for name in names where uniform.contains(name) { lines += entries[plan.targets[0]]![name]! }
        lines += perArchitecture(plan.targets, comment: "Requests that differ between architectures, or that some do not define.", indent: "    ") { target in
            names.filter { !uniform.contains($0) }.compactMap { entries[target]?[$0] }.flatMap { $0 }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Name -> declaration lines of each ioctl `target` defines.
    private static func ioctlEntries(_ plan: BindingPlan, _ target: TargetSnapshot, request: BindingsRequest) -> [String: [String]] {
        let listed = Set(plan.headers)
        let generated = plan.generated(on: target.target)
        var entries: [String: [String]] = [:]
        for written in target.constants where listed.contains(written.location.header) && !BindingPlan.isInternal(written.name) {
            let constant = BindingPlan.resolvingIoctl(written, in: target)
            guard let ioctl = constant.ioctl else { continue }
            let module = generated.contains(constant.name) ? request.overlay
                : BindingPlan.isImported(constant.name, in: target) ? request.module : nil
            guard let module else { continue }
            let reference = "UInt(truncatingIfNeeded: \(module).\(SwiftNames.identifier(constant.name)))"
            var lines = ["    /// `\(constant.text)` (\(constant.location.header):\(constant.location.line)): \(ioctl.direction.rawValue)"]
            if let swiftType = argumentType(ioctl, in: target) {
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = Ioctl<\(swiftType)>(request: \(reference))")
            } else {
                if let written = ioctl.argumentType {
                    lines.append("    /// The argument (\(written)) has no Swift struct type: use perform(on:pointer:).")
                }
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = IoctlRequest(request: \(reference))")
            }
            entries[constant.name] = lines
        }
        return entries
    }

    private static let fixedWidth: Set<String> = Set(["8", "16", "32", "64"].flatMap { ["__u\($0)", "__s\($0)", "__le\($0)", "__be\($0)"] })

    /// The Swift type of an ioctl's argument: a record, a typedef the headers declare, or a fixed-width UAPI integer.
    static func argumentType(_ ioctl: IoctlNumber, in target: TargetSnapshot) -> String? {
        if let record = ioctl.argumentRecord ?? includedRecord(ioctl.argumentType, in: target) { return swiftTypeName(record, in: target) }
        guard let written = ioctl.argumentType, written.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil,
              fixedWidth.contains(written) || target.typedefs.contains(where: { $0.name == written }) else { return nil }
        return written
    }

    /// The Swift name of a record: its tag, or its typedef for a typedef'd anonymous struct.
    static func swiftTypeName(_ record: String, in target: TargetSnapshot) -> String? {
        let found = target.record(named: record) ?? target.included?.records.first { $0.name == record }
        guard !record.contains("."), !record.contains("::"), let found, found.isComplete else { return nil }
        return SwiftNames.identifier(record)
    }

    /// `struct kvm_msrs` defined in a header the listed one includes (`asm/kvm.h`): the C
    /// module imports it all the same, so the ioctl can still be typed with it.
    private static func includedRecord(_ written: String?, in target: TargetSnapshot) -> String? {
        guard let written, let included = target.included else { return nil }
        for prefix in ["struct ", "union "] where written.hasPrefix(prefix) {
            let name = String(written.dropFirst(prefix.count))
            if included.records.contains(where: { $0.name == name && $0.isComplete }) { return name }
        }
        return nil
    }
}
