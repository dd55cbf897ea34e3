/* ui.c: the one input loop, the screen stack, resize, colours, drawing helpers and prompts. */
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "ui.h"
#include "util.h"

#define UI_PROMPT_MAX 1000 /* characters a prompt accepts */
#define UI_KEY_ESC    27
#define UI_CTRL(c)    ((c) & 0x1f)

static struct {
	struct app     *app;
	struct screen **stack;     /* bottom first */
	size_t          n;         /* screens on the stack */
	size_t          cap;
	int             color;     /* colours in use */
	char           *msg;       /* message shown until the next key, or NULL */
	int             msg_error; /* msg is an error */
	int             cur_want;  /* a draw asked for the cursor */
	int             cur_y, cur_x;
} ui;

static volatile sig_atomic_t ui_sig;    /* last terminating signal caught */
static volatile sig_atomic_t ui_active; /* curses owns the terminal */

static void ui_on_signal(int sig)
{
	ui_sig = sig;
}

/* Programmer errors abort: give the terminal back first (as htop's fail()). */
static void ui_on_abort(int sig)
{
	if (ui_active)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void ui_at_exit(void)
{
	if (ui_active) {
		ui_active = 0;
		endwin();
	}
}

/* ---- colours ------------------------------------------------------------ */

/* Curses colour for a config name (English or Indonesian), or def. */
static short ui_color_by_name(const char *name, short def)
{
	static const struct {
		const char *name;
		short       c;
	} names[] = {
		{ "black", COLOR_BLACK },     { "hitam", COLOR_BLACK },
		{ "red", COLOR_RED },         { "merah", COLOR_RED },
		{ "green", COLOR_GREEN },     { "hijau", COLOR_GREEN },
		{ "yellow", COLOR_YELLOW },   { "kuning", COLOR_YELLOW },
		{ "blue", COLOR_BLUE },       { "biru", COLOR_BLUE },
		{ "magenta", COLOR_MAGENTA }, { "ungu", COLOR_MAGENTA },
		{ "cyan", COLOR_CYAN },       { "sian", COLOR_CYAN },
		{ "white", COLOR_WHITE },     { "putih", COLOR_WHITE },
		{ "default", -1 },            { "bawaan", -1 },
	};
	if (name == NULL || *name == '\0')
		return def;
	if (strncasecmp(name, "COLOR_", 6) == 0)
		name += 6;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].name) == 0)
			return names[i].c;
	return def;
}

static void ui_colors_init(void)
{
	const struct config *c = &ui.app->cfg;
	int want = c->color;

	ui.color = 0;
	if (want < 0)
		want = getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0';
	if (!want || !has_colors() || start_color() == ERR)
		return;
	short dfg = -1, dbg = -1;
	if (use_default_colors() == ERR) {
		dfg = COLOR_WHITE;
		dbg = COLOR_BLACK;
	}
	short hbg = ui_color_by_name(c->color_header, COLOR_BLUE);
	short hfg;
	if (hbg < 0) {
		hbg = dbg;
		hfg = dfg;
	} else if (hbg == COLOR_CYAN || hbg == COLOR_GREEN || hbg == COLOR_YELLOW ||
		   hbg == COLOR_WHITE) {
		hfg = COLOR_BLACK;
	} else {
		hfg = COLOR_WHITE;
	}
	short over = ui_color_by_name(c->color_overdue, COLOR_RED);
	short due = ui_color_by_name(c->color_due, COLOR_YELLOW);
	init_pair(CP_HEADER, hfg, hbg);
	init_pair(CP_SELECT, COLOR_BLACK, COLOR_CYAN);
	init_pair(CP_OVERDUE, over < 0 ? dfg : over, dbg);
	init_pair(CP_DUE, due < 0 ? dfg : due, dbg);
	init_pair(CP_STATUS, hfg, hbg);
	init_pair(CP_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(CP_FKEY, COLOR_BLACK, COLOR_CYAN);
	ui.color = 1;
}

int ui_color(void)
{
	return ui.color;
}

/* Attributes for drawing with pair: its colour, or in monochrome the
 * attribute that stands in for it. */
attr_t ui_attr(int pair)
{
	if (ui.color) {
		attr_t a = COLOR_PAIR(pair);
		if (pair == CP_HEADER || pair == CP_OVERDUE || pair == CP_ERROR)
			a |= A_BOLD;
		return a;
	}
	switch (pair) {
	case CP_HEADER:  return A_REVERSE | A_BOLD;
	case CP_SELECT:  return A_REVERSE;
	case CP_OVERDUE: return A_BOLD;
	case CP_DUE:     return A_UNDERLINE;
	case CP_STATUS:  return A_REVERSE;
	case CP_ERROR:   return A_REVERSE | A_BOLD;
	case CP_FKEY:    return A_REVERSE;
	default:         return A_NORMAL;
	}
}

/* ---- drawing helpers ------------------------------------------------------ */

struct app *ui_app(void)
{
	return ui.app;
}

int ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

void ui_cursor(int y, int x)
{
	ui.cur_want = 1;
	ui.cur_y = y;
	ui.cur_x = x;
}

void ui_fill(int y, int x, int width, attr_t attr, short pair)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || width <= 0)
		return;
	if (width > COLS - x)
		width = COLS - x;
	attr_t old;
	short oldpair;
	attr_get(&old, &oldpair, NULL);
	attrset(attr | ui_attr(pair));
	move(y, x);
	for (int i = 0; i < width; i++)
		addch(' ');
	attr_set(old, oldpair, NULL);
}

