import UAPIModel

/// Bounds checked on a YAML file's text before Yams reads it: Yams composes nodes
/// recursively, so a file nested a few thousand levels deep overflows the stack.
/// uapi's own files (policies, uapi.yaml) need five or six levels and a few kilobytes.
package enum YAMLLimits {
    package static let maxBytes = 1 << 20
    package static let maxDepth = 64

    /// Throws `badConfig` naming the file, and the line for nesting, when `text` is too big or too deep.
    package static func check(_ text: String, path: String) throws {
        let size = text.utf8.count
        guard size <= maxBytes else {
            throw UAPIError.badConfig(path: path, line: nil,
                                      reason: "the file is \(size) bytes; a uapi YAML file may have at most \(maxBytes) bytes (1 MiB)")
        }
        var blockIndents: [Int] = []
        var flowDepth = 0
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            guard indent < bytes.count, bytes[indent] != UInt8(ascii: "#") else { continue }
            if flowDepth == 0 {
                // A line opens a level below every enclosing line indented less than it.
                while let last = blockIndents.last, last >= indent { blockIndents.removeLast() }
                blockIndents.append(indent)
            }
            let scan = LineScan(bytes[indent...], flowDepth: flowDepth)
            flowDepth = scan.flowDepthAfter
            let depth = blockIndents.count + scan.indicators + scan.deepestFlow
            if depth > maxDepth {
                throw UAPIError.badConfig(path: path, line: lineNumber,
                                          reason: "nested more than \(maxDepth) levels deep; uapi's YAML files need only a few levels, so flatten it")
            }
        }
    }

    /// What one line adds to the nesting: block indicators (`- `, `? `, `: `) that
    /// open a node on the same line, and `[`/`{` outside quotes and comments.
    private struct LineScan {
        var indicators = 0
        var deepestFlow: Int
        var flowDepthAfter: Int

        init(_ bytes: ArraySlice<UInt8>, flowDepth: Int) {
            var depth = flowDepth
            deepestFlow = flowDepth
            var quote: UInt8?
            var index = bytes.startIndex
            var previous = UInt8(ascii: " ")
            while index < bytes.endIndex {
                let byte = bytes[index]
                let next = index + 1 < bytes.endIndex ? bytes[index + 1] : UInt8(ascii: " ")
                if let open = quote {
                    if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { index += 1 } else if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") {
                    break
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                    deepestFlow = max(deepestFlow, depth)
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    depth = max(0, depth - 1)
                } else if [UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(byte),
                          next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") {
                    indicators += 1
                }
                previous = byte
                index += 1
            }
            flowDepthAfter = depth
        }
    }
}
