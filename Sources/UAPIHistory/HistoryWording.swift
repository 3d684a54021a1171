import UAPIDiff

/// The one place a history turns a change into words. For now the differ's own
/// sentence; the Report stage will take this over.
public enum HistoryWording {
    public static func sentence(for change: Change) -> String {
        change.message
    }
}
