import UAPIModel

/// Whether a definition found in another header on the new side moved there. With one
/// listed header on each side the two are one header under two names, so nothing moves.
struct HeaderMoves {
    let tracksHeaders: Bool

    init(old: TargetSnapshot, new: TargetSnapshot) {
        tracksHeaders = !(old.headers.filter(\.listed).count == 1 && new.headers.filter(\.listed).count == 1)
    }

    func fact(from old: SourceLocation, to new: SourceLocation) -> ChangeFact? {
        guard tracksHeaders, old.header != new.header else { return nil }
        return .moved(fromHeader: old.header, toHeader: new.header)
    }
}
