#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for SHA-1 (git object ids) and SHA-256 (content hashes). libgit2 on
 * Debian already loads it (through Kerberos), so it costs no extra library at start-up
 * (docs/decisions/0015). Digest.swift calls the low-level SHA1_ and SHA256_ functions, which
 * OpenSSL 3 marks deprecated but keeps: the one-shot SHA1() and SHA256() go through EVP, whose
 * first use loads the default provider, 4.4 million instructions, a twelfth of one `record`
 * (docs/decisions/0021). The suppression is for those declarations only. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
