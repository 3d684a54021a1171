import Foundation

/// Include guards (`#define _LINUX_VFIO_H`) are how a header protects itself, not
/// something a program uses: recognised by the conventional name.
package enum IncludeGuard {
    package static func looksLikeOne(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: ["_"])
        return trimmed.hasSuffix("_H") || trimmed.hasSuffix("_H_INCLUDED") || trimmed.hasSuffix("_INCLUDED") || trimmed == "H"
    }
}
