import UAPIModel

/// What the Swift overlay must add, decided from a snapshot: the constants the
/// importer drops, with one value per target, and the typed ioctls.
public struct BindingPlan: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var swiftType: String
        /// A Swift literal (`0x3b6b`, `-5`, `"vfio-pci"`).
        public var literal: String
    }

    public struct ConstantBinding: Sendable, Equatable {
        public var name: String
        public var location: SourceLocation
        public var text: String
        /// Target name -> value; the same value on every target when `uniform`.
        public var values: [String: Value]
        public var ioctl: IoctlNumber?
        public var uniform: Bool
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

        var constants: [ConstantBinding] = []
        var skipped: [Skipped] = []
        for constant in first?.constants ?? [] where listed.contains(constant.location.header) {
            let imported = BindingPlan.isImported(constant.name, in: first!)
            guard !imported else { continue }
            var values: [String: Value] = [:]
            var failure: String?
            for target in snapshot.targets {
                guard let version = target.constant(named: constant.name) else {
                    failure = "not defined on \(target.target)"
                    break
                }
                switch BindingPlan.value(of: version) {
                case let .success(value): values[target.target] = value
                case let .failure(problem): failure = problem.reason
                }
            }
            if let failure {
                skipped.append(Skipped(name: constant.name, reason: failure))
                continue
            }
            let uniform = Set(values.values.map { "\($0.swiftType)=\($0.literal)" }).count == 1
            constants.append(ConstantBinding(name: constant.name, location: constant.location, text: constant.text,
                                             values: values, ioctl: constant.ioctl, uniform: uniform))
        }
        self.constants = constants.sorted { $0.name < $1.name }
        self.skipped = skipped.sorted { $0.name < $1.name }
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

    static func value(of constant: Constant) -> Result<Value, Failure> {
        switch constant.kind {
        case .string:
            guard let text = constant.stringValue else { return .failure(Failure("no string value")) }
            return .success(Value(swiftType: "String", literal: SwiftNames.stringLiteral(text)))
        case .float:
            guard let number = constant.floatValue else { return .failure(Failure("no value")) }
            return .success(Value(swiftType: "Double", literal: "\(number)"))
        case .integer:
            guard let value = constant.value else { return .failure(Failure("no value")) }
            // Request numbers take ioctl(2)'s request type everywhere, whatever C's type on the target.
            guard let type = constant.ioctl != nil ? "UInt" : SwiftNames.type(ofC: constant.cType) else {
                return .failure(Failure("C type \(constant.cType) has no Swift integer type"))
            }
            if type == "Bool" { return .success(Value(swiftType: "Bool", literal: value.magnitude == 0 ? "false" : "true")) }
            guard fits(value, in: type) else { return .failure(Failure("value \(value) does not fit \(type)")) }
            let literal = value.isNegative ? value.description
                : (value.magnitude > 0xFFFF || constant.ioctl != nil ? "0x" + String(value.magnitude, radix: 16) : value.description)
            return .success(Value(swiftType: type, literal: literal))
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
