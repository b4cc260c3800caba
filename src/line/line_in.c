/* Reading lines (line_in.h): a buffer over read(2), a wait that lets the
 * handled signals in only while it waits, a cut at LINE_MAX_INPUT bytes
 * and the conversion from the terminal's charset. */
#define _GNU_SOURCE   /* ppoll */
#include "line/line_in.h"
#include "common/text.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static volatile sig_atomic_t got_end, got_interrupt;
static sigset_t wait_mask;   /* the mask while waiting: the handled signals in */

static void on_end(int sig)
{
	(void)sig;
	got_end = 1;
}

static void on_interrupt(int sig)
{
	(void)sig;
	got_interrupt = 1;
}

void lin_init(void)
{
	struct sigaction end = {.sa_handler = on_end}, intr = {.sa_handler = on_interrupt};
	sigemptyset(&end.sa_mask);
	sigemptyset(&intr.sa_mask);
	sigaction(SIGTERM, &end, NULL);
	sigaction(SIGHUP, &end, NULL);
	sigaction(SIGINT, &intr, NULL);
	/* The terminal stays in its own (cooked) mode, so these keys are
	 * signals: a kiosk neither dumps core nor stops for them. */
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	sigset_t handled;
	sigemptyset(&handled);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGHUP);
	sigaddset(&handled, SIGINT);
	sigprocmask(SIG_BLOCK, &handled, &wait_mask);
	sigdelset(&wait_mask, SIGTERM);
	sigdelset(&wait_mask, SIGHUP);
	sigdelset(&wait_mask, SIGINT);
}

/* Bytes read but not yet handed out as lines. */
static char buf[4096];
static size_t buf_len;
static bool at_eof;
static bool skip_lf;   /* a CR ended the last line: an LF right after it is its pair */

/* The first line in buf (ended by LF or CR, or the rest at EOF): its
 * length, and the bytes it takes with its end. Returns false when no line
 * is complete. */
static bool line_in_buf(size_t *len, size_t *taken)
{
	if (skip_lf && buf_len > 0) {
		if (buf[0] == '\n')
			memmove(buf, buf + 1, --buf_len);
		skip_lf = false;
	}
	for (size_t i = 0; i < buf_len; i++)
		if (buf[i] == '\n' || buf[i] == '\r') {
			skip_lf = buf[i] == '\r';
			*len = i;
			*taken = i + 1;
			return true;
		}
	if (at_eof && buf_len > 0) {
		*len = *taken = buf_len;
		return true;
	}
	return false;
}

/* Waits for input; returns 1 when there is some, or the event's kind. */
static int wait_input(int timeout_ms, enum lin_kind *kind)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	struct timespec ts = {timeout_ms / 1000, timeout_ms % 1000 * 1000000L};
	int n = ppoll(&p, 1, timeout_ms < 0 ? NULL : &ts, &wait_mask);
	if (got_end)
		return *kind = LIN_SIGNAL, 0;
	if (got_interrupt) {
		got_interrupt = 0;
		return *kind = LIN_CANCEL, 0;
	}
	if (n == 0)
		return *kind = LIN_TIMEOUT, 0;
	if (n < 0 && errno != EINTR)
		return *kind = LIN_EOF, 0;
	return 1;
}

/* Makes the event of a line of n bytes at the start of buf. */
static void take_line(size_t n, bool cut, struct lin_event *ev)
{
	/* A cut keeps whole characters where the terminal writes UTF-8. */
	const char *cs = text_charset();
	if (cut && (!cs || strcasecmp(cs, "ASCII") == 0))
		while (n > 0 && ((unsigned char)buf[n] & 0xc0) == 0x80)
			n--;
	char *text = text_from_terminal(buf, n);
	size_t a = 0, b = text ? strlen(text) : 0;
	while (a < b && text[a] == ' ')
		a++;
	while (b > a && text[b - 1] == ' ')
		b--;
	if (text) {
		memmove(text, text + a, b - a);
		text[b - a] = '\0';
	}
	*ev = (struct lin_event){LIN_LINE, text ? text : strdup(""), cut};
}

void lin_read(int timeout_ms, struct lin_event *ev)
{
	fflush(stdout);
	bool cut = false;   /* bytes of this line were dropped */
	for (;;) {
		size_t len, taken;
		if (line_in_buf(&len, &taken)) {
			bool over = len > LINE_MAX_INPUT;
			take_line(over ? LINE_MAX_INPUT : len, cut || over, ev);
			memmove(buf, buf + taken, buf_len - taken);
			buf_len -= taken;
			return;
		}
		if (at_eof) {
			*ev = (struct lin_event){LIN_EOF, NULL, false};
			return;
		}
		if (buf_len == sizeof buf) {
			/* No end in sight: keep what a line may hold, drop the rest. */
			buf_len = LINE_MAX_INPUT + 1;
			cut = true;
		}
		enum lin_kind kind;
		if (!wait_input(timeout_ms, &kind)) {
			*ev = (struct lin_event){kind, NULL, false};
			if (kind == LIN_CANCEL)
				buf_len = 0;   /* the terminal dropped the line typed too */
			return;
		}
		ssize_t got = read(STDIN_FILENO, buf + buf_len, sizeof buf - buf_len);
		if (got > 0)
			buf_len += (size_t)got;
		else if (got == 0 || (errno != EINTR && errno != EAGAIN))
			at_eof = true;   /* end of input, or EIO: the link dropped */
	}
}

void lin_event_free(struct lin_event *ev)
{
	free(ev->text);
	ev->text = NULL;
}
