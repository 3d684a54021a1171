import UAPIClang

/// The libclang that extraction runs on: a cache of extractions must change with it.
package enum ParserVersion {
    package static var clang: String { ResourceDirectory.version }
}
