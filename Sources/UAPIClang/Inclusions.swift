import CClang

extension TranslationUnit {
    /// Every file the preprocessor entered, main file included, each once, in first-seen order.
    package var includedFiles: [String] {
        var files: [String] = []
        withUnsafeMutablePointer(to: &files) { pointer in
            clang_getInclusions(raw, { file, _, _, data in
                guard let file else { return }
                data!.assumingMemoryBound(to: [String].self).pointee.append(consume(clang_getFileName(file)))
            }, pointer)
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }
}
