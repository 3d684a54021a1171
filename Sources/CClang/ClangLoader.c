// Opens Debian's libclang on first use and forwards each libclang function uapi calls
// to it (the list is ClangTrampolines.inc). Built with -fvisibility=hidden: these
// definitions are uapi's own and never stand in for libclang's in other libraries.
#include "CClang.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef UAPI_LLVM_DIRECTORY
#error "UAPI_LLVM_DIRECTORY is set by Package.swift"
#endif
#ifndef UAPI_LIBCLANG_CANDIDATES
#error "UAPI_LIBCLANG_CANDIDATES is set by Package.swift"
#endif
#ifndef UAPI_LIBCLANG_PACKAGE
#error "UAPI_LIBCLANG_PACKAGE is set by Package.swift"
#endif

// One pointer per function, filled by load() before anyone can call through it.
#define LIBCLANG_FUNCTION(result, name, parameters, arguments) static result (*name##_pointer) parameters;
#define LIBCLANG_PROCEDURE LIBCLANG_FUNCTION
#include "ClangTrampolines.inc"
#undef LIBCLANG_FUNCTION
#undef LIBCLANG_PROCEDURE

static void *library;
static char failure[2048];
static size_t failureLength;
static pthread_once_t loading = PTHREAD_ONCE_INIT;

static void explain(const char *format, ...) {
    if (failureLength >= sizeof failure) return;
    va_list arguments;
    va_start(arguments, format);
    int written = vsnprintf(failure + failureLength, sizeof failure - failureLength, format, arguments);
    va_end(arguments);
    if (written > 0) failureLength += (size_t)written;
}

// Every function is looked up here, once: a libclang without one of them is not loaded.
static int resolveAll(void) {
#define LIBCLANG_FUNCTION(result, name, parameters, arguments)                          \
    name##_pointer = (result (*) parameters)dlsym(library, #name);                     \
    if (!name##_pointer) {                                                             \
        explain("the libclang loaded has no %s", #name);                               \
        return 0;                                                                      \
    }
#define LIBCLANG_PROCEDURE LIBCLANG_FUNCTION
#include "ClangTrampolines.inc"
#undef LIBCLANG_FUNCTION
#undef LIBCLANG_PROCEDURE
    return 1;
}

static void load(void) {
    char *candidates = strdup(uapi_clang_library_candidates());
    if (!candidates) {
        explain("cannot load libclang: out of memory");
        return;
    }
    explain("cannot load libclang:");
    char *rest = candidates;
    for (char *path = strsep(&rest, ":"); path; path = strsep(&rest, ":")) {
        if (*path == '\0') continue;
        library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (library) break;
        const char *reason = dlerror();  // names the file
        explain(" %s;", reason ? reason : path);
    }
    free(candidates);
    if (library) {
        failureLength = 0;
        if (!resolveAll()) {
            explain(" (uapi was built against %s); install %s", UAPI_LLVM_DIRECTORY, UAPI_LIBCLANG_PACKAGE);
            dlclose(library);
            library = NULL;
        }
        return;
    }
    // Cut the list of files short rather than the advice.
    char advice[256];
    snprintf(advice, sizeof advice, " install it with: apt-get install -y %s (uapi was built against %s)",
             UAPI_LIBCLANG_PACKAGE, UAPI_LLVM_DIRECTORY);
    if (failureLength + strlen(advice) >= sizeof failure) failureLength = sizeof failure - strlen(advice) - 1;
    failure[failureLength] = '\0';
    explain("%s", advice);
}

const char *uapi_clang_load_error(void) {
    pthread_once(&loading, load);
    return library ? NULL : failure;
}

const char *uapi_clang_llvm_directory(void) { return UAPI_LLVM_DIRECTORY; }

// UAPI_TEST_LIBCLANG replaces the list, for the tests of a machine without libclang.
const char *uapi_clang_library_candidates(void) {
    const char *replaced = getenv("UAPI_TEST_LIBCLANG");
    return replaced ? replaced : UAPI_LIBCLANG_CANDIDATES;
}

// Swift opens libclang (ClangLibrary.load) before its first call into it; a call that
// came first anyway is a bug: say why and stop at once, without running exit handlers
// beside workers that may be inside libclang.
static void ensureLoaded(void) {
    const char *error = uapi_clang_load_error();
    if (error) {
        fprintf(stderr, "uapi: error: %s\n", error);
        _exit(2);
    }
}

#define LIBCLANG_FUNCTION(result, name, parameters, arguments) \
    result name parameters {                                   \
        ensureLoaded();                                        \
        return name##_pointer arguments;                       \
    }
#define LIBCLANG_PROCEDURE(result, name, parameters, arguments) \
    result name parameters {                                    \
        ensureLoaded();                                         \
        name##_pointer arguments;                               \
    }
#include "ClangTrampolines.inc"
