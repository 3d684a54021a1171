import UAPIModel

// What a binary links against, as the diff compares it: a function's signature and convention, a variable's type.

extension VariableDecl {
    /// The canonical type as a binary links against it: `__thread int` for a thread-local one.
    var linkedType: String { (isThreadLocal ? "__thread " : "") + canonicalType }
}

extension FunctionDecl {
    /// `unsigned int (int, struct vfio_info *)`: what a caller compiled against depends on.
    /// Parameters as C compares function types: top-level qualifiers left out.
    var canonicalSignature: String {
        signature(returnType: canonicalReturnType, parameters: parameters.map { ParameterType.adjusted($0.canonicalType) })
    }

    /// The same with the types as written (`__u32 (int, struct vfio_info *)`).
    var writtenSignature: String {
        signature(returnType: returnType, parameters: parameters.map(\.type))
    }

    private func signature(returnType: String, parameters: [String]) -> String {
        let list = (parameters + (isVariadic ? ["..."] : [])).joined(separator: ", ")
        let convention = callingConvention.map { "__attribute__((\($0))) " } ?? ""
        return "\(isStatic ? "static " : "")\(isInline ? "inline " : "")\(convention)\(returnType) (\(list.isEmpty ? "void" : list))"
    }
}
