#ifndef WRITETHRU_CLAZYCRYPTO_H
#define WRITETHRU_CLAZYCRYPTO_H

#include <stddef.h>

/// SHA-1 (git object ids) and SHA-256 (content hashes) from OpenSSL's libcrypto.so.3, opened
/// with dlopen() on the first hash, once per process, so that a command that hashes nothing
/// never loads libcrypto: it is bound at load time (BIND_NOW), about 4,200 symbol relocations,
/// a sixth of `writethru log` (docs/decisions/0045-libraries-loaded-when-first-used.md).
/// The low-level SHA1_ and SHA256_ functions are used, not the EVP one-shots (decision 0021).
///
/// When libcrypto.so.3 cannot be opened, the first hash prints one line naming the reason on
/// standard error and ends the process with exit status 69 (EX_UNAVAILABLE), as the dynamic
/// loader would have refused to start a program linked with it.

/// Writes the 20-byte SHA-1 of `count` bytes at `bytes` to `digest`.
void wt_sha1(const void *bytes, size_t count, unsigned char *digest);

/// Writes the 32-byte SHA-256 of `count` bytes at `bytes` to `digest`. A process's first
/// megabyte of SHA-256 is computed by mbedTLS (statically linked in the release, as libgit2's
/// TLS library), so a command that hashes only an input or two never opens libcrypto; the
/// rest by libcrypto. The digest is the same either way.
void wt_sha256(const void *bytes, size_t count, unsigned char *digest);

/// SHA-256 by each of the two libraries, for the tests that compare them.
void wt_sha256_mbedtls(const void *bytes, size_t count, unsigned char *digest);
void wt_sha256_libcrypto(const void *bytes, size_t count, unsigned char *digest);

/// 1 once libcrypto.so.3 has been loaded, else 0. Thread-safe.
int wt_crypto_loaded(void);

/// Whether the library named `soname` opens and has the six functions: 1 if so; otherwise 0,
/// with the reason copied into `why` (at most `size` bytes). It does not keep the library open:
/// for tests. Thread-safe.
int wt_crypto_probe(const char *soname, char *why, size_t size);

#endif
