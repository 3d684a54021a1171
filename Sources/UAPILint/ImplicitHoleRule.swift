import UAPIModel

struct ImplicitHoleRule: LintRule {
    let id = "implicit-hole"
    let summary = "Implicit padding hole inside a record"
    let explanation = """
    The compiler inserted unnamed padding between two members. The kernel copies such a \
    struct to user space whole, so the hole can leak kernel stack bytes, and its size may \
    differ between ABIs (a __u64 after a __u32 is 8-byte aligned on x86_64, 4-byte on i386).
    """
    let fixHint = "Add an explicit padding member (e.g. __u32 pad;) and require it to be zero."
    let defaultSeverity = Severity.compatible

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).flatMap { record in
                record.holes.map { gap in
                    let bytes = gap.sizeBits % 8 == 0 ? "\(gap.sizeBits / 8)-byte" : "\(gap.sizeBits)-bit"
                    let place = gap.after.isEmpty ? "at the start" : "after \(gap.after)"
                    return LintFinding(rule: self, name: "\(record.name).\(gap.after)", location: record.location,
                                       message: "\(record.name): \(bytes) hole \(place) (offset \(gap.offsetBits / 8))",
                                       targets: [target.target])
                }
            }
        }
    }
}

struct TailPaddingRule: LintRule {
    let id = "tail-padding"
    let summary = "Implicit padding at the end of a record"
    let explanation = """
    The record's size is rounded up past its last member. Those bytes are copied like the \
    others and are uninitialised unless the kernel clears them; and whether they exist often \
    depends on the ABI (i386 aligns __u64 to 4 bytes, so a 20-byte struct on i386 is 24 on x86_64).
    """
    let fixHint = "Make the padding explicit with a trailing reserved member, or use __aligned_u64."
    let defaultSeverity = Severity.compatible

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).compactMap { record in
                guard record.kind == .struct, let gap = record.tailPadding else { return nil }
                return LintFinding(rule: self, name: record.name, location: record.location,
                                   message: "\(record.name): \(gap.sizeBits / 8) bytes of tail padding after \(gap.after) (size \(record.size ?? 0))",
                                   targets: [target.target])
            }
        }
    }
}
