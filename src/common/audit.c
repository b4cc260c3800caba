/* The audit log: one syslog line when a session starts, one per record it
 * opens, one when it ends, all tagged htkp[pid]. Off by default; authpriv
 * keeps the lines out of world-readable logs. */
#include "common/audit.h"
#include "common/catalog.h"

#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

static bool audit_on;

void audit_open(bool enabled)
{
	audit_on = enabled;
	if (!enabled)
		return;
	/* LOG_NDELAY: connect now, while sockets are still allowed. */
	openlog("htkp", LOG_PID | LOG_NDELAY, LOG_AUTHPRIV);
	/* "client-address client-port server-address server-port" */
	const char *conn = getenv("SSH_CONNECTION");
	size_t n = conn ? strcspn(conn, " ") : 0;
	syslog(LOG_INFO, "session start: uid %ld, client %.*s", (long)getuid(),
	       n ? (int)n : 5, n ? conn : "local");
}

void audit_record_opened(int db, const char *id)
{
	if (audit_on && db >= 0 && db < DB_COUNT && id)
		syslog(LOG_INFO, "opened %s %.80s", catalog[db].name, id);
}

void audit_close(void)
{
	if (!audit_on)
		return;
	syslog(LOG_INFO, "session end");
	closelog();
	audit_on = false;
}
