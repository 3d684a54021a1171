import Foundation
import XCTest

/// The C compilers that serve as ground truth, one per target ABI.
struct GCC {
    var target: String
    var command: String
    var flags: [String]

    static func forTarget(_ name: String) -> GCC? {
        switch name {
        case "x86_64": return GCC(target: name, command: "gcc", flags: [])
        // Compile only: no gcc-multilib needed, the x86 asm headers serve -m32.
        case "i386": return GCC(target: name, command: "gcc", flags: ["-m32", "-isystem", "/usr/include/x86_64-linux-gnu"])
        case "aarch64": return GCC(target: name, command: "aarch64-linux-gnu-gcc", flags: [])
        default: return nil
        }
    }

    /// Compiles `source` to assembly; returns the assembly text, or fails the test with gcc's errors.
    func assemble(_ source: String, extraFlags: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("oracle.c"), output = directory.appendingPathComponent("oracle.s")
        try source.write(to: input, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(command, flags + extraFlags + ["-std=gnu11", "-w", "-S", "-o", output.path, input.path])
        guard result.status == 0 else {
            XCTFail("\(command) \(flags.joined(separator: " ")) rejected the oracle for \(target):\n\(result.stderr.prefix(4000))", file: file, line: line)
            return nil
        }
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// Whether gcc accepts `source` (for tests that prove the oracle can fail).
    func accepts(_ source: String) throws -> Bool {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("oracle.c")
        try source.write(to: input, atomically: true, encoding: .utf8)
        return try CommandRunner.run(command, flags + ["-std=gnu11", "-w", "-S", "-o", "/dev/null", input.path]).status == 0
    }

    /// Compiles and runs `source` on this machine (x86_64 only); returns its standard output.
    func run(_ source: String, extraFlags: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("oracle.c"), binary = directory.appendingPathComponent("oracle")
        try source.write(to: input, atomically: true, encoding: .utf8)
        let build = try CommandRunner.run(command, flags + extraFlags + ["-std=gnu11", "-w", "-o", binary.path, input.path])
        guard build.status == 0 else {
            XCTFail("\(command) could not build the oracle:\n\(build.stderr.prefix(4000))", file: file, line: line)
            return nil
        }
        return try CommandRunner.run(binary.path, []).stdoutText
    }
}

/// Reads the bytes gcc emitted for data symbols from its assembly output.
enum AssemblyData {
    static func bytes(of symbol: String, in assembly: String, target: String) -> [UInt8]? {
        symbols(in: assembly, target: target)[symbol]
    }

    /// Every label followed by data directives, with the bytes they spell (little-endian).
    static func symbols(in assembly: String, target: String) -> [String: [UInt8]] {
        let widths: [String: Int] = target == "aarch64"
            ? [".byte": 1, ".hword": 2, ".2byte": 2, ".word": 4, ".4byte": 4, ".xword": 8, ".8byte": 8, ".dword": 8]
            : [".byte": 1, ".value": 2, ".short": 2, ".2byte": 2, ".long": 4, ".4byte": 4, ".quad": 8, ".8byte": 8]
        var result: [String: [UInt8]] = [:]
        var current: String?
        for raw in assembly.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix(":"), !line.hasPrefix(".") {
                current = String(line.dropLast())
                result[current!] = []
                continue
            }
            guard let symbol = current else { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == "\t" || $0 == " " })
            let directive = parts.first.map(String.init) ?? ""
            let operand = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            if directive == ".zero" || directive == ".skip" || directive == ".space" {
                result[symbol]! += [UInt8](repeating: 0, count: Int(operand) ?? 0)
            } else if let width = widths[directive] {
                let value = Int64(operand).map { UInt64(bitPattern: $0) } ?? UInt64(operand) ?? 0
                for i in 0..<width { result[symbol]!.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * i))) }
            } else {
                current = nil
            }
        }
        return result
    }
}
