/* ncurses chooses cursor motions by average costs: it prices every
 * ESC[row;colH as if both numbers had two digits, and for any move longer
 * than 7 cells away from the screen's edges it sends one without looking
 * at the others. So it sends ESC[10;47H (8 bytes) where ESC[9C (4) goes
 * to the same cell, and ESC[12;3H where CR LF ESC[2C would do.
 *
 * This pass follows the cursor through each frame as ncurses wrote it and
 * replaces every run of consecutive motions by the shortest sequence that
 * reaches the same cell, among the ones the terminal has (terminfo):
 * absolute (cup, hpa, vpa, with default parameters left out), relative
 * (cuu, cud, cuf, cub, backspace) and carriage return with line feeds.
 * What is drawn, and where, stays the same.
 *
 * Where it cannot be sure of the cursor, it sends what ncurses sent:
 *   - after text that reaches the last column (the terminal may or may
 *     not have wrapped), and after anything it does not model (scrolling,
 *     inserting lines, restoring the cursor, switching screens);
 *   - a column reached by writing non-ASCII characters is counted with
 *     wcwidth(), as ncurses counts it, but a terminal may give such a
 *     character another width (an East Asian "ambiguous" one), so from
 *     there only a motion that sets the column itself (CR, hpa, cup) is
 *     used, as ncurses does;
 *   - a line feed moves down only where it cannot scroll: never on the
 *     bottom line of the scroll region, and only while that region is
 *     known (ncurses sets it when it starts).
 * The cursor and the scroll region carry from frame to frame, exactly as
 * ncurses believes them. */
#include "ui/ui_outbuf.h"
#include "ui/ui_motion.h"

#include <curses.h>
#include <term.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct pos {
	int row, col;     /* -1: unknown */
	bool col_exact;   /* col was set, or counted over ASCII only */
};

static const struct pos nowhere = {-1, -1, false};

static struct {
	bool on;                       /* cup is ANSI: the pass runs */
	bool cuu, cud, cuf, cub, hpa, vpa, bs;
} caps;

static struct pos at = {-1, -1, false};
static int region_top = -1, region_bottom = -1;   /* -1: unknown */
static int last_lines = -1;

/* The capability, without its padding, is exactly want. */
static bool cap_is(const char *name, const char *want)
{
	const char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return false;
	size_t n = strlen(want);
	if (strncmp(s, want, n) != 0)
		return false;
	return s[n] == '\0' || (s[n] == '$' && s[n + 1] == '<' && strchr(s + n, '>')
				&& strchr(s + n, '>')[1] == '\0');
}

void motion_init(void)
{
	caps.on = cap_is("cup", "\033[%i%p1%d;%p2%dH");
	caps.cuu = cap_is("cuu", "\033[%p1%dA");
	caps.cud = cap_is("cud", "\033[%p1%dB");
	caps.cuf = cap_is("cuf", "\033[%p1%dC");
	caps.cub = cap_is("cub", "\033[%p1%dD");
	caps.hpa = cap_is("hpa", "\033[%i%p1%dG");
	caps.vpa = cap_is("vpa", "\033[%i%p1%dd");
	caps.bs = cap_is("cub1", "\b");
	at = nowhere;
	region_top = region_bottom = -1;
}

void motion_forget(void)
{
	at = nowhere;
}


/* A candidate motion being built. */
struct seq {
	char s[48];
	size_t n;
	bool sets_col;   /* it sets the column itself (not relative to it) */
};

static void add(struct seq *q, const char *s, size_t n)
{
	if (q->n + n <= sizeof q->s) {
		memcpy(q->s + q->n, s, n);
		q->n += n;
	} else {
		q->n = SIZE_MAX / 2;   /* too long: never chosen */
	}
}

