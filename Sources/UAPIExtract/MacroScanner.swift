import Foundation
import UAPIClang
import UAPIModel

/// Finds the names of object-like `#define`s in a file's text, so their probes can
/// go into the first parse. Only names are taken from the text; what they mean
/// comes from clang. A plain scan of the bytes: it runs once per header and target,
/// and regular expressions over Swift strings cost as much as clang's parse.
enum MacroScanner {
    static func objectLikeNames(inFile path: String) -> [String] {
        guard let bytes = FileBytes.read(path) else { return [] }
        var names = Set<String>()
        for directive in directives(in: bytes) {
            if let name = objectLikeDefinition(directive) { names.insert(name) }
        }
        return names.sorted()
    }

    /// Lines whose first non-blank character is `#`, joined with their `\`-continued lines.
    static func directives(in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var directiveStart: Int?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if directiveStart == nil {
                var first = lineStart
                while first < lineEnd, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                if first < lineEnd, bytes[first] == UInt8(ascii: "#") { directiveStart = lineStart }
            }
            if let start = directiveStart, lineEnd == lineStart || bytes[lineEnd - 1] != UInt8(ascii: "\\") {
                result.append(bytes[start..<lineEnd])
                directiveStart = nil
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// The name a directive defines when it is `#define NAME body` (not `NAME(`) and
    /// the body looks like an expression.
    static func objectLikeDefinition(_ directive: ArraySlice<UInt8>) -> String? {
        // The first line of the directive that is a #define, as `^` matches after every newline.
        var lineStart = directive.startIndex
        while lineStart <= directive.endIndex {
            if let (name, bodyStart, isFunctionLike) = defineLine(directive, from: lineStart) {
                guard !isFunctionLike else { return nil }
                return isExpressionLike(directive[bodyStart...]) ? name : nil
            }
            guard let newline = directive[lineStart...].firstIndex(of: 0x0A) else { return nil }
            lineStart = newline + 1
        }
        return nil
    }

    /// `[ \t]*#[ \t]*define[ \t]+NAME` from `start`: the name, where its body starts, and whether `(` follows it.
    private static func defineLine(_ text: ArraySlice<UInt8>, from start: Int) -> (String, Int, Bool)? {
        var index = start
        func skipBlanks() { while index < text.endIndex, text[index] == 0x20 || text[index] == 0x09 { index += 1 } }
        skipBlanks()
        guard index < text.endIndex, text[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        skipBlanks()
        let keyword = Array("define".utf8)
        guard text.endIndex - index >= keyword.count, text[index..<index + keyword.count].elementsEqual(keyword) else { return nil }
        index += keyword.count
        let blanks = index
        skipBlanks()
        guard index > blanks, index < text.endIndex, isIdentifierStart(text[index]) else { return nil }
        let nameStart = index
        while index < text.endIndex, isIdentifierStart(text[index]) || (text[index] >= 0x30 && text[index] <= 0x39) { index += 1 }
        let name = String(decoding: text[nameStart..<index], as: UTF8.self)
        if index < text.endIndex, text[index] == UInt8(ascii: "(") { return (name, index + 1, true) }
        return (name, index, false)
    }

    /// A probe that is not an expression could upset the parse of the probes after it.
    private static func isExpressionLike(_ body: ArraySlice<UInt8>) -> Bool {
        let code = withoutNoise(body)
        if code.contains(where: { $0 >= 0x80 }) {
            // Non-ASCII text: let Swift's Unicode rules decide what a word is.
            let text = String(decoding: code, as: UTF8.self)
            let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            return MacroDefinition.isProbeCandidate(code: text, firstWord: words.first.map(String.init))
        }
        var start = 0
        while start < code.count, !isWordByte(code[start]) { start += 1 }
        var end = start
        while end < code.count, isWordByte(code[end]) { end += 1 }
        let firstWord = start < code.count ? String(decoding: code[start..<end], as: UTF8.self) : nil
        return MacroDefinition.isProbeCandidate(code: String(decoding: code, as: UTF8.self), firstWord: firstWord)
    }

    /// Comments and string and character literals (whose `;` or `#` mean nothing) as ` 0 `,
    /// and `\`-newline as a blank.
    static func withoutNoise(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var code: [UInt8] = []
        code.reserveCapacity(body.count)
        let zero: [UInt8] = [0x20, UInt8(ascii: "0"), 0x20]
        var index = body.startIndex
        while index < body.endIndex {
            if let end = noiseEnd(body, at: index) {
                code += zero
                index = end
            } else {
                code.append(body[index])
                index += 1
            }
        }
        // `\` followed by a newline, in the text the noise left.
        var joined: [UInt8] = []
        joined.reserveCapacity(code.count)
        var position = 0
        while position < code.count {
            if code[position] == UInt8(ascii: "\\"), position + 1 < code.count, code[position + 1] == 0x0A {
                joined.append(0x20)
                position += 2
            } else {
                joined.append(code[position])
                position += 1
            }
        }
        return joined
    }

    /// Where a comment or literal starting at `index` ends, or nil when none starts there.
    private static func noiseEnd(_ text: ArraySlice<UInt8>, at index: Int) -> Int? {
        let byte = text[index]
        let next = index + 1 < text.endIndex ? text[index + 1] : nil
        if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
            var end = index + 2
            while end + 1 < text.endIndex {
                if text[end] == UInt8(ascii: "*"), text[end + 1] == UInt8(ascii: "/") { return end + 2 }
                end += 1
            }
            return nil
        }
        if byte == UInt8(ascii: "/"), next == UInt8(ascii: "/") {
            return text[index...].firstIndex(of: 0x0A) ?? text.endIndex
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            var end = index + 1
            while end < text.endIndex {
                if text[end] == byte { return end + 1 }
                end += text[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            return nil
        }
        return nil
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
