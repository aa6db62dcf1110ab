/* Debian's libgit2 is built with mbedTLS and a compiled-in CA bundle, which it parses in
 * git_libgit2_init(): about 50 million instructions (4-5 ms) before any command can read an
 * archive, though only https remotes ever need the certificates. These definitions take the
 * place of mbedTLS's two loaders (the executable's symbols come first in the dynamic
 * linker's search order, and libgit2 calls them through its PLT); while deferral is on they
 * note what was asked for and load nothing; otherwise they pass the call on to mbedTLS's own
 * functions. GitStore turns deferral on around git_libgit2_init() and, before the first
 * network operation, asks libgit2 to load the noted bundle (GIT_OPT_SET_SSL_CERT_LOCATIONS),
 * which comes back here with deferral off. A libgit2 built with another TLS library never
 * calls these, and nothing is deferred. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "certificate_deferral.h"

typedef int (*loader)(void *chain, const char *path);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int deferring = 0;
static char *deferred_file = NULL;
static char *deferred_path = NULL;
static int loaded = 0;

void writethru_certificates_defer(int on) {
    pthread_mutex_lock(&lock);
    deferring = on;
    pthread_mutex_unlock(&lock);
}

const char *writethru_certificates_deferred_file(void) { return deferred_file; }
const char *writethru_certificates_deferred_path(void) { return deferred_path; }

int writethru_certificates_loaded(void) {
    pthread_mutex_lock(&lock);
    int count = loaded;
    pthread_mutex_unlock(&lock);
    return count;
}

/* Notes `path` in `slot` and returns 1 while deferring; else counts a real load, returns 0. */
static int defer(char **slot, const char *path) {
    pthread_mutex_lock(&lock);
    int deferred = deferring;
    if (deferred) {
        free(*slot);
        *slot = path ? strdup(path) : NULL;
    } else {
        loaded += 1;
    }
    pthread_mutex_unlock(&lock);
    return deferred;
}

#ifdef WRITETHRU_WRAP_MBEDTLS
/* A release build links mbedTLS statically; the linker's --wrap sends libgit2's calls here and
 * names mbedTLS's own functions __real_... (Package.swift, decision 0019). */
int __real_mbedtls_x509_crt_parse_file(void *chain, const char *path);
int __real_mbedtls_x509_crt_parse_path(void *chain, const char *path);

int __wrap_mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    if (defer(&deferred_file, path)) return 0;
    return __real_mbedtls_x509_crt_parse_file(chain, path);
}

int __wrap_mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    if (defer(&deferred_path, path)) return 0;
    return __real_mbedtls_x509_crt_parse_path(chain, path);
}
#else
static int pass_on(const char *name, void *chain, const char *path) {
    loader real = (loader)dlsym(RTLD_NEXT, name);
    /* MBEDTLS_ERR_X509_FILE_IO_ERROR: what mbedTLS says when it cannot read the bundle. */
    return real ? real(chain, path) : -0x2900;
}

__attribute__((visibility("default"), used))
int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    if (defer(&deferred_file, path)) return 0;
    return pass_on("mbedtls_x509_crt_parse_file", chain, path);
}

__attribute__((visibility("default"), used))
int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    if (defer(&deferred_path, path)) return 0;
    return pass_on("mbedtls_x509_crt_parse_path", chain, path);
}
#endif
