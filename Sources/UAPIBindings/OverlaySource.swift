import UAPIModel

/// The Swift overlay: constants the importer drops, typed ioctls, and their support code.
enum OverlaySource {
    static func constants(_ plan: BindingPlan, request: BindingsRequest) -> String {
        var lines = ["// \(SwiftBindings.banner(request))", "@_exported import \(request.module)", "",
                     SwiftBindings.architectureGuard(plan.targets)]
        for constant in plan.constants where constant.uniform {
            let value = constant.values[plan.targets[0]]!
            lines += documentation(constant)
            lines.append("public let \(SwiftNames.identifier(constant.name)): \(value.swiftType) = \(value.literal)")
        }
        let varying = plan.constants.filter { !$0.uniform }
        if !varying.isEmpty {
            lines.append("")
            lines.append("// Values that differ between architectures.")
            for (index, target) in plan.targets.enumerated() {
                lines.append("\(index == 0 ? "#if" : "#elseif") arch(\(SwiftNames.arch(target)))")
                for constant in varying {
                    let value = constant.values[target]!
                    lines += documentation(constant)
                    lines.append("public let \(SwiftNames.identifier(constant.name)): \(value.swiftType) = \(value.literal)")
                }
            }
            lines.append("#endif")
        }
        if !plan.skipped.isEmpty {
            lines.append("")
            lines.append("// Not generated:")
            lines += plan.skipped.map { "// - \($0.name): \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func documentation(_ constant: BindingPlan.ConstantBinding) -> [String] {
        var text = "/// `\(constant.text.replacingOccurrences(of: "`", with: "'"))` (\(constant.location.header):\(constant.location.line))"
        if let ioctl = constant.ioctl {
            text += "\n/// ioctl: direction \(ioctl.direction.rawValue), type \(ioctl.type), number \(ioctl.number), argument size \(ioctl.size)"
                + (ioctl.argumentType.map { ", argument \($0)" } ?? "")
        }
        return [text]
    }

    /// `Ioctls.NAME`: every ioctl of the headers, typed by its argument when the macro names one.
    static func ioctls(_ plan: BindingPlan, snapshot: Snapshot, request: BindingsRequest) -> String {
        guard let first = snapshot.targets.first else { return "" }
        let listed = Set(plan.headers)
        var lines = ["// \(SwiftBindings.banner(request))", "", SwiftBindings.architectureGuard(plan.targets),
                     "/// Every ioctl request of \(plan.headers.joined(separator: ", ")), typed by its argument where the header names it.",
                     "public enum Ioctls {"]
        let generated = Set(plan.constants.map(\.name))
        for constant in first.constants where constant.ioctl != nil && listed.contains(constant.location.header) {
            let ioctl = constant.ioctl!
            let value = "UInt(truncatingIfNeeded: \(request.overlay).\(SwiftNames.identifier(constant.name)))"
            guard generated.contains(constant.name) || BindingPlan.isImported(constant.name, in: first) else { continue }
            let reference = generated.contains(constant.name) ? value : "UInt(truncatingIfNeeded: \(request.module).\(constant.name))"
            lines.append("    /// `\(constant.text)` (\(constant.location.header):\(constant.location.line)): \(ioctl.direction.rawValue)")
            if let swiftType = argumentType(ioctl, in: first) {
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = Ioctl<\(swiftType)>(request: \(reference))")
            } else {
                let note = ioctl.argumentType.map { " The argument (\($0)) has no Swift struct type: use perform(on:pointer:)." } ?? ""
                if !note.isEmpty { lines.append("    ///\(note)") }
                lines.append("    public static let \(SwiftNames.identifier(constant.name)) = IoctlRequest(request: \(reference))")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let fixedWidth: Set<String> = Set(["8", "16", "32", "64"].flatMap { ["__u\($0)", "__s\($0)", "__le\($0)", "__be\($0)"] })

    /// The Swift type of an ioctl's argument: a record, a typedef the headers declare, or a fixed-width UAPI integer.
    static func argumentType(_ ioctl: IoctlNumber, in target: TargetSnapshot) -> String? {
        if let record = ioctl.argumentRecord { return swiftTypeName(record, in: target) }
        guard let written = ioctl.argumentType, written.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil,
              fixedWidth.contains(written) || target.typedefs.contains(where: { $0.name == written }) else { return nil }
        return written
    }

    /// The Swift name of a record: its tag, or its typedef for a typedef'd anonymous struct.
    static func swiftTypeName(_ record: String, in target: TargetSnapshot) -> String? {
        guard !record.contains("."), !record.contains("::"), let found = target.record(named: record), found.isComplete else { return nil }
        return SwiftNames.identifier(record)
    }

    static func support(request: BindingsRequest) -> String {
        """
        // \(SwiftBindings.banner(request))
        #if canImport(Glibc)
        import Glibc
        #elseif canImport(Musl)
        import Musl
        #endif

        /// What an ioctl request number says about its argument.
        public enum IoctlDirection: String, Sendable {
            case none, read, write, readWrite
        }

        /// An ioctl that returned -1: `errno` says why.
        public struct IoctlError: Error, Equatable, CustomStringConvertible {
            public let request: UInt
            public let errno: Int32

            public var description: String {
                "ioctl 0x\\(String(request, radix: 16)) failed: \\(String(cString: strerror(errno))) (errno \\(errno))"
            }
        }

        /// The fields of a request number, decoded with this architecture's encoding.
        public struct IoctlFields: Equatable, Sendable {
            public let direction: IoctlDirection
            public let type: UInt8
            public let number: UInt8
            public let size: Int

            public init(_ request: UInt) {
                #if arch(powerpc64le) || arch(powerpc64) || arch(powerpc) || arch(mips) || arch(mipsel) || arch(mips64) || arch(mips64el)
                let (sizeBits, none, read, write): (UInt, UInt, UInt, UInt) = (13, 1, 2, 4)
                #else
                let (sizeBits, none, read, write): (UInt, UInt, UInt, UInt) = (14, 0, 2, 1)
                #endif
                let bits = request >> (16 + sizeBits)
                direction = bits == none ? .none : bits == read ? .read : bits == write ? .write : .readWrite
                type = UInt8(truncatingIfNeeded: request >> 8)
                number = UInt8(truncatingIfNeeded: request)
                size = Int((request >> 16) & ((1 << sizeBits) - 1))
            }
        }

        /// An ioctl whose argument is an `Argument`, passed by pointer.
        public struct Ioctl<Argument>: Sendable {
            public let request: UInt

            public init(request: UInt) {
                self.request = request
            }

            public var fields: IoctlFields { IoctlFields(request) }

            /// Calls ioctl(2) with a pointer to `argument`; throws `IoctlError` on -1.
            @discardableResult
            public func perform(on fd: Int32, _ argument: inout Argument) throws -> Int32 {
                let result = withUnsafeMutablePointer(to: &argument) { ioctl(fd, request, UnsafeMutableRawPointer($0)) }
                if result == -1 { throw IoctlError(request: request, errno: errno) }
                return result
            }
        }

        /// An ioctl whose header names no argument type (`_IO`, or an argument Swift cannot name).
        public struct IoctlRequest: Sendable {
            public let request: UInt

            public init(request: UInt) {
                self.request = request
            }

            public var fields: IoctlFields { IoctlFields(request) }

            /// Calls ioctl(2) with no argument.
            @discardableResult
            public func perform(on fd: Int32) throws -> Int32 {
                try check(ioctl(fd, request))
            }

            /// Calls ioctl(2) with an integer argument.
            @discardableResult
            public func perform(on fd: Int32, value: Int32) throws -> Int32 {
                try check(ioctl(fd, request, value))
            }

            /// Calls ioctl(2) with a pointer to `argument` (VFIO's `_IO` requests take a struct this way).
            @discardableResult
            public func perform<T>(on fd: Int32, pointer argument: inout T) throws -> Int32 {
                try check(withUnsafeMutablePointer(to: &argument) { ioctl(fd, request, UnsafeMutableRawPointer($0)) })
            }

            private func check(_ result: Int32) throws -> Int32 {
                if result == -1 { throw IoctlError(request: request, errno: errno) }
                return result
            }
        }

        """
    }
}
