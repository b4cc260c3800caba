/* The home menu's items (homemenu.h). */
#include "common/homemenu.h"
#include "common/catalog.h"
#include "common/i18n.h"

const struct home_item home_items[HOME_N_ITEMS] = {
	{N_("Welcome"), HOME_PAGE, "welcome.txt", 0},
	{N_("Definition: article 3 of the Protocol"), HOME_PAGE, "definition.txt", 0},
	{N_("Case Law"), HOME_DB, NULL, DB_CASES},
	{N_("Legislation"), HOME_DB, NULL, DB_LEGISLATION},
	{N_("Bibliography"), HOME_DB, NULL, DB_BIBLIOGRAPHY},
	{N_("Help"), HOME_HELP, NULL, 0},
	{N_("About"), HOME_PAGE, "about.txt", 0},
	/* TRANSLATORS: the records the reader marked in this session. */
	{N_("Marked"), HOME_MARKED, NULL, 0},
};
