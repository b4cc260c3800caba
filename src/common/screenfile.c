/* Reading a screen file (screenfile.h), for the kiosk's pages and line
 * mode alike, so that a screen reads the same in both. */
#include "common/screenfile.h"
#include "common/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

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

/* Whether the characters on both sides of s[i] are double-width (Chinese,
 * Japanese): such text has no spaces between words, so a line break
 * inside a paragraph joins without one. */
static bool between_wide(const char *s, size_t i, size_t len)
{
	ucs4_t before = 0, after = 0;
	const uint8_t *p = u8_prev(&before, (const uint8_t *)s + i, (const uint8_t *)s);
	if (!p || u8_mbtouc(&after, (const uint8_t *)s + i + 1, len - i - 1) <= 0)
		return false;
	return uc_width(before, "UTF-8") == 2 && uc_width(after, "UTF-8") == 2;
}

/* Joins the lines of each paragraph, so that a screen file reads well at
 * any width. Returns the new length. */
static size_t reflow(char *s, size_t len)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n' && i > 0 && i + 1 < len && s[i - 1] != '\n'
		    && s[i + 1] != '\n' && s[i + 1] != ' ' && s[i + 1] != '\t') {
			if (!between_wide(s, i, len))
				s[o++] = ' ';
			continue;
		}
		s[o++] = s[i];
	}
	return o;
}

/* Reads file from the first directory of the list dirs ("a:b", see
 * htkp.ini(5)) that holds it, so that a site's /etc/htkp/screens/about.txt
 * overrides the packaged one file by file. Only a missing file moves on to
 * the next directory: one that is there but unreadable is an error, not
 * silently replaced by the shipped text. NULL with path and errno set
 * (the last directory's path when no directory holds the file). */
static char *read_screen(const char *dirs, const char *lang, const char *file,
			 char *path, size_t pathlen, size_t *len)
{
	for (const char *d = dirs;;) {
		size_t n = strcspn(d, ":");
		snprintf(path, pathlen, "%.*s/%s%s%s", (int)n, d, lang ? lang : "",
			 lang ? "/" : "", file);
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
	/* The language's own folder in each directory (screens/fr/help.txt)
	 * before the English. */
	const char *lang = i18n_current()->code;
	char *text = strcmp(lang, "en") != 0
		     ? read_screen(dirs, lang, file, path, sizeof path, len) : NULL;
	if (!text && (strcmp(lang, "en") == 0 || errno == ENOENT))
		text = read_screen(dirs, NULL, file, path, sizeof path, len);
	if (!text) {
		/* TRANSLATORS: %1$s is a file's path, %2$s why it cannot be
		   read (the system's words, in English). */
		snprintf(err, errlen, _("Cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	while (*len > 0 && text[*len - 1] == '\n')
		(*len)--;
	*len = reflow(text, *len);
	text[*len] = '\0';
	return text;
}
