/* Line mode's output: plain lines of text, cleaned and in the terminal's
 * charset, wrapped at word boundaries, stopping at each screenful to ask
 * for Enter (the pause). Nothing but text: no escape sequences. */
#ifndef HTKP_LINE_OUT_H
#define HTKP_LINE_OUT_H

#include "line/line_in.h"

#include <stdbool.h>

struct config;

struct lout {
	int width;        /* columns to wrap at */
	int height;       /* lines in a screenful; 0: never pause */
	int timeout_ms;   /* how long a pause waits for an answer (-1: for ever) */
	int lines;        /* lines written since the last line was read */
	/* A pause answered with anything but Enter stops the output: nothing
	 * more is written until the session takes the answer. */
	bool stopped;
	struct lin_event answer;
};

/* Measures the terminal (or takes [display] line_width) and whether to
 * pause; called before each screen, so that a resize counts. */
void lout_measure(struct lout *o, const struct config *cfg);

/* Text (any bytes: it is cleaned here), wrapped, its first line after
 * `first` (a number, a label, translated maybe: measured in columns; one
 * too wide for the line is wrapped with the text), the lines after that
 * indented by `indent` columns. Newlines in text start new lines. */
void lout_text(struct lout *o, const char *first, const char *text, int indent);
/* The same, without a lead. */
void lout_line(struct lout *o, const char *text);
/* printf into a line. */
void lout_printf(struct lout *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* An empty line. */
void lout_blank(struct lout *o);
/* Item n of a numbered list: "12. text", the lines after it lined up
 * under the text. */
void lout_item(struct lout *o, long n, const char *text);
/* The same with a label before the text: "3. Statute: Penal Code, art. 12". */
void lout_item_labelled(struct lout *o, long n, const char *label, const char *text);

/* The prompt: text, wrapped, ending in ": " with the cursor after it. */
void lout_prompt(struct lout *o, const char *text);

/* Forgets the pause's answer (the session took it) and starts counting
 * lines afresh. */
void lout_reset(struct lout *o);

#endif
