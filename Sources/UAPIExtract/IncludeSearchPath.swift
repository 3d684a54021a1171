import Foundation

/// Where clang looks for an `#include`, read from the argument list the parse itself
/// uses, so that the check before parsing follows the same directories.
struct IncludeSearchPath: Hashable {
    /// `-iquote` directories: `"..."` includes only, after the including file's own directory.
    var quoted: [String] = []
    /// `-I`, `-isystem`, the compiler's own headers, the system directories, `-idirafter`, in order.
    var angled: [String] = []
    /// Without `-fno-spell-checking`, clang retries a name it cannot find without the punctuation around it.
    var spellChecking = true
    /// `-ivfsoverlay` directories (virtual + `/` -> real + `/`): a candidate under one is checked at its real place.
    var virtualDirectories: [String: String] = [:]
    /// What every virtual directory starts with: most candidates are ruled out by it alone.
    var virtualRoot = ""

    init(arguments: [String], virtualDirectories: [String: String] = [:]) {
        self.virtualDirectories = Dictionary(uniqueKeysWithValues: virtualDirectories.map { ($0.key + "/", $0.value + "/") })
        virtualRoot = Self.commonPrefix(Array(self.virtualDirectories.keys))
        var user: [String] = [], system: [String] = [], after: [String] = []
        var resourceDirectory: String?, sysroot = "", triple: String?
        var standard = true, builtin = true
        var index = 0
        func value(_ option: String, _ argument: String) -> String? {
            if argument == option, index + 1 < arguments.count {
                index += 1
                return arguments[index]
            }
            if argument.hasPrefix(option + "="), option.hasPrefix("--") || option == "-resource-dir" {
                return String(argument.dropFirst(option.count + 1))
            }
            if argument.hasPrefix(option), argument.count > option.count, !option.hasPrefix("--"), option != "-resource-dir" {
                return String(argument.dropFirst(option.count))
            }
            return nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-nostdinc": standard = false; builtin = false
            case "-nostdlibinc": standard = false
            case "-nobuiltininc": builtin = false
            case "-fno-spell-checking": spellChecking = false
            case "-fspell-checking": spellChecking = true
            default:
                if let directory = value("-isystem", argument) { system.append(directory) }
                else if let directory = value("-iquote", argument) { quoted.append(directory) }
                else if let directory = value("-idirafter", argument) { after.append(directory) }
                else if let directory = value("-isysroot", argument) { sysroot = directory }
                else if let directory = value("--sysroot", argument) { sysroot = directory }
                else if let directory = value("-resource-dir", argument) { resourceDirectory = directory }
                else if let name = value("-target", argument) ?? value("--target", argument) { triple = name }
                else if let directory = value("-I", argument) { user.append(directory) }
            }
            index += 1
        }
        angled = user + system
        if builtin, let resourceDirectory { angled.append(resourceDirectory + "/include") }
        if standard {
            angled.append(sysroot + "/usr/local/include")
            if let triple { angled.append(sysroot + "/usr/include/" + triple) }
            angled.append(sysroot + "/usr/include")
        }
        angled += after
    }

    /// Every file an include could name, in search order; the caller keeps those that exist.
    /// All are checked, not only the first, so a search order that differs from clang's
    /// in some corner cannot let an unchecked file through.
    func candidates(for operand: SourceDirectives.IncludeOperand, includingDirectory: String?) -> [String] {
        let name: String
        let directories: [String]
        let own = includingDirectory.map { [$0] } ?? []
        switch operand {
        case let .quoted(text):
            name = text
            directories = own + quoted + angled
        case let .angled(text):
            // When `<name>` is not found, clang reports it and includes `"name"` anyway.
            name = text
            directories = angled + own + quoted
        case .macro:
            return []
        }
        let trimmed = name.trimmingCharacters(in: CharacterSet.alphanumerics.inverted)
        let names = !spellChecking || trimmed.isEmpty || trimmed == name ? [name] : [name, trimmed]
        return names.flatMap { name in name.hasPrefix("/") ? [name] : directories.map { real($0 + "/" + name) } }
    }

    /// Where clang finds `path` through the overlay: under a virtual directory, at its real
    /// place; elsewhere under the overlay's roots, nowhere (clang sees nothing else there).
    private func real(_ path: String) -> String {
        guard !virtualDirectories.isEmpty, path.hasPrefix(virtualRoot) else { return path }
        // clang removes `..` before it looks in the overlay (`<asm/../asm-generic/x.h>`).
        let path = HeaderNamer.normalize(path)
        for (virtual, real) in virtualDirectories where path.hasPrefix(virtual) {
            return real + path.dropFirst(virtual.count)
        }
        return path
    }

    private static func commonPrefix(_ paths: [String]) -> String {
        guard var prefix = paths.first else { return "" }
        for path in paths.dropFirst() {
            while !path.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
