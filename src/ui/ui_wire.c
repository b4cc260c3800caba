/* ncurses changes attributes through the terminal's sgr and sgr0, which
 * reset everything and, on xterm, designate the ASCII charset every time:
 * a bold yellow label in plain text costs "ESC(B ESC[0;1m ESC[33m Acts:
 * ESC[39m ESC(B ESC[m" (26 bytes of control for 5 letters). This file
 * rewrites each frame so that attribute and charset changes are sent only
 * when text is written under them, and as the difference from what the
 * terminal already has ("ESC[1;33m Acts: ESC[m", 10 bytes):
 *   - SGR (ESC [ ... m), the G0 designation (ESC ( X) and SO/SI only say
 *     what the next text needs; they are sent, merged, just before text or
 *     anything else that may use them (an erase fills with the background
 *     colour), never before a cursor motion, which does not;
 *   - what is sent is an increment when nothing has to be turned off,
 *     otherwise a reset followed by the whole state (ESC[0;...m), the
 *     shorter when both would do; only the codes every terminal of the
 *     kind knows (0, 1-9, 30-49, 90-107, 38/48;5;n) are produced, and a
 *     code it does not model is passed on as it came, after which the
 *     state counts as unknown;
 *   - blanks and erased cells show only the background, underline and
 *     reverse video (and in reverse the letter colour): before them a
 *     change of bold, dim, italics or letter colour alone is not sent.
 * The state carries from frame to frame as ncurses believes it, except
 * that changes no text used wait for the next frame's text (wire_settle()
 * sends them when the session ends); wire_forget() makes it unknown
 * after a repaint that may follow something else's writes (Ctrl-L after
 * line noise, a resize). */
#include "ui/ui_outbuf.h"
#include "ui/ui_wire.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COLOUR_DEFAULT (-1)

struct sgr {
	unsigned attrs;   /* bit n: SGR n on, n = 1..9 */
	int fg, bg;       /* COLOUR_DEFAULT or 0-255 */
};

struct term_state {
	bool sgr_known;
	struct sgr sgr;
	char g0;          /* ESC ( X designation; 0 when unknown */
	int shifted;      /* SO (1) or SI (0); -1 when unknown */
};

static const struct term_state unknown = {false, {0, COLOUR_DEFAULT, COLOUR_DEFAULT}, 0, -1};

/* want: what ncurses has asked for; have: what the terminal has. */
static struct term_state want = unknown, have = unknown;


static void put_num(char *s, size_t *n, size_t size, int v)
{
	int k = snprintf(s + *n, size - *n, "%s%d", *n > 2 ? ";" : "", v);
	if (k > 0 && (size_t)k < size - *n)
		*n += (size_t)k;
}

static void put_colour(char *s, size_t *n, size_t size, int c, int base)
{
	if (c == COLOUR_DEFAULT) {
		put_num(s, n, size, base + 9);
	} else if (c < 8) {
		put_num(s, n, size, base + c);
	} else if (c < 16) {
		put_num(s, n, size, base + 60 + c - 8);
	} else {
		put_num(s, n, size, base + 8);
		put_num(s, n, size, 5);
		put_num(s, n, size, c);
	}
}

/* ESC [ ... m taking the terminal from *from (NULL: unknown) to *to. */
static size_t sgr_seq(const struct sgr *from, const struct sgr *to, char *s, size_t size)
{
	size_t n = 2;
	memcpy(s, "\033[", 2);
	bool incremental = from && (from->attrs & ~to->attrs) == 0;
	if (!incremental) {
		if (to->attrs == 0 && to->fg == COLOUR_DEFAULT && to->bg == COLOUR_DEFAULT) {
			s[n++] = 'm';   /* ESC[m: everything off */
			return n;
		}
		put_num(s, &n, size, 0);
	}
	for (int a = 1; a <= 9; a++)
		if ((to->attrs >> a & 1) && !(incremental && (from->attrs >> a & 1)))
			put_num(s, &n, size, a);
	if (!incremental ? to->fg != COLOUR_DEFAULT : to->fg != from->fg)
		put_colour(s, &n, size, to->fg, 30);
	if (!incremental ? to->bg != COLOUR_DEFAULT : to->bg != from->bg)
		put_colour(s, &n, size, to->bg, 40);
	if (n == 2)
		return 0;   /* nothing changes */
	s[n++] = 'm';
	return n;
}

