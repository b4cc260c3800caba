/* What the kiosk gives up once it has started: most of its environment,
 * new privileges, most system calls (seccomp), big files, core dumps and
 * child processes. See README, "Deploying over SSH". */
#ifndef HTKP_SANDBOX_H
#define HTKP_SANDBOX_H

#include <stddef.h>

enum sandbox_mode {
	SANDBOX_KIOSK,   /* the kiosk: every restriction */
	SANDBOX_CLI,     /* query and show: no file-size limit, since their
			  * output may be redirected into a file */
};

/* Drops every environment variable but the ones htkp reads (TERM, the
 * locale, NO_COLOR, SSH_CONNECTION). Call first thing in main. */
void sandbox_clean_env(void);

/* Loads what would otherwise be loaded from disk later (iconv modules for
 * charset), then sets the resource limits, no_new_privs and the seccomp
 * filter. Call once the configuration, locale and database are open.
 * Returns 0, or -1 with one line in err. */
int sandbox_enter(enum sandbox_mode mode, const char *charset, char *err, size_t len);

#endif
