#ifndef WRITETHRU_CLAZYLOADING_H
#define WRITETHRU_CLAZYLOADING_H

#include <stddef.h>

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

/// Copies `message` into `destination` (at most `size` bytes, NUL-terminated; nothing when
/// `destination` is NULL or `size` is 0).
void wt_lazy_message(char *destination, size_t size, const char *message);

#endif
