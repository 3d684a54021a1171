import UAPIModel

/// One definition per name on each side. A snapshot may hold two definitions of one
/// name from different headers (glibc's `sigset_t` and the kernel's, `asm/` and
/// `asm-generic/` variants of `semid64_ds`): the pair compared is the one from a header
/// both sides have, so two different definitions are never compared with each other.
struct DefinitionChoice<T> {
    private(set) var old: [String: T] = [:]
    private(set) var new: [String: T] = [:]

    init(old oldItems: [T], new newItems: [T], name: (T) -> String, header: (T) -> String) {
        let oldByName = Dictionary(grouping: oldItems, by: name), newByName = Dictionary(grouping: newItems, by: name)
        for (key, olds) in oldByName {
            guard let news = newByName[key] else {
                old[key] = olds[0]
                continue
            }
            let newHeaders = Set(news.map(header))
            if let shared = olds.first(where: { newHeaders.contains(header($0)) }) {
                old[key] = shared
                new[key] = news.first { header($0) == header(shared) }
            } else {
                old[key] = olds[0]
                new[key] = news[0]
            }
        }
        for (key, news) in newByName where new[key] == nil { new[key] = news[0] }
    }
}
