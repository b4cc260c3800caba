/* Writing lines (line_out.h). Every string goes through text_clean (no
 * controls, no escape sequences), text_wrap (by display columns, at UAX
 * #14 breaks) and text_print (the charset, transliterated), as the
 * full-screen kiosk's text does; stdout is one buffer written when input
 * is read, so that a screen costs one write on a slow link. */
#define _GNU_SOURCE   /* vasprintf */
#include "line/line_out.h"
#include "common/config.h"
#include "common/i18n.h"
#include "common/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_WIDTH 80
#define MAX_WIDTH 1000
#define MIN_WIDTH 20

void lout_measure(struct lout *o, const struct config *cfg)
{
	static char outbuf[1 << 16];
	static bool buffered;
	if (!buffered) {
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
		buffered = true;
	}
	struct winsize ws = {0};
	bool known = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0;
	/* The terminal's last column stays free: many terminals wrap on it by
	 * themselves, and a screen reader would read a blank line after every
	 * full one. A width configured is taken as it is. */
	int w = cfg->line_width ? cfg->line_width : (known ? ws.ws_col : DEFAULT_WIDTH) - 1;
	o->width = w > MAX_WIDTH ? MAX_WIDTH : w < MIN_WIDTH ? MIN_WIDTH : w;
	o->height = cfg->line_pause && known && ws.ws_row >= 4 ? ws.ws_row : 0;
}

/* Asks whether to go on, once a screenful is out; Enter goes on, anything
 * else stops the output and is kept for the session. */
static void pause_if_full(struct lout *o)
{
	if (o->stopped || !o->height || o->lines < o->height - 1)
		return;
	/* TRANSLATORS: line mode's pause after a screenful; Enter and b are
	   keys and stay as they are. */
	lout_prompt(o, _("More? Enter to read on, b to go back"));
	struct lin_event ev;
	lin_read(o->timeout_ms, &ev);
	o->lines = 0;
	if (ev.kind == LIN_LINE && ev.text[0] == '\0' && !ev.cut) {
		lin_event_free(&ev);
		return;
	}
	o->stopped = true;
	o->answer = ev;
}

/* Writes one finished line: the lead (clean UTF-8), or lead_cols blanks
 * when there is none, then s[0..n). */
static void put(struct lout *o, const char *lead, int lead_cols, const char *s, size_t n)
{
	pause_if_full(o);
	if (o->stopped)
		return;
	if (lead)
		text_print(lead, stdout);
	else
		printf("%*s", lead_cols, "");
	char *piece = strndup(s, n);
	if (piece)
		text_print(piece, stdout);
	free(piece);
	fputc('\n', stdout);
	o->lines++;
}

/* The narrowest a line's text is wrapped to after its lead. */
#define MIN_ROOM 10

/* Whether the n bytes at s are one letter one column wide: a letter of a
 * script that spaces its words (an ideograph, two columns, breaks
 * anywhere). */
static bool narrow_letter(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1fu) << 6 | (u[1] & 0x3fu)
		     : n == 3 ? (u[0] & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu)
		     : (u[0] & 0x07u) << 18 | (u[1] & 0x3fu) << 12 | (u[2] & 0x3fu) << 6
		       | (u[3] & 0x3fu);
	return text_is_letter(c) && text_width(s, n) == 1;
}

/* Whether the wrap cut a word in two after its first line (a word longer
 * than the room a long lead left): the lines meet between two letters,
 * with no blank between them. s is clean UTF-8. */
static bool cut_word(const char *s, const struct text_lines *tl)
{
	if (tl->n < 2)
		return false;
	size_t end = tl->v[0].off + tl->v[0].len, b = end;
	if (end == 0 || tl->v[1].off != end)
		return false;
	while (b > 0 && ((unsigned char)s[--b] & 0xc0) == 0x80)
		;
	unsigned char next = (unsigned char)s[end];
	size_t n = next < 0x80 ? 1 : next < 0xe0 ? 2 : next < 0xf0 ? 3 : 4;
	return narrow_letter(s + b, end - b) && narrow_letter(s + end, n);
}

