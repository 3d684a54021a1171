import UAPIModel

/// One definition per name on each side. A snapshot may hold two definitions of one
/// name from different headers (glibc's `sigset_t` and the kernel's, `asm/` and
/// `asm-generic/` variants of `semid64_ds`): the pair compared is the one from a header
/// both sides have, so two different definitions are never compared with each other.
struct DefinitionChoice<T> {
    private(set) var old: ChosenDefinitions<T>
    private(set) var new: ChosenDefinitions<T>

    init(old oldItems: [T], new newItems: [T], name: (T) -> String, header: (T) -> String) {
        let (oldGroups, newGroups) = inParallel({ NameGroups(oldItems, name: name) }, { NameGroups(newItems, name: name) })
        // A name defined once on each side is that definition; only a repeated name is a choice.
        var oldPositions = oldGroups.first, newPositions = newGroups.first
        for key in Set(oldGroups.repeatedNames).union(newGroups.repeatedNames) {
            guard let oldFirst = oldPositions[key], let newFirst = newPositions[key] else { continue }
            let olds = oldGroups.all(key, first: oldFirst), news = newGroups.all(key, first: newFirst)
            let newHeaders = Set(news.map { header(newItems[$0]) })
            if let shared = olds.first(where: { newHeaders.contains(header(oldItems[$0])) }) {
                oldPositions[key] = shared
                newPositions[key] = news.first { header(newItems[$0]) == header(oldItems[shared]) }
            }
        }
        old = ChosenDefinitions(positions: oldPositions, items: oldItems)
        new = ChosenDefinitions(positions: newPositions, items: newItems)
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
