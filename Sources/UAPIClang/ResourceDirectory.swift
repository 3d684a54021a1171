import CClang
import Foundation

/// Where libclang's own headers (stddef.h, stdint.h) live. Debian's libclang is
/// loaded from /usr/lib/<triple>/, from where clang cannot derive its resource
/// directory, so we find it under the LLVM of the same major version.
package enum ResourceDirectory {
    package static let path: String? = {
        let version = consume(clang_getClangVersion())
        guard let major = version.split(separator: " ").first(where: { $0.first?.isNumber == true })?
                .split(separator: ".").first else { return nil }
        for base in ["/usr/lib/llvm-\(major)/lib/clang", "/usr/lib/clang"] {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted().reversed()
            if let entry = entries.first(where: { FileManager.default.fileExists(atPath: "\(base)/\($0)/include/stddef.h") }) {
                return "\(base)/\(entry)"
            }
        }
        return nil
    }()

    package static var version: String { consume(clang_getClangVersion()) }
}
