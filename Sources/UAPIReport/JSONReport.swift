import UAPIModel
import UAPIDiff
import UAPILint
import UAPIPolicy

/// The report's own JSON document (`uapi-diff` or `uapi-lint`): sorted keys, stable order.
public enum JSONReport: ReportRenderer {
    public static let identifier = "json"

    public static func render(_ document: ReportDocument, options: RenderOptions) -> String {
        String(decoding: document.json, as: UTF8.self)
    }
}
