#ifndef CGITSTORESUPPORT_CERTIFICATE_DEFERRAL_H
#define CGITSTORESUPPORT_CERTIFICATE_DEFERRAL_H
/* Defers the certificate bundle that Debian's libgit2 (built with mbedTLS) parses inside
 * git_libgit2_init() until a network remote is used (docs/decisions/0016). */

/* While on, a parse of a certificate file or folder is only noted, not done. */
void writethru_certificates_defer(int on);
/* The file or folder the deferred parse named; NULL when nothing was deferred. */
const char *writethru_certificates_deferred_file(void);
const char *writethru_certificates_deferred_path(void);
/* How many certificate files or folders were really parsed (for the tests). */
int writethru_certificates_loaded(void);

/* The rest of libgit2's mbedTLS set-up (tls_deferral.c, decision 0045), in the release only;
 * elsewhere these do nothing. While on, git_libgit2_init()'s TLS set-up is only noted. */
void writethru_tls_defer(int on);
/* Runs the noted TLS set-up, once; libgit2's status (0, or negative on failure). */
int writethru_tls_set_up(void);
/* 1 while a noted TLS set-up has not run (for the checks). */
int writethru_tls_pending(void);
#endif
