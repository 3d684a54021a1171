/// What a judged run adds up to: counts per severity, ignoring suppressed items.
/// The CLI turns it into the exit status in one function.
public struct Verdict: Codable, Sendable, Equatable {
    public var breaking: Int
    public var compatible: Int
    public var info: Int
    public var suppressed: Int

    public init(breaking: Int, compatible: Int, info: Int, suppressed: Int) {
        self.breaking = breaking
        self.compatible = compatible
        self.info = info
        self.suppressed = suppressed
    }

    public var hasBreaking: Bool { breaking > 0 }
    public var hasCompatible: Bool { compatible > 0 }
    public var isEmpty: Bool { breaking + compatible + info + suppressed == 0 }

    /// The semantic-version bump a set of judged changes calls for.
    public var versionBump: VersionBump {
        if isEmpty { return .none }
        return breaking > 0 ? .major : compatible > 0 ? .minor : .patch
    }

    /// Counts of several runs added up.
    public static func sum(_ verdicts: [Verdict]) -> Verdict {
        verdicts.reduce(Verdict(breaking: 0, compatible: 0, info: 0, suppressed: 0)) {
            Verdict(breaking: $0.breaking + $1.breaking, compatible: $0.compatible + $1.compatible,
                    info: $0.info + $1.info, suppressed: $0.suppressed + $1.suppressed)
        }
    }
}

public enum VersionBump: String, Codable, Sendable {
    case none, patch, minor, major
}
