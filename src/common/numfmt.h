/* Numbers as people read them: "1,532", "1 case", "12 cases". */
#ifndef HTKP_NUMFMT_H
#define HTKP_NUMFMT_H

#include <stddef.h>

/* Writes n with thousands separators ("1,532"); a negative n as 0. */
void format_count(char *buf, size_t len, long n);

/* Writes n with separators and the noun it counts: "1 case", "12 cases". */
void format_count_of(char *buf, size_t len, long n, const char *noun, const char *nouns);

#endif
