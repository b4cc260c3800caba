/* spelling.h: the other spellings of an English word that a search for it
 * should find too: British and American (labour, labor; organisation,
 * organization), singular and plural (victim, victims; child, children). */
#ifndef HTKP_SPELLING_H
#define HTKP_SPELLING_H

#include <stddef.h>

/* Words longer than this (or with anything but ASCII letters) have none. */
#define SPELLING_MAX_WORD 40
/* Room for one variant: a few letters longer than the word, and a NUL. */
#define SPELLING_BYTES (SPELLING_MAX_WORD + 4)

/* Writes up to max other spellings of word[0..len) into out, in small
 * letters, each different from the word (case aside) and from the others;
 * returns how many. */
size_t spelling_variants(const char *word, size_t len, char (*out)[SPELLING_BYTES],
						 size_t max);

#endif
