import UAPIModel

struct IoctlSizeDivergenceRule: LintRule {
    let id = "ioctl-size-divergence"
    let summary = "ioctl argument size differs between targets"
    let explanation = """
    The size is part of the request number, so a 32-bit process sends another number than \
    a 64-bit one for the same ioctl; the kernel needs a compat_ioctl entry for it.
    """
    let fixHint = "Make the argument struct's layout identical on all ABIs (fixed-width types, __aligned_u64, explicit padding)."
    let defaultSeverity = Severity.breaking

    func check(_ context: LintContext) -> [LintFinding] {
        guard let first = context.targets.first, context.targets.count > 1 else { return [] }
        return context.constants(in: first).compactMap { constant in
            guard constant.ioctl != nil else { return nil }
            let versions = context.targets.compactMap { target in target.constant(named: constant.name).flatMap { c in c.ioctl.map { (target.target, $0, c) } } }
            guard Set(versions.map(\.1.size)).count > 1 else { return nil }
            let numbers = versions.map { "\($0.0) size \($0.1.size) (\($0.2.value?.hex ?? "?"))" }.joined(separator: ", ")
            return LintFinding(rule: self, name: constant.name, location: constant.location,
                               message: "\(constant.name): \(numbers)", targets: versions.map(\.0))
        }
    }
}

struct DuplicateValueRule: LintRule {
    let id = "duplicate-value"
    let summary = "Enumerators or flags with the same value"
    let explanation = """
    Two enumerators of one enum, or two single-bit flags of one family (the same prefix \
    before _FLAG), share a value. Usually a copy-and-paste slip; an intended alias is \
    better written as NEW = OLD. Sentinels (*_MAX, *_LAST, *_NUM, *_COUNT) are left out.
    """
    let fixHint = "Give each enumerator or flag its own value, or write an alias explicitly and suppress this finding with a reason."
    let defaultSeverity = Severity.compatible

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            var findings: [LintFinding] = []
            for decl in context.enums(in: target) {
                let members = decl.enumerators.filter { !context.sentinels.matches(name: $0.name) }
                findings += duplicates(members.map { ($0.name, $0.value, SourceLocation(header: decl.location.header, line: $0.line)) },
                                       family: "enum \(decl.name)", target: target.target)
            }
            let flags = context.constants(in: target).filter { constant in
                constant.ioctl == nil && constant.name.contains("_FLAG") && (constant.value.map { !$0.isNegative && $0.magnitude != 0 && $0.magnitude & ($0.magnitude - 1) == 0 } ?? false)
            }
            let families = Dictionary(grouping: flags) { constant in
                String(constant.name[..<constant.name.range(of: "_FLAG")!.lowerBound])
            }
            for (family, members) in families.sorted(by: { $0.key < $1.key }) {
                let ordered = members.sorted { ($0.location.line, $0.name) < ($1.location.line, $1.name) }
                findings += duplicates(ordered.map { ($0.name, $0.value!, $0.location) }, family: "\(family)_FLAG* flags", target: target.target)
            }
            return findings
        }
    }

    private func duplicates(_ members: [(String, IntegerValue, SourceLocation)], family: String, target: String) -> [LintFinding] {
        var seen: [IntegerValue: String] = [:]
        var findings: [LintFinding] = []
        for (name, value, location) in members {
            if let first = seen[value] {
                findings.append(LintFinding(rule: self, name: name, location: location,
                                            message: "\(name) has the same value (\(value)) as \(first) in \(family)", targets: [target]))
            } else {
                seen[value] = name
            }
        }
        return findings
    }
}
