import UAPIDiff

extension ChangeCategory {
    /// One line on what the category means, for rule lists (SARIF) and help.
    public var summary: String {
        switch self {
        case .removed: return "An item a user-space program may use is gone."
        case .added: return "A new item: existing programs are unaffected."
        case .renamed: return "The same value or layout under a new name: binaries keep working, sources using the old name do not build."
        case .valueChanged: return "A constant or enumerator kept its name and changed its value."
        case .kindChanged: return "A name changed what it is (a macro became an enumerator, a struct a union)."
        case .typeChanged: return "A field, typedef or constant changed its type."
        case .layoutDrift: return "Size, alignment, offset, bit-field or packing changed: old binaries read the wrong bytes."
        case .ioctlChanged: return "An ioctl request number, direction, size or argument type changed."
        case .tailExtension: return "A record grew by fields appended at its end (compatible only for extensible structs such as VFIO's argsz ones)."
        case .reservedUsed: return "A reserved or padding field was given a meaning; the layout is unchanged."
        case .sentinelChanged: return "A sentinel enumerator (*_MAX, *_NUM) moved because entries were added."
        case .spellingChanged: return "A type is spelled differently with the same meaning (u32 / __u32 / uint32_t, a struct renamed with the same layout)."
        case .macroChanged: return "A function-like or non-constant macro changed its text."
        case .flexibleArray: return "A zero- or one-element array became a flexible array member ([0] -> []), or the reverse, at the same place."
        case .redefined: return "A name keeps its value but is defined another way (a macro became an enumerator or the reverse, an enumerator moved to another enum): #ifdef tests and enum types see it change."
        case .contextChanged: return "A macro with the same text now evaluates to a constant, or no longer does: what its header includes changed, not its value."
        case .moved: return "The same definition now lives in another header of the set."
        case .suffixChanged: return "A constant keeps its value and only its C type changed (a U suffix, a cast): binaries see the same number."
        case .constAdded: return "A function's pointer parameter now points to const (char * -> const char *): every caller compiles and links as before."
        case .kernelInternal: return "A kernel-internal feature switch (__ARCH_WANT_*) came or went: only the kernel's build tests it."
        }
    }
}
