import UAPIModel

/// One definition per name on each side. A snapshot may hold two definitions of one
/// name from different headers (glibc's `sigset_t` and the kernel's, `asm/` and
/// `asm-generic/` variants of `semid64_ds`): the pair compared is the one from a header
/// both sides have, so two different definitions are never compared with each other.
struct DefinitionChoice<T> {
    private(set) var old: [String: T] = [:]
    private(set) var new: [String: T] = [:]

    init(old oldItems: [T], new newItems: [T], name: (T) -> String, header: (T) -> String) {
        let (oldGroups, newGroups) = inParallel({ NameGroups(oldItems, name: name) }, { NameGroups(newItems, name: name) })
        old.reserveCapacity(oldGroups.first.count)
        new.reserveCapacity(newGroups.first.count)
        for (key, oldFirst) in oldGroups.first {
            guard let newFirst = newGroups.first[key] else {
                old[key] = oldItems[oldFirst]
                continue
            }
            let olds = oldGroups.all(key, first: oldFirst), news = newGroups.all(key, first: newFirst)
            if olds.count == 1, news.count == 1 {
                old[key] = oldItems[oldFirst]
                new[key] = newItems[newFirst]
                continue
            }
            let newHeaders = Set(news.map { header(newItems[$0]) })
            if let shared = olds.first(where: { newHeaders.contains(header(oldItems[$0])) }) {
                old[key] = oldItems[shared]
                new[key] = news.first { header(newItems[$0]) == header(oldItems[shared]) }.map { newItems[$0] }
            } else {
                old[key] = oldItems[oldFirst]
                new[key] = newItems[newFirst]
            }
        }
        for (key, newFirst) in newGroups.first where new[key] == nil { new[key] = newItems[newFirst] }
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

    /// Every position of `key`, in order.
    func all(_ key: String, first: Int) -> [Int] {
        repeated[key] ?? [first]
    }
}
