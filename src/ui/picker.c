/* picker.c: modal list to choose one code (or several) from a code list, filtered as you type. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ui.h"
#include "util.h"

#define PICKER_FILTER_MAX 64 /* characters of the filter */
#define PICKER_DEPTH_MAX  6  /* deepest indentation */

struct picker_item {
	char    *code;   /* owned */
	char    *label;  /* owned */
	wchar_t *wcode;  /* lower-case wide code, for matching */
	wchar_t *wlabel; /* lower-case wide label, for matching */
	int      depth;  /* ancestors present in the list */
	int      ticked; /* multi: chosen */
};

struct picker {
	char               *title;  /* owned */
	struct picker_item *items;
	size_t              n;
	size_t             *shown;  /* indexes of items matching the filter */
	size_t              n_shown;
	size_t              cur;    /* position in shown */
	size_t              top;    /* first shown row on screen */
	wchar_t             filter[PICKER_FILTER_MAX + 1];
	size_t              flen;
	int                 multi;
	void              (*done)(void *ctx, const char *code);
	void               *ctx;
	int                 list_h; /* rows of the list at the last draw */
	int                 want_w; /* columns the widest row needs */
};

static const struct screen_ops picker_ops;

/* Lower-case wide copy of a UTF-8 string (invalid bytes dropped). */
static wchar_t *picker_wlower(const char *s)
{
	size_t n = strlen(s);
	wchar_t *w = xcalloc(n + 1, sizeof *w);
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t o = 0;
	const char *p = s;
	while (*p) {
		wchar_t wc;
		size_t m = mbrtowc(&wc, p, strlen(p), &ps);
		if (m == (size_t)-1 || m == (size_t)-2) {
			memset(&ps, 0, sizeof ps);
			p++;
			continue;
		}
		if (m == 0)
			break;
		w[o++] = (wchar_t)towlower((wint_t)wc);
		p += m;
	}
	w[o] = L'\0';
	return w;
}

static int picker_match(const struct picker *pk, const struct picker_item *it)
{
	if (pk->flen == 0)
		return 1;
	wchar_t f[PICKER_FILTER_MAX + 1];
	for (size_t i = 0; i <= pk->flen; i++)
		f[i] = (wchar_t)towlower((wint_t)pk->filter[i]);
	if (wcsncmp(it->wcode, f, pk->flen) == 0)
		return 1;
	return wcsstr(it->wlabel, f) != NULL;
}

/* Recomputes the shown rows, keeping the current item when it still matches. */
static void picker_filter(struct picker *pk)
{
	size_t keep = pk->n_shown > 0 ? pk->shown[pk->cur] : (size_t)-1;
	pk->n_shown = 0;
	pk->cur = 0;
	for (size_t i = 0; i < pk->n; i++) {
		if (!picker_match(pk, &pk->items[i]))
			continue;
		if (i == keep && pk->flen == 0)
			pk->cur = pk->n_shown;
		pk->shown[pk->n_shown++] = i;
	}
	pk->top = 0;
}

static void picker_free(struct screen *s)
{
	struct picker *pk = s->state;
	if (pk == NULL)
		return;
	for (size_t i = 0; i < pk->n; i++) {
		free(pk->items[i].code);
		free(pk->items[i].label);
		free(pk->items[i].wcode);
		free(pk->items[i].wlabel);
	}
	free(pk->items);
	free(pk->shown);
	free(pk->title);
	free(pk);
	s->state = NULL;
}

/* Box geometry for the current screen size. */
static void picker_geometry(const struct picker *pk, int *y, int *x, int *h, int *w)
{
	int max = COLS - 8 > 100 ? 100 : COLS - 8;
	*w = pk->want_w + 4;
	if (*w < 52)
		*w = 52;
	if (*w > max)
		*w = max;
	if (*w < 20)
		*w = COLS;
	int want = (int)pk->n + 4; /* border, filter, list, hint, border */
	*h = LINES - 4;
	if (want < *h)
		*h = want;
	if (*h < 7)
		*h = LINES < 7 ? LINES : 7;
	*y = (LINES - *h) / 2;
	*x = (COLS - *w) / 2;
}

