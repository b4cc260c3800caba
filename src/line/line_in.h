/* Line mode's input: whole lines from standard input, so that the
 * terminal's own line editing and a screen reader's echo work. */
#ifndef HTKP_LINE_IN_H
#define HTKP_LINE_IN_H

#include <stdbool.h>
#include <stddef.h>

/* A line longer than this is cut (QUERY_MAX_BYTES: a search holds no more). */
#define LINE_MAX_INPUT 500

enum lin_kind {
	LIN_LINE,      /* text: a line typed */
	LIN_EOF,       /* end of input or hang-up: the session ends */
	LIN_TIMEOUT,   /* nothing typed for the time asked */
	LIN_SIGNAL,    /* SIGTERM or SIGHUP: the session ends */
	LIN_CANCEL,    /* Ctrl-C: the line was abandoned */
};

struct lin_event {
	enum lin_kind kind;
	char *text;    /* LIN_LINE: clean UTF-8, blanks trimmed; owned */
	bool cut;      /* LIN_LINE: the line was longer than LINE_MAX_INPUT */
};

/* Catches the signals line mode handles itself (Ctrl-C cancels a line,
 * Ctrl-\ and Ctrl-Z do nothing, SIGTERM and SIGHUP end the session). */
void lin_init(void);

/* Reads the next line, waiting at most timeout_ms (-1: for ever). Standard
 * output is flushed first. The caller frees ev->text with lin_event_free. */
void lin_read(int timeout_ms, struct lin_event *ev);

void lin_event_free(struct lin_event *ev);

#endif
