/* The home menu's items (homemenu.h). */
#include "common/homemenu.h"
#include "common/catalog.h"

const struct home_item home_items[HOME_N_ITEMS] = {
	{"Welcome", HOME_PAGE, "welcome.txt", 0},
	{"Definition: article 3 of the Protocol", HOME_PAGE, "definition.txt", 0},
	{"Case Law", HOME_DB, NULL, DB_CASES},
	{"Legislation", HOME_DB, NULL, DB_LEGISLATION},
	{"Bibliography", HOME_DB, NULL, DB_BIBLIOGRAPHY},
	{"Help", HOME_HELP, NULL, 0},
	{"About", HOME_PAGE, "about.txt", 0},
	{"Marked", HOME_MARKED, NULL, 0},
};
