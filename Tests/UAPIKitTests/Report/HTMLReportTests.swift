import Foundation
import XCTest
@testable import UAPIDiff
@testable import UAPIModel
@testable import UAPIPolicy
@testable import UAPIReport

/// The HTML report without a browser: self-contained, escaped, and its diagrams drawn
/// from the records (one box per field, wrapped records, nested anonymous members).
final class HTMLReportTests: XCTestCase {
    func testGoldenPagesNeedNothingFromTheNetwork() throws {
        let pages = ReportGolden.cases("diff").map { $0.appendingPathComponent("expected.html") }
        XCTAssertGreaterThanOrEqual(pages.count, 6)
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            for reference in ["http:", "https:", "<link", "<img", "src=", "@import", "@font-face", "//fonts."] {
                XCTAssertFalse(html.contains(reference), "\(page.path) refers to something outside the page: \(reference)")
            }
            let urls = html.components(separatedBy: "url(").dropFirst()
            XCTAssertTrue(urls.allSatisfy { $0.hasPrefix("#") }, "\(page.path): url() must point inside the page")
        }
    }

    /// The filters need the script; without it the page shows every item and layout.
    func testWithoutJavaScriptOnlyTheFiltersAreHidden() throws {
        for page in ReportGolden.cases("diff").map({ $0.appendingPathComponent("expected.html") }) {
            let html = try String(contentsOf: page, encoding: .utf8)
            let hiddenAttributes = try NSRegularExpression(pattern: "<[a-z][^>]*\\shidden[\\s>=]")
                .numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html))
            XCTAssertEqual(hiddenAttributes, 1, page.path)
            XCTAssertTrue(html.contains("<form id=\"filters\" class=\"filters\" hidden>"), page.path)
            XCTAssertEqual(html.components(separatedBy: "display: none").count - 1, 1, "only .filters[hidden] may hide: \(page.path)")
        }
    }

    func testEveryStringIsEscaped() {
        var change = Change(.fieldAdded(type: "int", offsetBits: 0), item: .field, name: "evil<script>alert(1)</script>.x", header: "a&b\"'.h")
        change.targets = ["x86_64"]
        let judged = JudgedChange(change: change, severity: .compatible, suppressedBy: "<b>because</b>")
        let report = DiffReport(old: "<old>", new: "<new>", targets: ["x86_64"], headers: [change.header], changes: [judged],
                                verdict: Verdict(breaking: 0, compatible: 0, info: 0, suppressed: 1),
                                unmatchedSuppressions: [], targetsOnlyInOld: [], targetsOnlyInNew: [])
        let html = HTMLReport.render(report.document, options: RenderOptions(pathPrefix: "<p>/"))
        for raw in ["<script>alert", "<b>because", "<old>", "a&b\"'.h", "<p>/"] {
            XCTAssertFalse(html.contains(raw), "unescaped: \(raw)")
        }
        for escaped in ["evil&lt;script&gt;alert(1)&lt;/script&gt;.x", "&lt;b&gt;because&lt;/b&gt;", "a&amp;b&quot;&#39;.h", "&lt;p&gt;/"] {
            XCTAssertTrue(html.contains(escaped), "missing: \(escaped)")
        }
    }

    func testAWrappedRecordHasOneBoxPerFieldAndMarksItsContinuations() {
        let fields = [field("head", offset: 0, size: 8), field("blob", offset: 8, size: 40), field("tail", offset: 48, size: 4)]
        let record = Record(name: "wide", kind: .struct, location: SourceLocation(header: "w.h", line: 1), isAnonymous: false,
                            isComplete: true, size: 56, alignment: 8, isPacked: false, alignedAttribute: nil, fields: fields)
        let version = RecordVersion(record: record, members: [:], marks: ["blob": [.resized]])
        let svg = LayoutDiagram(version: version, bytesPerLine: 32).svg(attributes: "", caption: "wide")
        XCTAssertEqual(svg.components(separatedBy: "data-field=").count - 1, 3)
        XCTAssertEqual(svg.components(separatedBy: "data-continued=\"blob\"").count - 1, 1)
        XCTAssertTrue(svg.contains("data-field=\"blob\" data-offset-bits=\"64\" data-marks=\"resized\""))
        XCTAssertEqual(svg.components(separatedBy: "data-gap=\"padding\"").count - 1, 1, "4 bytes of tail padding")
    }

    func testAnonymousMembersAreDrawnNestedBelowTheirBox() {
        let union = Record(name: "outer::<anon union at 32>", kind: .union, location: SourceLocation(header: "o.h", line: 3),
                           isAnonymous: true, isComplete: true, size: 8, alignment: 8, isPacked: false, alignedAttribute: nil,
                           fields: [field("word", offset: 4, size: 4), field("quad", offset: 4, size: 8)], owner: "outer")
        var member = field("", offset: 4, size: 8)
        member.record = union.name
        let outer = Record(name: "outer", kind: .struct, location: SourceLocation(header: "o.h", line: 1), isAnonymous: false,
                           isComplete: true, size: 12, alignment: 4, isPacked: false, alignedAttribute: nil,
                           fields: [field("flags", offset: 0, size: 4), member])
        let version = RecordVersion(record: outer, members: [union.name: union], marks: [:])
        let lanes = LayoutDiagram(version: version, bytesPerLine: 12).lanes()
        XCTAssertEqual(lanes.map { $0.boxes.compactMap(\.field) }, [["flags", "<anonymous member>"], ["word"], ["quad"]])
        XCTAssertEqual(lanes[0].boxes[1].label, "union {…}")
        XCTAssertEqual(lanes.dropFirst().map { $0.boxes[0].startBits }, [32, 32], "members at the owner's offsets, under its box")
    }

    private func field(_ name: String, offset: Int, size: Int) -> Field {
        Field(name: name, type: "__u8[\(size)]", canonicalType: "unsigned char[\(size)]", offsetBits: offset * 8, size: size,
              bitWidth: nil, isFlexibleArray: false, record: nil)
    }
}
