#ifndef ROUNDTABLE_CSQLITETUNING_H
#define ROUNDTABLE_CSQLITETUNING_H

/// Turns off SQLite's memory statistics for the process (sqlite3_config is variadic, so Swift
/// cannot call it). Must run before the first connection opens; returns SQLite's result code.
int roundtable_sqlite3_disable_memstatus(void);

#endif
