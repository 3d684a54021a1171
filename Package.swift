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
    ],
    targets: [
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        .target(
            name: "UAPIKit",
            dependencies: ["CClang", "Yams"],
            cSettings: clangC,
            swiftSettings: clangSwift,
            linkerSettings: clangLink
        ),
        .executableTarget(
            name: "uapi",
            dependencies: ["UAPIKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: clangSwift,
            linkerSettings: clangLink
        ),
        .testTarget(
            name: "UAPIKitTests",
            dependencies: ["UAPIKit"],
            swiftSettings: clangSwift,
            linkerSettings: clangLink
        ),
    ]
)
