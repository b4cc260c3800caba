/* test_motion.c: unit tests for src/ui/ui_motion.c. Exact cases for the
 * rules that keep the cursor where ncurses meant it (a column counted
 * over non-ASCII text, the right margin, line feeds and the scroll
 * region), and a property check: random frames of motions and text,
 * played on a small terminal model as ncurses wrote them and as the pass
 * rewrote them, leave the same characters in the same cells. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/ui_motion.h"

#define ROWS 24
#define COLS_ 80
#define ELLIPSIS "\xe2\x80\xa6"

static void use_terminal(const char *name)
{
	if (cur_term)
		del_curterm(cur_term);
	int err;
	assert_int_equal(setupterm(name, STDOUT_FILENO, &err), OK);
	motion_init();
}

/* The frame in, rewritten, as a string (static). */
static const char *pass(const char *in)
{
	static char *out;
	static size_t cap;
	size_t len;
	assert_true(motion_compact(in, strlen(in), ROWS, COLS_, &out, &cap, &len));
	static char s[8192];
	assert_true(len < sizeof s);
	memcpy(s, out, len);
	s[len] = '\0';
	return s;
}

static void shortest_motions(void **state)
{
	(void)state;
	use_terminal("xterm-256color");
	/* Defaults left out; a move along the row is relative. */
	assert_string_equal(pass("\033[10;1Habc\033[10;47H"), "\033[10Habc\033[43C");
	/* The cursor carries from frame to frame. */
	assert_string_equal(pass("\033[10;50Hx"), "\033[3Cx");
	/* Nothing shorter: as it came. */
	assert_string_equal(pass("\033[Cy"), "\033[Cy");
	/* Back by two: backspaces. */
	assert_string_equal(pass("\033[10;51Hz"), "\b\bz");
}

static void non_ascii_column_is_set_again(void **state)
{
	(void)state;
	use_terminal("xterm-256color");
	/* A terminal may draw the ellipsis two columns wide: the column after
	 * it is set (hpa), never counted from it (cuf). */
	assert_string_equal(pass("\033[5;1Hab" ELLIPSIS "\033[5;10Hx"),
			    "\033[5Hab" ELLIPSIS "\033[10Gx");
	use_terminal("vt100");   /* no hpa: a carriage return and cuf */
	assert_string_equal(pass("\033[5;1Hab" ELLIPSIS "\033[5;10Hx"),
			    "\033[5Hab" ELLIPSIS "\r\033[9Cx");
}

static void margin_makes_the_cursor_unknown(void **state)
{
	(void)state;
	use_terminal("xterm-256color");
	/* Text up to the last column: wrapped or not, the next move must be
	 * absolute. */
	assert_string_equal(pass("\033[1;75Habcdef\033[2;3Hx"), "\033[;75Habcdef\033[2;3Hx");
	/* Unmodelled: insert lines. */
	assert_string_equal(pass("\033[3;1H\033[2L\033[3;2Hx"), "\033[3H\033[2L\033[3;2Hx");
}

static void line_feeds_only_where_they_cannot_scroll(void **state)
{
	(void)state;
	use_terminal("xterm-256color");
	/* The scroll region is not known yet: no line feed. */
	assert_null(strchr(pass("\033[3;1Hab\033[4;1Hx"), '\n'));
	/* Known: CR LF to the next row. */
	assert_string_equal(pass("\033[1;24r\033[3;1Hab\033[4;1Hx"), "\033[1;24r\033[3Hab\r\nx");
	/* The last row of the region: a line feed would scroll it. */
	assert_null(strchr(pass("\033[1;10r\033[10;1Hab\033[11;1Hx"), '\n'));
}

/* --- the property: same cells ------------------------------------------- */

struct model {
	wchar_t cell[ROWS][COLS_];
	int row, col, top, bottom;
};

