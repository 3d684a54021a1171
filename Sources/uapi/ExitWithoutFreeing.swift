import Foundation

/// Ends a command that holds large models (two whole-tree snapshots, or one it just
/// wrote) without freeing them first, the way clang's `-disable-free` does: the process
/// ends at once, and taking apart some hundred thousand records and strings cost more
/// than a quarter of the diff that built them. Only the tool does this, never the library.
enum ExitWithoutFreeing {
    static func exit(_ status: Int32, keeping values: Any...) -> Never {
        withExtendedLifetime(values) {
            fflush(stdout)
            Foundation.exit(status)
        }
    }
}
