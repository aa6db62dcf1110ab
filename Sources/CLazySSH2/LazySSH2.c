// The libssh2 forwarders behind libgit2's ssh transport (see include/CLazySSH2.h).
//
// Each forwarder calls the function of the same name in libssh2.so.1, found with dlsym() on the
// handle dlopen() returned. libgit2 calls libssh2_init() from git_libgit2_init(), in every
// command: that call only notes its flags, and the first other call loads the library and makes
// it, before it is passed on. When the library cannot be loaded, one warning line says why and
// the forwarders return libssh2's failure values (-1, NULL), which libgit2 reports as an ssh
// error; nothing else uses ssh.
//
// The forwarders were written from the declarations in <libssh2.h> (libssh2 1.10, Debian 12), which
// this file includes, so a forwarder whose signature differed from its declaration would not
// compile; the list is every libssh2 function libgit2 1.5 calls (`nm -u libgit2.a`).

#include <libssh2.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "CLazyLoading.h"
#include "CLazySSH2.h"

/// Every function forwarded, in one list: X(name).
#define WT_SSH2_FUNCTIONS(X) \
    X(libssh2_agent_connect) X(libssh2_agent_disconnect) X(libssh2_agent_free) \
    X(libssh2_agent_get_identity) X(libssh2_agent_init) X(libssh2_agent_list_identities) \
    X(libssh2_agent_userauth) X(libssh2_channel_close) X(libssh2_channel_free) \
    X(libssh2_channel_open_ex) X(libssh2_channel_process_startup) X(libssh2_channel_read_ex) \
    X(libssh2_channel_set_blocking) X(libssh2_channel_write_ex) X(libssh2_exit) \
    X(libssh2_hostkey_hash) X(libssh2_init) X(libssh2_knownhost_checkp) X(libssh2_knownhost_free) \
    X(libssh2_knownhost_init) X(libssh2_knownhost_readfile) X(libssh2_session_abstract) \
    X(libssh2_session_disconnect_ex) X(libssh2_session_free) X(libssh2_session_handshake) \
    X(libssh2_session_hostkey) X(libssh2_session_init_ex) X(libssh2_session_last_error) \
    X(libssh2_session_method_pref) X(libssh2_session_set_blocking) \
    X(libssh2_userauth_authenticated) X(libssh2_userauth_keyboard_interactive_ex) \
    X(libssh2_userauth_list) X(libssh2_userauth_password_ex) X(libssh2_userauth_publickey) \
    X(libssh2_userauth_publickey_fromfile_ex) X(libssh2_userauth_publickey_frommemory)

/// `real`, `names` and `openLibssh2` (CLazyLoading.h).
WT_LAZY_LIBRARY(WT_SSH2_FUNCTIONS, openLibssh2)

static const char *const sonameOfLibssh2 = "libssh2.so.1";
static pthread_once_t loadOnce = PTHREAD_ONCE_INIT;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded = 0;
/// Whether libssh2_init() was asked for before the library was loaded, and with which flags.
static int initPending = 0;
static int initFlags = 0;

static void loadLibssh2(void) {
    char why[512];
    int opened = openLibssh2(sonameOfLibssh2, 1, why, sizeof why);
    if (!opened) {
        fprintf(stderr, "writethru: warning: ssh remotes are unavailable: %s\n", why);
        return;
    }
    pthread_mutex_lock(&lock);
    loaded = 1;
    int pending = initPending;
    int flags = initFlags;
    initPending = 0;
    pthread_mutex_unlock(&lock);
    if (pending) real.libssh2_init(flags);
}

/// 1 once the real functions are resolved; the first caller loads them, the others wait for it.
static int ready(void) {
    pthread_once(&loadOnce, loadLibssh2);
    pthread_mutex_lock(&lock);
    int answer = loaded;
    pthread_mutex_unlock(&lock);
    return answer;
}

int wt_ssh2_loaded(void) {
    pthread_mutex_lock(&lock);
    int answer = loaded;
    pthread_mutex_unlock(&lock);
    return answer;
}

int wt_ssh2_probe(const char *soname, char *why, unsigned long size) {
    return openLibssh2(soname, 0, why, size);
}

// The two calls libgit2 makes whether or not it ever uses ssh.

int libssh2_init(int flags) {
    pthread_mutex_lock(&lock);
    int now = loaded;
    if (!now) {
        initPending = 1;
        initFlags = flags;
    }
    pthread_mutex_unlock(&lock);
    return now ? real.libssh2_init(flags) : 0;
}

