import UAPIDiff
import UAPIModel

/// How a named value reads in a report: `macro 0`, `enumerator 1`, `ioctl 0x3b6b`.
extension NamedConstant {
    var kindWord: String { isEnumerator ? "enumerator" : "macro" }

    /// An ioctl is a macro, but says more as "ioctl".
    var displayWord: String { isIoctl ? "ioctl" : kindWord }

    var displayValue: String {
        if let literal { return literal }
        guard let value else { return "?" }
        if isIoctl || value.magnitude > 0xFFFF && !value.isNegative { return value.hex }
        return value.description
    }

    var described: String { "\(displayWord) \(displayValue)" }
}
