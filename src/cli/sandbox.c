/* Self-hardening once htkp has started (README, "Deploying over SSH"): a
 * short environment, resource limits, no_new_privs and a seccomp
 * allow-list. What the kiosk still reads it opens read-only; what it must
 * never do (run a program, fork, open a socket, write a file) kills it. */
#include "cli/sandbox.h"
#include "common/spool.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <linux/fs.h>       /* RENAME_NOREPLACE */
#include <linux/landlock.h>
#include <seccomp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* AddressSanitizer reserves terabytes of address space and its leak
 * checker stops the world from a cloned task: under it the filter, the
 * address-space and the process limits are left out (README). */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* valgrind runs its own code inside the process: the filter would kill
 * it. RUNNING_ON_VALGRIND is 0 outside valgrind, at the cost of a few
 * no-op instructions. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

/* Heap, ncurses and SQLite's cache need a few MB; the database is mapped
 * (up to STORE_MMAP_SIZE), twice for a moment while a replaced file is
 * reopened. Bounds a runaway allocation (a 10000x10000 screen asks
 * ncurses for gigabytes) without touching a real session. */
#define ADDRESS_SPACE ((rlim_t)STORE_MMAP_SIZE * 2 + ((rlim_t)512 << 20))

/* The variables htkp reads: TERM (ncurses), the locale (the charset),
 * NO_COLOR (the theme), SSH_CONNECTION (the audit log names the client).
 * Dropped, among others: TERMINFO and HOME (ncurses would read a terminal
 * description from a directory the client names), LINES and COLUMNS
 * (a huge size makes ncurses allocate gigabytes), LOCPATH and GCONV_PATH
 * (locale and converter code from elsewhere), TZ, PATH. */
static const char *const kept_env[] = {
	"TERM=", "LANG=", "LANGUAGE=", "LC_", "NO_COLOR=", "SSH_CONNECTION=",
#ifdef HTKP_DEBUG_HOOKS
	"HTKP_DEBUG_",
#endif
};

static bool env_kept(const char *kv)
{
	for (size_t i = 0; i < sizeof kept_env / sizeof kept_env[0]; i++)
		if (strncmp(kv, kept_env[i], strlen(kept_env[i])) == 0)
			return true;
	return false;
}

void sandbox_clean_env(void)
{
	extern char **environ;
	size_t n = 0;
	for (char **e = environ; e && *e; e++)
		n++;
	char **kept = calloc(n + 1, sizeof *kept);
	size_t k = 0;
	for (char **e = environ; kept && e && *e; e++)
		if (env_kept(*e))
			kept[k++] = *e;
	/* The strings themselves stay where the kernel put them, so they
	 * can be put back as they are. */
	clearenv();
	for (size_t i = 0; i < k; i++)
		putenv(kept[i]);
	free(kept);
}

/* glibc loads a charset's converter (a gconv module) when it is first
 * opened and may unload it once unused; the filter forbids mapping code,
 * so open both directions now and keep them open for good. */
