import CClang

/// Owns a `CXEvalResult` and copies its value out.
package final class EvaluationResult {
    private let raw: CXEvalResult

    init(_ raw: CXEvalResult) { self.raw = raw }
    deinit { clang_EvalResult_dispose(raw) }

    package enum Value: Equatable {
        case signed(Int64)
        case unsigned(UInt64)
        case float(Double)
        case string(String)
        case unknown
    }

    package var value: Value {
        switch clang_EvalResult_getKind(raw) {
        case CXEval_Int:
            if clang_EvalResult_isUnsignedInt(raw) != 0 {
                return .unsigned(UInt64(clang_EvalResult_getAsUnsigned(raw)))
            }
            return .signed(Int64(clang_EvalResult_getAsLongLong(raw)))
        case CXEval_Float:
            return .float(clang_EvalResult_getAsDouble(raw))
        case CXEval_StrLiteral, CXEval_CFStr, CXEval_ObjCStrLiteral:
            // The string is owned by the result; copy it before the result is disposed.
            guard let bytes = clang_EvalResult_getAsStr(raw) else { return .unknown }
            return .string(String(cString: bytes))
        default:
            return .unknown
        }
    }
}
