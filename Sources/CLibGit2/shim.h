#ifndef CLIBGIT2_SHIM_H
#define CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/commit.h>
#include <git2/sys/mempack.h>
#include <git2/sys/repository.h>
/* zlib: libgit2-dev depends on zlib1g-dev, so the header is always there. */
#include <zlib.h>

/* git_libgit2_opts() is C-variadic, which Swift cannot call: one wrapper per option used. */
static inline int cgit2_set_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
static inline int cgit2_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
static inline int cgit2_set_mwindow_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, bytes);
}
static inline int cgit2_set_mwindow_mapped_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, bytes);
}
static inline size_t cgit2_mwindow_mapped_limit(void) {
    size_t bytes = 0;
    git_libgit2_opts(GIT_OPT_GET_MWINDOW_MAPPED_LIMIT, &bytes);
    return bytes;
}
static inline int cgit2_set_cache_max_size(ssize_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, bytes);
}
static inline ssize_t cgit2_cache_max_size(void) {
    ssize_t current = 0, allowed = 0;
    git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, &current, &allowed);
    return allowed;
}
#endif
