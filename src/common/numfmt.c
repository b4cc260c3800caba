/* Counts for people (numfmt.h), shared by the full-screen kiosk and line
 * mode so that both say a number the same way. */
#include "common/numfmt.h"
#include "common/catalog.h"
#include "common/i18n.h"

#include <stdio.h>
#include <string.h>

void format_count(char *buf, size_t len, long n)
{
	char digits[24];
	int nd = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	/* TRANSLATORS: the separator of thousands in counts ("1,532"): e.g.
	   a no-break space in French, a period in Spanish. */
	const char *sep = C_("thousands separator", ",");
	size_t sl = strlen(sep), o = 0;
	for (int i = 0; i < nd && o + 2 < len; i++) {
		if (i > 0 && (nd - i) % 3 == 0) {
			if (o + sl + 2 >= len)
				break;
			memcpy(buf + o, sep, sl);
			o += sl;
		}
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void format_records(char *buf, size_t len, long n, int db)
{
	char digits[48];
	format_count(digits, sizeof digits, n);
	unsigned long k = n < 0 ? 0 : (unsigned long)n;
	const char *fmt;
	/* TRANSLATORS: %s is a count with its separators ("1,532"). */
	switch (db) {
	case DB_CASES:
		fmt = ngettext("%s case", "%s cases", k);
		break;
	case DB_LEGISLATION:
		fmt = ngettext("%s law", "%s laws", k);
		break;
	default:
		fmt = ngettext("%s publication", "%s publications", k);
		break;
	}
	snprintf(buf, len, fmt, digits);
}