/* Writes s wrapped at width columns (at least MIN_ROOM), each line after
 * indent blanks. */
static void put_wrapped(struct lout *o, const char *s, int width, int indent)
{
	struct text_lines tl = {0};
	if (text_wrap(s, strlen(s), width < MIN_ROOM ? MIN_ROOM : width, &tl) == 0)
		for (size_t i = 0; i < tl.n; i++)
			put(o, NULL, indent, s + tl.v[i].off, tl.v[i].len);
	text_lines_free(&tl);
}

void lout_text(struct lout *o, const char *first, const char *text, int indent)
{
	if (o->stopped)
		return;
	/* A lead (a label, translated maybe) is measured in columns; one too
	 * wide to leave MIN_ROOM after it is wrapped as the text's start. */
	char *lead_clean = first ? text_clean(first, strlen(first), false) : NULL, *joined = NULL;
	int lead = lead_clean ? text_width(lead_clean, strlen(lead_clean)) : 0;
	if (lead_clean && lead + MIN_ROOM > o->width
	    && asprintf(&joined, "%s%s", lead_clean, text) >= 0) {
		text = joined;
		lead_clean[0] = '\0';
		lead = 0;
	}
	/* The first line has the label before it, the others only the indent:
	 * the first is wrapped alone, then the rest at the wider measure. */
	int room1 = o->width - (lead > indent ? lead : indent), room2 = o->width - indent;
	char *clean = text_clean(text, strlen(text), true);
	struct text_lines tl = {0};
	first = lead_clean;
	if (!clean || text_wrap(clean, strlen(clean), room1 < MIN_ROOM ? MIN_ROOM : room1, &tl) != 0
	    || tl.n == 0) {
		put(o, first, 0, "", 0);
	} else if (lead > indent && cut_word(clean, &tl)) {
		/* Rather than cut its first word, the text starts under the lead. */
		put(o, first, 0, "", 0);
		put_wrapped(o, clean, room2, indent);
	} else {
		put(o, first, indent, clean + tl.v[0].off, tl.v[0].len);
		if (tl.n > 1)
			put_wrapped(o, clean + tl.v[1].off, room2, indent);
	}
	text_lines_free(&tl);
	free(clean);
	free(lead_clean);
	free(joined);
}

void lout_line(struct lout *o, const char *text)
{
	lout_text(o, NULL, text, 0);
}

void lout_printf(struct lout *o, const char *fmt, ...)
{
	/* Allocated: a translated message with a long value is never cut,
	 * least of all in the middle of a character. */
	char *line;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	lout_line(o, line);
	free(line);
}

void lout_blank(struct lout *o)
{
	put(o, "", 0, "", 0);
}

void lout_item(struct lout *o, long n, const char *text)
{
	lout_item_labelled(o, n, "", text);
}

void lout_item_labelled(struct lout *o, long n, const char *label, const char *text)
{
	char *lead;
	if (asprintf(&lead, "%ld. %s", n, label) < 0)
		return;
	/* Wrapped lines hang under the label, after the number. */
	lout_text(o, lead, text, snprintf(NULL, 0, "%ld. ", n));
	free(lead);
}

void lout_prompt(struct lout *o, const char *text)
{
	if (o->stopped)
		return;
	char *clean = text_clean(text, strlen(text), false);
	struct text_lines tl = {0};
	if (clean && text_wrap(clean, strlen(clean), o->width - 2, &tl) == 0) {
		for (size_t i = 0; i < tl.n; i++) {
			char *piece = strndup(clean + tl.v[i].off, tl.v[i].len);
			if (piece)
				text_print(piece, stdout);
			free(piece);
			fputs(i + 1 < tl.n ? "\n" : ": ", stdout);
		}
	}
	text_lines_free(&tl);
	free(clean);
}

void lout_reset(struct lout *o)
{
	o->stopped = false;
	o->answer = (struct lin_event){0};
	o->lines = 0;
}