void libssh2_exit(void) {
    pthread_mutex_lock(&lock);
    int now = loaded;
    if (!now) initPending = 0;
    pthread_mutex_unlock(&lock);
    if (now) real.libssh2_exit();
}

// The other forwarders, in the order of WT_SSH2_FUNCTIONS.

int libssh2_agent_connect(LIBSSH2_AGENT *agent) {
    if (!ready()) return -1;
    return real.libssh2_agent_connect(agent);
}

int libssh2_agent_disconnect(LIBSSH2_AGENT *agent) {
    if (!ready()) return -1;
    return real.libssh2_agent_disconnect(agent);
}

void libssh2_agent_free(LIBSSH2_AGENT *agent) {
    if (!ready()) return;
    real.libssh2_agent_free(agent);
}

int libssh2_agent_get_identity(LIBSSH2_AGENT *agent, struct libssh2_agent_publickey **store, struct libssh2_agent_publickey *prev) {
    if (!ready()) return -1;
    return real.libssh2_agent_get_identity(agent, store, prev);
}

LIBSSH2_AGENT *libssh2_agent_init(LIBSSH2_SESSION *session) {
    if (!ready()) return NULL;
    return real.libssh2_agent_init(session);
}

int libssh2_agent_list_identities(LIBSSH2_AGENT *agent) {
    if (!ready()) return -1;
    return real.libssh2_agent_list_identities(agent);
}

int libssh2_agent_userauth(LIBSSH2_AGENT *agent, const char *username, struct libssh2_agent_publickey *identity) {
    if (!ready()) return -1;
    return real.libssh2_agent_userauth(agent, username, identity);
}

int libssh2_channel_close(LIBSSH2_CHANNEL *channel) {
    if (!ready()) return -1;
    return real.libssh2_channel_close(channel);
}

int libssh2_channel_free(LIBSSH2_CHANNEL *channel) {
    if (!ready()) return -1;
    return real.libssh2_channel_free(channel);
}

LIBSSH2_CHANNEL *libssh2_channel_open_ex(LIBSSH2_SESSION *session, const char *channel_type, unsigned int channel_type_len, unsigned int window_size, unsigned int packet_size, const char *message, unsigned int message_len) {
    if (!ready()) return NULL;
    return real.libssh2_channel_open_ex(session, channel_type, channel_type_len, window_size, packet_size, message, message_len);
}

int libssh2_channel_process_startup(LIBSSH2_CHANNEL *channel, const char *request, unsigned int request_len, const char *message, unsigned int message_len) {
    if (!ready()) return -1;
    return real.libssh2_channel_process_startup(channel, request, request_len, message, message_len);
}

ssize_t libssh2_channel_read_ex(LIBSSH2_CHANNEL *channel, int stream_id, char *buf, size_t buflen) {
    if (!ready()) return -1;
    return real.libssh2_channel_read_ex(channel, stream_id, buf, buflen);
}

void libssh2_channel_set_blocking(LIBSSH2_CHANNEL *channel, int blocking) {
    if (!ready()) return;
    real.libssh2_channel_set_blocking(channel, blocking);
}

ssize_t libssh2_channel_write_ex(LIBSSH2_CHANNEL *channel, int stream_id, const char *buf, size_t buflen) {
    if (!ready()) return -1;
    return real.libssh2_channel_write_ex(channel, stream_id, buf, buflen);
}

const char *libssh2_hostkey_hash(LIBSSH2_SESSION *session, int hash_type) {
    if (!ready()) return NULL;
    return real.libssh2_hostkey_hash(session, hash_type);
}

int libssh2_knownhost_checkp(LIBSSH2_KNOWNHOSTS *hosts, const char *host, int port, const char *key, size_t keylen, int typemask, struct libssh2_knownhost **knownhost) {
    if (!ready()) return -1;
    return real.libssh2_knownhost_checkp(hosts, host, port, key, keylen, typemask, knownhost);
}

void libssh2_knownhost_free(LIBSSH2_KNOWNHOSTS *hosts) {
    if (!ready()) return;
    real.libssh2_knownhost_free(hosts);
}

LIBSSH2_KNOWNHOSTS *libssh2_knownhost_init(LIBSSH2_SESSION *session) {
    if (!ready()) return NULL;
    return real.libssh2_knownhost_init(session);
}

int libssh2_knownhost_readfile(LIBSSH2_KNOWNHOSTS *hosts, const char *filename, int type) {
    if (!ready()) return -1;
    return real.libssh2_knownhost_readfile(hosts, filename, type);
}

