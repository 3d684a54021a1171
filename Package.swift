// swift-tools-version:5.10
import Foundation
import PackageDescription

/// The newest Debian LLVM under /usr/lib (llvm-14 on bookworm). We load Debian's
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

/// The libclang files to open at run time, best first: the development symlink
/// `<llvm>/lib/libclang.so`, then each file it leads to (`libclang-14.so.1`,
/// `libclang-14.so.13`, the real file), so that uapi still runs without libclang-dev.
func libclangCandidates(_ llvm: String) -> [String] {
    var chain = ["\(llvm)/lib/libclang.so"]
    while chain.count < 8, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: chain.last!) {
        let directory = URL(fileURLWithPath: chain.last!).deletingLastPathComponent()
        chain.append(URL(fileURLWithPath: target, relativeTo: directory).standardizedFileURL.path)
    }
    return chain
}

let llvm = newestLLVM()
/// libclang is opened on first use (Sources/CClang/ClangLoader.c), not linked: commands
/// that only read snapshots start in a third of the time and run without it.
let clangLoader: [CSetting] = [.unsafeFlags([
    "-I\(llvm)/include", "-fvisibility=hidden", "-DCINDEX_NO_EXPORTS",
    "-DUAPI_LLVM_DIRECTORY=\"\(llvm)\"",
    // Debian's run-time package of that libclang (libclang1-14), for the error that names it.
    "-DUAPI_LIBCLANG_PACKAGE=\"libclang1-\(llvm.split(separator: "-").last ?? "14")\"",
    "-DUAPI_LIBCLANG_CANDIDATES=\"\(libclangCandidates(llvm).joined(separator: ":"))\"",
])]
let clangSwift: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])]

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
        .target(name: "CClang", path: "Sources/CClang", exclude: ["ClangTrampolines.inc"],
                cSettings: clangLoader, linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "UAPIClang", dependencies: ["CClang"], swiftSettings: clangSwift),
        .target(name: "UAPIModel"),
        .target(name: "UAPIExtract", dependencies: ["UAPIClang", "UAPIModel"],
                swiftSettings: clangSwift),
        .target(name: "UAPIDiff", dependencies: ["UAPIModel"]),
        .target(name: "UAPILint", dependencies: ["UAPIModel"]),
        .target(name: "UAPIPolicy", dependencies: ["UAPIModel", "UAPIDiff", "UAPILint", "Yams"]),
        .target(name: "UAPIReport", dependencies: ["UAPIModel", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPISync"]),
        .target(name: "UAPISync", dependencies: ["UAPIModel"]),
        .target(name: "UAPIBindings", dependencies: ["UAPIModel"]),
        .target(name: "UAPIHistory",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPIPolicy", "UAPIReport",
                               .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: clangSwift),
        .target(name: "UAPIWorkflows",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPIReport",
                               "UAPISync", "UAPIBindings", "Yams"],
                swiftSettings: clangSwift),
        .target(name: "UAPIKit",
                dependencies: ["UAPIModel", "UAPIExtract", "UAPIDiff", "UAPILint", "UAPIPolicy", "UAPIReport",
                               "UAPISync", "UAPIBindings", "UAPIWorkflows", "UAPIHistory"],
                swiftSettings: clangSwift),
        .executableTarget(
            name: "uapi",
            dependencies: ["UAPIKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: clangSwift
        ),
        .testTarget(
            name: "UAPIKitTests",
            dependencies: ["UAPIKit", "UAPIClang"],
            swiftSettings: clangSwift
        ),
    ]
)
