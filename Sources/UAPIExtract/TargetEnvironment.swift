import Foundation
import UAPIClang
import UAPIModel

/// The clang command line for one target: triple, include paths, definitions.
struct TargetEnvironment: Sendable {
    let target: Target
    let asmDirectory: String
    let systemDirectories: [String]
    let arguments: [String]

    init(target: Target, request: SnapshotRequest) throws {
        self.target = target
        guard let asm = target.asmIncludeCandidates.first(where: {
            FileManager.default.fileExists(atPath: "\($0)/asm/types.h")
        }) else {
            throw UAPIError.missingAsmHeaders(target: target.name, package: target.debianPackage,
                                              searched: target.asmIncludeCandidates)
        }
        asmDirectory = asm
        var system = [asm]
        if target.usesHostInclude { system.append("/usr/include") }
        systemDirectories = system

        var args = ["-x", "c", "-std=gnu11", "-target", target.triple,
                    "-ferror-limit=0", "-fno-spell-checking", "-Wno-everything"]
        // Only the compiler's own headers (stddef.h, stdint.h) plus the ones we name:
        // the host's /usr/include must never leak into a cross target.
        args.append("-nostdlibinc")
        if request.freestanding, let resource = ResourceDirectory.path {
            // The compiler's own stdint.h and friends first, before any C library's.
            args += ["-isystem", "\(resource)/include"]
        }
        for dir in request.includeDirectories { args += ["-I", dir] }
        for dir in system { args += ["-isystem", dir] }
        for define in request.defines { args.append("-D\(define)") }
        if request.freestanding { args.append("-ffreestanding") }
        arguments = args
    }

    /// Include roots used to name headers, most specific first.
    var namingRoots: [String] { systemDirectories }
}