static void add_num(struct seq *q, int v)
{
	char b[16];
	int k = 0;
	char r[16];
	do
		r[k++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	for (int i = 0; i < k; i++)
		b[i] = r[k - 1 - i];
	add(q, b, (size_t)k);
}

/* ESC [ n fin, the parameter left out when it is the default 1. */
static void add_csi(struct seq *q, int n, char fin)
{
	add(q, "\033[", 2);
	if (n != 1)
		add_num(q, n);
	add(q, &fin, 1);
}

static void keep_shorter(struct seq *best, const struct seq *q)
{
	if (q->n < best->n)
		*best = *q;
}

/* The vertical moves from row a to row b: into v[], returns how many. */
static int vertical(int a, int b, struct seq *v)
{
	int k = 0;
	if (a >= 0 && a == b) {
		v[k++] = (struct seq){.n = 0};
		return k;
	}
	if (a >= 0 && b > a && caps.cud)
		v[k] = (struct seq){.n = 0}, add_csi(&v[k++], b - a, 'B');
	if (a >= 0 && b < a && caps.cuu)
		v[k] = (struct seq){.n = 0}, add_csi(&v[k++], a - b, 'A');
	if (caps.vpa)
		v[k] = (struct seq){.n = 0}, add_csi(&v[k++], b + 1, 'd');
	return k;
}

/* The horizontal moves from column from.col to c, on any row. */
static int horizontal(struct pos from, int c, struct seq *h)
{
	int k = 0;
	bool relative = from.col >= 0 && from.col_exact;
	if (relative && from.col == c) {
		h[k++] = (struct seq){.n = 0};
		return k;
	}
	if (relative && c > from.col && caps.cuf)
		h[k] = (struct seq){.n = 0}, add_csi(&h[k++], c - from.col, 'C');
	if (relative && c < from.col && caps.cub)
		h[k] = (struct seq){.n = 0}, add_csi(&h[k++], from.col - c, 'D');
	if (relative && c < from.col && from.col - c <= 3 && caps.bs) {
		h[k] = (struct seq){.n = 0};
		add(&h[k++], "\b\b\b", (size_t)(from.col - c));
	}
	if (caps.hpa) {
		h[k] = (struct seq){.n = 0, .sets_col = true};
		add_csi(&h[k++], c + 1, 'G');
	}
	h[k] = (struct seq){.n = 0, .sets_col = true};
	add(&h[k], "\r", 1);
	if (c > 0 && caps.cuf)
		add_csi(&h[k], c, 'C');
	if (c == 0 || caps.cuf)
		k++;
	return k;
}

/* A line feed on row r moves the cursor down without scrolling. */
static bool feed_moves(int r, int height)
{
	return region_top >= 0 && r != region_bottom && r < height - 1;
}

/* The shortest way from `from` to `to` (known); sets_col tells whether it
 * sets the column rather than moving it. */
static struct seq shortest(struct pos from, struct pos to, int height)
{
	struct seq best = {.n = 0, .sets_col = true};
	add(&best, "\033[", 2);
	if (to.row > 0)
		add_num(&best, to.row + 1);
	if (to.col > 0)
		add(&best, ";", 1), add_num(&best, to.col + 1);
	add(&best, "H", 1);

	struct seq v[3], h[5];
	int nv = vertical(from.row, to.row, v), nh = horizontal(from, to.col, h);
	for (int i = 0; i < nv; i++)
		for (int j = 0; j < nh; j++) {
			struct seq q = v[i];
			q.sets_col = h[j].sets_col;
			add(&q, h[j].s, h[j].n);
			keep_shorter(&best, &q);
		}
	/* CR and line feeds: to the start of a row a few rows down. */
	if (from.row >= 0 && to.row > from.row && to.row - from.row <= 4) {
		bool ok = true;
		for (int r = from.row; r < to.row; r++)
			ok = ok && feed_moves(r, height);
		if (ok) {
			struct seq q = {.n = 0, .sets_col = true};
			add(&q, "\r\n\n\n\n", (size_t)(1 + to.row - from.row));
			if (to.col > 0 && caps.cuf)
				add_csi(&q, to.col, 'C');
			if (to.col == 0 || caps.cuf)
				keep_shorter(&best, &q);
		}
	}
	return best;
}

enum kind {
	STILL,    /* does not move the cursor */
	MOTION,   /* a cursor motion (moves p) */
	TEXT,     /* characters (moves p) */
	LOST,     /* moves it somewhere this pass does not follow */
};

/* Numeric parameter i of the CSI parameters s[0..n) (0 when absent). */
static int param(const char *s, size_t n, int i)
{
	int v = 0;
	for (size_t j = 0; j < n; j++) {
		if (s[j] == ';') {
			if (i-- == 0)
				return v;
			v = 0;
		} else if (s[j] >= '0' && s[j] <= '9' && v < 100000) {
			v = v * 10 + (s[j] - '0');
		}
	}
	return i == 0 ? v : 0;
}

static int at_least_1(int v)
{
	return v < 1 ? 1 : v;
}

/* Length of the string command (OSC, DCS, ...) at s: up to BEL or ST. */
static size_t string_len(const char *s, size_t n)
{
	for (size_t i = 2; i < n; i++) {
		if (s[i] == '\a')
			return i + 1;
		if (s[i] == '\033' && i + 1 < n && s[i + 1] == '\\')
			return i + 2;
	}
	return n;
}

/* A control sequence: its length and what it does to p. */
static size_t control(const char *s, size_t n, struct pos *p, enum kind *k, int height, int width)
{
	*k = STILL;
	if (s[0] == '\r' || s[0] == '\b' || s[0] == '\t') {
		*k = MOTION;
		if (s[0] == '\r')
			p->col = 0, p->col_exact = true;
		else if (p->col >= 0 && s[0] == '\b')
			p->col = p->col > 0 ? p->col - 1 : 0;
		else if (p->col >= 0)
			p->col = (p->col / 8 + 1) * 8 < width ? (p->col / 8 + 1) * 8 : width - 1;
		return 1;
	}
	if (s[0] != '\033') {
		*k = s[0] == '\n' || s[0] == '\v' || s[0] == '\f' ? LOST : STILL;
		return 1;
	}
	if (n < 2) {
		*k = LOST;
		return n;
	}
	switch (s[1]) {
	case '(': case ')': case '*': case '+':
		return n < 3 ? n : 3;
	case '=': case '>': case '7':
		return 2;
	case ']': case 'P': case '_': case '^': case 'X':
		*k = s[1] == ']' ? STILL : LOST;
		return string_len(s, n);
	case '[':
		break;
	default:
		*k = LOST;
		return 2;
	}
	size_t i = 2;
	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] <= 0x3f)
		i++;
	if (i >= n) {
		*k = LOST;
		return n;
	}
	char fin = s[i];
	const char *ps = s + 2;
	size_t pn = i - 2;
	size_t len = i + 1;
	if (pn > 0 && strchr("<=>?", ps[0])) {
		/* Private modes: only switching screens moves the cursor. */
		bool screens = (fin == 'h' || fin == 'l')
			       && (param(ps + 1, pn - 1, 0) == 1049 || param(ps + 1, pn - 1, 0) == 47
				   || param(ps + 1, pn - 1, 0) == 1047 || param(ps + 1, pn - 1, 0) == 1048);
		*k = ps[0] == '?' && (fin == 'h' || fin == 'l') && !screens ? STILL : LOST;
		return len;
	}
	for (size_t j = 0; j < pn; j++)
		if (!(ps[j] >= '0' && ps[j] <= '9') && ps[j] != ';')
			return *k = LOST, len;
	int a = param(ps, pn, 0), b = param(ps, pn, 1);
	switch (fin) {
	case 'H': case 'f':
		*k = MOTION;
		p->row = at_least_1(a) - 1, p->col = at_least_1(b) - 1, p->col_exact = true;
		break;
	case 'A': case 'B':
		*k = MOTION;
		if (p->row >= 0)
			p->row += fin == 'B' ? at_least_1(a) : -at_least_1(a);
		break;
	case 'C': case 'D':
		*k = MOTION;
		if (p->col >= 0)
			p->col += fin == 'C' ? at_least_1(a) : -at_least_1(a);
		break;
	case 'G': case '`':
		*k = MOTION;
		p->col = at_least_1(a) - 1, p->col_exact = true;
		break;
	case 'd':
		*k = MOTION;
		p->row = at_least_1(a) - 1;
		break;
	case 'r':   /* the scroll region (the cursor goes home, on most terminals) */
		region_top = at_least_1(a) - 1;
		region_bottom = (b < 1 ? height : b) - 1;
		*k = LOST;
		break;
	case 'm': case 'K': case 'J': case 'X': case '@': case 'P': case 'h': case 'l':
	case 't': case 'n': case 'c': case 'g': case 'i': case 'q':
		break;
	default:
		*k = LOST;
	}
	if (p->row >= height || p->col >= width || (*k == MOTION && (p->row < -1 || p->col < -1)))
		*k = LOST;
	return len;
}

