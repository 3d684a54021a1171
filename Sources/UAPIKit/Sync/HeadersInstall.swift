import Foundation

/// What `make headers_install` does to a UAPI header, in process: drop `#ifdef
/// __KERNEL__` blocks, the `_UAPI` prefix of include guards, and the kernel-only
/// annotations `__user`, `__force`, `__iomem`, `__attribute_const__`.
public enum HeadersInstall {
    public struct Failure: Error, Equatable {
        public var line: Int
        public var reason: String
    }

    public static func transform(_ text: String) throws -> String {
        let stripped = try dropKernelBlocks(text)
        var result = stripped
        for word in ["__user", "__force", "__iomem", "__attribute_const__"] {
            result = result.replacingOccurrences(of: #"[ \t]*\b"# + word + #"\b"#, with: "", options: .regularExpression)
        }
        return result.replacingOccurrences(of: #"\b_UAPI([A-Z0-9_]*_H)\b"#, with: "$1", options: .regularExpression)
    }

    private enum Condition { case kernelOnly, userOnly, other }

    /// A small `unifdef -U__KERNEL__`: only conditions on `__KERNEL__` alone are
    /// resolved; every other conditional is kept as written.
    static func dropKernelBlocks(_ text: String) throws -> String {
        var output: [Substring] = []
        var stack: [(resolved: Bool, keeping: Bool)] = []
        var keeping: Bool { stack.allSatisfy(\.keeping) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let directive = line.trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: #"^#\s+"#, with: "#", options: .regularExpression)
            let word = directive.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == "!" }).first.map(String.init) ?? ""
            switch word {
            case "#if", "#ifdef", "#ifndef":
                if let kind = condition(of: directive) {
                    stack.append((true, kind == .userOnly))
                } else {
                    if keeping { output.append(line) }
                    stack.append((false, true))
                }
            case "#elif", "#else", "#endif":
                guard let top = stack.last else {
                    throw Failure(line: index + 1, reason: "\(word) without #if")
                }
                if top.resolved {
                    if word == "#elif" {
                        throw Failure(line: index + 1, reason: "#elif after a __KERNEL__ condition; write the block as #ifdef/#else")
                    }
                    if word == "#else" { stack[stack.count - 1].keeping.toggle() } else { stack.removeLast() }
                } else {
                    if word == "#endif" { stack.removeLast() }
                    if keeping { output.append(line) }
                }
            default:
                if keeping { output.append(line) }
            }
        }
        guard stack.isEmpty else { throw Failure(line: lines.count, reason: "#if without #endif") }
        return output.joined(separator: "\n")
    }

    private static func condition(of directive: String) -> Condition? {
        let compact = directive.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        if compact.hasPrefix("#ifdef__KERNEL__") || compact == "#ifdefined(__KERNEL__)" || compact.hasPrefix("#ifdefined(__KERNEL__)/") {
            return .kernelOnly
        }
        if compact.hasPrefix("#ifndef__KERNEL__") || compact == "#if!defined(__KERNEL__)" || compact.hasPrefix("#if!defined(__KERNEL__)/") {
            return .userOnly
        }
        return nil
    }
}