static int num(const char **p, int dflt)
{
	int v = 0;
	bool any = false;
	while (**p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0'), any = true;
	return any && v > 0 ? v : dflt;
}

/* Plays what the generator and the pass produce: CUP, CUU/CUD/CUF/CUB,
 * HPA, VPA, DECSTBM, CR, LF, BS and text. */
static void play(struct model *m, const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (*s) {
		if (*s == '\033' && s[1] == '[') {
			const char *p = s + 2;
			int a = num(&p, 1), b = 1;
			if (*p == ';')
				p++, b = num(&p, 1);
			switch (*p) {
			case 'H': m->row = a - 1, m->col = b - 1; break;
			case 'A': m->row -= a; break;
			case 'B': m->row += a; break;
			case 'C': m->col += a; break;
			case 'D': m->col -= a; break;
			case 'G': m->col = a - 1; break;
			case 'd': m->row = a - 1; break;
			case 'r': m->top = a - 1, m->bottom = b - 1, m->row = m->col = 0; break;
			default: fail_msg("unexpected sequence %.8s", s);
			}
			s = p + 1;
		} else if (*s == '\r') {
			m->col = 0, s++;
		} else if (*s == '\b') {
			m->col--, s++;
		} else if (*s == '\n') {
			if (m->row == m->bottom) {   /* scrolls the region */
				memmove(m->cell[m->top], m->cell[m->top + 1],
					sizeof m->cell[0] * (size_t)(m->bottom - m->top));
				memset(m->cell[m->bottom], 0, sizeof m->cell[0]);
			} else {
				m->row++;
			}
			s++;
		} else {
			wchar_t wc;
			size_t k = mbrtowc(&wc, s, strlen(s), &st);
			assert_true(k > 0 && k < 8);
			assert_true(m->row >= 0 && m->row < ROWS && m->col >= 0 && m->col < COLS_);
			m->cell[m->row][m->col] = wc;
			m->col += wcwidth(wc);
			if (m->col >= COLS_)
				m->col = COLS_ - 1;
			s += k;
		}
	}
}

static void random_frames_leave_the_same_cells(void **state)
{
	(void)state;
	const char *terms[] = {"xterm-256color", "vt100"};
	srand(7);
	for (int t = 0; t < 2; t++) {
		use_terminal(terms[t]);
		static struct model a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		a.bottom = b.bottom = ROWS - 1;
		char frame[4096];
		size_t n = 0;
		n += (size_t)snprintf(frame, sizeof frame, "\033[%d;%dr", 1, ROWS - 4 + t * 4);
		int row = 0, col = 0;
		for (int i = 0; i < 4000; i++) {
			/* A motion as ncurses might send it, then some text. */
			int r = rand() % ROWS, c = rand() % (COLS_ - 12);
			if (i % 97 == 0)
				r = row, c = col;   /* nowhere at all */
			switch (rand() % 4) {
			case 0:
				n += (size_t)snprintf(frame + n, sizeof frame - n, "\033[%d;%dH", r + 1, c + 1);
				break;
			case 1:
				n += (size_t)snprintf(frame + n, sizeof frame - n, "\033[%d;%dH\r", r + 1, c + 1);
				c = 0;
				break;
			default:
				n += (size_t)snprintf(frame + n, sizeof frame - n, "\033[%dd\033[%dG", r + 1, c + 1);
			}
			int len = 1 + rand() % 10;
			for (int k = 0; k < len; k++)
				n += (size_t)snprintf(frame + n, sizeof frame - n, "%s",
						      rand() % 5 ? (char[]){(char)('a' + rand() % 26), 0}
								 : rand() % 2 ? ELLIPSIS : "\xe4\xb8\xad");
			row = r, col = c;
			if (rand() % 8 == 0 || n > sizeof frame - 100) {
				frame[n] = '\0';
				play(&a, frame);
				play(&b, pass(frame));
				assert_memory_equal(a.cell, b.cell, sizeof a.cell);
				n = 0;
			}
		}
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shortest_motions),
		cmocka_unit_test(non_ascii_column_is_set_again),
		cmocka_unit_test(margin_makes_the_cursor_unknown),
		cmocka_unit_test(line_feeds_only_where_they_cannot_scroll),
		cmocka_unit_test(random_frames_leave_the_same_cells),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (cur_term)
		del_curterm(cur_term);
	return failed;
}
