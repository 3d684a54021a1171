import UAPIClang
import Foundation
import UAPIModel

/// The pieces of the file uapi makes up for each parse (`HeaderExtractor.umbrellaPath`):
/// the line that includes the header, a fence after it, and how clang's complaints
/// about the made-up file are told to users, who never see it.
enum UmbrellaFile {
    /// A declaration that fails when the header leaves a declaration, initializer or
    /// brace open: without it, the probes after the header would land inside.
    static let fence = "typedef int __uapi_fence;\n"

    /// libclang's failure to parse at all, told about the header instead of the made-up file.
    static func parseFailure(_ error: ClangError, header: String) -> String {
        if error.crashed {
            return "\(header): libclang crashed while parsing it (most likely an expression nested too deeply for its stack, through macros)"
        }
        return "\(header): libclang could not parse it (\(error.localizedDescription.replacingOccurrences(of: HeaderExtractor.umbrellaPath + ": ", with: "")))"
    }

    /// Whether the fence came through as a declaration of its own. clang says nothing
    /// when a function body is left open (its body is skipped to the end of the file).
    static func fenceIsIntact(in unit: TranslationUnit) -> Bool {
        var found = false
        unit.cursor.visitChildren { cursor in
            guard cursor.kind == .typedefDecl, cursor.spelling == "__uapi_fence" else { return .continue }
            found = true
            return .stop
        }
        return found
    }

    /// `#include "path"`, or `<path>` when the name holds a `"`. Throws for a name no
    /// `#include` can spell (a newline, or both `"` and `>`).
    static func includeLine(for path: String) throws -> String {
        if path.contains("\n") || path.contains("\r") || (path.contains("\"") && path.contains(">")) {
            throw UAPIError.badArgument("\(FileNameBytes.escaped(Array(path.utf8))): clang's #include cannot name a file whose name holds a line break (or both '\"' and '>'); rename the file")
        }
        return path.contains("\"") ? "#include <\(path)>\n" : "#include \"\(path)\"\n"
    }

    /// A diagnostic as `file:line:col: message`; one placed in the umbrella file is
    /// told as being about `header`: before its `#include` line it concerns the
    /// kernel-types prelude, from that line on the header's end.
    static func placedMessage(_ diagnostic: ClangDiagnostic, header: String, includeLine: Int) -> String {
        guard diagnostic.file == HeaderExtractor.umbrellaPath else { return diagnostic.placedMessage }
        if diagnostic.line < includeLine {
            return "\(header): in the kernel-types prelude put before it: \(diagnostic.message)"
        }
        return "\(header): the header ends inside a declaration, expression or block (clang: \(diagnostic.message), after its last line)"
    }
}
