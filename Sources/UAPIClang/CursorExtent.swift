import CClang

extension Cursor {
    /// Where the cursor's source range ends (the closing brace of a record, say).
    package var extentEnd: SourcePosition { SourcePosition(clang_getRangeEnd(extent)) }
}
