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
#endif
