/* Reading a screen file (screenfile.h), for the kiosk's pages and line
 * mode alike, so that a screen reads the same in both. */
#include "common/screenfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file, with room for a NUL after it (the last fread
 * found at least 4096 bytes free); NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n + 4096 > cap) {
			char *b = realloc(buf, cap = 2 * cap + 4096);
			if (!b)
				break;
			buf = b;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err || !buf) {
		free(buf);
		errno = err ? err : ENOMEM;
		return NULL;
	}
	*len = n;
	return buf;
}

/* Joins the lines of each paragraph, so that a screen file reads well at
 * any width. */
static void reflow(char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '\n' && i > 0 && s[i - 1] != '\n' && s[i + 1] != '\n'
		    && s[i + 1] != ' ' && s[i + 1] != '\t')
			s[i] = ' ';
}

/* Reads file from the first directory of the list dirs ("a:b", see
 * htkp.ini(5)) that holds it, so that a site's /etc/htkp/screens/about.txt
 * overrides the packaged one file by file. Only a missing file moves on to
 * the next directory: one that is there but unreadable is an error, not
 * silently replaced by the shipped text. NULL with path and errno set
 * (the last directory's path when no directory holds the file). */
static char *read_screen(const char *dirs, const char *file, char *path,
			 size_t pathlen, size_t *len)
{
	for (const char *d = dirs;;) {
		size_t n = strcspn(d, ":");
		snprintf(path, pathlen, "%.*s/%s", (int)n, d, file);
		char *text = read_file(path, len);
		if (text || errno != ENOENT || d[n] == '\0')
			return text;
		d += n + 1;
	}
}

char *screen_read(const char *dirs, const char *file, size_t *len, char *err,
		  size_t errlen)
{
	char path[4096];
	char *text = read_screen(dirs, file, path, sizeof path, len);
	if (!text) {
		snprintf(err, errlen, "Cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	while (*len > 0 && text[*len - 1] == '\n')
		(*len)--;
	text[*len] = '\0';
	reflow(text, *len);
	return text;
}