/* Characters up to the next control: their length, and p moved past
 * them. */
static size_t text(const char *s, size_t n, struct pos *p, int width)
{
	size_t i = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != 0x7f) {
		if ((unsigned char)s[i] < 0x80) {
			if (p->col >= 0)
				p->col++;
			i++;
			continue;
		}
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			*p = nowhere;   /* not a character ncurses would count */
			memset(&st, 0, sizeof st);
			i++;
			continue;
		}
		int w = wcwidth(wc);
		if (p->col >= 0)
			p->col += w > 0 ? w : 0;
		p->col_exact = false;
		i += k;
	}
	if (p->col >= width)   /* at the margin: wrapped or not, who knows */
		*p = nowhere;
	return i;
}

bool motion_compact(const char *in, size_t n, int height, int width, char **out, size_t *cap,
		    size_t *len)
{
	struct outbuf o = {out, cap, 0, false};
	if (height != last_lines) {   /* a resize: the terminal resets the region */
		region_top = region_bottom = -1;
		last_lines = height;
	}
	if (!caps.on) {
		outbuf_put(&o, in, n);
		*len = o.len;
		return !o.failed;
	}
	size_t i = 0, run = SIZE_MAX;   /* run: where the motions being read began */
	struct pos run_from = at;
	while (i <= n) {
		enum kind k = LOST;
		struct pos next = at;
		size_t step = 0;
		if (i < n) {
			unsigned char c = (unsigned char)in[i];
			if (c >= 0x20 && c != 0x7f)
				k = TEXT, step = text(in + i, n - i, &next, width);
			else
				step = control(in + i, n - i, &next, &k, height, width);
		}
		if (k == MOTION && i < n) {
			if (run == SIZE_MAX)
				run = i, run_from = at;
			at = next;
			i += step;
			continue;
		}
		if (run != SIZE_MAX) {   /* the motions end here: send them shortest */
			if (at.row >= 0 && at.col >= 0) {
				struct seq q = shortest(run_from, at, height);
				if (q.n < i - run) {
					outbuf_put(&o, q.s, q.n);
					at.col_exact = at.col_exact || q.sets_col;
				} else {
					outbuf_put(&o, in + run, i - run);
				}
			} else {
				outbuf_put(&o, in + run, i - run);
			}
			run = SIZE_MAX;
		}
		if (i >= n)
			break;
		outbuf_put(&o, in + i, step);
		at = k == LOST ? nowhere : next;
		i += step;
	}
	if (o.failed) {
		at = nowhere;
		return false;
	}
	*len = o.len;
	return true;
}
