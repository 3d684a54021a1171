import UAPIModel

/// Names and choices for generated bindings.
public struct BindingsRequest: Sendable {
    /// The C module (`CVFIO`).
    public var module: String
    /// The Swift overlay target (`VFIO`).
    public var overlay: String
    /// How each listed header is included from the shim: `<linux/vfio.h>`, or
    /// `"uapi/fixture.h"` for a copy placed beside it.
    public var includes: [String]
    /// Copies of headers to place in the C module directory (relative path -> content).
    public var copiedHeaders: [String: String]
    /// A Package.swift too, with this package name.
    public var packageName: String?
    /// The command that regenerates these files, quoted in their headers.
    public var command: String

    public init(module: String, overlay: String, includes: [String], copiedHeaders: [String: String] = [:],
                packageName: String? = nil, command: String) {
        self.module = module
        self.overlay = overlay
        self.includes = includes
        self.copiedHeaders = copiedHeaders
        self.packageName = packageName
        self.command = command
    }

    public var testTarget: String { "\(overlay)LayoutTests" }
}
