/* Line mode (htkp --line, [display] mode = line): the whole kiosk as a
 * dialogue of plain lines, for screen readers, braille displays and
 * teletype-slow links. What main.c needs. */
#ifndef HTKP_LINE_H
#define HTKP_LINE_H

struct config;
struct store;

/* Runs line mode on standard input and output until quit, end of input
 * or a signal. Returns the exit status. */
int line_run(const struct config *cfg, struct store *st);

#endif
