import Foundation
import UAPIModel

/// How synced headers are rewritten for the project.
public enum RewriteMode: String, Sendable, CaseIterable {
    /// Copied as `headers_install` leaves them (QEMU's linux-headers/).
    case verbatim
    /// Fixed-width C types instead of kernel ones (QEMU's include/standard-headers/).
    case portable
}

/// The `portable` rewrite, a pure function of the text.
public struct PortableRewrite: Sendable {
    /// What `__attribute__((packed))` becomes (`QEMU_PACKED`); nil keeps it.
    public var packedMacro: String?

    public init(packedMacro: String? = nil) {
        self.packedMacro = packedMacro
    }

    public func apply(_ text: String) -> String {
        var result = text
        let replace: (String, String) -> Void = { pattern, template in
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        replace(#"#include\s*<linux/types\.h>"#, "#include <stdint.h>")
        replace(#"\b__aligned_u64\b"#, "uint64_t __attribute__((aligned(8)))")
        replace(#"\b__aligned_s64\b"#, "int64_t __attribute__((aligned(8)))")
        replace(#"\b(?:__u|u|__le|__be)(8|16|32|64)\b"#, "uint$1_t")
        replace(#"\b(?:__s|s)(8|16|32|64)\b"#, "int$1_t")
        replace(#"\b__kernel_long_t\b"#, "long")
        replace(#"\b__kernel_ulong_t\b"#, "unsigned long")
        replace(#"[ \t]*\b__bitwise\b"#, "")
        replace(#"[ \t]*\b__counted_by\([^)]*\)"#, "")
        if let packedMacro {
            replace(#"__attribute__\s*\(\(\s*packed\s*\)\)"#, packedMacro)
        }
        return result
    }
}
