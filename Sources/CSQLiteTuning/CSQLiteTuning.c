#include "CSQLiteTuning.h"
#include <sqlite3.h>

// With statistics on, every SQLite malloc and free takes a global mutex: a tenth of a bulk
// import's writing thread. Roundtable never reads those statistics.
int roundtable_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
