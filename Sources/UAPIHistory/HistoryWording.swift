import UAPIPolicy
import UAPIReport

/// The one place a history turns a judged change into words: the Report stage's sentence.
public enum HistoryWording {
    public static func sentence(for judged: JudgedChange) -> String {
        judged.message
    }
}