void ui_put_attr(int y, int x, int width, const char *utf8, attr_t attr, short pair)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || width <= 0 || utf8 == NULL)
		return;
	if (width > COLS - x)
		width = COLS - x;
	char *s = str_fit(utf8, width);
	attr_t old;
	short oldpair;
	attr_get(&old, &oldpair, NULL);
	attrset(attr | ui_attr(pair));
	mvaddstr(y, x, s);
	attr_set(old, oldpair, NULL);
	free(s);
}

void ui_put(int y, int x, int width, const char *utf8)
{
	ui_put_attr(y, x, width, utf8, A_NORMAL, CP_NORMAL);
}

void ui_title(const char *title)
{
	ui_fill(0, 0, COLS, A_NORMAL, CP_HEADER);
	ui_put_attr(0, 1, COLS - 2, title, A_NORMAL, CP_HEADER);
}

void ui_status(const char *text)
{
	if (LINES < 2)
		return;
	ui_fill(LINES - 2, 0, COLS, A_NORMAL, CP_STATUS);
	ui_put_attr(LINES - 2, 1, COLS - 2, text, A_NORMAL, CP_STATUS);
}

/* Draws the function-key bar with gap columns between the items (draw 0:
 * only measures); returns the columns the whole bar needs. */
static int ui_fkeys_pass(const char *text, int gap, int draw)
{
	int y = LINES - 1, x = 0, need = 0;
	const char *p = text;
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		const char *end = strstr(p, "  ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *item = xstrndup(p, len);
		char *sp = strchr(item, ' ');
		char *label = NULL;
		if (sp != NULL) {
			*sp = '\0';
			label = sp + 1;
		}
		int kw = str_width(item);
		int lw = label ? str_width(label) : 0;
		need = x + kw + (label ? 1 + lw : 0);
		if (draw && (x >= COLS || (x > 0 && need > COLS))) {
			free(item);
			break;
		}
		if (draw) {
			ui_put_attr(y, x, COLS - x, item, A_NORMAL, CP_FKEY);
			if (label != NULL)
				ui_put(y, x + kw + 1, COLS - x - kw - 1, label);
		}
		x = need + gap;
		free(item);
		p += len;
	}
	return need;
}

/* Function-key bar: "F1 Bantuan  F2 Baru": items are separated by two or more
 * spaces, the first word of an item is the key (highlighted). Two columns go
 * between the items, one when that makes the whole bar fit; items that still
 * do not fit are left off from the end. */
void ui_fkeys(const char *text)
{
	if (LINES < 1 || text == NULL)
		return;
	ui_fill(LINES - 1, 0, COLS, A_NORMAL, CP_NORMAL);
	ui_fkeys_pass(text, ui_fkeys_pass(text, 2, 0) > COLS ? 1 : 2, 1);
}

void ui_box(int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	for (int i = 0; i < h; i++)
		ui_fill(y + i, x, w, A_NORMAL, CP_NORMAL);
	if (y < 0 || x < 0 || y + h > LINES || x + w > COLS)
		return;
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title != NULL && *title != '\0' && w > 6) {
		char *t = xasprintf(" %s ", title);
		ui_put_attr(y, x + 2, w - 4, t, A_BOLD, CP_NORMAL);
		free(t);
	}
}

