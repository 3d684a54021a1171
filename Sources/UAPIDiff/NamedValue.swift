import UAPIModel

/// A name with an integer value, from either a macro or an enumerator: C code
/// uses both the same way, so the diff compares them in one namespace.
struct NamedValue {
    enum Kind: Equatable {
        case macro
        case enumerator(enumName: String)
        case stringMacro
        case floatMacro
    }

    var name: String
    var kind: Kind
    var value: IntegerValue?
    var text: String
    var cType: String
    var location: SourceLocation
    var ioctl: IoctlNumber?
    /// The constant's literal text for string and float constants.
    var literal: String?

    var kindWord: String {
        switch kind {
        case .macro, .stringMacro, .floatMacro: return "macro"
        case .enumerator: return "enumerator"
        }
    }

    /// `macro 0`, `enumerator 1`, `macro "vfio-pci"`, `ioctl 0x3b6b`.
    var described: String {
        "\(displayWord) \(displayValue)"
    }

    /// What a reader calls it: an ioctl is a macro, but says more as "ioctl".
    var displayWord: String { ioctl != nil ? "ioctl" : kindWord }

    var displayValue: String {
        if let literal { return literal }
        guard let value else { return "?" }
        if ioctl != nil || value.magnitude > 0xFFFF && !value.isNegative { return value.hex }
        return value.description
    }

    func sameValue(as other: NamedValue) -> Bool {
        value == other.value && literal == other.literal
    }

    static func all(in target: TargetSnapshot) -> [String: NamedValue] {
        var result: [String: NamedValue] = [:]
        for constant in target.constants {
            let kind: Kind = constant.kind == .string ? .stringMacro : constant.kind == .float ? .floatMacro : .macro
            let literal = constant.stringValue.map { "\"\($0)\"" } ?? constant.floatValue.map { "\($0)" }
            result[constant.name] = NamedValue(name: constant.name, kind: kind, value: constant.value, text: constant.text,
                                               cType: constant.cType, location: constant.location, ioctl: constant.ioctl,
                                               literal: literal)
        }
        for decl in target.enums {
            for enumerator in decl.enumerators where result[enumerator.name] == nil {
                result[enumerator.name] = NamedValue(
                    name: enumerator.name, kind: .enumerator(enumName: decl.name), value: enumerator.value,
                    text: enumerator.value.description, cType: decl.underlyingType,
                    location: SourceLocation(header: decl.location.header, line: enumerator.line), ioctl: nil, literal: nil)
            }
        }
        return result
    }
}
