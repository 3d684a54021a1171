import UAPIModel

/// What a field's type means to the ABI: `uint64_t` (unsigned long on LP64) and
/// `__u64` (unsigned long long) are the same 8-byte unsigned integer, so a vendored
/// copy that spells types differently compares equal to upstream.
enum TypeMeaning {
    private static let unsignedNames: Set<String> = ["unsigned char", "unsigned short", "unsigned int", "unsigned long", "unsigned long long", "_Bool"]
    private static let signedNames: Set<String> = ["signed char", "char", "short", "int", "long", "long long"]

    /// `u64`, `s32`, `u8[16]`, or the canonical spelling for anything else.
    static func key(canonical: String, size: Int?) -> String {
        var base = canonical
        var suffix = ""
        if let bracket = canonical.firstIndex(of: "[") {
            base = String(canonical[..<bracket]).trimmingCharacters(in: .whitespaces)
            suffix = String(canonical[bracket...])
        }
        guard let size else { return canonical }
        let elementSize = elementCount(suffix).map { $0 > 0 ? size / $0 : size } ?? size
        if unsignedNames.contains(base) { return "u\(elementSize * 8)\(suffix)" }
        if signedNames.contains(base) { return "s\(elementSize * 8)\(suffix)" }
        return canonical
    }

    private static func elementCount(_ suffix: String) -> Int? {
        guard !suffix.isEmpty else { return nil }
        let numbers = suffix.split(whereSeparator: { $0 == "[" || $0 == "]" }).compactMap { Int($0) }
        guard !numbers.isEmpty else { return nil }
        // The spelling may come from a snapshot file: a product that overflows means no usable count.
        var product = 1
        for number in numbers {
            let (next, overflow) = product.multipliedReportingOverflow(by: number)
            if overflow { return nil }
            product = next
        }
        return product
    }

    private static let lp64: Set<String> = ["x86_64", "aarch64", "riscv64", "ppc64le", "s390x"]

    /// Targets whose plain `char` is unsigned (the ARM, PowerPC, RISC-V and s390 ABIs).
    static func plainCharIsUnsigned(on target: String) -> Bool {
        ["aarch64", "arm", "riscv64", "ppc64le", "s390x"].contains(target)
    }

    /// Two canonical spellings of one integer type on `target`: on LP64 targets
    /// `unsigned long` and `unsigned long long` are both 8 bytes (uint64_t vs __u64).
    static func sameInteger(_ a: String, _ b: String, target: String) -> Bool {
        if a == b { return true }
        guard lp64.contains(target) else { return false }
        let unsigned: Set<String> = ["unsigned long", "unsigned long long"], signed: Set<String> = ["long", "long long"]
        return (unsigned.contains(a) && unsigned.contains(b)) || (signed.contains(a) && signed.contains(b))
    }
}
