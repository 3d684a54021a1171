import UAPIModel

/// Whether a definition found in another header on the new side moved there. With one
/// listed header on each side the two are one header under two names: a definition
/// that goes from one to the other does not move (one that goes to or from a header
/// they include does).
///
/// QEMU vendors a target's `asm/kvm.h` as `asm-x86/kvm.h`, and a directory listing of an installed
/// tree names it `x86_64-linux-gnu/asm/kvm.h`: for that target the names are one header, so a
/// definition going from one to another (a QEMU copy against an installed tree) does not move.
struct HeaderMoves {
    /// The listed header of each side, when each side lists exactly one.
    private let soleListed: (old: String, new: String)?
    private let target: Target?

    init(old: TargetSnapshot, new: TargetSnapshot) {
        let (oldListed, newListed) = (old.headers.filter(\.listed), new.headers.filter(\.listed))
        soleListed = oldListed.count == 1 && newListed.count == 1 ? (oldListed[0].path, newListed[0].path) : nil
        target = Target.named(new.target)
    }

    /// A header's name as a program includes it, for this target.
    func canonical(_ header: String) -> String {
        Self.canonical(header, target: target)
    }

    func fact(from old: SourceLocation, to new: SourceLocation) -> ChangeFact? {
        guard Self.canonical(old.header, target: target) != Self.canonical(new.header, target: target) else { return nil }
        if let soleListed, old.header == soleListed.old, new.header == soleListed.new { return nil }
        return .moved(fromHeader: old.header, toHeader: new.header)
    }
}

extension HeaderMoves {
    /// The name a program includes a header by, for one target: QEMU's `asm-<arch>/x.h` and an
    /// installed tree's `<triplet>/asm/x.h` are the target's `asm/x.h`; any other name as it is.
    static func canonical(_ header: String, target: Target?) -> String {
        guard let target else { return header }
        for prefix in ["asm-\(target.kernelArchitecture)/"] + target.multiarchNames.map({ "\($0)/asm/" }) where header.hasPrefix(prefix) {
            return "asm/" + header.dropFirst(prefix.count)
        }
        return header
    }
}
