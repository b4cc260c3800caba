/* The language of the interface: GNU gettext over the catalogues built
 * from po/ (one per language), chosen by [display] language, htkp --lang,
 * or the home menu's language key for one session. Records stay in their
 * own language; only what htkp itself says is translated.
 *
 * Mark every string a user sees:
 *   _("Search")                    translated where it is used
 *   N_("Search")                   in a table: marked, translated later
 *                                  with _() where it is shown
 *   ngettext("%d case", "%d cases", n)   plural forms by the language's rule
 *   C_("verdict", "Convicted")     with a context for the translator,
 *                                  when one English word means two things
 *   i18n_value(value)              a stored category value of ours
 *                                  (verdict, form...) for display: marked
 *                                  in the catalog as NC_("value", ...)
 * Translate at the moment of drawing, never into a static: the language
 * can change while the session runs. */
#ifndef HTKP_I18N_H
#define HTKP_I18N_H

#include <libintl.h>
#include <stdbool.h>

#define _(s) i18n_gettext(s)
#define N_(s) (s)
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
#define NC_(ctx, s) (s)

/* gettext, but "" stays "" (gettext("") is the catalogue's header): a
 * table's empty label is shown as nothing in every language. */
static inline char *i18n_gettext(const char *s)
{
	return s[0] ? gettext(s) : (char *)s;
}

/* The languages with a catalogue, in the order the language key offers
 * them. */
enum { I18N_N_LANGUAGES = 6 };
struct language {
	const char *code;     /* "fr": po/fr.po, screens/fr/, --lang fr */
	const char *name;     /* in its own language and script: "Français" */
	const char *english;  /* its English name, for messages in English */
	bool latin;           /* shown (transliterated) under any charset */
	bool rtl;             /* written right to left */
};
extern const struct language i18n_languages[I18N_N_LANGUAGES];

/* Finds where the catalogues are (DIR/<code>/LC_MESSAGES/htkp.mo) and
 * loads each one now, while files can still be opened: the sandbox that
 * follows allows reading, but a session should not depend on it. */
void i18n_init(const char *localedir);

/* The language code ("auto" too: from LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG, else English) made current. Returns its code, or NULL when code
 * names no language (the current one is kept). A language whose script
 * the terminal's charset cannot show is replaced by English: see
 * i18n_fallback. */
const char *i18n_set(const char *code);

/* Language l's own name, or its English one where the terminal's charset
 * cannot show the name's script (under ASCII "中文" would be "??"): how
 * the language keys list it. */
const char *i18n_shown_name(const struct language *l);

/* The current language: never NULL. */
const struct language *i18n_current(void);

/* Whether code names a language ("auto" does not). */
bool i18n_known(const char *code);

/* When the last i18n_set fell back to English because the charset cannot
 * show the language's script: one line saying so (in English), else NULL. */
const char *i18n_fallback(void);

/* pgettext: msgid is "context\004text"; returns text untranslated. */
const char *i18n_pgettext(const char *msgid, const char *text);

/* text in the given context (a marked NC_(context, text)) in the current
 * language: text as it is when the catalogue has no such entry. */
const char *i18n_context(const char *context, const char *text);

/* A stored category value of ours (a verdict, a form of trafficking) in
 * the current language; any other value as it is. */
const char *i18n_value(const char *value);

#endif
