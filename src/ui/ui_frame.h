/* One write() per frame, whatever its size (ui_frame.c). */
#ifndef HTKP_UI_FRAME_H
#define HTKP_UI_FRAME_H

/* From here on, what ncurses writes to the terminal is kept. */
void ui_frame_begin(void);

/* Sends what was kept in one write(), and writes go straight out again. */
void ui_frame_end(void);

#endif
