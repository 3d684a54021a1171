#ifndef UAPI_CCLANG_H
#define UAPI_CCLANG_H

// Debian's libclang C API. uapi does not link libclang: ClangLoader.c opens it on
// the first call into it, so that commands that only read snapshots (diff, check of
// two JSON files, a warm cache) neither pay its 25 ms of loading nor need it installed.
#include <clang-c/Index.h>

/// Opens libclang if it is not open yet. NULL once it is open; otherwise why it could not
/// be (every file tried, with the loader's reason), to report before any call into it.
const char *uapi_clang_load_error(void);

/// The LLVM installation this uapi was built against (`/usr/lib/llvm-14`).
const char *uapi_clang_llvm_directory(void);

/// The libclang files uapi may open, best first, separated by ':' (the tests replace
/// them with the environment variable UAPI_TEST_LIBCLANG).
const char *uapi_clang_library_candidates(void);

#endif
