#ifndef WRITETHRU_CLAZYLOADING_H
#define WRITETHRU_CLAZYLOADING_H

#include <stddef.h>
#include <string.h>

/// What the libraries Writethru opens on first use share (CLazyCurl, CLazyXML2, CLazySSH2,
/// CLazyCrypto; decisions 0043 and 0045): opening one and resolving its functions by name.

/// Opens `soname` with dlopen(RTLD_NOW | RTLD_LOCAL) and resolves the `count` functions named in
/// `names` into `symbols`, in order, with dlsym() on that handle (so a function of the same name
/// defined by the executable is not what is found). 1 on success. Otherwise 0, with the reason
/// in `why` (at most `size` bytes, NUL-terminated when size > 0): dlopen's message, or
/// "<soname> has no <name>" for the first function missing; the library is closed again. The
/// handle stays open on success only when `keep` is set (a probe closes it). Thread-safe.
int wt_lazy_open(const char *soname, const char *const *names, size_t count, void **symbols, int keep,
                 char *why, size_t size);

/// Declares what a library opened on first use needs, for a list macro `LIST(X)` that applies `X`
/// to each function's name: `real`, a struct of pointers typed by the functions' own declarations
/// (so a call through one with the wrong arguments does not compile); `names`, their names in the
/// same order; and `static int OPEN(const char *soname, int keep, char *why, size_t size)`,
/// which opens the library with `wt_lazy_open` and, when `keep` is set and it succeeds, fills in
/// `real` and keeps the library open (1 on success, else 0 with the reason in `why`).
#define WT_LAZY_FIELD(name) __typeof__(&name) name;
#define WT_LAZY_NAME(name) #name,
#define WT_LAZY_LIBRARY(LIST, OPEN) \
    static struct { LIST(WT_LAZY_FIELD) } real; \
    static const char *const names[] = { LIST(WT_LAZY_NAME) }; \
    _Static_assert(sizeof real == sizeof names / sizeof *names * sizeof(void *), \
                   "one pointer-sized field a function, in the order of the names"); \
    static int OPEN(const char *soname, int keep, char *why, size_t size) { \
        void *symbols[sizeof names / sizeof *names]; \
        if (!wt_lazy_open(soname, names, sizeof names / sizeof *names, symbols, keep, why, size)) return 0; \
        if (keep) memcpy(&real, symbols, sizeof real); \
        return 1; \
    }

/// Copies `message` into `destination` (at most `size` bytes, NUL-terminated; nothing when
/// `destination` is NULL or `size` is 0).
void wt_lazy_message(char *destination, size_t size, const char *message);

#endif
