import Foundation

/// The report as JSON (`uapi-diff`, schema version 1): sorted keys, stable order.
public enum JSONReport: DiffRenderer {
    public static let identifier = "json"

    public static func render(_ report: DiffReport, options: RenderOptions) -> String {
        // Encoding plain Codable values cannot fail.
        String(decoding: (try? SnapshotCoding.encode(report)) ?? Data(), as: UTF8.self)
    }
}
