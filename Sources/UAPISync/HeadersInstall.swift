import Foundation
import UAPIModel

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

    /// Only a condition on `__KERNEL__` alone (a trailing comment allowed); `__KERNEL__X` or
    /// `defined(__KERNEL__) && FOO` are other conditions and are kept as written.
    private static func condition(of directive: String) -> Condition? {
        var compact = directive.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        if let comment = compact.range(of: "/*") ?? compact.range(of: "//") { compact = String(compact[..<comment.lowerBound]) }
        switch compact {
        case "#ifdef__KERNEL__", "#ifdefined(__KERNEL__)", "#ifdefined__KERNEL__": return .kernelOnly
        case "#ifndef__KERNEL__", "#if!defined(__KERNEL__)", "#if!defined__KERNEL__": return .userOnly
        default: return nil
        }
    }
}
