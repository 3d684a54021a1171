/// The directives of one file that the checks before parsing need: where its
/// `#include`s lead, and what each `#define` would expand to.
struct SourceDirectives {
    enum IncludeOperand: Equatable {
        case quoted(String)
        case angled(String)
        /// `#include NAME`: the header is whatever the macro NAME expands to.
        case macro(String)
    }

    struct Include: Equatable {
        var operand: IncludeOperand
        var line: Int
        /// `#include_next` searches after the directory the including file was found in.
        var isNext: Bool
    }

    struct Definition {
        var name: String
        var line: Int
        var isFunctionLike: Bool
        /// Tokens of the replacement list.
        var tokens: Int
        /// Identifiers of the replacement list, with how often each occurs.
        var identifiers: [String: Int]
        /// `"x.h"` or `<x.h>` when that is the whole replacement list (a computed include).
        var includeOperand: IncludeOperand?
        /// Object-like, with a body a probe can hold (`MacroDefinition.isProbeCandidate`'s rule).
        var isProbeCandidate = false
    }

    var includes: [Include] = []
    var definitions: [Definition] = []

    init() {}

    /// Records one directive line: `#`, its name, and the tokens after the name.
    mutating func add(hash: SourceLexer.Token, name: SourceLexer.Token, rest: [SourceLexer.Token], lexer: SourceLexer) {
        switch lexer.text(of: name) {
        case "include", "include_next", "import":
            if let operand = SourceDirectives.operand(rest, lexer: lexer) {
                includes.append(Include(operand: operand, line: lexer.line(of: hash),
                                        isNext: lexer.text(of: name) == "include_next"))
            }
        case "define":
            if let definition = SourceDirectives.definition(rest, lexer: lexer, line: lexer.line(of: hash)) {
                definitions.append(definition)
            }
        default:
            break
        }
    }

    private static func operand(_ tokens: [SourceLexer.Token], lexer: SourceLexer) -> IncludeOperand? {
        guard let first = tokens.first else { return nil }
        switch first.kind {
        case .literal:
            let text = lexer.text(of: first)
            guard text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 else { return nil }
            return .quoted(String(text.dropFirst().dropLast()))
        case .punctuator(UInt8(ascii: "<")):
            return lexer.angledName(after: first.end).map(IncludeOperand.angled)
        case .identifier:
            return .macro(lexer.text(of: first))
        default:
            return nil
        }
    }

    private static func definition(_ tokens: [SourceLexer.Token], lexer: SourceLexer, line: Int) -> Definition? {
        guard let name = tokens.first, name.kind == .identifier else { return nil }
        var body = tokens.dropFirst()
        // Function-like only when `(` follows the name with no blank between.
        let isFunctionLike = body.first.map { $0.kind == .punctuator(UInt8(ascii: "(")) && $0.start == name.end } ?? false
        if isFunctionLike, let close = body.firstIndex(where: { $0.kind == .punctuator(UInt8(ascii: ")")) }) {
            body = body[(close + 1)...]
        }
        var identifiers: [String: Int] = [:]
        for token in body where token.kind == .identifier { identifiers[lexer.text(of: token), default: 0] += 1 }
        var includeOperand: IncludeOperand?
        if !isFunctionLike, let first = body.first {
            if body.count == 1, first.kind == .literal || first.kind == .identifier { includeOperand = operand(Array(body), lexer: lexer) }
            if first.kind == .punctuator(UInt8(ascii: "<")) { includeOperand = operand(Array(body), lexer: lexer) }
        }
        let isProbeCandidate = !isFunctionLike && body.first.map { first in
            MacroDefinition.isProbeCandidate(firstToken: lexer.text(of: first), punctuators: body.lazy.compactMap {
                if case let .punctuator(byte) = $0.kind { return byte }
                return nil
            })
        } ?? false
        return Definition(name: lexer.text(of: name), line: line, isFunctionLike: isFunctionLike,
                          tokens: body.count, identifiers: identifiers, includeOperand: includeOperand,
                          isProbeCandidate: isProbeCandidate)
    }
}