static void picker_draw(struct screen *s)
{
	struct picker *pk = s->state;
	int y, x, h, w;
	picker_geometry(pk, &y, &x, &h, &w);
	ui_box(y, x, h, w, pk->title);
	int iw = w - 4; /* inner width with one blank column each side */
	int ix = x + 2;

	/* filter line */
	char fb[PICKER_FILTER_MAX * MB_LEN_MAX + 1];
	size_t fl = wcstombs(fb, pk->filter, sizeof fb);
	if (fl == (size_t)-1)
		fb[0] = '\0';
	const char *lab = _("Cari: ");
	int lw = str_width(lab);
	ui_fill(y + 1, x + 1, w - 2, A_NORMAL, CP_NORMAL);
	ui_put_attr(y + 1, ix, iw, lab, A_BOLD, CP_NORMAL);
	int fw = str_width(fb);
	int room = iw - lw - 1;
	const char *shown_f = fb;
	/* keep the end of a long filter visible */
	while (fw > room && *shown_f) {
		wchar_t wc;
		int m = mbtowc(&wc, shown_f, MB_LEN_MAX);
		if (m <= 0)
			break;
		shown_f += m;
		fw = str_width(shown_f);
	}
	ui_put(y + 1, ix + lw, room, shown_f);
	char cnt[48];
	snprintf(cnt, sizeof cnt, "%zu/%zu", pk->n_shown, pk->n);
	int cw = (int)strlen(cnt);
	if (lw + fw + cw + 2 < iw)
		ui_put_attr(y + 1, ix + iw - cw, cw, cnt, A_DIM, CP_NORMAL);

	/* list */
	int list_y = y + 2;
	int list_h = h - 4;
	if (list_h < 1)
		list_h = 1;
	pk->list_h = list_h;
	if (pk->cur < pk->top)
		pk->top = pk->cur;
	if (pk->cur >= pk->top + (size_t)list_h)
		pk->top = pk->cur - (size_t)list_h + 1;
	for (int r = 0; r < list_h; r++) {
		size_t si = pk->top + (size_t)r;
		ui_fill(list_y + r, x + 1, w - 2, A_NORMAL, CP_NORMAL);
		if (si >= pk->n_shown) {
			if (r == 0 && pk->n_shown == 0)
				ui_put_attr(list_y, ix, iw, _("(tidak ada yang cocok)"), A_DIM,
					    CP_NORMAL);
			continue;
		}
		const struct picker_item *it = &pk->items[pk->shown[si]];
		struct buf b;
		buf_init(&b);
		buf_add(&b, "", 0);
		if (pk->multi)
			buf_adds(&b, it->ticked ? "[x] " : "[ ] ");
		int d = it->depth > PICKER_DEPTH_MAX ? PICKER_DEPTH_MAX : it->depth;
		for (int i = 0; i < d; i++)
			buf_adds(&b, "  ");
		buf_adds(&b, it->code);
		if (strcmp(it->code, it->label) != 0) {
			buf_adds(&b, "  ");
			buf_adds(&b, it->label);
		}
		int sel = si == pk->cur;
		if (sel)
			ui_fill(list_y + r, x + 1, w - 2, A_NORMAL, CP_SELECT);
		ui_put_attr(list_y + r, ix, iw, b.s, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
		buf_free(&b);
	}
	if (pk->top > 0)
		ui_put_attr(list_y, x + w - 2, 1, "^", A_BOLD, CP_NORMAL);
	if (pk->top + (size_t)list_h < pk->n_shown)
		ui_put_attr(list_y + list_h - 1, x + w - 2, 1, "v", A_BOLD, CP_NORMAL);

	/* hint */
	ui_fill(y + h - 2, x + 1, w - 2, A_NORMAL, CP_NORMAL);
	ui_put_attr(y + h - 2, ix, iw,
		    pk->multi ? _("Spasi tandai  Enter pilih  Esc batal")
			      : _("Ketik untuk menyaring  Enter pilih  Esc batal"),
		    A_DIM, CP_NORMAL);
	ui_cursor(y + 1, ix + lw + str_width(shown_f));
}

static void picker_move(struct picker *pk, long delta)
{
	if (pk->n_shown == 0)
		return;
	long c = (long)pk->cur + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)pk->n_shown)
		c = (long)pk->n_shown - 1;
	pk->cur = (size_t)c;
}