/* Width of the code point at s (n bytes): sanitised text only. */
static int ui_cp_width(const char *s, size_t *n)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (r == 0 || r == (size_t)-1 || r == (size_t)-2) {
		*n = 1;
		return 1;
	}
	*n = r;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static void ui_lines_add(char ***lines, size_t *n, size_t *cap, char *s)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	(*lines)[(*n)++] = s;
}

/* Wraps one sanitised single line into width columns. */
static void ui_wrap_line(const char *s, int width, char ***lines, size_t *n, size_t *cap)
{
	if (*s == '\0') {
		ui_lines_add(lines, n, cap, xstrdup(""));
		return;
	}
	while (*s != '\0') {
		const char *p = s, *brk = NULL;
		int w = 0;
		while (*p != '\0') {
			size_t len;
			int cw = ui_cp_width(p, &len);
			if (w + cw > width && p > s)
				break;
			if (*p == ' ')
				brk = p;
			w += cw;
			p += len;
		}
		const char *end = p;
		const char *next = p;
		if (*p != '\0' && brk != NULL && brk > s) {
			end = brk;
			next = brk + 1;
		}
		while (end > s && end[-1] == ' ')
			end--;
		ui_lines_add(lines, n, cap, xstrndup(s, (size_t)(end - s)));
		s = next;
		while (*s == ' ')
			s++;
	}
}

char **ui_wrap(const char *text, int width, size_t *n)
{
	char **lines = NULL;
	size_t cap = 0;
	*n = 0;
	if (width < 1)
		width = 1;
	const char *p = text ? text : "";
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *raw = xstrndup(p, len);
		size_t rl = strlen(raw);
		if (rl > 0 && raw[rl - 1] == '\r')
			raw[rl - 1] = '\0';
		char *s = str_sanitize(raw, 1);
		ui_wrap_line(s, width, &lines, n, &cap);
		free(s);
		free(raw);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return lines;
}

void ui_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* ---- messages ------------------------------------------------------------ */

static void ui_set_msg(int error, const char *fmt, va_list ap)
{
	free(ui.msg);
	ui.msg = xvasprintf(fmt, ap);
	ui.msg_error = error;
}

void ui_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ui_set_msg(0, fmt, ap);
	va_end(ap);
}

void ui_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ui_set_msg(1, fmt, ap);
	va_end(ap);
}

static void ui_clear_msg(void)
{
	free(ui.msg);
	ui.msg = NULL;
}

/* ---- the screen stack ---------------------------------------------------- */

struct screen *ui_screen_new(const struct screen_ops *ops, void *state, int modal)
{
	struct screen *s = xcalloc(1, sizeof *s);
	s->ops = ops;
	s->state = state;
	s->modal = modal;
	return s;
}

void ui_push(struct screen *s)
{
	if (s == NULL)
		return;
	if (ui.n == ui.cap) {
		ui.cap = ui.cap ? ui.cap * 2 : 8;
		ui.stack = xreallocarray(ui.stack, ui.cap, sizeof *ui.stack);
	}
	ui.stack[ui.n++] = s;
	if (ui_active)
		curs_set(0);
}

static void ui_screen_free(struct screen *s)
{
	if (s->ops->free != NULL)
		s->ops->free(s);
	free(s);
}

/* Takes s off the stack wherever it is, frees it and resumes the new top when
 * s was the top. */
static void ui_remove(struct screen *s)
{
	size_t i;
	for (i = 0; i < ui.n; i++)
		if (ui.stack[i] == s)
			break;
	if (i == ui.n)
		return;
	int was_top = i == ui.n - 1;
	memmove(ui.stack + i, ui.stack + i + 1, (ui.n - i - 1) * sizeof *ui.stack);
	ui.n--;
	ui_screen_free(s);
	curs_set(0);
	if (was_top && ui.n > 0) {
		struct screen *top = ui.stack[ui.n - 1];
		if (top->ops->resume != NULL)
			top->ops->resume(top);
	}
}

static void ui_resize_all(void)
{
	for (size_t i = 0; i < ui.n; i++)
		if (ui.stack[i]->ops->resize != NULL)
			ui.stack[i]->ops->resize(ui.stack[i]);
}

