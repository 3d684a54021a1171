import UAPIClang
import UAPIModel

/// Recognises a macro built with the ioctl helpers and pulls out its argument type.
enum IoctlMacro {
    private static let typed: Set<String> = ["_IOR", "_IOW", "_IOWR", "_IOR_BAD", "_IOW_BAD", "_IOWR_BAD"]
    private static let untyped: Set<String> = ["_IO", "_IOC"]

    static func isIoctl(_ body: [String]) -> Bool {
        guard body.count > 1, body[1] == "(", let first = body.first else { return false }
        return typed.contains(first) || untyped.contains(first)
    }

    /// The third argument of `_IOR/_IOW/_IOWR(type, nr, argtype)`, as written.
    static func argumentType(_ body: [String]) -> String? {
        guard let first = body.first, typed.contains(first) else { return nil }
        var depth = 0
        var arguments: [[String]] = [[]]
        for token in body.dropFirst(2) {
            if token == "(" { depth += 1 }
            if token == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            if token == ",", depth == 0 { arguments.append([]); continue }
            arguments[arguments.count - 1].append(token)
        }
        guard arguments.count == 3 else { return nil }
        return TokenText.join(arguments[2])
    }
}