void **libssh2_session_abstract(LIBSSH2_SESSION *session) {
    if (!ready()) return NULL;
    return real.libssh2_session_abstract(session);
}

int libssh2_session_disconnect_ex(LIBSSH2_SESSION *session, int reason, const char *description, const char *lang) {
    if (!ready()) return -1;
    return real.libssh2_session_disconnect_ex(session, reason, description, lang);
}

int libssh2_session_free(LIBSSH2_SESSION *session) {
    if (!ready()) return -1;
    return real.libssh2_session_free(session);
}

int libssh2_session_handshake(LIBSSH2_SESSION *session, libssh2_socket_t sock) {
    if (!ready()) return -1;
    return real.libssh2_session_handshake(session, sock);
}

const char *libssh2_session_hostkey(LIBSSH2_SESSION *session, size_t *len, int *type) {
    if (!ready()) return NULL;
    return real.libssh2_session_hostkey(session, len, type);
}

LIBSSH2_SESSION *libssh2_session_init_ex(void *(*my_alloc)(size_t count, void **abstract), void (*my_free)(void *ptr, void **abstract), void *(*my_realloc)(void *ptr, size_t count, void **abstract), void *abstract) {
    if (!ready()) return NULL;
    return real.libssh2_session_init_ex(my_alloc, my_free, my_realloc, abstract);
}

int libssh2_session_last_error(LIBSSH2_SESSION *session, char **errmsg, int *errmsg_len, int want_buf) {
    if (!ready()) return -1;
    return real.libssh2_session_last_error(session, errmsg, errmsg_len, want_buf);
}

int libssh2_session_method_pref(LIBSSH2_SESSION *session, int method_type, const char *prefs) {
    if (!ready()) return -1;
    return real.libssh2_session_method_pref(session, method_type, prefs);
}

void libssh2_session_set_blocking(LIBSSH2_SESSION* session, int blocking) {
    if (!ready()) return;
    real.libssh2_session_set_blocking(session, blocking);
}

int libssh2_userauth_authenticated(LIBSSH2_SESSION *session) {
    if (!ready()) return -1;
    return real.libssh2_userauth_authenticated(session);
}

int libssh2_userauth_keyboard_interactive_ex(LIBSSH2_SESSION* session, const char *username, unsigned int username_len, void (*response_callback)(const char *name, int name_len, const char *instruction, int instruction_len, int num_prompts, const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts, LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses, void **abstract)) {
    if (!ready()) return -1;
    return real.libssh2_userauth_keyboard_interactive_ex(session, username, username_len, response_callback);
}

char *libssh2_userauth_list(LIBSSH2_SESSION *session, const char *username, unsigned int username_len) {
    if (!ready()) return NULL;
    return real.libssh2_userauth_list(session, username, username_len);
}

int libssh2_userauth_password_ex(LIBSSH2_SESSION *session, const char *username, unsigned int username_len, const char *password, unsigned int password_len, void (*passwd_change_cb)(LIBSSH2_SESSION *session, char **newpw, int *newpw_len, void **abstract)) {
    if (!ready()) return -1;
    return real.libssh2_userauth_password_ex(session, username, username_len, password, password_len, passwd_change_cb);
}

int libssh2_userauth_publickey(LIBSSH2_SESSION *session, const char *username, const unsigned char *pubkeydata, size_t pubkeydata_len, int (*sign_callback)(LIBSSH2_SESSION *session, unsigned char **sig, size_t *sig_len, const unsigned char *data, size_t data_len, void **abstract), void **abstract) {
    if (!ready()) return -1;
    return real.libssh2_userauth_publickey(session, username, pubkeydata, pubkeydata_len, sign_callback, abstract);
}

int libssh2_userauth_publickey_fromfile_ex(LIBSSH2_SESSION *session, const char *username, unsigned int username_len, const char *publickey, const char *privatekey, const char *passphrase) {
    if (!ready()) return -1;
    return real.libssh2_userauth_publickey_fromfile_ex(session, username, username_len, publickey, privatekey, passphrase);
}

int libssh2_userauth_publickey_frommemory(LIBSSH2_SESSION *session, const char *username, size_t username_len, const char *publickeyfiledata, size_t publickeyfiledata_len, const char *privatekeyfiledata, size_t privatekeyfiledata_len, const char *passphrase) {
    if (!ready()) return -1;
    return real.libssh2_userauth_publickey_frommemory(session, username, username_len, publickeyfiledata, publickeyfiledata_len, privatekeyfiledata, privatekeyfiledata_len, passphrase);
}
