import Foundation

/// Names such as `.out.json.tmp-4242` or `.linux-headers.uapi-staging-4242` that end in
/// the PID of the process that made them.
package enum DeadProcessFile {
    /// The PID at the end of `name`, when `name` is `prefix` followed by digits only.
    package static func pid(in name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return pid_t(digits)
    }

    /// True when `name` is `prefix` + a PID and no process has that PID any more.
    package static func isLeftOver(_ name: String, prefix: String) -> Bool {
        guard let pid = pid(in: name, prefix: prefix), pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
