import Foundation
import XCTest
@testable import UAPIKit
@testable import UAPIBindings
@testable import UAPIDiff
@testable import UAPIExtract
@testable import UAPILint
@testable import UAPIModel
@testable import UAPIPolicy
@testable import UAPIReport
@testable import UAPISync
@testable import UAPIWorkflows

/// Consecutive real vfio.h versions: the diff names exactly the macros,
/// enumerators and structs that the text adds or removes, reports a change for
/// every struct whose text changed and none for the others, and gcc confirms
/// every size change it reports.
final class CorpusDiffTests: XCTestCase {
    func testConsecutiveVersionsAgreeWithTheTextualDiff() throws {
        let corpus = TestPaths.vendored("corpus/vfio")
        let versions = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".h") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
        var confirmed = 0
        for (oldPath, newPath) in zip(versions, versions.dropFirst()) {
            let old = try Snapshots.of([oldPath], onlyListed: true), new = try Snapshots.of([newPath], onlyListed: true)
            let changes = SnapshotDiffer().diff(old: old, new: new).changes
            let before = try TextualHeader(path: oldPath), after = try TextualHeader(path: newPath)
            let pair = "\((oldPath as NSString).lastPathComponent) -> \((newPath as NSString).lastPathComponent)"

            // Names: added and removed exactly as in the text (a rename removes one name and adds another).
            let valueItems: Set<ItemKind> = [.constant, .ioctl, .enumerator, .macro]
            var added = Set<String>(), removed = Set<String>()
            for change in changes where valueItems.contains(change.item) {
                switch change.category {
                case .added: added.insert(change.name)
                case .removed: removed.insert(change.name)
                case .renamed:
                    added.insert(change.newName!)
                    if !after.names.contains(change.name) { removed.insert(change.name) }
                default: break
                }
            }
            XCTAssertEqual(added, after.names.subtracting(before.names), "added names, \(pair)")
            XCTAssertEqual(removed, before.names.subtracting(after.names), "removed names, \(pair)")

            // Structs: every textual change shows, and nothing else does.
            let recordChanges = changes.filter { [.record, .field].contains($0.item) }
            let owner: (Change) -> String = { String($0.name.split(whereSeparator: { $0 == "." || $0 == ":" }).first ?? "") }
            let changedRecords = Set(recordChanges.filter { ![.added, .removed].contains($0.category) || $0.item == .field }.map(owner))
            let textuallyChanged = Set(before.structBodies.keys.filter { name in
                after.structBodies[name].map { $0 != before.structBodies[name]! } ?? false
            })
            // A record may also change through a record it contains (a member's alignment, say).
            var explained = textuallyChanged
            var grew = true
            while grew {
                let more = Set(new.targets.flatMap(\.records).filter { record in
                    record.fields.contains { $0.record.map(explained.contains) ?? false }
                }.map { String($0.name.split(whereSeparator: { $0 == "." || $0 == ":" }).first ?? "") })
                grew = !more.isSubset(of: explained)
                explained.formUnion(more)
            }
            XCTAssertTrue(changedRecords.isSubset(of: explained), "spurious record changes \(changedRecords.subtracting(explained)), \(pair)")
            XCTAssertTrue(textuallyChanged.isSubset(of: changedRecords), "structs changed in the text but not in the diff: \(textuallyChanged.subtracting(changedRecords)), \(pair)")
            let structsAdded = Set(after.structBodies.keys).subtracting(before.structBodies.keys)
            let structsRemoved = Set(before.structBodies.keys).subtracting(after.structBodies.keys)
            XCTAssertEqual(Set(recordChanges.filter { $0.item == .record && $0.category == .added }.map(\.name)), structsAdded, pair)
            XCTAssertEqual(Set(recordChanges.filter { $0.item == .record && $0.category == .removed }.map(\.name)), structsRemoved, pair)

            confirmed += try confirmSizesWithGCC(changes, oldPath: oldPath, newPath: newPath)
        }
        XCTAssertGreaterThan(confirmed, 3, "the corpus has size changes; gcc should have confirmed some")
    }

    /// Every reported size change, as gcc sees both versions on that target.
    private func confirmSizesWithGCC(_ changes: [Change], oldPath: String, newPath: String) throws -> Int {
        let sized = changes.compactMap { change -> (Change, old: Int?, new: Int?)? in
            switch change.fact {
            case let .recordSize(old, new), let .tailAppended(old, new, _, _, _): return (change, old, new)
            default: return nil
            }
        }
        for (change, oldSize, newSize) in sized {
            for target in change.targets {
                let gcc = try XCTUnwrap(GCC.forTarget(target))
                let (old, new) = (try XCTUnwrap(oldSize), try XCTUnwrap(newSize))
                XCTAssertTrue(try gcc.accepts("#include \"\(oldPath)\"\n_Static_assert(sizeof(struct \(change.name)) == \(old), \"old\");\n"), "\(change.name) old size on \(target)")
                XCTAssertTrue(try gcc.accepts("#include \"\(newPath)\"\n_Static_assert(sizeof(struct \(change.name)) == \(new), \"new\");\n"), "\(change.name) new size on \(target)")
            }
        }
        return sized.map(\.0.targets.count).reduce(0, +)
    }
}
