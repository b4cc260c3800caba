/* The optional audit log ([kiosk] audit): which records a session opened,
 * as syslog lines (facility authpriv, level info). */
#ifndef HTKP_AUDIT_H
#define HTKP_AUDIT_H

#include <stdbool.h>

/* Connects to syslog (before the sandbox forbids new sockets) and logs
 * the session's start with the client's address; nothing when !enabled. */
void audit_open(bool enabled);

/* Logs that record id of database db (enum db) was opened; nothing when
 * the audit log is off. */
void audit_record_opened(int db, const char *id);

/* Logs the session's end and closes the connection. */
void audit_close(void);

#endif