/* Enter: hands the choice to the caller. */
static int picker_choose(struct picker *pk)
{
	if (!pk->multi) {
		if (pk->n_shown == 0)
			return H_DONE;
		pk->done(pk->ctx, pk->items[pk->shown[pk->cur]].code);
		return H_POP;
	}
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	int any = 0;
	for (size_t i = 0; i < pk->n; i++) {
		if (!pk->items[i].ticked)
			continue;
		if (any)
			buf_addc(&b, ';');
		buf_adds(&b, pk->items[i].code);
		any = 1;
	}
	if (!any && pk->n_shown > 0)
		buf_adds(&b, pk->items[pk->shown[pk->cur]].code);
	pk->done(pk->ctx, b.s);
	buf_free(&b);
	return H_POP;
}

static int picker_key(struct screen *s, int is_key, wint_t ch)
{
	struct picker *pk = s->state;
	long page = pk->list_h > 1 ? pk->list_h - 1 : 1;
	if (is_key) {
		switch (ch) {
		case KEY_UP:
			picker_move(pk, -1);
			return H_REDRAW;
		case KEY_DOWN:
			picker_move(pk, 1);
			return H_REDRAW;
		case KEY_PPAGE:
			picker_move(pk, -page);
			return H_REDRAW;
		case KEY_NPAGE:
			picker_move(pk, page);
			return H_REDRAW;
		case KEY_HOME:
			pk->cur = 0;
			return H_REDRAW;
		case KEY_END:
			picker_move(pk, (long)pk->n_shown);
			return H_REDRAW;
		case KEY_ENTER:
			return picker_choose(pk);
		case KEY_BACKSPACE:
			if (pk->flen > 0) {
				pk->filter[--pk->flen] = L'\0';
				picker_filter(pk);
			}
			return H_REDRAW;
		case KEY_F(10):
			pk->done(pk->ctx, NULL);
			return H_POP;
		default:
			return H_DONE; /* a modal keeps other keys */
		}
	}
	switch (ch) {
	case 27:
		pk->done(pk->ctx, NULL);
		return H_POP;
	case '\r':
	case '\n':
		return picker_choose(pk);
	case 127:
	case 8:
		if (pk->flen > 0) {
			pk->filter[--pk->flen] = L'\0';
			picker_filter(pk);
		}
		return H_REDRAW;
	case 21: /* Ctrl-U */
		pk->flen = 0;
		pk->filter[0] = L'\0';
		picker_filter(pk);
		return H_REDRAW;
	case 14: /* Ctrl-N */
		picker_move(pk, 1);
		return H_REDRAW;
	case 16: /* Ctrl-P */
		picker_move(pk, -1);
		return H_REDRAW;
	case ' ':
		if (pk->multi) {
			if (pk->n_shown > 0) {
				struct picker_item *it = &pk->items[pk->shown[pk->cur]];
				it->ticked = !it->ticked;
				picker_move(pk, 1);
			}
			return H_REDRAW;
		}
		break;
	default:
		break;
	}
	if (ch >= 32 && ch != 127 && iswprint(ch)) {
		if (pk->flen < PICKER_FILTER_MAX) {
			pk->filter[pk->flen++] = (wchar_t)ch;
			pk->filter[pk->flen] = L'\0';
			picker_filter(pk);
		}
		return H_REDRAW;
	}
	return H_DONE;
}

