/// The overlay's fixed support code: `Ioctl`, `IoctlRequest`, `IoctlFields`, `IoctlError`.
enum IoctlSupportSource {
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
