import UAPIModel

/// What the Swift overlay must add, decided from a snapshot: the constants the
/// importer drops, with one value per target, and the typed ioctls.
public struct BindingPlan: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var swiftType: String
        /// A Swift literal (`0x3b6b`, `-5`, `"vfio-pci"`).
        public var literal: String
        /// This target's request number fields, for its own doc comment.
        public var ioctl: IoctlNumber?
        /// The field whose type the constant takes (`vfio_device_info.flags`), see `ConstantFamilies`.
        public var family: String?
        /// This target's definition, which an `#ifdef` in the header may make differ from another's.
        public var text = ""
        public var location: SourceLocation?
    }

    public struct ConstantBinding: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation
        public var text: String
        /// Target name -> value, for the targets that define the constant.
        public var values: [String: Value]
        /// Defined on every target, with the same type and value.
        public var uniform: Bool
        /// The importer provides the name too, with C's type: the overlay's typed one shadows it.
        public var shadowsImported: Bool
    }

    /// Constants that could not be expressed, with the reason (a comment in the output).
    public struct Skipped: Sendable, Equatable {
        public var name: String
        public var reason: String
    }

    public var targets: [String]
    public var headers: [String]
    public var constants: [ConstantBinding]
    public var skipped: [Skipped]
    /// Records for typed ioctls and layout tests, from the first target.
    public var records: [String: [String: Record]]

    public init(snapshot: Snapshot) {
        targets = snapshot.targets.map(\.target)
        let first = snapshot.targets.first
        let listed = Set(first?.headers.filter(\.listed).map(\.path) ?? [])
        headers = listed.sorted()
        var records: [String: [String: Record]] = [:]
        for target in snapshot.targets {
            for record in target.records where listed.contains(record.location.header) {
                records[record.name, default: [:]][target.target] = record
            }
        }
        self.records = records

        // Every target's constants, so that one defined on some targets only is kept for those.
        var versions: [String: [(target: TargetSnapshot, constant: Constant)]] = [:]
        for target in snapshot.targets {
            for constant in target.constants where listed.contains(constant.location.header) && !Self.isInternal(constant.name) {
                versions[constant.name, default: []].append((target, constant))
            }
        }
        let families = Dictionary(uniqueKeysWithValues: snapshot.targets.map { ($0.target, ConstantFamilies($0, headers: listed)) })
        var constants: [ConstantBinding] = []
        var skipped: [Skipped] = []
        for (name, defined) in versions {
            switch Self.binding(name, defined, families: families, targetCount: targets.count) {
            case let .success(binding?): constants.append(binding)
            case .success(nil): continue
            case let .failure(problem): skipped.append(Skipped(name: name, reason: problem.reason))
            }
        }
        self.constants = constants.sorted { $0.name < $1.name }
        self.skipped = skipped.sorted { $0.name < $1.name }
    }

    /// The overlay's binding of one constant, or nil when the importer's own is right.
    private static func binding(_ name: String, _ defined: [(target: TargetSnapshot, constant: Constant)],
                                families: [String: ConstantFamilies], targetCount: Int) -> Result<ConstantBinding?, Failure> {
        var values: [String: Value] = [:]
        var shadows = false
        for (target, written) in defined {
            let constant = resolvingIoctl(written, in: target)
            let family = families[target.target]?.family(of: constant)
            if isImported(name, in: target) {
                // Redeclared only with a type the importer does not give; the overlay's then shadows
                // the C module's for whoever imports the overlay.
                guard let family, family.swiftType != SwiftNames.type(ofC: constant.cType) else { continue }
                shadows = true
            }
            switch value(of: constant, family: family) {
            case var .success(value):
                (value.text, value.location) = (written.text, written.location)
                values[target.target] = value
            case let .failure(problem): return .failure(Failure("\(problem.reason) on \(target.target)"))
            }
        }
        guard !values.isEmpty else { return .success(nil) }
        let reference = defined[0].constant
        // Declared once only when every target has the same definition, so that one doc comment is true for all.
        let kinds = Set(values.values.map { "\($0.swiftType)=\($0.literal) \($0.text) \($0.location.map { "\($0.header):\($0.line)" } ?? "")" })
        return .success(ConstantBinding(name: name, location: reference.location, text: reference.text, values: values,
                                        uniform: kinds.count == 1 && values.count == targetCount, shadowsImported: shadows))
    }

    /// Names C reserves for the implementation (`__KVM_DEPRECATED_MAIN_0x07`, `_IOC_NONE`):
    /// helpers of the headers, not API. Public constants built from them keep their values.
    static func isInternal(_ name: String) -> Bool {
        name.hasPrefix("__") || (name.hasPrefix("_") && name.dropFirst().first?.isUppercase == true)
    }

    /// `constant` with the request number fields of the macro it names, when it only names one
    /// (`#define KVM_TRACE_ENABLE __KVM_DEPRECATED_MAIN_W_0x06`): the snapshot records them
    /// on the `_IOW(...)` macro alone, and the public alias is the one the overlay keeps.
    static func resolvingIoctl(_ constant: Constant, in target: TargetSnapshot) -> Constant {
        var resolved = constant
        var seen: Set<String> = [constant.name]
        while resolved.ioctl == nil, BindingNames.isIdentifier(resolved.text), !seen.contains(resolved.text),
              let named = target.constant(named: resolved.text) {
            seen.insert(named.name)
            resolved.ioctl = named.ioctl
            resolved.text = named.text
        }
        return Constant(name: constant.name, location: constant.location, text: constant.text, kind: constant.kind,
                        cType: constant.cType, value: constant.value, stringValue: constant.stringValue,
                        floatValue: constant.floatValue, ioctl: resolved.ioctl)
    }

    /// The names the overlay declares on `target`.
    func generated(on target: String) -> Set<String> {
        Set(constants.filter { $0.values[target] != nil }.map(\.name))
    }

    /// Whether Swift's importer makes this macro a constant by itself.
    static func isImported(_ name: String, in target: TargetSnapshot) -> Bool {
        importKind(name, in: target) != .none
    }

    /// The kind for code that uses the name as a value.
    static func valueKind(_ name: String, in target: TargetSnapshot) -> ImporterRules.Kind {
        let kind = importKind(name, in: target)
        return kind == .enumerator ? .integer : kind
    }

    /// Enumerators of anonymous enums are imported as integers, those of named enums
    /// as values of the enum's struct type; macros follow what they expand to.
    static func importKind(_ name: String, in target: TargetSnapshot, seen: Set<String> = []) -> ImporterRules.Kind {
        guard !seen.contains(name) else { return .none }
        if let decl = target.enums.first(where: { $0.enumerators.contains { $0.name == name } }) {
            // Macros built from enumerators are not imported, whatever the enum.
            return decl.isAnonymous ? .enumerator : .enumValue
        }
        guard let constant = target.constant(named: name) else { return .none }
        return ImporterRules.kind(of: constant.text) { other in
            importKind(other, in: target, seen: seen.union([name]))
        }
    }

    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func value(of constant: Constant, family: ConstantFamilies.Family? = nil) -> Result<Value, Failure> {
        switch constant.kind {
        case .string:
            guard let text = constant.stringValue else { return .failure(Failure("no string value")) }
            return .success(Value(swiftType: "String", literal: SwiftNames.stringLiteral(text), ioctl: nil, family: nil))
        case .float:
            guard let number = constant.floatValue else { return .failure(Failure("no value")) }
            return .success(Value(swiftType: "Double", literal: "\(number)", ioctl: nil, family: nil))
        case .integer:
            guard let value = constant.value else { return .failure(Failure("no value")) }
            // Request numbers take ioctl(2)'s request type everywhere, whatever C's type on the target.
            guard let type = constant.ioctl != nil ? "UInt" : family?.swiftType ?? SwiftNames.type(ofC: constant.cType) else {
                return .failure(Failure("C type \(constant.cType) has no Swift integer type"))
            }
            if type == "Bool" { return .success(Value(swiftType: "Bool", literal: value.magnitude == 0 ? "false" : "true", ioctl: nil, family: nil)) }
            guard fits(value, in: type) else { return .failure(Failure("value \(value) does not fit \(type)")) }
            let literal = value.isNegative ? value.description
                : (value.magnitude > 0xFFFF || constant.ioctl != nil ? "0x" + String(value.magnitude, radix: 16) : value.description)
            return .success(Value(swiftType: type, literal: literal, ioctl: constant.ioctl, family: family?.field))
        }
    }

    /// Range checks against the smallest width a Swift type has on any target (Int and UInt may be 32 bits).
    static func fits(_ value: IntegerValue, in type: String) -> Bool {
        let limits: [String: (min: Int64, max: UInt64)] = [
            "Int8": (-128, 127), "UInt8": (0, 255), "Int16": (-32768, 32767), "UInt16": (0, 65535),
            "Int32": (Int64(Int32.min), UInt64(Int32.max)), "UInt32": (0, UInt64(UInt32.max)),
            "Int64": (Int64.min, UInt64(Int64.max)), "UInt64": (0, UInt64.max),
            "Int": (Int64.min, UInt64(Int64.max)), "UInt": (0, UInt64.max),
        ]
        guard let limit = limits[type] else { return false }
        if value.isNegative { return limit.min < 0 && value.magnitude <= UInt64(bitPattern: 0 &- limit.min) }
        return value.magnitude <= limit.max
    }
}
