/* The rest of libgit2's mbedTLS set-up, deferred like its certificates (decision 0045): in the
 * release, which links libgit2 statically, the linker's --wrap sends libgit2's calls into its
 * mbedTLS stream (mbedtls.c) here. git_libgit2_init() calls git_mbedtls_stream_global_init(),
 * which seeds a random generator from mbedTLS's HAVEGE entropy source and sets up a TLS
 * configuration, about 1.3 million instructions in every command though only https remotes use
 * them; while deferral is on that call is only noted. Every other way into that file (a TLS
 * stream, a stream wrapped around a proxy connection, the certificate locations option) runs the
 * noted set-up first, and GitStore runs it before the first network operation (with certificate
 * deferral on, so the bundle is noted and then loaded as decision 0016 says). Builds that link
 * the shared libgit2 cannot reach its internal functions and set up TLS in git_libgit2_init(). */
#include <pthread.h>

#include "certificate_deferral.h"

#ifdef WRITETHRU_WRAP_MBEDTLS
int __real_git_mbedtls_stream_global_init(void);
int __real_git_mbedtls__set_cert_location(const char *file, const char *path);
int __real_git_mbedtls_stream_new(void **out, const char *host, const char *port);
int __real_git_mbedtls_stream_wrap(void **out, void *in, const char *host);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int deferring = 0;
static int pending = 0;
static int result = 0;

void writethru_tls_defer(int on) {
    pthread_mutex_lock(&lock);
    deferring = on;
    pthread_mutex_unlock(&lock);
}

int writethru_tls_set_up(void) {
    pthread_mutex_lock(&lock);
    if (pending) {
        pending = 0;
        result = __real_git_mbedtls_stream_global_init();
    }
    int answer = result;
    pthread_mutex_unlock(&lock);
    return answer;
}

int writethru_tls_pending(void) {
    pthread_mutex_lock(&lock);
    int answer = pending;
    pthread_mutex_unlock(&lock);
    return answer;
}

int __wrap_git_mbedtls_stream_global_init(void) {
    pthread_mutex_lock(&lock);
    int later = deferring;
    if (later) pending = 1;
    pthread_mutex_unlock(&lock);
    return later ? 0 : __real_git_mbedtls_stream_global_init();
}

int __wrap_git_mbedtls__set_cert_location(const char *file, const char *path) {
    int status = writethru_tls_set_up();
    return status < 0 ? status : __real_git_mbedtls__set_cert_location(file, path);
}

int __wrap_git_mbedtls_stream_new(void **out, const char *host, const char *port) {
    int status = writethru_tls_set_up();
    return status < 0 ? status : __real_git_mbedtls_stream_new(out, host, port);
}

int __wrap_git_mbedtls_stream_wrap(void **out, void *in, const char *host) {
    int status = writethru_tls_set_up();
    return status < 0 ? status : __real_git_mbedtls_stream_wrap(out, in, host);
}
#else
void writethru_tls_defer(int on) { (void)on; }
int writethru_tls_set_up(void) { return 0; }
int writethru_tls_pending(void) { return 0; }
#endif
