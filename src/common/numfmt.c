/* Counts for people (numfmt.h), shared by the full-screen kiosk and line
 * mode so that both say a number the same way. */
#include "common/numfmt.h"

#include <stdio.h>

void format_count(char *buf, size_t len, long n)
{
	char digits[24];
	int nd = snprintf(digits, sizeof digits, "%ld", n < 0 ? 0 : n);
	size_t o = 0;
	for (int i = 0; i < nd && o + 2 < len; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void format_count_of(char *buf, size_t len, long n, const char *noun, const char *nouns)
{
	char digits[32];
	format_count(digits, sizeof digits, n);
	snprintf(buf, len, "%s %s", digits, n == 1 ? noun : nouns);
}
