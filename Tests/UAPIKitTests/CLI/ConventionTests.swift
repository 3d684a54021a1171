import Foundation
import XCTest

/// The command line says the same thing the same way everywhere: -o/--output, old
/// names kept as hidden aliases that say they are old.
final class ConventionTests: XCTestCase {
    func testBindgenTakesOutputAndStillAcceptsOut() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "#define A_VALUE 1\nstruct a { int x; };\n".write(to: directory.appendingPathComponent("a.h"), atomically: true, encoding: .utf8)
        let current = try CommandRunner.uapi(["bindgen", "a.h", "--module", "CA", "-o", "new"], in: directory)
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertFalse(current.stderr.contains("deprecated"), current.stderr)
        let old = try CommandRunner.uapi(["bindgen", "a.h", "--module", "CA", "--out", "old"], in: directory)
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.stderr.contains("--out is deprecated; use -o/--output"), old.stderr)
        let constants = "Sources/A/Constants.swift"
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("new/\(constants)"), encoding: .utf8),
                       try String(contentsOf: directory.appendingPathComponent("old/\(constants)"), encoding: .utf8))
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("new/\(constants)"), encoding: .utf8)
            .contains("Regenerate with: uapi bindgen a.h --module CA -o <this package>"))

        let both = try CommandRunner.uapi(["bindgen", "a.h", "-o", "x", "--out", "y"], in: directory)
        XCTAssertEqual(both.status, 2)
        let none = try CommandRunner.uapi(["bindgen", "a.h"], in: directory)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("-o/--output"), none.stderr)
        let help = try CommandRunner.uapi(["bindgen", "--help"])
        XCTAssertTrue(help.stdoutText.contains("-o, --output"), help.stdoutText)
        XCTAssertFalse(help.stdoutText.contains("--out "), help.stdoutText)
    }

    /// Asks bash's completion of the generated script what it offers after `words`.
    private func bashCompletions(_ words: [String], script: URL, in directory: URL) throws -> [String] {
        let quoted = (words + [""]).map { "'\($0)'" }.joined(separator: " ")
        let program = """
        source '\(script.path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count)
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _uapi uapi '' '\(words.last!)'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let result = try CommandRunner.run("bash", ["-c", program], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdoutText.split(separator: "\n").map(String.init).sorted()
    }

    func testCompletionsOfferValuesAndFiles() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scripts = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scripts) }
        let script = scripts.appendingPathComponent("uapi.bash")
        let generated = try CommandRunner.uapi(["--generate-completion-script", "bash"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        try generated.stdout.write(to: script)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("include"), withIntermediateDirectories: true)
        for name in ["uapi.yaml", "a.h", "base.json", "notes.txt"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let targets = ["aarch64", "arm", "i386", "ppc64le", "riscv64", "s390x", "x86_64"]
        for command in ["snapshot", "diff", "lint", "layout", "bindgen", "sync"] {
            XCTAssertEqual(try bashCompletions(["uapi", command, "--target"], script: script, in: directory), targets, command)
        }
        XCTAssertEqual(try bashCompletions(["uapi", "history", "show", "--target"], script: script, in: directory), targets)
        for command in ["diff", "check", "lint"] {
            XCTAssertEqual(try bashCompletions(["uapi", command, "--format"], script: script, in: directory),
                           ["github", "html", "json", "junit", "markdown", "sarif", "text"], command)
        }
        XCTAssertEqual(try bashCompletions(["uapi", "layout", "--format"], script: script, in: directory), ["json", "text"])
        XCTAssertEqual(try bashCompletions(["uapi", "lint", "--explain"], script: script, in: directory),
                       ["bitfield", "duplicate-value", "implicit-hole", "ioctl-size-divergence", "layout-divergence",
                        "non-fixed-width", "old-flexible-array", "tail-padding", "unaligned-u64"])
        // Files of the right kind (and directories to descend into).
        for command in ["snapshot", "diff", "lint", "check", "sync"] {
            XCTAssertEqual(try bashCompletions(["uapi", command, "--config"], script: script, in: directory), ["include", "uapi.yaml"], command)
        }
        XCTAssertEqual(try bashCompletions(["uapi", "diff", "--policy"], script: script, in: directory), ["include", "uapi.yaml"])
        XCTAssertEqual(try bashCompletions(["uapi", "lint", "--known-findings"], script: script, in: directory), ["base.json", "include"])
        XCTAssertEqual(try bashCompletions(["uapi", "snapshot", "-I"], script: script, in: directory), ["include"])
        XCTAssertEqual(try bashCompletions(["uapi", "bindgen", "-o"], script: script, in: directory), ["include"])
        XCTAssertEqual(try bashCompletions(["uapi", "sync", "--from"], script: script, in: directory), ["include"])
        XCTAssertEqual(try bashCompletions(["uapi", "diff", "-o"], script: script, in: directory),
                       ["a.h", "base.json", "include", "notes.txt", "uapi.yaml"])
        // The sides of a diff: headers and snapshots.
        XCTAssertEqual(try bashCompletions(["uapi", "diff"], script: script, in: directory), ["a.h", "base.json", "include"])

        // zsh and fish carry the same values.
        for shell in ["zsh", "fish"] {
            let text = try CommandRunner.uapi(["--generate-completion-script", shell]).stdoutText
            for word in targets + ["markdown", "unaligned-u64", "yaml"] {
                XCTAssertTrue(text.contains(word), "\(shell) script lacks \(word)")
            }
        }
        // Hidden old names are not offered.
        XCTAssertFalse(generated.stdoutText.contains("'out='"), "bindgen --out is offered")
        XCTAssertFalse(generated.stdoutText.contains("'baseline='"), "lint --baseline is offered")
    }

    /// Runs `uapi` under `script`, whose pseudo-terminal is standard error (and input);
    /// standard output goes to a file. Returns what the terminal saw and what was written.
    private func onTerminal(_ arguments: [String], in directory: URL, delay: String = "0") throws -> (terminal: String, stdout: String, status: Int32) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) to make a terminal") }
        let scratch = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let quote = { (word: String) in "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = ([TestPaths.uapiBinary.path] + arguments).map(quote).joined(separator: " ")
            + " > " + quote(scratch.appendingPathComponent("stdout").path)
        let typescript = scratch.appendingPathComponent("typescript").path
        let result = try CommandRunner.run("/usr/bin/script", ["-q", "-e", "-c", command, typescript], in: directory,
                                           environment: ["UAPI_PROGRESS_DELAY": delay, "TERM": "xterm"])
        let terminal = (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
        let stdout = (try? String(contentsOf: scratch.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
        return (terminal, stdout, result.status)
    }

    func testEveryLongCommandShowsProgressOnATerminalAndInALog() throws {
        let project = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let fixtures = TestPaths.fixtures
        let drift = fixtures.appendingPathComponent("diff/layout-drift").path
        let header = fixtures.appendingPathComponent("lint/every-rule/lint_fixture.h").path
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "include: [\(fixtures.appendingPathComponent("lint/every-rule").path)]\nheaders: [lint_fixture.h]\nbaseline: baseline.json\n"
            .write(to: project.appendingPathComponent("uapi.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CommandRunner.uapi(["check", "--update-baseline"], in: project).status, 0)
        let kernel = fixtures.appendingPathComponent("sync/kernel-v1").path

        let runs: [(arguments: [String], phase: String)] = [
            (["snapshot", "--no-cache", header], "uapi: parsing"),
            (["diff", "--no-cache", "\(drift)/old", "\(drift)/new"], "uapi: reading both sides"),
            (["lint", "--no-cache", header], "uapi: parsing"),
            (["layout", "--no-cache", header], "uapi: parsing"),
            (["bindgen", "--no-cache", "--module", "CLint", "-o", "bindings", header], "uapi: parsing"),
            (["check", "--no-cache"], "uapi: parsing"),
            (["sync", "--from", kernel, "--to", "synced", "linux/fixdev.h"], "uapi: reading, rewriting and comparing"),
        ]
        for (arguments, phase) in runs {
            let shown = try onTerminal(arguments, in: project)
            XCTAssertTrue([0, 4, 8, 12].contains(shown.status), "\(arguments): \(shown.terminal)")
            XCTAssertTrue(shown.terminal.contains("\r\u{1B}[K\(phase)"), "\(arguments): \(shown.terminal.debugDescription)")
            XCTAssertTrue(shown.terminal.contains(" s\r\u{1B}[K"), "the line is cleared: \(shown.terminal.debugDescription)")
            XCTAssertFalse(shown.stdout.contains("\u{1B}[K"), "\(arguments): standard output is no terminal")

            // Not a terminal: never an escape sequence, and nothing before the threshold.
            let piped = try CommandRunner.run(TestPaths.uapiBinary.path, arguments, in: project, environment: ["UAPI_PROGRESS_DELAY": "30"])
            XCTAssertFalse(piped.stderr.contains("uapi: parsing") || piped.stderr.contains("\u{1B}[K"), "\(arguments): \(piped.stderr)")
        }
        // A long run on a pipe (a CI log) prints a plain line every threshold (ten seconds by default).
        let long = try CommandRunner.run(TestPaths.uapiBinary.path, ["snapshot", "--no-cache", "--target", "x86_64", "--keep-going", "/usr/include/linux"],
                                         in: project, environment: ["UAPI_PROGRESS_DELAY": "0.2"])
        XCTAssertEqual(long.status, 0, long.stderr)
        let lines = long.stderr.split(separator: "\n").filter { $0.hasPrefix("uapi: parsing ") }
        XCTAssertFalse(lines.isEmpty, long.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.hasSuffix(" s") && !$0.contains("\u{1B}") }, "\(lines)")
        // A run shorter than the threshold (here 30 s; 1 s by default) shows nothing either.
        let quick = try onTerminal(["lint", header], in: project, delay: "30")
        XCTAssertEqual(quick.status, 12, quick.terminal)
        XCTAssertFalse(quick.terminal.contains("uapi: parsing"), quick.terminal)
    }

    func testHelpSaysEachThingOnceAndTrue() throws {
        func help(_ command: String) throws -> String {
            let result = try CommandRunner.uapi([command, "--help"])
            XCTAssertEqual(result.status, 0, result.stderr)
            // ArgumentParser wraps at 80 columns: join the lines to search sentences.
            return result.stdoutText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        // Each command's target default, once, in --target's help.
        let defaults = ["snapshot": "else x86_64)", "layout": "else x86_64)", "bindgen": "else x86_64)",
                        "diff": "(default: a snapshot side's, else the project config's, else x86_64)",
                        "lint": "else x86_64,i386, as most rules compare ABIs)", "sync": "else x86_64,i386)"]
        for (command, sentence) in defaults {
            let text = try help(command)
            XCTAssertTrue(text.contains(sentence), "\(command): \(text)")
        }
        XCTAssertEqual(try help("lint").components(separatedBy: "x86_64,i386").count - 1, 1, "lint names its default once")

        // The exit statuses keep their indentation under the wrapped discussion.
        for command in ["diff", "check"] {
            let lines = try CommandRunner.uapi([command, "--help"]).stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try XCTUnwrap(lines.firstIndex(of: "EXIT STATUS"), command)
            let block = lines[(start + 1)...].prefix { !$0.isEmpty }
            XCTAssertEqual(block.count, 8, "\(command): \(block)")
            XCTAssertTrue(block.allSatisfy { $0.hasPrefix("  ") }, "\(command): \(block)")
        }
        // Where sync's report goes, as it does.
        XCTAssertTrue(try help("sync").contains("for sync, standard error, which the commit message leaves free"))
        XCTAssertTrue(try help("sync").contains("the ABI report on standard error (or -o)"))
    }
}
