/// C source split into tokens roughly as the preprocessor sees them, for the checks
/// made before clang reads a file: backslash-newlines joined, comments skipped,
/// digraphs (`%:`, `<%`, ...) read as what they stand for. Only directives and
/// token counts are taken from it; what the code means comes from clang.
struct SourceLexer {
    enum Kind: Equatable {
        case identifier, number, literal
        /// One punctuator byte (`#`, `{`, `;`, ...); operators of several bytes come as several.
        case punctuator(UInt8)
    }

    struct Token {
        var kind: Kind
        var start: Int
        var end: Int
        /// Counts newlines outside comments: tokens of one directive share it.
        var logicalLine: Int
        /// The first token of its logical line.
        var startsLine: Bool
        /// Line in `bytes` (0-based); `line(of:)` gives the line in the file.
        var splicedLine: Int
    }

    /// The text with backslash-newlines removed.
    let bytes: [UInt8]
    /// Offsets in `bytes` where a backslash-newline was removed, ascending.
    private let splices: [Int]
    private var position = 0
    private var splicedLine = 0
    private var logicalLine = 0
    private var atLineStart = true

    init(_ raw: [UInt8]) {
        (bytes, splices) = SourceLexer.splice(raw)
    }

    /// The 1-based line of `token` in the original file.
    func line(of token: Token) -> Int {
        token.splicedLine + SourceLexer.count(splices, below: token.start + 1) + 1
    }

    func text(of token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// A 64-bit FNV-1a hash of the token's text: cheaper than making a String of every word.
    func hash(of token: Token) -> UInt64 {
        SourceLexer.hash(bytes[token.start..<token.end])
    }

    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    mutating func next() -> Token? {
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case 0x0A: // newline
                splicedLine += 1
                logicalLine += 1
                atLineStart = true
                position += 1
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D: // blanks
                position += 1
            case 0x2F where peek(1) == 0x2A: // "/*"
                skipBlockComment()
            case 0x2F where peek(1) == 0x2F: // "//"
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            default:
                let startsLine = atLineStart
                atLineStart = false
                return token(startingWith: byte, startsLine: startsLine)
            }
        }
        return nil
    }

    /// The raw text after `offset` up to the next `>` on the same line (a `<header>` name).
    func angledName(after offset: Int) -> String? {
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ">") else { return nil }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func skipBlockComment() {
        position += 2
        while position < bytes.count {
            switch bytes[position] {
            case 0x2A where peek(1) == 0x2F: // "*/"
                position += 2
                return
            case 0x0A: // a comment's newlines end no directive, but they do count as lines
                splicedLine += 1
            default:
                break
            }
            position += 1
        }
    }

    private mutating func token(startingWith byte: UInt8, startsLine: Bool) -> Token {
        let start = position
        let kind: Kind
        if SourceLexer.isIdentifierStart(byte) {
            position += 1
            while position < bytes.count, SourceLexer.isIdentifierPart(bytes[position]) { position += 1 }
            // An encoding prefix (L"", u8'') belongs to the literal that follows.
            if position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27, position - start <= 2,
               ["L", "u", "U", "u8"].contains(String(decoding: bytes[start..<position], as: UTF8.self)) {
                skipLiteral(closing: bytes[position])
                kind = .literal
            } else {
                kind = .identifier
            }
        } else if SourceLexer.isDigit(byte) || (byte == 0x2E && SourceLexer.isDigit(peek(1) ?? 0)) {
            skipNumber()
            kind = .number
        } else if byte == 0x22 || byte == 0x27 { // '"' or "'"
            skipLiteral(closing: byte)
            kind = .literal
        } else {
            kind = .punctuator(digraph() ?? byte)
            position += 1
        }
        return Token(kind: kind, start: start, end: position, logicalLine: logicalLine, startsLine: startsLine,
                     splicedLine: splicedLine)
    }

    /// A preprocessing number: digits, letters, `.`, and a sign after an exponent letter.
    private mutating func skipNumber() {
        position += 1
        while position < bytes.count {
            let current = bytes[position]
            if SourceLexer.isIdentifierPart(current) || current == 0x2E {
                position += 1
            } else if current == 0x2B || current == 0x2D, // "+" or "-" after e, E, p or P
                      [0x65, 0x45, 0x70, 0x50].contains(bytes[position - 1]) {
                position += 1
            } else {
                return
            }
        }
    }

    /// `<%` `%>` `<:` `:>` `%:` as `{` `}` `[` `]` `#`, consuming the first byte of the pair.
    private mutating func digraph() -> UInt8? {
        guard let next = peek(1) else { return nil }
        let pair = (bytes[position], next)
        let meaning: UInt8?
        switch pair {
        case (UInt8(ascii: "<"), UInt8(ascii: "%")): meaning = UInt8(ascii: "{")
        case (UInt8(ascii: "%"), UInt8(ascii: ">")): meaning = UInt8(ascii: "}")
        case (UInt8(ascii: "<"), UInt8(ascii: ":")): meaning = UInt8(ascii: "[")
        case (UInt8(ascii: ":"), UInt8(ascii: ">")): meaning = UInt8(ascii: "]")
        case (UInt8(ascii: "%"), UInt8(ascii: ":")): meaning = UInt8(ascii: "#")
        default: meaning = nil
        }
        if meaning != nil { position += 1 }
        return meaning
    }

    /// A string or character literal; an unterminated one ends at the end of the line.
    private mutating func skipLiteral(closing: UInt8) {
        position += 1
        while position < bytes.count {
            let current = bytes[position]
            if current == 0x0A { return }
            position += current == 0x5C ? 2 : 1 // a backslash escapes the next byte
            if current == closing { return }
        }
        position = min(position, bytes.count)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x5F, 0x24, 0x80...0xFF: return true // a-z A-Z _ $ and UTF-8
        default: return false
        }
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Removes backslash-newlines (blanks between them allowed, as clang allows).
    static func splice(_ raw: [UInt8]) -> (bytes: [UInt8], splices: [Int]) {
        guard raw.contains(UInt8(ascii: "\\")) else { return (raw, []) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var splices: [Int] = []
        var copied = 0
        var index = 0
        while let backslash = raw[index...].firstIndex(of: UInt8(ascii: "\\")) {
            var end = backslash + 1
            while end < raw.count, raw[end] == UInt8(ascii: " ") || raw[end] == UInt8(ascii: "\t") || raw[end] == 0x0D { end += 1 }
            index = end
            guard end < raw.count, raw[end] == UInt8(ascii: "\n") else { continue }
            output.append(contentsOf: raw[copied..<backslash])
            splices.append(output.count)
            copied = end + 1
            index = copied
        }
        output.append(contentsOf: raw[copied...])
        return (output, splices)
    }

    /// How many values of the ascending `offsets` are below `limit`.
    private static func count(_ offsets: [Int], below limit: Int) -> Int {
        var low = 0, high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
