// The libcurl forwarders behind FoundationNetworking (see include/CLazyCurl.h).
//
// Each forwarder calls the function of the same name in libcurl.so.4, found with dlsym() on the
// handle dlopen() returned, so it reaches libcurl's own definition even though this executable
// defines a function of that name too. When libcurl cannot be loaded the forwarders return
// libcurl's own failure values (CURLE_FAILED_INIT, CURLM_INTERNAL_ERROR, CURLUE_OUT_OF_MEMORY,
// NULL); Swift asks wt_curl_available() before it creates a URLSession, so they are not reached.
//
// The variadic three (curl_easy_setopt, curl_easy_getinfo, curl_multi_setopt) take exactly one
// argument after the option, a long, a curl_off_t, a pointer or a function pointer by libcurl's
// contract. On LP64 (x86_64, aarch64 Linux) each of those is one 64-bit slot passed the same way,
// so the forwarder reads it as a void * and passes those 64 bits on as the real function's third
// argument: the real function's va_arg then reads exactly what the caller passed. libcurl has no
// option that takes a double, which would travel in another register. Not for ILP32 or Windows.

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "CLazyLoading.h"
#include "CLazyCurl.h"

_Static_assert(sizeof(void *) == sizeof(long) && sizeof(void *) == sizeof(curl_off_t),
               "the variadic forwarders assume LP64: one 64-bit slot per argument");

/// Every function forwarded, in one list: X(name).
#define WT_CURL_FUNCTIONS(X) \
    X(curl_easy_cleanup) X(curl_easy_getinfo) X(curl_easy_init) X(curl_easy_pause) \
    X(curl_easy_setopt) X(curl_easy_strerror) X(curl_free) X(curl_global_init) \
    X(curl_multi_add_handle) X(curl_multi_assign) X(curl_multi_cleanup) X(curl_multi_info_read) \
    X(curl_multi_init) X(curl_multi_remove_handle) X(curl_multi_setopt) X(curl_multi_socket_action) \
    X(curl_slist_append) X(curl_slist_free_all) X(curl_url) X(curl_url_get) X(curl_url_set) \
    X(curl_version) X(curl_version_info)

/// `real`, `names` and `openLibcurl` (CLazyLoading.h).
WT_LAZY_LIBRARY(WT_CURL_FUNCTIONS, openLibcurl)

static const char *const sonameOfLibcurl = "libcurl.so.4";
static pthread_once_t loadOnce = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char loadError[512];

static void loadLibcurl(void) {
    loaded = openLibcurl(sonameOfLibcurl, 1, loadError, sizeof loadError);
}

/// 1 once the real functions are resolved; the first caller loads them, the others wait for it.
static int ready(void) {
    pthread_once(&loadOnce, loadLibcurl);
    return loaded;
}

int wt_curl_available(char *why, size_t size) {
    if (ready()) return 1;
    wt_lazy_message(why, size, loadError);
    return 0;
}

int wt_curl_probe(const char *soname, char *why, size_t size) {
    return openLibcurl(soname, 0, why, size);
}

// The forwarders, in the order of WT_CURL_FUNCTIONS.

void curl_easy_cleanup(CURL *curl) {
    if (ready()) real.curl_easy_cleanup(curl);
}

CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...) {
    va_list arguments;
    va_start(arguments, info);
    void *argument = va_arg(arguments, void *);
    va_end(arguments);
    return ready() ? real.curl_easy_getinfo(curl, info, argument) : CURLE_FAILED_INIT;
}

CURL *curl_easy_init(void) {
    return ready() ? real.curl_easy_init() : NULL;
}

CURLcode curl_easy_pause(CURL *handle, int bitmask) {
    return ready() ? real.curl_easy_pause(handle, bitmask) : CURLE_FAILED_INIT;
}

CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...) {
    va_list arguments;
    va_start(arguments, option);
    void *argument = va_arg(arguments, void *);
    va_end(arguments);
    return ready() ? real.curl_easy_setopt(curl, option, argument) : CURLE_FAILED_INIT;
}

const char *curl_easy_strerror(CURLcode code) {
    return ready() ? real.curl_easy_strerror(code) : "libcurl is not loaded";
}

void curl_free(void *pointer) {
    if (ready()) real.curl_free(pointer);
}

CURLcode curl_global_init(long flags) {
    return ready() ? real.curl_global_init(flags) : CURLE_FAILED_INIT;
}

CURLMcode curl_multi_add_handle(CURLM *multi, CURL *easy) {
    return ready() ? real.curl_multi_add_handle(multi, easy) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_assign(CURLM *multi, curl_socket_t socket, void *pointer) {
    return ready() ? real.curl_multi_assign(multi, socket, pointer) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_cleanup(CURLM *multi) {
    return ready() ? real.curl_multi_cleanup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMsg *curl_multi_info_read(CURLM *multi, int *messagesInQueue) {
    return ready() ? real.curl_multi_info_read(multi, messagesInQueue) : NULL;
}

CURLM *curl_multi_init(void) {
    return ready() ? real.curl_multi_init() : NULL;
}

CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *easy) {
    return ready() ? real.curl_multi_remove_handle(multi, easy) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...) {
    va_list arguments;
    va_start(arguments, option);
    void *argument = va_arg(arguments, void *);
    va_end(arguments);
    return ready() ? real.curl_multi_setopt(multi, option, argument) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int events, int *running) {
    return ready() ? real.curl_multi_socket_action(multi, socket, events, running) : CURLM_INTERNAL_ERROR;
}

struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data) {
    return ready() ? real.curl_slist_append(list, data) : NULL;
}

void curl_slist_free_all(struct curl_slist *list) {
    if (ready()) real.curl_slist_free_all(list);
}

CURLU *curl_url(void) {
    return ready() ? real.curl_url() : NULL;
}

CURLUcode curl_url_get(CURLU *url, CURLUPart part, char **value, unsigned int flags) {
    return ready() ? real.curl_url_get(url, part, value, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU *url, CURLUPart part, const char *value, unsigned int flags) {
    return ready() ? real.curl_url_set(url, part, value, flags) : CURLUE_OUT_OF_MEMORY;
}

char *curl_version(void) {
    return ready() ? real.curl_version() : NULL;
}

curl_version_info_data *curl_version_info(CURLversion age) {
    return ready() ? real.curl_version_info(age) : NULL;
}
