import Foundation
import UAPIModel

/// The names a generated package uses, checked before anything is generated: each
/// is written into Swift source, a module map and a manifest, so a quote or a name
/// that shadows a standard module would give a package that does not build.
public enum BindingNames {
    /// Modules a Swift program on Linux may import beside the generated ones.
    static let standardModules: Set<String> = [
        "Swift", "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
        "FoundationXML", "CoreFoundation", "Glibc", "SwiftGlibc", "Musl", "Darwin", "WinSDK", "XCTest", "Testing",
        "Dispatch", "_Concurrency", "Synchronization", "RegexBuilder", "Observation", "Distributed", "SwiftShims",
        "Cxx", "CxxStdlib", "PackageDescription", "ObjectiveC",
    ]

    /// Throws `badArgument` naming the option and the value when a name is unusable.
    public static func validate(module: String, overlay: String, package: String?) throws {
        for (option, name) in [("--module", module), ("--overlay", overlay)] {
            guard isIdentifier(name) else {
                throw UAPIError.badArgument("\(option) must be a Swift identifier (letters, digits, _), not '\(escaped(name))'")
            }
            guard !standardModules.contains(name) else {
                throw UAPIError.badArgument("\(option) \(name) would hide the standard module \(name); choose another name")
            }
        }
        guard module != overlay else {
            throw UAPIError.badArgument("--overlay and --module are both \(module); the C module and the Swift overlay need different names")
        }
        if let package, package.range(of: #"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"#, options: .regularExpression) == nil {
            throw UAPIError.badArgument("--package must be letters, digits, '_', '.' and '-' (not starting with '.' or '-'), not '\(escaped(package))'")
        }
    }

    static func isIdentifier(_ name: String) -> Bool {
        name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil
    }

    private static func escaped(_ text: String) -> String {
        FileNameBytes.escaped(Array(text.utf8))
    }
}
