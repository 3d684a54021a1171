// swift-tools-version:5.10
import Foundation
import PackageDescription

/// The newest Debian LLVM under /usr/lib (llvm-14 on bookworm). We link Debian's
/// libclang, never the Swift toolchain's own copy.
func newestLLVM() -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []
    let versions = names.compactMap { name -> Int? in
        guard name.hasPrefix("llvm-") else { return nil }
        return Int(name.dropFirst("llvm-".count))
    }
    guard let newest = versions.max() else { return "/usr/lib/llvm-14" }
    return "/usr/lib/llvm-\(newest)"
}

let llvm = newestLLVM()
let clangC: [CSetting] = [.unsafeFlags(["-I\(llvm)/include"])]
let clangSwift: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])]
let clangLink: [LinkerSetting] = [.unsafeFlags(["-L\(llvm)/lib"])]

/// One library target per stage. Data flows one way:
/// Clang -> Extract -> Model -> Diff -> Policy -> Report, with Lint, Sync and
/// Bindings beside; Workflows is the glue the command-line tool calls.
let package = Package(
    name: "uapi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "uapi", targets: ["uapi"]),
        .library(name: "UAPIKit", targets: ["UAPIKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        .target(name: "UAPIClang", dependencies: ["CClang"],
                cSettings: clangC, swiftSettings: clangSwift, linkerSettings: clangLink),
        .target(name: "UAPIModel"),
        .target(name: "UAPIExtract", dependencies: ["UAPIClang", "UAPIModel"],
                swiftSettings: clangSwift, linkerSettings: clangLink),
        .target(name: "UAPIDiff", dependencies: ["UAPIModel"]),
        .target(name: "UAPILint", dependencies: ["UAPIModel"]),
        .target(name: "UAPIPolicy", dependencies: ["UAPIModel", "UAPIDiff", "UAPILint", "Yams"]),
        .target(name: "UAPIReport", dependencies: ["UAPIModel", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPISync"]),
        .target(name: "UAPISync", dependencies: ["UAPIModel"]),
        .target(name: "UAPIBindings", dependencies: ["UAPIModel"]),
        .target(name: "UAPIHistory",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPIPolicy", "UAPIReport",
                               .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: clangSwift, linkerSettings: clangLink),
        .target(name: "UAPIWorkflows",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPIReport",
                               "UAPISync", "UAPIBindings", "Yams"],
                swiftSettings: clangSwift, linkerSettings: clangLink),
        .target(name: "UAPIKit",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPIReport",
                               "UAPISync", "UAPIBindings", "UAPIWorkflows", "UAPIHistory"],
                swiftSettings: clangSwift, linkerSettings: clangLink),
        .executableTarget(
            name: "uapi",
            dependencies: ["UAPIKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: clangSwift,
            linkerSettings: clangLink
        ),
        .testTarget(
            name: "UAPIKitTests",
            dependencies: ["UAPIKit", "UAPIClang"],
            swiftSettings: clangSwift,
            linkerSettings: clangLink
        ),
    ]
)
