/* One write() per frame, whatever its size (ui_frame.c). */
#ifndef HTKP_UI_FRAME_H
#define HTKP_UI_FRAME_H

/* From here on, what ncurses writes to the terminal is kept. */
void ui_frame_begin(void);

/* Sends what was kept in one write(), and writes go straight out again. */
void ui_frame_end(void);

/* Before endwin(): leaves the terminal's attributes and charsets as
 * ncurses believes them (frames leave the last text's until the next
 * frame's text needs others: ui_wire.h). */
void ui_frame_settle(void);

#endif
