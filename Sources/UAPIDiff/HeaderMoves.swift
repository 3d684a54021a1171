import UAPIModel

/// Whether a definition found in another header on the new side moved there. With one
/// listed header on each side the two are one header under two names: a definition
/// that goes from one to the other does not move (one that goes to or from a header
/// they include does).
struct HeaderMoves {
    /// The listed header of each side, when each side lists exactly one.
    private let soleListed: (old: String, new: String)?

    init(old: TargetSnapshot, new: TargetSnapshot) {
        let (oldListed, newListed) = (old.headers.filter(\.listed), new.headers.filter(\.listed))
        soleListed = oldListed.count == 1 && newListed.count == 1 ? (oldListed[0].path, newListed[0].path) : nil
    }

    func fact(from old: SourceLocation, to new: SourceLocation) -> ChangeFact? {
        guard old.header != new.header else { return nil }
        if let soleListed, old.header == soleListed.old, new.header == soleListed.new { return nil }
        return .moved(fromHeader: old.header, toHeader: new.header)
    }
}
