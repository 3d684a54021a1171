import UAPIModel

/// One definition per name on each side. A snapshot may hold two definitions of one
/// name from different headers (glibc's `sigset_t` and the kernel's, `asm/` and
/// `asm-generic/` variants of `semid64_ds`): the pair compared is the one from a header
/// both sides have, so two different definitions are never compared with each other.
///
/// Which definition is chosen never depends on the order of the header names: the pair from
/// the first shared header in path order. The other definitions of a repeated name are paired
/// by header too (`others`), so a change in either of two headers is seen: `__NR_clone3` made
/// unconditional in `asm-generic/unistd.h` while `asm/unistd_32.h` keeps it.
struct DefinitionChoice<T> {
    private(set) var old: ChosenDefinitions<T>
    private(set) var new: ChosenDefinitions<T>
    /// The definitions of repeated names beyond the chosen pair, by header: both sides when
    /// both define the name in that header, one side when only it does.
    private(set) var others: [(name: String, old: T?, new: T?)] = []

    init(old oldItems: [T], new newItems: [T], name: (T) -> String, header: (T) -> String) {
        let (oldGroups, newGroups) = inParallel({ NameGroups(oldItems, name: name) }, { NameGroups(newItems, name: name) })
        // A name defined once on each side is that definition; only a repeated name is a choice.
        var oldPositions = oldGroups.first, newPositions = newGroups.first
        for key in Set(oldGroups.repeatedNames).union(newGroups.repeatedNames).sorted() {
            guard let oldFirst = oldPositions[key], let newFirst = newPositions[key] else { continue }
            // By header; the first definition in a header stands for it (a header may define a name twice under #if).
            var olds: [String: Int] = [:], news: [String: Int] = [:]
            for position in oldGroups.all(key, first: oldFirst) where olds[header(oldItems[position])] == nil {
                olds[header(oldItems[position])] = position
            }
            for position in newGroups.all(key, first: newFirst) where news[header(newItems[position])] == nil {
                news[header(newItems[position])] = position
            }
            let shared = Set(olds.keys).intersection(news.keys).sorted()
            let chosen: String?
            if let first = shared.first {
                oldPositions[key] = olds[first]
                newPositions[key] = news[first]
                chosen = first
            } else {
                // No header in common: one definition on each side, the first by path (a move).
                oldPositions[key] = olds[olds.keys.min()!]
                newPositions[key] = news[news.keys.min()!]
                chosen = nil
            }
            guard chosen != nil else { continue }
            for path in Set(olds.keys).union(news.keys).sorted() where path != chosen {
                others.append((key, olds[path].map { oldItems[$0] }, news[path].map { newItems[$0] }))
            }
        }
        old = ChosenDefinitions(positions: oldPositions, items: oldItems)
        new = ChosenDefinitions(positions: newPositions, items: newItems)
    }

    /// What to compare on the new side: each name's chosen definition with the old one (nil for a
    /// new name), then the definitions of repeated names in other headers both sides define them in.
    var comparisons: [(name: String, old: T?, new: T)] {
        new.map { ($0.0, old[$0.0], $0.1) } + others.compactMap { other in
            guard let before = other.old, let after = other.new else { return nil }
            return (other.name, before, after)
        }
    }
}

/// The definition chosen for each name on one side: looked up by name, or walked
/// as (name, definition) pairs in no particular order, like a dictionary.
struct ChosenDefinitions<T>: Sequence {
    fileprivate let positions: [String: Int]
    fileprivate let items: [T]

    subscript(name: String) -> T? {
        positions[name].map { items[$0] }
    }

    func makeIterator() -> Iterator {
        Iterator(positions: positions.makeIterator(), items: items)
    }

    struct Iterator: IteratorProtocol {
        fileprivate var positions: [String: Int].Iterator
        fileprivate let items: [T]

        mutating func next() -> (String, T)? {
            positions.next().map { ($0.key, items[$0.value]) }
        }
    }
}

/// Item positions by name without an array per name: most names occur once.
private struct NameGroups {
    private(set) var first: [String: Int] = [:]
    private var repeated: [String: [Int]] = [:]

    init<T>(_ items: [T], name: (T) -> String) {
        first.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let key = name(item)
            if let earlier = first[key] {
                repeated[key, default: [earlier]].append(index)
            } else {
                first[key] = index
            }
        }
    }

    var repeatedNames: Dictionary<String, [Int]>.Keys { repeated.keys }

    /// Every position of `key`, in order.
    func all(_ key: String, first: Int) -> [Int] {
        repeated[key] ?? [first]
    }
}
