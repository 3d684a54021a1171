import UAPIModel

struct LayoutDivergenceRule: LintRule {
    let id = "layout-divergence"
    let summary = "Record layout differs between targets"
    let explanation = """
    The record's size, alignment or member offsets are not the same on every target. A \
    32-bit process on a 64-bit kernel (i386 on x86_64, arm on aarch64) then passes a struct \
    the kernel reads differently, and the ioctl needs a compat handler.
    """
    let fixHint = "Use fixed-width types with natural alignment: __aligned_u64 for 64-bit members, explicit padding."
    let defaultSeverity = Severity.breaking

    func check(_ context: LintContext) -> [LintFinding] {
        guard let first = context.targets.first, context.targets.count > 1 else { return [] }
        return context.records(in: first).compactMap { record in
            let versions = context.targets.compactMap { target in target.record(named: record.name).map { (target.target, $0) } }
            guard Set(versions.map { LayoutShape($0.1) }).count > 1 else { return nil }
            let sizes = versions.map { "\($0.0) \($0.1.size.map(String.init) ?? "?")/\($0.1.alignment.map(String.init) ?? "?")" }
                .joined(separator: ", ")
            let field = Record.firstDifferingField(versions.map(\.1)).map { "; first differing member: \($0)" } ?? ""
            var finding = LintFinding(rule: self, name: record.name, location: record.location,
                                      message: "\(record.name): size/alignment \(sizes)\(field)", targets: versions.map(\.0))
            finding.targetSpecific = false
            return finding
        }
    }
}

struct UnalignedU64Rule: LintRule {
    let id = "unaligned-u64"
    let summary = "64-bit member not 8-byte aligned on some target"
    let explanation = """
    A __u64 or __s64 member sits at an offset that is not a multiple of 8 on at least one \
    target (i386 and arm OABI align 64-bit integers to 4 bytes). Its offset, and everything \
    after it, then differs between 32- and 64-bit user space.
    """
    let fixHint = "Declare it __aligned_u64 / __aligned_s64, or add explicit padding before it."
    let defaultSeverity = Severity.breaking

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).flatMap { record in
                record.fields.filter { field in
                    field.bitWidth == nil && field.size == 8 && field.offsetBits % 64 != 0
                        && ["unsigned long long", "long long", "unsigned long", "long"].contains(field.canonicalType)
                }.map { field in
                    LintFinding(rule: self, name: "\(record.name).\(field.name)", location: record.location,
                                message: "\(record.name).\(field.name) (\(field.type)) is at offset \(field.offsetBits / 8), not a multiple of 8",
                                targets: [target.target])
                }
            }
        }
    }
}
