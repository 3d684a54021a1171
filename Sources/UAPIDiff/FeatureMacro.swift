import Foundation
import UAPIModel

/// The kernel's own feature switches (`#define __ARCH_WANT_RENAMEAT`, `__ARCH_WANT_SET_GET_RLIMIT 1`):
/// `__`-prefixed, empty or 1, and tested only inside the kernel's build. No user program
/// uses them, so their coming and going is not an ABI change.
enum FeatureMacro {
    static let kernelInternalPatterns = ["__ARCH_WANT_*", "__ARCH_HAS_*"]

    static func isKernelInternal(name: String, text: String) -> Bool {
        let body = text.trimmingCharacters(in: .whitespaces)
        return (body.isEmpty || body == "1") && kernelInternalPatterns.contains { Glob.matches($0, name) }
    }

    static func isKernelInternal(_ value: NamedValue) -> Bool {
        !value.isEnumerator && isKernelInternal(name: value.name, text: value.text ?? "")
    }
}
