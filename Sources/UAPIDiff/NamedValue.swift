import UAPIModel

/// A name with a value, from either a macro or an enumerator, with where it is
/// defined and its ioctl decoding: what the value differ compares.
struct NamedValue {
    var name: String
    var constant: NamedConstant
    var cType: String
    var location: SourceLocation
    var ioctl: IoctlNumber?

    var kind: NamedConstant.Kind { constant.kind }

    /// Macro and enumerator are different kinds of definition; string and float macros are macros.
    var isEnumerator: Bool { constant.isEnumerator }

    func sameValue(as other: NamedValue) -> Bool { constant.sameValue(as: other.constant) }

    static func all(in target: TargetSnapshot) -> [String: NamedValue] {
        var result: [String: NamedValue] = [:]
        for constant in target.constants {
            let kind: NamedConstant.Kind = constant.kind == .string ? .stringMacro : constant.kind == .float ? .floatMacro : .macro
            let literal = constant.stringValue.map { "\"\($0)\"" } ?? constant.floatValue.map { "\($0)" }
            result[constant.name] = NamedValue(
                name: constant.name,
                constant: NamedConstant(kind: kind, value: constant.value, literal: literal, isIoctl: constant.ioctl != nil),
                cType: constant.cType, location: constant.location, ioctl: constant.ioctl)
        }
        for decl in target.enums {
            for enumerator in decl.enumerators where result[enumerator.name] == nil {
                result[enumerator.name] = NamedValue(
                    name: enumerator.name,
                    constant: NamedConstant(kind: .enumerator(enumName: decl.name), value: enumerator.value, literal: nil, isIoctl: false),
                    cType: decl.underlyingType, location: SourceLocation(header: decl.location.header, line: enumerator.line), ioctl: nil)
            }
        }
        return result
    }
}