static void ui_draw_too_small(void)
{
	char *t = xasprintf(_("Terminal terlalu kecil (minimal %dx%d)"), UI_MIN_COLS, UI_MIN_ROWS);
	char *now = xasprintf(_("sekarang %dx%d; q keluar"), COLS, LINES);
	size_t n1, n2;
	char **l1 = ui_wrap(t, COLS, &n1);
	char **l2 = ui_wrap(now, COLS, &n2);
	int y = (LINES - (int)(n1 + n2)) / 2;
	if (y < 0)
		y = 0;
	for (size_t i = 0; i < n1; i++, y++) {
		int x = (COLS - str_width(l1[i])) / 2;
		ui_put_attr(y, x > 0 ? x : 0, COLS, l1[i], A_BOLD, CP_NORMAL);
	}
	for (size_t i = 0; i < n2; i++, y++) {
		int x = (COLS - str_width(l2[i])) / 2;
		ui_put(y, x > 0 ? x : 0, COLS, l2[i]);
	}
	ui_lines_free(l1, n1);
	ui_lines_free(l2, n2);
	free(now);
	free(t);
}

/* Repaints the stack from the lowest screen that is not modal; the cursor
 * ends where the top draw left it. */
static void ui_draw_screens(int *cy, int *cx)
{
	ui.cur_want = 0;
	erase();
	*cy = *cx = 0;
	if (ui_too_small()) {
		ui_draw_too_small();
		return;
	}
	if (ui.n == 0)
		return;
	size_t base = ui.n - 1;
	while (base > 0 && ui.stack[base]->modal)
		base--;
	for (size_t i = base; i < ui.n; i++)
		ui.stack[i]->ops->draw(ui.stack[i]);
	getyx(stdscr, *cy, *cx);
	struct screen *top = ui.stack[ui.n - 1];
	if (top->ops->fkeys != NULL)
		ui_fkeys(_(top->ops->fkeys));
}

static void ui_draw_msg(void)
{
	if (ui.msg == NULL || ui_too_small())
		return;
	short pair = ui.msg_error ? CP_ERROR : CP_STATUS;
	ui_fill(LINES - 2, 0, COLS, A_NORMAL, pair);
	ui_put_attr(LINES - 2, 1, COLS - 2, ui.msg, A_NORMAL, pair);
}

static void ui_place_cursor(int cy, int cx)
{
	if (ui.cur_want && !ui_too_small()) {
		curs_set(1);
		move(ui.cur_y, ui.cur_x);
	} else {
		move(cy, cx);
	}
}

static void ui_redraw(void)
{
	int cy, cx;
	ui_draw_screens(&cy, &cx);
	ui_draw_msg();
	ui_place_cursor(cy, cx);
	refresh();
}

/* Next key; returns KEY_CODE_YES, OK, or -1 when a terminating signal came. */
static int ui_read(wint_t *ch)
{
	for (;;) {
		if (ui_sig)
			return -1;
		int r = get_wch(ch);
		if (r == KEY_CODE_YES || r == OK)
			return r;
	}
}

/* ---- prompts ------------------------------------------------------------- */

static int ui_wc_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

/* Draws the prompt line; the cursor goes to the insertion point. */
static void ui_prompt_draw(const char *label, const wchar_t *buf, size_t len, size_t cur)
{
	int y = LINES - 2;
	if (y < 0)
		return;
	ui_fill(y, 0, COLS, A_NORMAL, CP_NORMAL);
	char *l = str_fit(label, COLS / 2);
	int lw = str_width(l);
	ui_put_attr(y, 0, lw, l, A_BOLD, CP_NORMAL);
	free(l);
	int room = COLS - lw - 1;
	if (room < 1)
		return;
	/* Scroll so that the cursor stays visible: start from the cursor and go
	 * back while the text before it fits. */
	size_t start = cur;
	int w = 0;
	while (start > 0 && w + ui_wc_width(buf[start - 1]) < room) {
		w += ui_wc_width(buf[start - 1]);
		start--;
	}
	int x = lw, cx = lw;
	for (size_t i = start; i < len; i++) {
		int cw = ui_wc_width(buf[i]);
		if (x + cw > lw + room)
			break;
		if (i == cur)
			cx = x;
		mvaddnwstr(y, x, &buf[i], 1);
		x += cw;
	}
	if (cur == len)
		cx = x;
	move(y, cx);
}

static void ui_prompt_redraw(const char *label, const wchar_t *buf, size_t len, size_t cur)
{
	int cy, cx;
	ui_draw_screens(&cy, &cx);
	ui_prompt_draw(label, buf, len, cur);
	curs_set(1);
	refresh();
}

