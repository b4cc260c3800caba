/* One write() per frame, whatever its size and however the kiosk started.
 *
 * Over SSH (TCP_NODELAY) every write() to the terminal can become a packet
 * of its own. ncurses writes a frame in several pieces when:
 *   - its output buffer fills: it is sized once, at newterm(), from the
 *     screen size then ((LINES+2)*(COLS+6), 2236 bytes at 80x24), and never
 *     grows with a resize; a frame of a larger terminal outgrows it;
 *   - input arrives while it draws: its typeahead check flushes what it
 *     has at once (ui.c turns that check off with typeahead(-1)).
 * Instead of depending on how ncurses sized its buffer, the kiosk keeps
 * every byte ncurses writes to the terminal during a refresh and sends
 * them together at the end, without the attribute changes that change
 * nothing (ui_wire.c) and with each cursor move in its fewest bytes
 * (ui_motion.c). ncurses has no hook for its output, so this
 * file defines write(): the program's own definition is the one the
 * shared libraries call. Outside a frame, and for any other descriptor,
 * it is the system call itself. */
#define _GNU_SOURCE   /* syscall() */
#include "ui/ui_frame.h"
#include "ui/ui_motion.h"
#include "ui/ui_wire.h"

#include <curses.h>

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Buffers grown for one huge frame (a very large terminal) are given back
 * after it: a session keeps at most twice this much. */
#define FRAME_KEEP (64 * 1024)

static struct {
	char *buf;
	size_t len, cap;
	bool open;
	char *wire;       /* without idle attribute changes (ui_wire.c) */
	size_t wire_cap;
	char *moved;      /* the frame as sent (ui_motion.c) */
	size_t moved_cap;
} frame;

static ssize_t sys_write(int fd, const void *buf, size_t n)
{
	return syscall(SYS_write, fd, buf, n);
}

/* Writes it all: a pty takes a large write in pieces when its reader is
 * slow, and a signal can interrupt it. */
static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = sys_write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;   /* the terminal is gone: the loop sees the hang-up */
		p += w;
		n -= (size_t)w;
	}
}

static bool room_for(size_t n)
{
	if (frame.len + n <= frame.cap)
		return true;
	size_t cap = frame.cap ? frame.cap : 8192;
	while (cap < frame.len + n)
		cap *= 2;
	char *p = realloc(frame.buf, cap);
	if (!p)
		return false;
	frame.buf = p;
	frame.cap = cap;
	return true;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (!frame.open || fd != STDOUT_FILENO)
		return sys_write(fd, buf, n);
	if (!room_for(n)) {   /* out of memory: in pieces, but in order */
		/* Sent as ncurses wrote it: the terminal's attributes and
		 * cursor are no longer what the passes believe. */
		wire_forget();
		motion_forget();
		write_all(fd, frame.buf, frame.len);
		frame.len = 0;
		return sys_write(fd, buf, n);
	}
	memcpy(frame.buf + frame.len, buf, n);
	frame.len += n;
	return (ssize_t)n;
}

void ui_frame_begin(void)
{
	frame.open = true;
}

void ui_frame_settle(void)
{
	size_t n;
	if (wire_settle(&frame.wire, &frame.wire_cap, &n))
		write_all(STDOUT_FILENO, frame.wire, n);
	else
		write_all(STDOUT_FILENO, "\033[m", 3);   /* out of memory: at least plain */
}

void ui_frame_end(void)
{
	frame.open = false;
	size_t n, m;
	if (!wire_compact(frame.buf, frame.len, &frame.wire, &frame.wire_cap, &n)) {
		motion_forget();   /* the frame goes as ncurses wrote it */
		write_all(STDOUT_FILENO, frame.buf, frame.len);
	} else if (!motion_compact(frame.wire, n, LINES, COLS, &frame.moved, &frame.moved_cap, &m))
		write_all(STDOUT_FILENO, frame.wire, n);
	else
		write_all(STDOUT_FILENO, frame.moved, m);
	frame.len = 0;
	if (frame.cap > FRAME_KEEP) {
		free(frame.buf);
		free(frame.wire);
		free(frame.moved);
		frame.buf = frame.wire = frame.moved = NULL;
		frame.cap = frame.wire_cap = frame.moved_cap = 0;
	}
}
