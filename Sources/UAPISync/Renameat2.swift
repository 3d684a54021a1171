import Foundation

/// renameat2(2), which the Swift Glibc module does not declare (and `syscall` is
/// variadic, so Swift cannot call it): looked up by name in the C library once.
/// Without it (a C library older than 2.28) every call fails with ENOSYS.
enum Renameat2 {
    /// Swap two existing entries in one step.
    static let exchange: UInt32 = 2
    /// Fail with EEXIST instead of replacing an existing entry.
    static let noReplace: UInt32 = 1

    private typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let function: Function? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()

    /// 0, or -1 with `errno` set, like the C call.
    static func rename(in directory: Int32, _ from: String, _ to: String, flags: UInt32) -> Int32 {
        guard let function else {
            errno = ENOSYS
            return -1
        }
        return function(directory, from, directory, to, flags)
    }

    /// The errors that mean "this kernel or file system cannot do that", not "it failed".
    static func isUnsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP
    }
}
