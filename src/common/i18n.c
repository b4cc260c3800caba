/* The interface's language through the C library's gettext. The language
 * is switched for the whole process with LANGUAGE, which glibc honours
 * whenever LC_MESSAGES is not the bare C locale; each catalogue is read
 * once, at start, and kept. */
#include "common/i18n.h"
#include "common/text.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DOMAIN "htkp"

/* glibc's counter of catalogue changes: raising it makes gettext forget
 * the translations it has looked up, as the gettext manual shows for a
 * program that changes LANGUAGE while it runs. */
extern int _nl_msg_cat_cntr;

const struct language i18n_languages[I18N_N_LANGUAGES] = {
	{"ar", "العربية", "Arabic", false, true},
	{"zh", "中文", "Chinese", false, false},
	{"en", "English", "English", true, false},
	{"fr", "Français", "French", true, false},
	{"ru", "Русский", "Russian", false, false},
	{"es", "Español", "Spanish", true, false},
};
#define ENGLISH (&i18n_languages[2])

static const struct language *current = ENGLISH;
static char auto_code[3] = "en";     /* what "auto" means: the session's */
static bool messages_ok;             /* LC_MESSAGES lets gettext translate */
static char fallback[160];

static const struct language *find(const char *code)
{
	for (int i = 0; i < I18N_N_LANGUAGES; i++)
		if (strcmp(i18n_languages[i].code, code) == 0)
			return &i18n_languages[i];
	return NULL;
}

bool i18n_known(const char *code)
{
	return find(code) != NULL;
}

/* The first of LANGUAGE (its first entry), LC_ALL, LC_MESSAGES and LANG
 * that is set decides, by its first two letters ("fr_SN.UTF-8" is
 * French); anything else is English. */
static void detect_auto(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		char code[3] = {v[0], v[1] ? v[1] : '\0', '\0'};
		const struct language *l = find(code);
		if (l && (v[2] == '\0' || v[2] == '_' || v[2] == '.' || v[2] == ':'
			  || v[2] == '@' || v[2] == '-'))
			memcpy(auto_code, l->code, sizeof auto_code);
		return;
	}
}

static void make_current(const struct language *l)
{
	current = l;
	setenv("LANGUAGE", l->code, 1);
	++_nl_msg_cat_cntr;
}

void i18n_init(const char *localedir)
{
	detect_auto();
	/* An absolute path: with a relative one glibc's gettext calls
	 * getcwd() at every lookup, hundreds of system calls a frame. */
	char cwd[4096], abs[4096 + 256];
	if (localedir[0] != '/' && getcwd(cwd, sizeof cwd)
	    && (size_t)snprintf(abs, sizeof abs, "%s/%s", cwd, localedir) < sizeof abs)
		localedir = abs;
	bindtextdomain(DOMAIN, localedir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");   /* the text layer converts */
	textdomain(DOMAIN);
	const char *m = setlocale(LC_MESSAGES, NULL);
	messages_ok = m && strcmp(m, "C") != 0 && strcmp(m, "POSIX") != 0;
	if (!messages_ok)
		messages_ok = setlocale(LC_MESSAGES, "C.UTF-8") || setlocale(LC_MESSAGES, "C.utf8")
			      || setlocale(LC_MESSAGES, "en_US.UTF-8");
	/* Read every catalogue now: the empty msgid is its header (not a
	 * literal here, which xgettext would refuse to extract). */
	static const char header[] = "";
	for (int i = 0; messages_ok && i < I18N_N_LANGUAGES; i++) {
		make_current(&i18n_languages[i]);
		(void)gettext(header);
	}
	make_current(ENGLISH);
}

/* Whether the terminal can show l (a Latin script is transliterated where
 * it must be). */
static bool showable(const struct language *l)
{
	return l->latin || text_can_show(l->name);
}

const char *i18n_set(const char *code)
{
	const struct language *l = find(strcmp(code, "auto") == 0 ? auto_code : code);
	if (!l)
		return NULL;
	fallback[0] = '\0';
	if (l != ENGLISH && !messages_ok) {
		snprintf(fallback, sizeof fallback,
			 "%s needs a UTF-8 locale such as C.UTF-8 (see locale -a): English instead.",
			 l->english);
		l = ENGLISH;
	} else if (!showable(l)) {
		snprintf(fallback, sizeof fallback,
			 "This terminal's character set (%s) cannot show %s: English instead.",
			 text_charset() ? text_charset() : "UTF-8", l->english);
		l = ENGLISH;
	}
	make_current(l);
	return l->code;
}

const char *i18n_shown_name(const struct language *l)
{
	return showable(l) ? l->name : l->english;
}

const struct language *i18n_current(void)
{
	return current;
}

const char *i18n_fallback(void)
{
	return fallback[0] ? fallback : NULL;
}

const char *i18n_pgettext(const char *msgid, const char *text)
{
	const char *t = gettext(msgid);
	return t == msgid ? text : t;
}

const char *i18n_context(const char *context, const char *text)
{
	char key[256];
	int n = snprintf(key, sizeof key, "%s\004%s", context, text);
	if (n < 0 || (size_t)n >= sizeof key || current == ENGLISH)
		return text;
	const char *t = gettext(key);
	return t == key ? text : t;
}

const char *i18n_value(const char *value)
{
	return i18n_context("value", value);
}
