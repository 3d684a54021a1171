import Foundation

/// A plain-text reading of a header, independent of libclang: the names it
/// `#define`s, its enumerators, and its struct bodies with comments and blanks
/// removed. The corpus tests compare uapi's diff with the diff of these.
struct TextualHeader {
    var defines: [String: String] = [:]
    var enumerators: Set<String> = []
    var structBodies: [String: String] = [:]

    init(path: String) throws {
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        let text = TextualHeader.stripComments(raw).replacingOccurrences(of: "\\\n", with: " ")
        let define = try NSRegularExpression(pattern: #"^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?[ \t]*(.*)$"#, options: [.anchorsMatchLines])
        for match in define.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let body = String(text[Range(match.range(at: 3), in: text)!]).trimmingCharacters(in: .whitespaces)
            if !body.isEmpty { defines[name] = body.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression) }
        }
        for (keyword, body) in TextualHeader.blocks(in: text) {
            if keyword.hasPrefix("enum") {
                for entry in body.split(separator: ",") {
                    let name = entry.split(separator: "=").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    if name.range(of: #"^[A-Za-z_]\w*$"#, options: .regularExpression) != nil { enumerators.insert(name) }
                }
            } else if keyword.hasPrefix("struct "), keyword.split(separator: " ").count == 2 {
                // Defines inside a body are not fields.
                let fields = body.replacingOccurrences(of: #"(?m)^[ \t]*#[^\n]*$"#, with: "", options: .regularExpression)
                structBodies[String(keyword.split(separator: " ")[1])] = fields.replacingOccurrences(of: #"\s+"#, with: "", options: .regularExpression)
            }
        }
    }

    /// `struct name {...}` and `enum [name] {...}` blocks, by brace matching (nested ones included).
    private static func blocks(in text: String) -> [(String, String)] {
        let opener = try! NSRegularExpression(pattern: #"\b(struct|union|enum)(\s+[A-Za-z_]\w*)?\s*\{"#)
        let characters = Array(text.utf16)
        var result: [(String, String)] = []
        for match in opener.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let keyword = (text as NSString).substring(with: match.range).dropLast().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var depth = 0, index = match.range.location + match.range.length - 1
            let start = index + 1
            repeat {
                if characters[index] == UInt16(UInt8(ascii: "{")) { depth += 1 }
                if characters[index] == UInt16(UInt8(ascii: "}")) { depth -= 1 }
                index += 1
            } while depth > 0 && index < characters.count
            result.append((keyword, (text as NSString).substring(with: NSRange(location: start, length: index - 1 - start))))
        }
        return result
    }

    private static func stripComments(_ text: String) -> String {
        text.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
    }

    /// Defines and enumerators: the names C code can use as values or macros.
    var names: Set<String> { Set(defines.keys).union(enumerators) }
}
