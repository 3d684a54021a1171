import CClang

/// A clang diagnostic copied out of libclang.
package struct ClangDiagnostic: Hashable, Sendable {
    package enum Severity: Int, Sendable, Comparable {
        case ignored = 0, note, warning, error, fatal
        package static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    package var severity: Severity
    package var message: String
    package var file: String
    package var line: Int
    var column: Int
    /// Notes attached to this diagnostic ("to match this '{'").
    package var notes: [ClangDiagnostic]

    init(_ diagnostic: CXDiagnostic) {
        severity = Severity(rawValue: Int(clang_getDiagnosticSeverity(diagnostic).rawValue)) ?? .error
        message = consume(clang_getDiagnosticSpelling(diagnostic))
        let location = SourcePosition(clang_getDiagnosticLocation(diagnostic))
        file = location.file
        line = location.line
        column = location.column
        let children = clang_getChildDiagnostics(diagnostic)
        notes = (0..<clang_getNumDiagnosticsInSet(children)).compactMap { index in
            clang_getDiagnosticInSet(children, index).map(ClangDiagnostic.init)
        }
    }

    /// `file:line:col: message`, for an error the caller words itself.
    package var placedMessage: String {
        file.isEmpty ? message : "\(file):\(line):\(column): \(message)"
    }

    /// `file:line:col: warning: message`, the form compilers and editors understand.
    package var rendered: String {
        let place = file.isEmpty ? "" : "\(file):\(line):\(column): "
        let word: String
        switch severity {
        case .ignored, .note: word = "note"
        case .warning: word = "warning"
        case .error, .fatal: word = "error"
        }
        return "\(place)\(word): \(message)"
    }
}

/// A spelling location: file path, line and column (1-based; 0 when unknown).
package struct SourcePosition: Hashable, Sendable {
    package var file: String
    package var line: Int
    var column: Int

    init(_ location: CXSourceLocation) {
        var handle: CXFile?
        var line: UInt32 = 0
        var column: UInt32 = 0
        var offset: UInt32 = 0
        clang_getSpellingLocation(location, &handle, &line, &column, &offset)
        self.file = handle.map { consume(clang_getFileName($0)) } ?? ""
        self.line = Int(line)
        self.column = Int(column)
    }
}
