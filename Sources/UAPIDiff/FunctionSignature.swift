import UAPIModel

extension FunctionDecl {
    /// `unsigned int (int, struct vfio_info *)`: what a caller compiled against depends on.
    var canonicalSignature: String {
        signature(returnType: canonicalReturnType, parameters: parameters.map(\.canonicalType))
    }

    /// The same with the types as written (`__u32 (int, struct vfio_info *)`).
    var writtenSignature: String {
        signature(returnType: returnType, parameters: parameters.map(\.type))
    }

    private func signature(returnType: String, parameters: [String]) -> String {
        let list = (parameters + (isVariadic ? ["..."] : [])).joined(separator: ", ")
        return "\(isStatic ? "static " : "")\(isInline ? "inline " : "")\(returnType) (\(list.isEmpty ? "void" : list))"
    }
}

/// Include guards (`#define _LINUX_VFIO_H`) are how a header protects itself, not
/// something a program uses: recognised by the conventional name.
enum IncludeGuard {
    static func looksLikeOne(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: ["_"])
        return trimmed.hasSuffix("_H") || trimmed.hasSuffix("_H_INCLUDED") || trimmed.hasSuffix("_INCLUDED") || trimmed == "H"
    }
}