static int keep_converters(const char *charset, char *err, size_t len)
{
	static iconv_t to = (iconv_t)-1, from = (iconv_t)-1;
	if (!charset || to != (iconv_t)-1)
		return 0;   /* UTF-8 needs no converter */
	to = iconv_open(charset, "UTF-8");
	from = iconv_open("UTF-8", charset);
	if (to == (iconv_t)-1 || from == (iconv_t)-1) {
		snprintf(err, len, "cannot load the converter for %s: %s", charset,
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int set_limit(int resource, rlim_t value, const char *name, char *err, size_t len)
{
	struct rlimit rl = {value, value};
	if (setrlimit(resource, &rl) == 0)
		return 0;
	snprintf(err, len, "cannot set %s: %s", name, strerror(errno));
	return -1;
}

static int set_limits(enum sandbox_mode mode, char *err, size_t len)
{
	if (set_limit(RLIMIT_CORE, 0, "RLIMIT_CORE", err, len) != 0)
		return -1;
	/* No file may grow, but a print in the spool directory (spool.h). */
	rlim_t fsize = spool_dir_fd() >= 0 ? (rlim_t)SPOOL_MAX_BYTES : 0;
	if (mode == SANDBOX_KIOSK && set_limit(RLIMIT_FSIZE, fsize, "RLIMIT_FSIZE", err, len) != 0)
		return -1;
	if (SANITIZED || RUNNING_ON_VALGRIND)
		return 0;
	if (set_limit(RLIMIT_NPROC, 0, "RLIMIT_NPROC", err, len) != 0)
		return -1;
	return set_limit(RLIMIT_AS, ADDRESS_SPACE, "RLIMIT_AS", err, len);
}

/* Allowed whatever their arguments. Seen under strace over the e2e tests
 * after the filter: read, pread64, close, newfstatat, access, fcntl
 * (SQLite's read locks), poll, brk, munmap, rt_sigaction, rt_sigreturn,
 * get[e]uid/get[e]gid (ncurses), getpid (SQLite), exit_group. Reasoned
 * in for paths the tests do not take: getcwd and readlink (SQLite
 * resolving a relative or symlinked path when it reopens a replaced
 * file), mremap and madvise (realloc of a large buffer), sendto (syslog),
 * the clocks and sleeps (vDSO fallbacks, napms), restart_syscall (poll
 * after SIGSTOP), futex and getrandom (glibc), exit. ppoll: the kiosk's
 * wait, which lets SIGWINCH in only while it waits. */
static const char *const allowed[] = {
	"read", "pread64", "close", "newfstatat", "access", "fcntl", "poll", "ppoll", "brk",
	"munmap", "mremap", "madvise", "rt_sigaction", "rt_sigprocmask",
	"rt_sigreturn", "restart_syscall", "getuid", "geteuid", "getgid", "getegid",
	"getpid", "getcwd", "readlink", "clock_gettime", "gettimeofday",
	"clock_nanosleep", "nanosleep", "futex", "getrandom", "sendto", "exit",
	"exit_group",
	/* glibc's qsort of more than 1 KB asks for the memory size first
	 * (store_toprank.c sorts its candidates). */
	"sysinfo",
};

/* The terminal requests ncurses makes (attributes, window size) and the
 * loop's count of waiting bytes (a wake-up with none is a hang-up).
 * Refused among others: TIOCSTI (typing into the terminal). */
static const unsigned long tty_requests[] = {TCGETS, TCSETS, TCSETSW, TCSETSF,
					     TIOCGWINSZ, FIONREAD};

static int rule(scmp_filter_ctx f, uint32_t action, const char *name,
		unsigned n, const struct scmp_arg_cmp *cmp)
{
	int nr = seccomp_syscall_resolve_name(name);
	if (nr == __NR_SCMP_ERROR)
		return 0;   /* not a system call on this architecture */
	return seccomp_rule_add_array(f, action, nr, n, cmp);
}

/* Calls allowed only with some arguments. Anything else, openat for
 * writing included, falls to the filter's default: kill the process. */
/* [print] method = spool: what spool_write does, on the directory's
 * descriptor only: create a new file (O_EXCL: never an existing one),
 * write it at offsets, fix its mode, sync it, rename it without
 * replacing anything, remove it after a failure. seccomp sees the
 * descriptor but not the path, and an absolute or ".." path would escape
 * it: Landlock (landlock_spool) holds every file creation and write to
 * the directory itself. */
static int spool_rules(scmp_filter_ctx f)
{
	int fd = spool_dir_fd();
	if (fd < 0)
		return 0;
	const int want = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
	struct scmp_arg_cmp create[] = {
		SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)fd),
		SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_NOFOLLOW,
			(scmp_datum_t)want),
	};
	struct scmp_arg_cmp rename[] = {
		SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)fd), SCMP_A2(SCMP_CMP_EQ, (scmp_datum_t)fd),
		SCMP_A4(SCMP_CMP_EQ, RENAME_NOREPLACE),
	};
	struct scmp_arg_cmp unlink[] = {
		SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)fd), SCMP_A2(SCMP_CMP_EQ, 0),
	};
	int rc = 0;
	rc |= rule(f, SCMP_ACT_ALLOW, "openat", 2, create);
	rc |= rule(f, SCMP_ACT_ALLOW, "renameat2", 3, rename);
	rc |= rule(f, SCMP_ACT_ALLOW, "unlinkat", 2, unlink);
	/* Any descriptor: the only one open for writing but the terminal is
	 * the new file (the database is read-only, syslog's is a socket). */
	rc |= rule(f, SCMP_ACT_ALLOW, "pwrite64", 0, NULL);
	rc |= rule(f, SCMP_ACT_ALLOW, "fchmod", 0, NULL);
	rc |= rule(f, SCMP_ACT_ALLOW, "fsync", 0, NULL);
	return rc;
}

/* Landlock for the spool: from now on files may be created, written,
 * removed (and so on) only beneath the spool directory. Reading is not
 * restricted (the database and the screens are read where they are). A
 * kernel without Landlock (before Linux 5.13, or with it disabled) gets
 * no spool: the kiosk refuses to start rather than write unguarded. */
static int landlock_spool(char *err, size_t len)
{
	int fd = spool_dir_fd();
	if (fd < 0)
		return 0;
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
			   LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 1) {
		snprintf(err, len, "[print] method = spool needs Landlock (Linux 5.13 or "
			 "later, enabled) to keep the kiosk's writes in its directory");
		return -1;
	}
	__u64 handled = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR
			| LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR
			| LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG
			| LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO
			| LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
