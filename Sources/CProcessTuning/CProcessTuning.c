#include "CProcessTuning.h"
#include <malloc.h>
#include <sqlite3.h>

// With statistics on, every SQLite malloc and free takes a global mutex: a tenth of a bulk
// import's writing thread. Roundtable never reads those statistics.
int roundtable_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// A bulk import frees on one thread what the other allocated, in bursts; glibc then shrinks the
// heap with brk and grows it again moments later, and each shrink flushes the TLB of both cores.
// That was a fifth of a roster import's writing thread. The peak heap is the same either way:
// only its return to the kernel waits for the process to end.
int roundtable_malloc_keep_freed_heap(void) {
    return mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024) && mallopt(M_TOP_PAD, 16 * 1024 * 1024);
}
