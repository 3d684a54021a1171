import UAPIModel

struct NonFixedWidthRule: LintRule {
    let id = "non-fixed-width"
    let summary = "Member type whose size is the compiler's choice"
    let explanation = """
    UAPI structs should use the fixed-width types of <linux/types.h> (__u8 ... __u64, \
    __s8 ... __s64). int, long, size_t and bool, pointers and enums have sizes that \
    depend on the ABI (long and pointers are 4 bytes on i386, 8 on x86_64) or on the compiler.
    """
    let fixHint = "Use __u32/__s32/__u64/__s64 (__aligned_u64 for user pointers) instead."
    let defaultSeverity = Severity.compatible

    private static let plainTypes: Set<String> = [
        "int", "unsigned", "unsigned int", "signed", "signed int", "short", "unsigned short", "long", "unsigned long",
        "long int", "long long", "unsigned long long", "size_t", "ssize_t", "bool", "_Bool", "ptrdiff_t", "uintptr_t", "intptr_t",
    ]

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).flatMap { record in
                record.fields.compactMap { field -> LintFinding? in
                    guard !field.name.isEmpty, let why = problem(field) else { return nil }
                    return LintFinding(rule: self, name: "\(record.name).\(field.name)", location: record.location,
                                       message: "\(record.name).\(field.name) is \(why)", targets: [target.target])
                }
            }
        }
    }

    private func problem(_ field: Field) -> String? {
        var written = field.type
        if let bracket = written.firstIndex(of: "[") { written = String(written[..<bracket]).trimmingCharacters(in: .whitespaces) }
        if written.hasPrefix("const ") { written.removeFirst(6) }
        if field.canonicalType.contains("*") { return "a pointer (\(field.type)); its size differs between 32- and 64-bit ABIs" }
        if field.canonicalType.hasPrefix("enum ") { return "an enum (\(field.type)); its size is the compiler's choice" }
        if Self.plainTypes.contains(written) { return "declared \(field.type), not a fixed-width UAPI type" }
        return nil
    }
}

struct OldFlexibleArrayRule: LintRule {
    let id = "old-flexible-array"
    let summary = "Old-style flexible array ([0] or [1])"
    let explanation = """
    A trailing array of zero or one element used as a variable-length tail. C99's [] says \
    what is meant, lets compilers check bounds (-fstrict-flex-arrays, __counted_by), and \
    does not add a phantom element to sizeof with [1].
    """
    let fixHint = "Declare the member with [] (a C99 flexible array member)."
    let defaultSeverity = Severity.compatible

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).compactMap { record in
                guard record.kind == .struct, let last = record.fields.last(where: { !$0.name.isEmpty }),
                      last.canonicalType.hasSuffix("[0]") || (last.canonicalType.hasSuffix("[1]") && last == record.fields.last) else { return nil }
                return LintFinding(rule: self, name: "\(record.name).\(last.name)", location: record.location,
                                   message: "\(record.name).\(last.name) is declared \(last.type); use []",
                                   targets: [target.target])
            }
        }
    }
}

struct BitFieldRule: LintRule {
    let id = "bitfield"
    let summary = "Bit-field in a UAPI record"
    let explanation = """
    How bit-fields are packed (order within a unit, straddling, signedness of plain int \
    fields) is implementation-defined and differs between big- and little-endian targets. \
    User space and the kernel can then disagree about which bits a field is.
    """
    let fixHint = "Use a fixed-width integer with documented masks and shifts (#define FOO_MASK ...)."
    let defaultSeverity = Severity.compatible

    func check(_ context: LintContext) -> [LintFinding] {
        perTarget(context) { target in
            context.records(in: target).flatMap { record in
                record.fields.filter { $0.bitWidth != nil && !$0.name.isEmpty }.map { field in
                    LintFinding(rule: self, name: "\(record.name).\(field.name)", location: record.location,
                                message: "\(record.name).\(field.name) is a \(field.bitWidth!)-bit bit-field",
                                targets: [target.target])
                }
            }
        }
    }
}
