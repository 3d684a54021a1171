import Foundation
import UAPIModel

/// Swift spellings: architectures, integer types, identifiers.
enum SwiftNames {
    /// The `#if arch(...)` name of a target.
    static func arch(_ target: String) -> String {
        switch target {
        case "aarch64": return "arm64"
        case "ppc64le": return "powerpc64le"
        default: return target
        }
    }

    /// The Swift type for a constant's C type on a target whose `long` is `longBits` wide.
    static func type(ofC cType: String) -> String? {
        switch cType {
        case "int", "signed int": return "Int32"
        case "unsigned int": return "UInt32"
        case "long", "long int": return "Int"
        case "unsigned long", "unsigned long int": return "UInt"
        case "long long", "long long int": return "Int64"
        case "unsigned long long", "unsigned long long int": return "UInt64"
        case "short": return "Int16"
        case "unsigned short": return "UInt16"
        case "char", "signed char": return "Int8"
        case "unsigned char": return "UInt8"
        case "_Bool": return "Bool"
        case "double", "float": return "Double"
        case "const char *": return "String"
        default: return nil
        }
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// A Swift string literal of `text`: quotes, backslashes and control characters escaped.
    static func stringLiteral(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\\": return "\\\\"
            case "\"": return "\\\""
            case "\n": return "\\n"
            default: return scalar.value < 0x20 || scalar.value > 0x7E ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }.joined()
        return "\"\(escaped)\""
    }

    /// `text` fit for a `//` or `/* */` comment: no line breaks or control characters, no `*/`.
    static func commentText(_ text: String) -> String {
        let visible = text.unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return visible.replacingOccurrences(of: "*/", with: "*\\/")
    }

    /// `name`, in backticks when it is a Swift keyword.
    static func identifier(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }
}
