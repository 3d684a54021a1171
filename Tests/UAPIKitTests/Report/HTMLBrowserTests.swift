import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIModel

/// The HTML report as a real browser shows it: Debian's headless Chromium renders the
/// layout-drift case to a PNG, which must not be blank, and its DOM must hold one box
/// per field of every changed record, as many as the snapshot has.
final class HTMLBrowserTests: XCTestCase {
    private let fixture = TestPaths.fixtures.appendingPathComponent("diff/layout-drift")
    private let changedRecords = ["drift_bits", "drift_i386", "drift_kind", "drift_map", "drift_packed"]

    func testScreenshotIsNotBlankAndShowsTheHighlights() throws {
        let browser = try Chromium.find()
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let page = try report(in: work)
        let png = work.appendingPathComponent("report.png")
        try browser.run(["--screenshot=\(png.path)", "--window-size=1280,2000", page.absoluteString], home: work)
        let result = try CommandRunner.run("python3", [TestPaths.repository.appendingPathComponent("scripts/png_ink.py").path, png.path, "4"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let ink = try JSONDecoder().decode(PNGInk.self, from: result.stdout)
        XCTAssertEqual([ink.width, ink.height], [1280, 2000])
        // Every quarter of the page has text or boxes; the lower half holds diagrams with coloured highlights.
        for (band, count) in ink.inked.enumerated() {
            XCTAssertGreaterThan(count, 5_000, "band \(band) of the screenshot is nearly blank: \(ink.inked)")
        }
        XCTAssertGreaterThan(ink.coloured[2] + ink.coloured[3], 5_000, "no coloured highlights in the diagrams: \(ink.coloured)")
    }

    func testDiagramsHaveOneBoxPerFieldOfTheSnapshot() throws {
        let browser = try Chromium.find()
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let page = try report(in: work)
        let dom = try browser.run(["--dump-dom", page.absoluteString], home: work).stdoutText
        let svgs = DiagramElement.all(in: dom)
        XCTAssertEqual(Set(svgs.map(\.record)), Set(changedRecords))
        let sides = try ["old", "new"].reduce(into: [String: Snapshot]()) { sides, side in
            sides[side] = try Snapshots.of([fixture.appendingPathComponent("\(side)/drift.h").path], targets: [.x86_64, .i386], onlyListed: true)
        }
        for svg in svgs {
            for target in svg.targets {
                let record = try XCTUnwrap(sides[svg.side]?.target(named: target)?.record(named: svg.record), "\(svg.side) \(svg.record) on \(target)")
                XCTAssertEqual(svg.fields, record.fields.map(\.displayName), "\(svg.side) \(svg.record) on \(target)")
            }
        }
        // Both sides of every record on both targets (some targets share a drawing).
        for record in changedRecords {
            for side in ["old", "new"] {
                let targets = svgs.filter { $0.record == record && $0.side == side }.flatMap(\.targets)
                XCTAssertEqual(targets.sorted(), ["i386", "x86_64"], "\(side) \(record)")
            }
        }
        XCTAssertTrue(dom.contains("<form id=\"filters\" class=\"filters\">"), "the script did not show the filters")
        // One row per finding: as many as the case's JSON report has.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.appendingPathComponent("expected.json"))) as? [String: Any]
        let rows = (json?["changes"] as? [Any])?.count ?? -1
        XCTAssertTrue(dom.contains(">\(rows) of \(rows) shown</output>"), "the script did not count the \(rows) rows")
    }

    /// The layout-drift case as an HTML file, written by the `uapi` binary.
    private func report(in directory: URL) throws -> URL {
        let page = directory.appendingPathComponent("report.html")
        let args = try String(contentsOf: fixture.appendingPathComponent("args"), encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        let result = try CommandRunner.uapi(["diff", "--format", "html", "-o", page.path] + args, in: fixture)
        XCTAssertEqual(result.status, 12, result.stderr)
        return page
    }
}

private struct PNGInk: Decodable {
    var width: Int
    var height: Int
    var inked: [Int]
    var coloured: [Int]
}

/// Debian's Chromium, headless, with its profile and caches in the test's directory.
private struct Chromium {
    var path: String

    static func find() throws -> Chromium {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: path) {
            return Chromium(path: path)
        }
        throw Missing()
    }

    /// A failure, not a skip: `make test` installs chromium, so its absence is a broken setup.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium not found (/usr/bin/chromium): the HTML report's browser tests need Debian's chromium; run `make deps`" }
    }

    @discardableResult
    func run(_ arguments: [String], home: URL) throws -> CommandResult {
        let profile = home.appendingPathComponent("chromium-profile")
        let result = try CommandRunner.run(path, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                  "--user-data-dir=\(profile.path)"] + arguments,
                                           environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "XDG_CACHE_HOME": home.path])
        XCTAssertEqual(result.status, 0, "chromium failed: \(result.stderr)")
        return result
    }
}

/// A layout diagram in the DOM: its record, side, targets and the fields its boxes name.
private struct DiagramElement {
    var record: String
    var side: String
    var targets: [String]
    var fields: [String]

    static func all(in dom: String) -> [DiagramElement] {
        dom.components(separatedBy: "<svg ").dropFirst().compactMap { chunk in
            let element = chunk.components(separatedBy: "</svg>")[0]
            let tag = element.prefix { $0 != ">" }
            guard let record = value("data-record", in: tag), let side = value("data-side", in: tag),
                  let targets = value("data-targets", in: tag) else { return nil }
            let fields = element.components(separatedBy: "<rect ").dropFirst().compactMap { value("data-field", in: $0.prefix { $0 != ">" }) }
            return DiagramElement(record: record, side: side, targets: targets.split(separator: " ").map(String.init), fields: fields)
        }
    }

    private static func value(_ attribute: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(attribute)=\"") ?? (tag.hasPrefix("\(attribute)=\"") ? tag.range(of: "\(attribute)=\"") : nil) else { return nil }
        let rest = tag[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
