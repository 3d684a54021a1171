import UAPIModel

/// A name with a value, from either a macro or an enumerator, with where it is
/// defined and its ioctl decoding: what the value differ compares.
struct NamedValue {
    var name: String
    var constant: NamedConstant
    var cType: String
    /// The macro's replacement text; nil for an enumerator.
    var text: String?
    var location: SourceLocation
    var ioctl: IoctlNumber?

    var kind: NamedConstant.Kind { constant.kind }

    /// Macro and enumerator are different kinds of definition; string and float macros are macros.
    var isEnumerator: Bool { constant.isEnumerator }

    func sameValue(as other: NamedValue) -> Bool { constant.sameValue(as: other.constant) }

    /// Every named value of a target; where a macro and an enumerator share a name, the macro.
    static func all(in target: TargetSnapshot) -> [NamedValue] {
        var result: [NamedValue] = []
        for constant in target.constants {
            let kind: NamedConstant.Kind = constant.kind == .string ? .stringMacro : constant.kind == .float ? .floatMacro : .macro
            let literal = constant.stringValue.map { "\"\($0)\"" } ?? constant.floatValue.map { "\($0)" }
            result.append(NamedValue(
                name: constant.name,
                constant: NamedConstant(kind: kind, value: constant.value, literal: literal, isIoctl: constant.ioctl != nil),
                cType: constant.cType, text: constant.text, location: constant.location, ioctl: constant.ioctl))
        }
        let macroNames = Set(result.map(\.name))
        for decl in target.enums {
            for enumerator in decl.enumerators where !macroNames.contains(enumerator.name) {
                result.append(NamedValue(
                    name: enumerator.name,
                    constant: NamedConstant(kind: .enumerator(enumName: decl.name), value: enumerator.value, literal: nil, isIoctl: false),
                    cType: decl.underlyingType, text: nil, location: SourceLocation(header: decl.location.header, line: enumerator.line),
                    ioctl: nil))
            }
        }
        return result
    }
}
