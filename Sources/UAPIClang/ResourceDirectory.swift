import CClang
import Foundation

/// Where libclang's own headers (stddef.h, stdint.h) live. Debian's libclang is
/// loaded from /usr/lib/<triple>/, from where clang cannot derive its resource
/// directory, so we find it under the LLVM it is loaded from: found without opening
/// libclang, so that a warm run never opens it.
package enum ResourceDirectory {
    package static let path: String? = {
        for base in ["\(ClangLibrary.llvmDirectory)/lib/clang", "/usr/lib/clang"] {
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted().reversed()
            if let entry = entries.first(where: { FileManager.default.fileExists(atPath: "\(base)/\($0)/include/stddef.h") }) {
                return "\(base)/\(entry)"
            }
        }
        return nil
    }()
}