/* Brings the terminal to what ncurses asked for, before something that
 * shows it. */
static void settle(struct outbuf *b)
{
	if (want.sgr_known && (!have.sgr_known || memcmp(&want.sgr, &have.sgr, sizeof want.sgr))) {
		char s[96];
		size_t n = sgr_seq(have.sgr_known ? &have.sgr : NULL, &want.sgr, s, sizeof s);
		if (have.sgr_known && n > 0) {
			/* A reset and the whole state may be shorter. */
			char r[96];
			size_t m = sgr_seq(NULL, &want.sgr, r, sizeof r);
			if (m < n) {
				memcpy(s, r, m);
				n = m;
			}
		}
		outbuf_put(b, s, n);
		have.sgr = want.sgr;
		have.sgr_known = true;
	}
	if (want.g0 && want.g0 != have.g0) {
		char s[3] = {'\033', '(', want.g0};
		outbuf_put(b, s, 3);
		have.g0 = want.g0;
	}
	if (want.shifted >= 0 && want.shifted != have.shifted) {
		outbuf_put(b, want.shifted ? "\016" : "\017", 1);
		have.shifted = want.shifted;
	}
}

/* True when blanks, and erased cells, look the same under have as under
 * want: their attributes differ only in ones a blank does not show
 * (bold, dim, italic) and in the letter colour, unless reverse video
 * makes that colour the cell's. */
static bool blank_alike(void)
{
	const unsigned shows_not = 1u << 1 | 1u << 2 | 1u << 3;
	if (!want.sgr_known || !have.sgr_known)
		return false;
	if ((want.sgr.attrs ^ have.sgr.attrs) & ~shows_not || want.sgr.bg != have.sgr.bg)
		return false;
	return !(have.sgr.attrs & 1u << 7) || want.sgr.fg == have.sgr.fg;
}

/* settle() before blanks or an erase: nothing when they would look the
 * same without it (the charset does not change a blank either). */
static void settle_blank(struct outbuf *b)
{
	if (!blank_alike())
		settle(b);
}

/* Applies SGR parameters p[0..n) to *s. False for a code not modelled. */
static bool sgr_apply(struct sgr *s, const int *p, int n)
{
	if (n == 0) {
		*s = (struct sgr){0, COLOUR_DEFAULT, COLOUR_DEFAULT};
		return true;
	}
	for (int i = 0; i < n; i++) {
		int v = p[i];
		if (v == 0)
			*s = (struct sgr){0, COLOUR_DEFAULT, COLOUR_DEFAULT};
		else if (v >= 1 && v <= 9)
			s->attrs |= 1u << v;
		else if (v == 22)
			s->attrs &= ~(1u << 1 | 1u << 2);
		else if (v >= 23 && v <= 29 && v != 26)
			s->attrs &= ~(1u << (v - 20));
		else if (v >= 30 && v <= 37)
			s->fg = v - 30;
		else if (v == 39)
			s->fg = COLOUR_DEFAULT;
		else if (v >= 40 && v <= 47)
			s->bg = v - 40;
		else if (v == 49)
			s->bg = COLOUR_DEFAULT;
		else if (v >= 90 && v <= 97)
			s->fg = v - 90 + 8;
		else if (v >= 100 && v <= 107)
			s->bg = v - 100 + 8;
		else if ((v == 38 || v == 48) && i + 2 < n && p[i + 1] == 5 && p[i + 2] >= 0 && p[i + 2] < 256) {
			*(v == 38 ? &s->fg : &s->bg) = p[i + 2];
			i += 2;
		} else
			return false;
	}
	return true;
}

