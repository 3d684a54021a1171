// Opens Debian's libclang on first use and forwards each libclang function uapi calls
// to it (the list is ClangTrampolines.inc). Built with -fvisibility=hidden: these
// definitions are uapi's own and never stand in for libclang's in other libraries.
#include "CClang.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef UAPI_LLVM_DIRECTORY
#error "UAPI_LLVM_DIRECTORY is set by Package.swift"
#endif
#ifndef UAPI_LIBCLANG_CANDIDATES
#error "UAPI_LIBCLANG_CANDIDATES is set by Package.swift"
#endif

static void *library;
static char failure[2048];
static pthread_once_t loading = PTHREAD_ONCE_INIT;

static void load(void) {
    char *candidates = strdup(uapi_clang_library_candidates());
    if (!candidates) {
        snprintf(failure, sizeof failure, "cannot load libclang: out of memory");
        return;
    }
    int written = snprintf(failure, sizeof failure, "cannot load libclang:");
    char *rest = candidates;
    for (char *path = strsep(&rest, ":"); path; path = strsep(&rest, ":")) {
        if (*path == '\0') continue;
        library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (library) break;
        const char *reason = dlerror();
        if (written >= 0 && (size_t)written < sizeof failure) {
            written += snprintf(failure + written, sizeof failure - (size_t)written, " %s (%s);", path, reason ? reason : "not loadable");
        }
    }
    free(candidates);
    if (library) return;
    if (written >= 0 && (size_t)written < sizeof failure) {
        snprintf(failure + written, sizeof failure - (size_t)written,
                 " install it with: apt-get install -y libclang-dev (uapi was built against %s)", UAPI_LLVM_DIRECTORY);
    }
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

// Swift checks uapi_clang_load_error before parsing; this is the last resort for a
// call that comes first anyway: say why and stop, rather than call through NULL.
static void *resolve(const char *name) {
    const char *error = uapi_clang_load_error();
    if (error) {
        fprintf(stderr, "uapi: error: %s\n", error);
        exit(2);
    }
    void *symbol = dlsym(library, name);
    if (!symbol) {
        fprintf(stderr, "uapi: error: the libclang loaded has no %s; install the libclang uapi was built against (%s)\n",
                name, UAPI_LLVM_DIRECTORY);
        exit(2);
    }
    return symbol;
}

// Each forwarder finds its function once; threads that race store the same pointer.
#define LIBCLANG_FORWARDER(result, name, parameters)                                   \
    static result (*name##_loaded(void)) parameters {                                  \
        static result (*function) parameters;                                          \
        result (*found) parameters = __atomic_load_n(&function, __ATOMIC_ACQUIRE);     \
        if (!found) {                                                                  \
            found = (result (*) parameters)resolve(#name);                             \
            __atomic_store_n(&function, found, __ATOMIC_RELEASE);                      \
        }                                                                              \
        return found;                                                                  \
    }
#define LIBCLANG_FUNCTION(result, name, parameters, arguments) \
    LIBCLANG_FORWARDER(result, name, parameters)               \
    result name parameters { return name##_loaded() arguments; }
#define LIBCLANG_PROCEDURE(result, name, parameters, arguments) \
    LIBCLANG_FORWARDER(result, name, parameters)                \
    result name parameters { name##_loaded() arguments; }

#include "ClangTrampolines.inc"
