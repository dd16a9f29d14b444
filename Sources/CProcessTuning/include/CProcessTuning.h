#ifndef ROUNDTABLE_CPROCESSTUNING_H
#define ROUNDTABLE_CPROCESSTUNING_H

/// Turns off SQLite's memory statistics for the process (sqlite3_config is variadic, so Swift
/// cannot call it). Must run before the first connection opens; returns SQLite's result code.
int roundtable_sqlite3_disable_memstatus(void);

/// Tells glibc's malloc to keep freed heap memory instead of handing it back to the kernel after
/// every burst of frees (Swift's Glibc module does not export mallopt). Returns 1 on success.
int roundtable_malloc_keep_freed_heap(void);

#endif
