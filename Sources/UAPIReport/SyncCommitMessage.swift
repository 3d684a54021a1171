import Foundation
import UAPIModel
import UAPIPolicy
import UAPISync

/// The commit message these projects use: "linux-headers: update to v6.8-rc1".
public enum SyncCommitMessage {
    public static func make(directories: [String], record: SyncRecord, subject: String?, report: DiffReport, changedFiles: [String]) -> String {
        let version = record.describe ?? record.kernelVersion.map { "v\($0)" } ?? record.source
        var lines = ["\(directories.joined(separator: ", ")): update to \(version)", ""]
        if let commit = record.commit {
            lines.append("Update to kernel commit \(commit)" + (subject.map { " (\"\($0)\")" } ?? "") + ".")
        } else {
            lines.append("Update from \(record.source).")
        }
        lines.append("Files: \(changedFiles.isEmpty ? "none changed" : changedFiles.sorted().joined(separator: ", ")).")
        lines.append("")
        let verdict = report.verdict
        lines.append("ABI changes (uapi): \(verdict.breaking) breaking, \(verdict.compatible) compatible, \(verdict.info) info.")
        for judged in report.changes where judged.suppressedBy == nil && judged.severity != .info {
            let change = judged.change
            lines.append("- \(judged.severity.rawValue): \(judged.message)" + (change.targetSpecific ? " (\(change.targets.joined(separator: ", ")) only)" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
