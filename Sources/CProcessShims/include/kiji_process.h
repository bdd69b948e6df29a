#ifndef KIJI_PROCESS_H
#define KIJI_PROCESS_H
// Process-level safety nets that Swift cannot express safely:
//  - a watchdog thread that ends the process when a deadline passes while
//    code that no hook can interrupt runs (Lua finalizers, C pattern
//    matching in string.find), so --timeout always holds;
//  - temporary output files removed on SIGINT/SIGTERM/SIGHUP and by the
//    watchdog (only async-signal-safe calls in those paths);
//  - checked writes to file descriptors, and standard descriptors that are
//    never left closed (a closed fd 2 would otherwise be reused by the next
//    open() and diagnostics would land in an output file).

#include <stddef.h>

/// Arms a deadline `seconds` from now. When it passes, the watchdog writes
/// `message` (copied) to standard error, removes the registered temporary
/// files and ends the process with exit status 1. Returns a slot to disarm,
/// or -1 when every slot is in use (the caller then has no watchdog).
int kiji_deadline_arm(double seconds, const char *message);
/// Disarms a slot returned by kiji_deadline_arm (-1 is ignored).
void kiji_deadline_disarm(int slot);
/// Turns the watchdog off for the whole process (deadlines are still
/// accepted but never end it). Only for the fuzz targets, where libFuzzer's
/// own -timeout reports slow inputs and saves them.
void kiji_deadline_disable(void);

/// Registers a temporary file to remove if the process is interrupted.
/// Returns a slot, or -1 when the table is full or the path too long.
int kiji_cleanup_add(const char *path);
/// Forgets a registered file (after it was renamed into place or removed).
void kiji_cleanup_remove(int slot);
/// Installs the SIGINT/SIGTERM/SIGHUP handlers that remove registered files
/// and then end the process as the signal would. Idempotent.
void kiji_install_signal_cleanup(void);

/// Writes all `size` bytes to `fd`, retrying after EINTR and waiting when the
/// descriptor is non-blocking. Returns 0, or the errno of the failure.
int kiji_write_all(int fd, const void *bytes, size_t size);

/// Opens /dev/null on any of descriptors 0, 1 and 2 that is closed, so that
/// no later open() takes its number. Sets closed[i] to 1 for each one that
/// was closed.
void kiji_reserve_standard_fds(int closed[3]);

#endif
