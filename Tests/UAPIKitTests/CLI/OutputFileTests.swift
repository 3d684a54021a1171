import Foundation
import XCTest

/// `-o` on every kind of path: a regular file is replaced atomically, a FIFO and a
/// character device are written in place and stay what they are, a symbolic link is
/// written through, a directory or a dangling link is refused; a temporary file goes
/// away on SIGTERM and, after a SIGKILL, on the next write. Everything happens in
/// temporary directories (devices made with mknod there; tests run as root).
final class OutputFileTests: XCTestCase {
    private let sides = ["snapshot/vfio-like/expected.json", "snapshot/kernel-types/expected.json"]
        .map { TestPaths.fixtures.appendingPathComponent($0).path }

    /// `uapi diff` of two snapshots (no parsing, exit status 12) written with `-o output`.
    private func diff(to output: String, in directory: URL) throws -> CommandResult {
        try CommandRunner.uapi(["diff"] + sides + ["--format", "json", "-o", output], in: directory)
    }

    /// The report as printed on standard output, the reference for every `-o`.
    private func expectedReport() throws -> Data {
        let result = try CommandRunner.uapi(["diff"] + sides + ["--format", "json"])
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertFalse(result.stdout.isEmpty)
        return result.stdout
    }

    private func info(_ url: URL) -> stat? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? info : nil
    }

    private func temporaryFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    func testAnExistingFileIsReplacedAtomicallyAndKeepsItsPermissions() throws {
        let directory = try TestPaths.temporaryDirectory()
        let output = directory.appendingPathComponent("out.json")
        try Data("old report\n".utf8).write(to: output)
        chmod(output.path, 0o640)
        // A second name for the old file: an in-place write would change it too.
        XCTAssertEqual(link(output.path, directory.appendingPathComponent("old.json").path), 0)
        let oldInode = info(output)?.st_ino

        let result = try diff(to: "out.json", in: directory)
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertEqual(try Data(contentsOf: output), try expectedReport())
        XCTAssertNotEqual(info(output)?.st_ino, oldInode, "a new file is renamed over the old one")
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("old.json"), encoding: .utf8), "old report\n")
        XCTAssertEqual(info(output).map { $0.st_mode & 0o7777 }, 0o640)
        XCTAssertEqual(try temporaryFiles(in: directory), [])
    }

    func testAFIFOGetsTheReportStreamedAndStaysAFIFO() throws {
        let directory = try TestPaths.temporaryDirectory()
        let fifo = directory.appendingPathComponent("report.fifo")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let received = DataBox()
        let reader = DispatchGroup()
        reader.enter()
        DispatchQueue.global().async {
            // Opening blocks until uapi opens the FIFO for writing.
            received.data = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
            reader.leave()
        }
        let result = try diff(to: fifo.path, in: directory)
        // A FIFO replaced by a file would leave the reader blocked on the old one for good.
        guard info(fifo).map({ $0.st_mode & S_IFMT }) == S_IFIFO else { return XCTFail("the FIFO was replaced: \(result.stderr)") }
        // If uapi never opened it, open and close it so the reader sees an end.
        let unblock = open(fifo.path, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        reader.wait()
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertEqual(received.data, try expectedReport())
        XCTAssertEqual(try temporaryFiles(in: directory), [])
    }

    func testACharacterDeviceStaysACharacterDevice() throws {
        let directory = try TestPaths.temporaryDirectory()
        let device = directory.appendingPathComponent("null")
        let made = try CommandRunner.run("mknod", [device.path, "c", "1", "3"])
        if made.status != 0, made.stderr.contains("Operation not permitted") {
            throw XCTSkip("SKIPPED: mknod is not permitted here (no CAP_MKNOD): \(made.stderr)")
        }
        XCTAssertEqual(made.status, 0, made.stderr)
        let before = try XCTUnwrap(info(device))

        let result = try diff(to: device.path, in: directory)
        XCTAssertEqual(result.status, 12, result.stderr)
        let after = try XCTUnwrap(info(device))
        XCTAssertEqual(after.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(after.st_rdev, before.st_rdev)
        XCTAssertEqual(after.st_ino, before.st_ino)
        XCTAssertEqual(try temporaryFiles(in: directory), [])
    }

    func testASymbolicLinkIsWrittenThroughAndStays() throws {
        let directory = try TestPaths.temporaryDirectory()
        let elsewhere = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: elsewhere.appendingPathComponent("latest.json"))
        let link = directory.appendingPathComponent("out.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "reports/latest.json")

        let result = try diff(to: "out.json", in: directory)
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "reports/latest.json")
        XCTAssertEqual(try Data(contentsOf: elsewhere.appendingPathComponent("latest.json")), try expectedReport())
        XCTAssertEqual(try temporaryFiles(in: directory) + temporaryFiles(in: elsewhere), [])
    }

    func testADanglingLinkAndADirectoryAreRefused() throws {
        let directory = try TestPaths.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.json").path, withDestinationPath: "missing/x.json")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("adir"), withIntermediateDirectories: true)
        let before = DiskState.capture(directory)
        for (output, message) in [("dangling.json", "it is a symbolic link to missing/x.json, which does not exist"),
                                  ("adir", "it is a directory")] {
            let result = try diff(to: output, in: directory)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(output): cannot write: \(message)"), result.stderr)
            XCTAssertEqual(DiskState.capture(directory), before)
        }
    }

    func testSIGTERMRemovesTheTemporaryFileAndAKilledProcesssIsRemovedByTheNextWrite() throws {
        let directory = try TestPaths.temporaryDirectory()
        try Data("old\n".utf8).write(to: directory.appendingPathComponent("out.json"))
        for signal in [SIGTERM, SIGKILL] {
            let run = try BackgroundCommand(["diff"] + sides + ["--format", "json", "-o", "out.json"], in: directory,
                                            environment: ["UAPI_TEST_OUTPUT_PAUSE": "1"])
            XCTAssertTrue(run.waitUntilStopped(at: "stopped before renaming the output"), run.abandon())
            XCTAssertEqual(try temporaryFiles(in: directory), [".out.json.tmp-\(run.pid)"])
            run.send(signal)
            run.send(SIGCONT)
            XCTAssertEqual(run.finish().status, signal, "ended by the signal itself")
            XCTAssertEqual(run.process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("out.json"), encoding: .utf8), "old\n")
            XCTAssertEqual(try temporaryFiles(in: directory), signal == SIGTERM ? [] : [".out.json.tmp-\(run.pid)"])
        }
        // Another name's temporary file and a live process's (PID 1) are left alone.
        let others = [".other.json.tmp-\(try BackgroundCommand.deadPID())", ".out.json.tmp-1"]
        for name in others { try Data().write(to: directory.appendingPathComponent(name)) }
        let result = try diff(to: "out.json", in: directory)
        XCTAssertEqual(result.status, 12, result.stderr)
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("out.json")), try expectedReport())
        XCTAssertEqual(try temporaryFiles(in: directory).sorted(), others.sorted())
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
