import ArgumentParser

/// Checks of option values that ArgumentParser's types cannot express, each naming the
/// option and what it takes.
enum ArgumentChecks {
    /// `--jobs N`: a whole number of at least 1 (`--jobs -1` reaches here too: the option
    /// takes its value unconditionally, so a negative number is not taken for a flag).
    static func jobs(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else {
            throw ValidationError("give a number of worker threads of at least 1")
        }
        return value
    }

    /// `-D NAME`, `-D NAME=VALUE` or `-D 'NAME(args)=BODY'`: NAME must be a C identifier.
    static func define(_ text: String) throws -> String {
        let name = text.prefix { $0 != "=" && $0 != "(" }
        guard let first = name.first, first == "_" || first.isASCII && first.isLetter,
              name.allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ValidationError("a definition is NAME or NAME=VALUE, with NAME a C identifier (letters, digits and _, not starting with a digit)")
        }
        return text
    }
}
