/* The home menu's items, in order: one table for the full-screen kiosk
 * and line mode, so that both offer the same screens under one number. */
#ifndef HTKP_HOMEMENU_H
#define HTKP_HOMEMENU_H

/* HOME_MARKED: the records marked in this session (the full-screen
 * kiosk's; line mode does not list it). */
enum home_item_kind { HOME_PAGE, HOME_DB, HOME_HELP, HOME_MARKED };

struct home_item {
	const char *label;  /* marked N_(), displayed with _() */
	enum home_item_kind kind;
	const char *file;   /* HOME_PAGE: the screen file */
	int db;             /* HOME_DB: enum db */
};

#define HOME_N_ITEMS 8
extern const struct home_item home_items[HOME_N_ITEMS];

#endif
