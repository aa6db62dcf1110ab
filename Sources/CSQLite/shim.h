#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
/* Debian's SQLite (libsqlite3-dev), which is built with FTS5: the derived index and the
 * exports (docs/decisions/0036). */
#include <sqlite3.h>
#endif