static void picker_resize(struct screen *s)
{
	(void)s; /* geometry is computed at every draw */
}

/* Index of code among items sorted by code (order[]), or -1. */
static long picker_find(const struct picker *pk, const size_t *order, const char *code)
{
	size_t lo = 0, hi = pk->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(pk->items[order[mid]].code, code);
		if (c == 0)
			return (long)order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static const struct picker *picker_sort_ctx;

static int picker_cmp(const void *a, const void *b)
{
	const struct picker *pk = picker_sort_ctx;
	return strcmp(pk->items[*(const size_t *)a].code, pk->items[*(const size_t *)b].code);
}

/* Picker over items (copied); see ui.h. */
struct screen *picker_new(const char *title, const struct refitem *items, size_t n,
			  int multi, const char *selected,
			  void (*done)(void *ctx, const char *code), void *ctx)
{
	struct picker *pk = xcalloc(1, sizeof *pk);
	pk->title = xstrdup(title ? title : "");
	pk->multi = multi;
	pk->done = done;
	pk->ctx = ctx;
	pk->n = n;
	pk->items = xcalloc(n + 1, sizeof *pk->items);
	pk->shown = xcalloc(n + 1, sizeof *pk->shown);
	for (size_t i = 0; i < n; i++) {
		struct picker_item *it = &pk->items[i];
		it->code = str_sanitize(items[i].code ? items[i].code : "", 1);
		it->label = str_sanitize(items[i].label ? items[i].label : it->code, 1);
		it->wcode = picker_wlower(it->code);
		it->wlabel = picker_wlower(it->label);
	}

	/* depth: ancestors present in the list */
	size_t *order = xcalloc(n + 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	picker_sort_ctx = pk;
	qsort(order, n, sizeof *order, picker_cmp);
	picker_sort_ctx = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *p = items[i].parent;
		int d = 0;
		while (p != NULL && *p != '\0' && d < 32) {
			long j = picker_find(pk, order, p);
			if (j < 0)
				break;
			d++;
			p = items[j].parent;
		}
		pk->items[i].depth = d;
	}

	/* preselection */
	long cur = -1;
	if (selected != NULL && *selected != '\0') {
		char *sel = xstrdup(selected);
		char *save = NULL;
		for (char *tok = strtok_r(sel, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
			str_trim(tok);
			long j = picker_find(pk, order, tok);
			if (j < 0) {
				for (size_t i = 0; i < n; i++)
					if (strcasecmp(pk->items[i].code, tok) == 0)
						j = (long)i;
			}
			if (j < 0)
				continue;
			if (multi)
				pk->items[j].ticked = 1;
			if (cur < 0)
				cur = j;
		}
		free(sel);
	}
	free(order);
	for (size_t i = 0; i < n; i++) {
		const struct picker_item *it = &pk->items[i];
		int d = it->depth > PICKER_DEPTH_MAX ? PICKER_DEPTH_MAX : it->depth;
		int w = 2 * d + str_width(it->code) + (multi ? 4 : 0);
		if (strcmp(it->code, it->label) != 0)
			w += 2 + str_width(it->label);
		if (w > pk->want_w)
			pk->want_w = w;
	}
	if (str_width(pk->title) + 6 > pk->want_w)
		pk->want_w = str_width(pk->title) + 6;
	picker_filter(pk);
	if (cur >= 0)
		pk->cur = (size_t)cur; /* no filter yet: shown[i] == i */
	return ui_screen_new(&picker_ops, pk, 1);
}

static const struct screen_ops picker_ops = {
	.name = "picker",
	.draw = picker_draw,
	.key = picker_key,
	.resize = picker_resize,
	.resume = NULL,
	.free = picker_free,
	.fkeys = N_("Enter Pilih  Esc Batal"),
};
