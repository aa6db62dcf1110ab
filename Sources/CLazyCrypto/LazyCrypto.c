// SHA-1 and SHA-256 from libcrypto.so.3, loaded on the first hash (see include/CLazyCrypto.h).
//
// The functions are called through pointers typed by their declarations in <openssl/sha.h>, found
// with dlsym() on the handle dlopen() returned; nothing here is named like a libcrypto function,
// so nothing else in the process (libssh2, when an ssh remote loads it) is routed through this file.

/* OpenSSL 3 marks the low-level SHA functions deprecated but keeps them; the one-shots go
 * through EVP and load the default provider (decision 0021). */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <mbedtls/sha256.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "CLazyLoading.h"
#include "CLazyCrypto.h"

/// Every function used, in one list: X(name).
#define WT_CRYPTO_FUNCTIONS(X) \
    X(SHA1_Init) X(SHA1_Update) X(SHA1_Final) X(SHA256_Init) X(SHA256_Update) X(SHA256_Final)

/// `real`, `names` and `openLibcrypto` (CLazyLoading.h).
WT_LAZY_LIBRARY(WT_CRYPTO_FUNCTIONS, openLibcrypto)

static const char *const sonameOfLibcrypto = "libcrypto.so.3";
/// How many bytes of SHA-256 a process hashes with mbedTLS before it opens libcrypto.
static const size_t mbedtlsShare = 1 << 20;
static pthread_once_t loadOnce = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char loadError[512];

static void loadLibcrypto(void) {
    __atomic_store_n(&loaded, openLibcrypto(sonameOfLibcrypto, 1, loadError, sizeof loadError), __ATOMIC_RELEASE);
}

/// Loads libcrypto on the first call (the others wait for it); ends the process with 69 when it
/// cannot be loaded.
static void require(void) {
    pthread_once(&loadOnce, loadLibcrypto);
    if (loaded) return;
    fprintf(stderr, "writethru: cannot compute hashes: %s\n", loadError);
    fflush(stderr);
    _exit(69);
}

void wt_sha1(const void *bytes, size_t count, unsigned char *digest) {
    require();
    SHA_CTX context;
    real.SHA1_Init(&context);
    real.SHA1_Update(&context, bytes, count);
    real.SHA1_Final(digest, &context);
}

void wt_sha256_libcrypto(const void *bytes, size_t count, unsigned char *digest) {
    require();
    SHA256_CTX context;
    real.SHA256_Init(&context);
    real.SHA256_Update(&context, bytes, count);
    real.SHA256_Final(digest, &context);
}

void wt_sha256_mbedtls(const void *bytes, size_t count, unsigned char *digest) {
    mbedtls_sha256_ret((const unsigned char *)bytes, count, digest, 0);
}

/// Bytes hashed by mbedTLS so far in this process.
static size_t mbedtlsBytes = 0;

void wt_sha256(const void *bytes, size_t count, unsigned char *digest) {
    // The first megabyte goes through mbedTLS, linked in already (libgit2's TLS library): one
    // `record` hashes two small inputs, and opening libcrypto for them would cost more than
    // the rest of its hashing. Past that (an import), libcrypto's SHA instructions are about
    // six times faster (929 against 146 MB/s on the development machine).
    if (count < mbedtlsShare && !__atomic_load_n(&loaded, __ATOMIC_ACQUIRE)) {
        size_t before = __atomic_fetch_add(&mbedtlsBytes, count, __ATOMIC_RELAXED);
        if (before + count <= mbedtlsShare) {
            wt_sha256_mbedtls(bytes, count, digest);
            return;
        }
    }
    wt_sha256_libcrypto(bytes, count, digest);
}

int wt_crypto_loaded(void) {
    return __atomic_load_n(&loaded, __ATOMIC_ACQUIRE);
}

int wt_crypto_probe(const char *soname, char *why, size_t size) {
    return openLibcrypto(soname, 0, why, size);
}