static char *ui_wcs_to_utf8(const wchar_t *buf, size_t len)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	mbstate_t st;
	memset(&st, 0, sizeof st);
	char mb[MB_LEN_MAX];
	for (size_t i = 0; i < len; i++) {
		size_t r = wcrtomb(mb, buf[i], &st);
		if (r == (size_t)-1)
			buf_addc(&b, '?');
		else
			buf_add(&b, mb, r);
	}
	return buf_steal(&b);
}

/* Line editor state of ui_prompt. */
struct ui_line {
	wchar_t buf[UI_PROMPT_MAX + 1];
	size_t  len; /* characters */
	size_t  cur; /* insertion point */
};

static void ui_line_delete(struct ui_line *l, size_t from, size_t to)
{
	memmove(l->buf + from, l->buf + to, (l->len - to) * sizeof l->buf[0]);
	l->len -= to - from;
	if (l->cur > to)
		l->cur -= to - from;
	else if (l->cur > from)
		l->cur = from;
}

/* Applies an editing key; returns 1 Enter, -1 Esc, 0 go on. */
static int ui_line_key(struct ui_line *l, int is_key, wint_t ch)
{
	if (is_key) {
		switch (ch) {
		case KEY_RESIZE:    ui_resize_all(); break;
		case KEY_ENTER:     return 1;
		case KEY_BACKSPACE: if (l->cur > 0) ui_line_delete(l, l->cur - 1, l->cur); break;
		case KEY_DC:        if (l->cur < l->len) ui_line_delete(l, l->cur, l->cur + 1); break;
		case KEY_LEFT:      if (l->cur > 0) l->cur--; break;
		case KEY_RIGHT:     if (l->cur < l->len) l->cur++; break;
		case KEY_HOME:      l->cur = 0; break;
		case KEY_END:       l->cur = l->len; break;
		default:            break;
		}
		return 0;
	}
	switch (ch) {
	case '\n': case '\r':
		return 1;
	case UI_KEY_ESC: case UI_CTRL('g'):
		return -1;
	case 127: case UI_CTRL('h'):
		if (l->cur > 0)
			ui_line_delete(l, l->cur - 1, l->cur);
		return 0;
	case UI_CTRL('d'):
		if (l->cur < l->len)
			ui_line_delete(l, l->cur, l->cur + 1);
		return 0;
	case UI_CTRL('a'): l->cur = 0; return 0;
	case UI_CTRL('e'): l->cur = l->len; return 0;
	case UI_CTRL('b'): if (l->cur > 0) l->cur--; return 0;
	case UI_CTRL('f'): if (l->cur < l->len) l->cur++; return 0;
	case UI_CTRL('k'): l->len = l->cur; return 0;
	case UI_CTRL('u'): ui_line_delete(l, 0, l->cur); return 0;
	case UI_CTRL('w'): {
		size_t from = l->cur;
		while (from > 0 && l->buf[from - 1] == L' ')
			from--;
		while (from > 0 && l->buf[from - 1] != L' ')
			from--;
		ui_line_delete(l, from, l->cur);
		return 0;
	}
	default:
		break;
	}
	if (iswprint(ch) && l->len < UI_PROMPT_MAX) {
		memmove(l->buf + l->cur + 1, l->buf + l->cur, (l->len - l->cur) * sizeof l->buf[0]);
		l->buf[l->cur++] = (wchar_t)ch;
		l->len++;
	}
	return 0;
}

char *ui_prompt(const char *label, const char *initial)
{
	struct ui_line *l = xcalloc(1, sizeof *l);
	char *result = NULL;

	if (initial != NULL) {
		char *s = str_sanitize(initial, 1);
		const char *p = s;
		mbstate_t st;
		memset(&st, 0, sizeof st);
		while (*p != '\0' && l->len < UI_PROMPT_MAX) {
			wchar_t wc;
			size_t r = mbrtowc(&wc, p, strlen(p), &st);
			if (r == 0 || r == (size_t)-1 || r == (size_t)-2) {
				memset(&st, 0, sizeof st);
				l->buf[l->len++] = L'?';
				p++;
				continue;
			}
			l->buf[l->len++] = wc;
			p += r;
		}
		free(s);
	}
	l->cur = l->len;
	ui_clear_msg();
	for (;;) {
		ui_prompt_redraw(label, l->buf, l->len, l->cur);
		wint_t ch;
		int r = ui_read(&ch);
		if (r < 0)
			break;
		int done = ui_line_key(l, r == KEY_CODE_YES, ch);
		if (done < 0)
			break;
		if (done > 0) {
			result = ui_wcs_to_utf8(l->buf, l->len);
			break;
		}
	}
	free(l);
	curs_set(0);
	return result;
}

