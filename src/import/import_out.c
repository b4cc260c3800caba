/* htkp-import output: the new database is built in a temporary file beside
 * the target and only rename()d over it once complete and on disk, so a
 * kiosk with the old file open never sees a half-built one, and any
 * failure leaves the old file as it was. One import at a time writes in
 * a directory (a lock on it), and it clears what a killed one left. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_SUFFIX ".tmp-XXXXXX"

#include "import/import.h"

/* The temporary file's name, for the signal handler: deleting it is all
 * that is needed to leave no trace of an interrupted import. */
static char cleanup_path[4096];

static void on_signal(int sig)
{
	if (cleanup_path[0])
		unlink(cleanup_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaction(caught[i], &sa, NULL);
}

/* mkstemp() with the caught signals held off, so that the file never
 * exists without cleanup_path naming it. */
static int make_temp(char *path)
{
	sigset_t block, old;
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaddset(&block, caught[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	int fd = mkstemp(path);
	int err = errno;
	if (fd >= 0 && strlen(path) < sizeof cleanup_path)
		memcpy(cleanup_path, path, strlen(path) + 1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return fd;
}

/* The mode for the new file: the old file's, so replacing it changes no
 * permissions; else what creat() would give (mkstemp() gives 0600, and
 * the kiosk usually runs as another user). */
static mode_t new_mode(const char *out)
{
	struct stat st;
	if (stat(out, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* The directory part of path ("." if none); caller frees. NULL when out
 * of memory. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
		     : strdup(".");
}

/* rename() would replace a symbolic link itself, not the file it points
 * to, and cannot replace a directory: refuse both before any work. */
static enum imp_status check_target(struct imp *imp)
{
	struct stat st;
	if (lstat(imp->out_path, &st) != 0 || S_ISREG(st.st_mode))
		return IMP_OK;  /* a new file, or one rename() can replace */
	if (S_ISLNK(st.st_mode))
		imp_fatal(imp, "%s is a symbolic link: give the file it points "
			  "to, or another name", imp->out_path);
	else
		imp_fatal(imp, "%s is not a regular file", imp->out_path);
	return IMP_EFATAL;
}

/* Takes an exclusive lock on dir (open as fd, kept until the process
 * ends), waiting for it, and saying so, while another import holds it. */
static enum imp_status lock_dir(struct imp *imp, const char *dir, int fd)
{
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return IMP_OK;
	if (errno == EWOULDBLOCK) {
		fprintf(stderr, "htkp-import: waiting for another import into %s "
			"to finish\n", dir);
		int rc;
		while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
		if (rc == 0)
			return IMP_OK;
	}
	imp_fatal(imp, "cannot lock %s: %s", dir, strerror(errno));
	return IMP_EFATAL;
}

/* Whether name is base + TMP_SUFFIX as mkstemp() fills it in. */
static int is_our_temp(const char *name, const char *base)
{
	size_t n = strlen(base), k = strlen(TMP_SUFFIX) - 6;
	if (strncmp(name, base, n) != 0 || strncmp(name + n, TMP_SUFFIX, k) != 0)
		return 0;
	const char *x = name + n + k;
	return strlen(x) == 6 && strspn(x, "abcdefghijklmnopqrstuvwxyz"
					"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 6;
}

/* Removes the temporary files of imports into imp->out_path that were
 * killed before they could: with the directory locked, no live import
 * owns one. Only regular files; each removal is said in one line. */
static void sweep(const struct imp *imp, int dir_fd)
{
	const char *slash = strrchr(imp->out_path, '/');
	const char *base = slash ? slash + 1 : imp->out_path;
	int fd = dup(dir_fd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;         /* nothing swept: the next run tries again */
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		struct stat st;
		if (!is_our_temp(e->d_name, base)
		    || fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
		    || !S_ISREG(st.st_mode))
			continue;
		if (unlinkat(dir_fd, e->d_name, 0) == 0)
			fprintf(stderr, "htkp-import: removed %s, left by an import "
				"that was killed\n", e->d_name);
	}
	closedir(d);
}

/* Checks the target, locks its directory and clears what killed imports
 * left there. */
static enum imp_status prepare_dir(struct imp *imp)
{
	enum imp_status st = check_target(imp);
	char *dir = st == IMP_OK ? dir_of(imp->out_path) : NULL;
	if (st != IMP_OK)
		return st;
	if (!dir) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		imp_fatal(imp, "cannot open %s: %s", dir, strerror(errno));
		st = IMP_EFATAL;
	} else {
		st = lock_dir(imp, dir, fd);
	}
	if (st == IMP_OK)
		sweep(imp, fd);
	free(dir);
	return st;      /* fd stays open: closing it would drop the lock */
}

/* Creates the temporary file beside imp->out_path: *tmp_path (caller
 * frees) and its descriptor *fd, kept open for the final fsync. First
 * waits for any other import into the same directory to finish. */
enum imp_status imp_out_begin(struct imp *imp, char **tmp_path, int *fd)
{
	enum imp_status st = prepare_dir(imp);
	if (st != IMP_OK)
		return st;
	size_t len = strlen(imp->out_path);
	char *path = malloc(len + sizeof TMP_SUFFIX);
	if (!path) {
		imp_fatal(imp, "out of memory");
		return IMP_EFATAL;
	}
	memcpy(path, imp->out_path, len);
	memcpy(path + len, TMP_SUFFIX, sizeof TMP_SUFFIX);
	catch_signals();
	*fd = make_temp(path);
	if (*fd < 0) {
		imp_fatal(imp, "cannot create a file beside %s: %s",
				  imp->out_path, strerror(errno));
		free(path);
		return IMP_EFATAL;
	}
	if (fchmod(*fd, new_mode(imp->out_path)) != 0) {
		imp_fatal(imp, "cannot set the mode of %s: %s", path,
				  strerror(errno));
		imp_out_abort(path, *fd);
		free(path);
		return IMP_EFATAL;
	}
	*tmp_path = path;
	return IMP_OK;
}

/* Flushes the directory holding path, whose entry rename() changed.
 * Returns 0 or an errno value. */
static int fsync_dir(const char *path)
{
	char *dir = dir_of(path);
	if (!dir)
		return ENOMEM;
	int err = 0;
	int fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	free(dir);
	return err;
}

/* Puts the finished temporary file in place: the database must already
 * be closed. fsync first, so the name never points at unwritten data. */
enum imp_status imp_out_commit(struct imp *imp, const char *tmp_path, int fd)
{
	if (fsync(fd) != 0) {
		int err = errno;
		imp_fatal(imp, "%s %s: %s", imp_is_room_errno(err) ? "no room to write"
				  : "cannot write", imp->out_path, strerror(err));
		imp_out_abort(tmp_path, fd);
		return IMP_EFATAL;
	}
	close(fd);
	if (rename(tmp_path, imp->out_path) != 0) {
		imp_fatal(imp, "cannot replace %s: %s", imp->out_path,
				  strerror(errno));
		imp_out_abort(tmp_path, -1);
		return IMP_EFATAL;
	}
	cleanup_path[0] = '\0';
	int err = fsync_dir(imp->out_path);
	if (err != 0)
		fprintf(stderr, "htkp-import: warning: %s is in place, but its "
				"directory could not be flushed to disk: %s\n",
				imp->out_path, strerror(err));
	return IMP_OK;
}

/* Removes the temporary file (and closes fd unless it is -1). */
void imp_out_abort(const char *tmp_path, int fd)
{
	if (fd >= 0)
		close(fd);
	unlink(tmp_path);
	cleanup_path[0] = '\0';
}
