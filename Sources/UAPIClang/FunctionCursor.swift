import CClang

extension Cursor {
    /// A function's return type.
    package var resultType: ClangType { ClangType(clang_getCursorResultType(raw), in: unit) }

    /// A function's parameters, in order.
    package var arguments: [Cursor] {
        let count = clang_Cursor_getNumArguments(raw)
        guard count > 0 else { return [] }
        return (0..<UInt32(count)).map { Cursor(clang_Cursor_getArgument(raw, $0), in: unit) }
    }

    /// Declared `inline` (or defined inline by the language rules).
    package var isInlineFunction: Bool { clang_Cursor_isFunctionInlined(raw) != 0 }

    /// `static` storage: internal linkage.
    package var isStatic: Bool { clang_Cursor_getStorageClass(raw) == CX_SC_Static }

    /// A variable declared `__thread` / `_Thread_local`: each thread has its own, reached another way.
    package var isThreadLocal: Bool { clang_getCursorTLSKind(raw) != CXTLS_None }
}

extension ClangType {
    /// A function type that ends in `...`.
    package var isVariadic: Bool { clang_isFunctionTypeVariadic(raw) != 0 }

    /// The calling convention as the attribute that asks for it (`ms_abi`, `stdcall`); nil for
    /// the target's ordinary C convention.
    package var callingConvention: String? {
        switch clang_getFunctionTypeCallingConv(raw) {
        case CXCallingConv_Default, CXCallingConv_C, CXCallingConv_Invalid, CXCallingConv_Unexposed: return nil
        case CXCallingConv_X86StdCall: return "stdcall"
        case CXCallingConv_X86FastCall: return "fastcall"
        case CXCallingConv_X86ThisCall: return "thiscall"
        case CXCallingConv_X86Pascal: return "pascal"
        case CXCallingConv_AAPCS: return "pcs(\"aapcs\")"
        case CXCallingConv_AAPCS_VFP: return "pcs(\"aapcs-vfp\")"
        case CXCallingConv_X86RegCall: return "regcall"
        case CXCallingConv_IntelOclBicc: return "intel_ocl_bicc"
        case CXCallingConv_Win64: return "ms_abi"
        case CXCallingConv_X86_64SysV: return "sysv_abi"
        case CXCallingConv_X86VectorCall: return "vectorcall"
        case CXCallingConv_Swift: return "swiftcall"
        case CXCallingConv_PreserveMost: return "preserve_most"
        case CXCallingConv_PreserveAll: return "preserve_all"
        case CXCallingConv_AArch64VectorCall: return "aarch64_vector_pcs"
        default: return "calling convention \(clang_getFunctionTypeCallingConv(raw).rawValue)"
        }
    }
}
