#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
/* Debian's SQLite (libsqlite3-dev), which is built with FTS5: the derived index and the
 * exports (docs/decisions/0036). */
#include <sqlite3.h>
#include "search.h"

/* sqlite3_db_config is variadic, which Swift cannot call: one option, wrapped.
 * A connection that closes last does not checkpoint the WAL into the database (and fsync
 * both) on the way out; the next writer's commit checkpoints once the WAL holds 1,000 pages.
 * A `record` closes its connection after one small transaction, so the close-time
 * checkpoint would be most of its index cost. */
static inline int writethru_sqlite_skip_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
#endif