int ui_confirm(const char *question)
{
	ui_clear_msg();
	for (;;) {
		int cy, cx;
		ui_draw_screens(&cy, &cx);
		if (LINES >= 2) {
			ui_fill(LINES - 2, 0, COLS, A_NORMAL, CP_STATUS);
			ui_put_attr(LINES - 2, 1, COLS - 2, question, A_BOLD, CP_STATUS);
		}
		refresh();
		wint_t ch;
		int r = ui_read(&ch);
		if (r < 0)
			return 0;
		if (r == KEY_CODE_YES) {
			if (ch == KEY_RESIZE)
				ui_resize_all();
			continue;
		}
		switch (ch) {
		case 'y': case 'Y':
			return 1;
		case 't': case 'T': case 'n': case 'N': case UI_KEY_ESC: case UI_CTRL('g'):
			return 0;
		default:
			break;
		}
	}
}

/* ---- the loop -------------------------------------------------------------- */

struct ui_sigsave {
	int              sig;
	struct sigaction old;
};

int ui_run(struct app *a)
{
	static const int term_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct ui_sigsave saved[5];
	struct sigaction sa;
	size_t nsaved = 0;
	int status = 0;

	ui.app = a;
	setlocale(LC_ALL, "");

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal; /* no SA_RESTART: get_wch wakes up */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof term_sigs / sizeof term_sigs[0]; i++) {
		saved[nsaved].sig = term_sigs[i];
		sigaction(term_sigs[i], &sa, &saved[nsaved].old);
		nsaved++;
	}
	sa.sa_handler = SIG_IGN; /* a print command that dies is an error, not our end */
	saved[nsaved].sig = SIGPIPE;
	sigaction(SIGPIPE, &sa, &saved[nsaved].old);
	nsaved++;
	signal(SIGABRT, ui_on_abort);
	static int registered;
	if (!registered) {
		atexit(ui_at_exit);
		registered = 1;
	}

	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, "berkas: %s\n",
			_("terminal tidak dapat dipakai (periksa TERM), pakai subperintah"));
		for (size_t i = 0; i < nsaved; i++)
			sigaction(saved[i].sig, &saved[i].old, NULL);
		signal(SIGABRT, SIG_DFL);
		return 1;
	}
	set_term(scr);
	ui_active = 1;
	raw();
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	timeout(500); /* wake up now and then to notice signals */
	ui_colors_init();

	/* Benchmarks (tests/bench) time the start-up to the first full screen. */
	const char *bench = getenv("BERKAS_BENCH_EXIT_AFTER_DRAW");
	int exit_after_draw = bench != NULL && strcmp(bench, "1") == 0;
	ui_push(inbox_new());
	while (ui.n > 0) {
		ui_redraw();
		if (exit_after_draw)
			break;
		wint_t ch;
		int r = ui_read(&ch);
		if (r < 0)
			break;
		int is_key = r == KEY_CODE_YES;
		if (is_key && ch == KEY_RESIZE) {
			ui_resize_all();
			continue;
		}
		if (!is_key && ch == UI_CTRL('l')) {
			clearok(curscr, TRUE);
			continue;
		}
		ui_clear_msg();
		if (ui_too_small()) {
			if (!is_key && (ch == 'q' || ch == 'Q'))
				break;
			continue;
		}
		struct screen *top = ui.stack[ui.n - 1];
		int h = top->ops->key(top, is_key, ch);
		if (h & H_QUIT)
			break;
		if (h & H_POP) {
			ui_remove(top);
		} else if (h == H_NONE && ((is_key && ch == KEY_F(1)) || (!is_key && ch == '?')) &&
			   strcmp(top->ops->name, "help") != 0) {
			ui_push(help_screen_new(top->ops->name));
		}
	}
	if (ui_sig)
		status = 128 + ui_sig;

	while (ui.n > 0)
		ui_screen_free(ui.stack[--ui.n]);
	free(ui.stack);
	ui.stack = NULL;
	ui.cap = 0;
	ui_clear_msg();
	endwin();
	ui_active = 0;
	delscreen(scr);
	for (size_t i = 0; i < nsaved; i++)
		sigaction(saved[i].sig, &saved[i].old, NULL);
	signal(SIGABRT, SIG_DFL);
	return status;
}
