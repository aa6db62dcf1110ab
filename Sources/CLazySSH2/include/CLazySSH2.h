#ifndef WRITETHRU_CLAZYSSH2_H
#define WRITETHRU_CLAZYSSH2_H

/// CLazySSH2 defines the 37 libssh2 functions libgit2 calls and forwards each to libssh2.so.1,
/// which it opens with dlopen() on the first call that needs it, once per process. In the release
/// (which links libgit2 statically) no libssh2 and no libcrypto are loaded at start-up, and the
/// libssh2_init() of git_libgit2_init() costs nothing until an ssh remote is used
/// (docs/decisions/0045-libraries-loaded-when-first-used.md). The forwarders are declared by
/// <libssh2.h>.

/// 1 once libssh2.so.1 has been loaded by a forwarder, else 0. Thread-safe.
int wt_ssh2_loaded(void);

/// Whether the library named `soname` opens and has every function the forwarders need: 1 if so;
/// otherwise 0, with the reason copied into `why` (at most `size` bytes, NUL-terminated when
/// size > 0). It does not keep the library open: for tests. Thread-safe.
int wt_ssh2_probe(const char *soname, char *why, unsigned long size);

#endif
