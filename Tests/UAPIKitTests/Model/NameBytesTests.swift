import Foundation
import XCTest
@testable import UAPIDiff
@testable import UAPIModel

/// The byte-level name tests that replaced Foundation's string searches on the diff's hot paths.
final class NameBytesTests: XCTestCase {
    func testIncludeGuardsAreRecognisedByName() {
        for name in ["_LINUX_VFIO_H", "__LINUX_KVM_H__", "_UAPI_LINUX_TYPES_H", "H", "_H_", "FOO_H_INCLUDED", "__FOO_INCLUDED__", "X_H"] {
            XCTAssertTrue(IncludeGuard.looksLikeOne(name), name)
        }
        for name in ["VFIO_H_X", "_", "__", "", "HH", "FOO_HINCLUDED", "KVM_CAP_HYPERV", "INCLUDED", "_INCLUDE_H2", "é_H_"] {
            XCTAssertEqual(IncludeGuard.looksLikeOne(name), name == "é_H_", name)
        }
    }

    func testContainsASCIIAndPrefixBeforeAMarker() {
        XCTAssertTrue("outer.member".containsASCII("."))
        XCTAssertFalse("outer_member".containsASCII("."))
        XCTAssertEqual("kvm_run::<anon union at x.h:3>".prefix(before: "::<anon "), "kvm_run")
        XCTAssertEqual("::<anon ".prefix(before: "::<anon "), "")
        XCTAssertNil("kvm_run::<anon".prefix(before: "::<anon "))
        XCTAssertNil("".prefix(before: "::<anon "))
        XCTAssertEqual("a::b::<anon c::<anon d".prefix(before: "::<anon "), "a::b")
    }
}
