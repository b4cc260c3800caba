/* The print spool ([print] method = spool): each print becomes a new file
 * in one directory, for an office print service to pick up. The
 * directory is opened before the sandbox (src/cli/sandbox.c), which then
 * lets the kiosk create files only there, only new ones. */
#ifndef HTKP_SPOOL_H
#define HTKP_SPOOL_H

#include <stddef.h>

/* The largest print the kiosk writes (also its RLIMIT_FSIZE). */
#define SPOOL_MAX_BYTES (16ul << 20)

/* Opens directory dir for spool_write; a directory that is missing is
 * remembered, and said at the first print. Call before the sandbox. */
void spool_open(const char *dir);

/* The directory's descriptor, -1 when none is open. */
int spool_dir_fd(void);

/* Writes text[0..len) as a new file, mode 0640: first as a hidden
 * ".htkp-*.tmp", then renamed to "htkp-*.txt", so that a print service
 * never sees half a file; on failure nothing is left. Puts the file's
 * name into name. Returns 0, or -1 with one line in err. */
int spool_write(const char *text, size_t len, char *name, size_t namelen,
		char *err, size_t errlen);

#endif