/* Parses the parameters of ESC [ p m (digits and ';' only). */
static bool sgr_params(const char *s, size_t n, int *p, int *count, int max)
{
	int k = 0, v = -1;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == ';') {
			if (k == max)
				return false;
			p[k++] = v < 0 ? 0 : v;
			v = -1;
		} else if (s[i] >= '0' && s[i] <= '9') {
			v = (v < 0 ? 0 : v) * 10 + (s[i] - '0');
			if (v > 9999)
				return false;
		} else {
			return false;
		}
	}
	*count = n == 0 ? 0 : k;
	return true;
}

/* Length of the control sequence at s[0..n) (s[0] is ESC), or 0 when it
 * is cut off. */
static size_t esc_len(const char *s, size_t n)
{
	if (n < 2)
		return 0;
	if (s[1] == '[') {
		for (size_t i = 2; i < n; i++)
			if ((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e)
				return i + 1;
		return 0;
	}
	if (s[1] == '(' || s[1] == ')' || s[1] == '#')
		return n >= 3 ? 3 : 0;
	return 2;
}

bool wire_settle(char **out, size_t *cap, size_t *len)
{
	struct outbuf b = {out, cap, 0, false};
	settle(&b);
	if (b.failed) {
		have = unknown;
		return false;
	}
	*len = b.len;
	return true;
}

void wire_forget(void)
{
	have = unknown;
}

bool wire_compact(const char *in, size_t n, char **out, size_t *cap, size_t *len)
{
	struct outbuf b = {out, cap, 0, false};
	size_t i = 0;
	while (i < n) {
		char c = in[i];
		if (c == '\033') {
			size_t len = esc_len(in + i, n - i);
			if (len == 0) {   /* cut off: as it is */
				settle(&b);
				outbuf_put(&b, in + i, n - i);
				break;
			}
			char fin = in[i + len - 1];
			if (in[i + 1] == '[' && fin == 'm') {
				int p[32], k;
				struct sgr next = want.sgr;
				bool ok = sgr_params(in + i + 2, len - 3, p, &k, 32)
					  && (want.sgr_known || k == 0 || p[0] == 0)
					  && sgr_apply(&next, p, k);
				if (ok) {
					want.sgr = next;
					want.sgr_known = true;
				} else {   /* not modelled: on the wire as it is */
					settle(&b);
					outbuf_put(&b, in + i, len);
					want.sgr_known = have.sgr_known = false;
				}
			} else if (in[i + 1] == '(' && len == 3) {
				want.g0 = fin;
			} else if (in[i + 1] == '[' && strchr("HfdGABCD", fin)
				   && !memchr(in + i + 2, '?', len - 3)) {
				outbuf_put(&b, in + i, len);   /* motion: attributes wait */
			} else if (in[i + 1] == '[' && strchr("KJX", fin)
				   && !memchr(in + i + 2, '?', len - 3)) {
				settle_blank(&b);   /* an erase: blanks of the background */
				outbuf_put(&b, in + i, len);
			} else {
				settle(&b);
				outbuf_put(&b, in + i, len);
				/* Restoring the cursor restores its attributes
				 * and charsets too: whatever they were. */
				if ((len == 2 && fin == '8') || (in[i + 1] == '[' && fin == 'u'))
					have = unknown;
			}
			i += len;
		} else if (c == '\016' || c == '\017') {
			want.shifted = c == '\016';
			i++;
		} else if (c == '\r' || c == '\b') {
			outbuf_put(&b, in + i, 1);
			i++;
		} else {
			size_t j = i + 1;
			bool blanks = c == ' ';
			while (j < n && in[j] != '\033' && in[j] != '\016' && in[j] != '\017'
			       && in[j] != '\r' && in[j] != '\b') {
				blanks = blanks && in[j] == ' ';
				j++;
			}
			if (blanks)
				settle_blank(&b);
			else
				settle(&b);
			outbuf_put(&b, in + i, j - i);
			i = j;
		}
	}
	if (b.failed) {
		have = unknown;
		return false;
	}
	*len = b.len;
	return true;
}
