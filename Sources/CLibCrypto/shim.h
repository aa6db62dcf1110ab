#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for SHA-1 (git object ids) and SHA-256 (content hashes). libgit2 on
 * Debian already loads it (through Kerberos), so it costs no extra library at start-up
 * (docs/decisions/0015). The one-shot functions are not deprecated in OpenSSL 3. */
#include <openssl/sha.h>
#endif
