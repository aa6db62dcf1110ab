#ifndef WRITETHRU_CLAZYCURL_H
#define WRITETHRU_CLAZYCURL_H

#include <stddef.h>

/// CLazyCurl defines the 23 libcurl functions FoundationNetworking calls (curl_easy_*, curl_multi_*,
/// curl_slist_*, curl_url*, curl_version*, curl_global_init, curl_free) and forwards each to
/// libcurl.so.4, which it opens with dlopen() on the first call, once per process (pthread_once).
/// An executable linked with it has no libcurl among its shared libraries, so a command that never
/// fetches never loads libcurl and the ~30 libraries it needs (docs/decisions/0043-http-client.md).
/// This header declares only what Swift calls; the forwarders are declared by <curl/curl.h>.

/// Whether libcurl.so.4 could be opened and has every function the forwarders need: 1 if so;
/// otherwise 0, with the reason (dlopen's message, or the missing function) copied into `why`
/// (at most `size` bytes, always NUL-terminated when size > 0). Loads libcurl on the first call;
/// the answer never changes afterwards. Thread-safe.
int wt_curl_available(char *why, size_t size);

/// The same check for the library named `soname`, without keeping it open and without touching
/// what wt_curl_available has loaded: for tests of the failure message. Thread-safe.
int wt_curl_probe(const char *soname, char *why, size_t size);

#endif
