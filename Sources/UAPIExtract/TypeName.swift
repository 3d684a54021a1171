import Foundation
import UAPIClang
import UAPIModel

/// Type spellings without clang's absolute paths: clang spells an anonymous record
/// `struct (anonymous at /usr/include/linux/vfio.h:12:2)`, which would make
/// snapshots depend on where the headers live.
enum TypeName {
    private static let anonymous = try! NSRegularExpression(pattern: #"(?:[A-Za-z_][A-Za-z0-9_]*::)*\((?:anonymous|unnamed)(?: (?:struct|union|enum))? at [^)]*\)"#)

    static func clean(_ spelling: String) -> String {
        guard spelling.utf8.contains(UInt8(ascii: "(")) else { return spelling }
        let range = NSRange(spelling.startIndex..., in: spelling)
        return anonymous.stringByReplacingMatches(in: spelling, range: range, withTemplate: "<anonymous>")
    }
}
