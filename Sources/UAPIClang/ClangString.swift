import CClang

/// The one place that turns a `CXString` into a Swift `String`: it copies the
/// bytes, then disposes the clang string. Nothing else calls `clang_getCString`.
func consume(_ string: CXString) -> String {
    defer { clang_disposeString(string) }
    guard let bytes = clang_getCString(string) else { return "" }
    return String(cString: bytes)
}
