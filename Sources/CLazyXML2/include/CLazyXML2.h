#ifndef WRITETHRU_CLAZYXML2_H
#define WRITETHRU_CLAZYXML2_H

/// CLazyXML2 defines the ten libxml2 functions Writethru calls (the HTML push parser for pages,
/// the XML reader for feeds, xmlInitParser, xmlDocGetRootElement and the two frees) and forwards
/// each to libxml2.so.2, which it opens with dlopen() on the first call, once per process
/// (pthread_once). The release executable has no libxml2 among its shared libraries, so a
/// command that reads no HTML and no feed never loads libxml2 and the ICU, liblzma and zlib it
/// needs (docs/decisions/0045-libraries-loaded-when-first-used.md). The forwarders are declared by
/// libxml2's own headers, so a forwarder whose signature differed would not compile.
///
/// When libxml2.so.2 cannot be opened, the first forwarder called prints one line naming the
/// reason on standard error and ends the process with exit status 69 (EX_UNAVAILABLE): nothing
/// has been written by then, since every command reads its input before it writes.

/// Whether the library named `soname` opens and has every function the forwarders need: 1 if so;
/// otherwise 0, with the reason copied into `why` (at most `size` bytes, NUL-terminated when
/// size > 0). It does not keep the library open and does not touch what the forwarders use: for
/// tests of the failure message. Thread-safe.
int wt_xml2_probe(const char *soname, char *why, unsigned long size);

/// The line the forwarders print before exiting when `reason` kept libxml2 from loading, copied
/// into `line` (at most `size` bytes): for tests.
void wt_xml2_failure_line(const char *reason, char *line, unsigned long size);

#endif
