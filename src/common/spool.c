/* The print spool (spool.h). Every call stays inside the directory's
 * descriptor, with flags the sandbox's filter names exactly: openat with
 * O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW, pwrite, fchmod, fsync, renameat2
 * with RENAME_NOREPLACE and unlinkat, all on that descriptor. */
#define _GNU_SOURCE   /* renameat2, RENAME_NOREPLACE */
#include "common/spool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int dir_fd = -1;
static int open_errno;
static char dir_name[256];

void spool_open(const char *dir)
{
	snprintf(dir_name, sizeof dir_name, "%s", dir);
	dir_fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	open_errno = dir_fd < 0 ? errno : 0;
}

int spool_dir_fd(void)
{
	return dir_fd;
}

static int fail(char *err, size_t errlen, const char *why, int e)
{
	if (e == EACCES || e == EPERM || e == EROFS)
		snprintf(err, errlen, "Cannot print: the print directory %s is not writable.",
			 dir_name);
	else if (e == ENOENT || e == ENOTDIR)
		snprintf(err, errlen, "Cannot print: the print directory %s is missing.",
			 dir_name);
	else
		snprintf(err, errlen, "Cannot print: %s in %s: %s.", why, dir_name, strerror(e));
	return -1;
}

int spool_write(const char *text, size_t len, char *name, size_t namelen,
		char *err, size_t errlen)
{
	if (dir_fd < 0)
		return fail(err, errlen, "opening the directory", open_errno ? open_errno : ENOENT);
	if (len > SPOOL_MAX_BYTES) {
		snprintf(err, errlen, "Cannot print: over %lu MB; print fewer records.",
			 SPOOL_MAX_BYTES >> 20);
		return -1;
	}
	static unsigned seq;
	char tmp[64], stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
	seq++;
	snprintf(tmp, sizeof tmp, ".htkp-%ld-%u.tmp", (long)getpid(), seq);
	snprintf(name, namelen, "htkp-%s-%ld-%u.txt", stamp, (long)getpid(), seq);
	int fd = openat(dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0640);
	if (fd < 0)
		return fail(err, errlen, "creating a file", errno);
	int e = 0;
	/* The mode is fixed whatever the session's umask. */
	if (fchmod(fd, 0640) != 0)
		e = errno;
	for (size_t off = 0; !e && off < len;) {
		ssize_t k = pwrite(fd, text + off, len - off, (off_t)off);
		if (k < 0 && errno != EINTR)
			e = errno;
		else if (k > 0)
			off += (size_t)k;
	}
	if (!e && fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && renameat2(dir_fd, tmp, dir_fd, name, RENAME_NOREPLACE) != 0)
		e = errno;
	if (e) {
		unlinkat(dir_fd, tmp, 0);
		return fail(err, errlen, "writing", e);
	}
	return 0;
}
