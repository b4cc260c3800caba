/* The static screens (welcome, definition, about, help) as text to show:
 * read from the screens directory, paragraphs joined for wrapping. */
#ifndef HTKP_SCREENFILE_H
#define HTKP_SCREENFILE_H

#include <stddef.h>

/* Reads file, in the current language's folder of each directory
 * (a/fr/help.txt) when there is one, else from the first of the directories dirs ("a:b": a site's
 * folder before the packaged one) that holds it, drops its trailing newlines and joins the lines of each
 * paragraph (a newline between two non-blank lines becomes a space unless
 * the second is indented: lists and tables keep their lines). Returns a
 * malloc'd NUL-terminated string of *len bytes (not cleaned) the caller frees, or NULL
 * with a line saying why in err. */
char *screen_read(const char *dirs, const char *file, size_t *len, char *err,
		  size_t errlen);

#endif
