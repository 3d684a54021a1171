import UAPIClang
import UAPIModel

/// The libclang that extraction runs on: a store of extractions must change with it.
package enum ParserVersion {
    /// libclang's version string; opening libclang if it is not open yet.
    package static func clang() throws -> String {
        do {
            return try ClangLibrary.version()
        } catch let ClangError.libraryMissing(reason) {
            throw UAPIError.parserMissing(reason)
        }
    }
}
