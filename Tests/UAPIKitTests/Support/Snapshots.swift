import Foundation
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

/// Snapshots built through the library, cached per configuration for the test run.
enum Snapshots {
    static let oracleTargets: [Target] = [.x86_64, .i386, .aarch64]
    private static let lock = NSLock()
    private static var cache: [String: Snapshot] = [:]

    static func of(_ headers: [String], targets: [Target] = oracleTargets, kernelTypes: Bool = false,
                   onlyListed: Bool = false, includeDirectories: [String] = []) throws -> Snapshot {
        let key = "\(headers)|\(targets.map(\.name))|\(kernelTypes)|\(onlyListed)|\(includeDirectories)"
        lock.lock()
        if let cached = cache[key] { lock.unlock(); return cached }
        lock.unlock()
        let listed = try HeaderResolver.resolve(headers, includeDirectories: includeDirectories, recursive: false)
        let request = SnapshotRequest(headers: listed, includeDirectories: includeDirectories, targets: targets,
                                      kernelTypes: kernelTypes, onlyListed: onlyListed)
        let snapshot = try SnapshotBuilder(request: request).build().snapshot
        lock.lock()
        cache[key] = snapshot
        lock.unlock()
        return snapshot
    }

    static func fixture(_ path: String) -> String {
        TestPaths.fixtures.appendingPathComponent(path).path
    }

    static let systemHeaders = ["/usr/include/linux/vfio.h", "/usr/include/linux/kvm.h", "/usr/include/rdma/vmw_pvrdma-abi.h"]
}