#ifdef LANDLOCK_ACCESS_FS_REFER
	if (abi >= 2)
		handled |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
	if (abi >= 3)
		handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
	struct landlock_ruleset_attr attr = {.handled_access_fs = handled};
	int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	struct landlock_path_beneath_attr beneath = {
		.allowed_access = LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_WRITE_FILE
				  | LANDLOCK_ACCESS_FS_REMOVE_FILE,
		.parent_fd = fd,
	};
	if (rs < 0 || syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH,
			      &beneath, 0) != 0
	    || syscall(SYS_landlock_restrict_self, rs, 0) != 0) {
		snprintf(err, len, "cannot restrict writes to the print directory: %s",
			 strerror(errno));
		if (rs >= 0)
			close(rs);
		return -1;
	}
	close(rs);
	return 0;
}

static int conditional_rules(scmp_filter_ctx f)
{
	struct scmp_arg_cmp read_only = SCMP_A2(SCMP_CMP_MASKED_EQ,
						O_ACCMODE | O_CREAT | O_TRUNC, 0);
	struct scmp_arg_cmp no_exec = SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0);
	struct scmp_arg_cmp std_fd = SCMP_A0(SCMP_CMP_LE, STDERR_FILENO);
	struct scmp_arg_cmp self = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid());
	int rc = 0;
	rc |= rule(f, SCMP_ACT_ALLOW, "openat", 1, &read_only);
	rc |= rule(f, SCMP_ACT_ALLOW, "mmap", 1, &no_exec);
	rc |= rule(f, SCMP_ACT_ALLOW, "mprotect", 1, &no_exec);
	rc |= rule(f, SCMP_ACT_ALLOW, "write", 1, &std_fd);
	rc |= rule(f, SCMP_ACT_ALLOW, "writev", 1, &std_fd);
	rc |= rule(f, SCMP_ACT_ALLOW, "kill", 1, &self);     /* raise(), abort() */
	rc |= rule(f, SCMP_ACT_ALLOW, "tgkill", 1, &self);
	for (size_t i = 0; i < sizeof tty_requests / sizeof tty_requests[0]; i++) {
		struct scmp_arg_cmp req = SCMP_A1(SCMP_CMP_EQ, tty_requests[i]);
		rc |= rule(f, SCMP_ACT_ALLOW, "ioctl", 1, &req);
	}
	/* syslog() opens a new socket when its connection broke (the log
	 * daemon restarted): let that fail quietly, losing an audit line
	 * rather than the session. */
	rc |= rule(f, SCMP_ACT_ERRNO(EACCES), "socket", 0, NULL);
	return rc | spool_rules(f);
}

static int install_filter(char *err, size_t len)
{
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (!f) {
		snprintf(err, len, "cannot set up the system-call filter");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		rc |= rule(f, SCMP_ACT_ALLOW, allowed[i], 0, NULL);
	rc |= conditional_rules(f);
	if (rc == 0)
		rc = seccomp_load(f);
	seccomp_release(f);
	if (rc != 0) {
		snprintf(err, len, "cannot install the system-call filter: %s", strerror(-rc));
		return -1;
	}
	return 0;
}

#ifdef HTKP_DEBUG_HOOKS
/* Debug builds only (build/debug/htkp, for tests/e2e/hardening.sh):
 * SIGUSR1 tries to run a shell, SIGUSR2 to create a file, as an exploited
 * kiosk would; the filter must kill the process. */
static void try_exec(int sig)
{
	(void)sig;
	char *argv[] = {"/bin/sh", "-c", "echo escaped", NULL};
	execve(argv[0], argv, argv + 3);
}

static void try_write(int sig)
{
	(void)sig;
	const char *path = getenv("HTKP_DEBUG_WRITE");
	openat(AT_FDCWD, path ? path : "htkp-debug-write", O_WRONLY | O_CREAT, 0600);
}

static void debug_hooks(void)
{
	signal(SIGUSR1, try_exec);
	signal(SIGUSR2, try_write);
}
#else
static void debug_hooks(void)
{
}
#endif

int sandbox_enter(enum sandbox_mode mode, const char *charset, char *err, size_t len)
{
	if (keep_converters(charset, err, len) != 0 || set_limits(mode, err, len) != 0)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, len, "cannot set no_new_privs: %s", strerror(errno));
		return -1;
	}
	/* The time zone file is read now, once: localtime_r (the days of
	 * "what's new", the spool's file names) would read it with lseek,
	 * which the filter does not allow. */
	tzset();
	if (landlock_spool(err, len) != 0)
		return -1;
	debug_hooks();
	if (SANITIZED || RUNNING_ON_VALGRIND)
		return 0;
	return install_filter(err, len);
}
