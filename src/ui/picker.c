/* picker.c: modal list to choose one code (or several) from a code list, filtered as you type. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "pickbox.h"
#include "ui.h"
#include "util.h"

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
	struct pickbox      pb;     /* the filter; pb.cur is the position in shown */
	int                 multi;
	void              (*done)(void *ctx, const char *code);
	void               *ctx;
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
	if (pk->pb.flen == 0)
		return 1;
	wchar_t f[PB_FILTER_MAX + 1];
	for (size_t i = 0; i <= pk->pb.flen; i++)
		f[i] = (wchar_t)towlower((wint_t)pk->pb.filter[i]);
	if (wcsncmp(it->wcode, f, pk->pb.flen) == 0)
		return 1;
	return wcsstr(it->wlabel, f) != NULL;
}

/* Recomputes the shown rows, keeping the current item when it still matches. */
static void picker_filter(struct picker *pk)
{
	size_t keep = pk->n_shown > 0 ? pk->shown[pk->pb.cur] : (size_t)-1;
	pk->n_shown = 0;
	pk->pb.cur = 0;
	for (size_t i = 0; i < pk->n; i++) {
		if (!picker_match(pk, &pk->items[i]))
			continue;
		if (i == keep && pk->pb.flen == 0)
			pk->pb.cur = pk->n_shown;
		pk->shown[pk->n_shown++] = i;
	}
	pk->pb.top = 0;
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
	char cnt[48];
	snprintf(cnt, sizeof cnt, "%zu/%zu", pk->n_shown, pk->n);
	pb_frame(&pk->pb, y, x, h, w, pk->title, cnt,
		 pk->multi ? _("Spasi tandai  Enter pilih  Esc batal")
			   : _("Ketik untuk menyaring  Enter pilih  Esc batal"));
	if (pk->n_shown == 0)
		pb_note(&pk->pb, _("(tidak ada yang cocok)"), A_DIM, CP_NORMAL);
	for (size_t si = pk->pb.top; si < pk->n_shown && si < pk->pb.top + (size_t)pk->pb.list_h;
	     si++) {
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
		pb_row(&pk->pb, si, b.s);
		buf_free(&b);
	}
	pb_marks(&pk->pb, pk->n_shown, 0);
}

static void picker_move(struct picker *pk, long delta)
{
	if (pk->n_shown == 0)
		return;
	long c = (long)pk->pb.cur + delta;
	if (c < 0)
		c = 0;
	if (c >= (long)pk->n_shown)
		c = (long)pk->n_shown - 1;
	pk->pb.cur = (size_t)c;
}

/* Enter: hands the choice to the caller. */
static int picker_choose(struct picker *pk)
{
	if (!pk->multi) {
		if (pk->n_shown == 0)
			return H_DONE;
		pk->done(pk->ctx, pk->items[pk->shown[pk->pb.cur]].code);
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
		buf_adds(&b, pk->items[pk->shown[pk->pb.cur]].code);
	pk->done(pk->ctx, b.s);
	buf_free(&b);
	return H_POP;
}

static int picker_key(struct screen *s, int is_key, wint_t ch)
{
	struct picker *pk = s->state;
	if (!is_key && ch == ' ' && pk->multi) {
		if (pk->n_shown > 0) {
			struct picker_item *it = &pk->items[pk->shown[pk->pb.cur]];
			it->ticked = !it->ticked;
			picker_move(pk, 1);
		}
		return H_REDRAW;
	}
	long by = 0;
	switch (pb_key(&pk->pb, is_key, ch, &by)) {
	case PB_MOVE:
		picker_move(pk, by);
		break;
	case PB_END:
		picker_move(pk, (long)pk->n_shown);
		break;
	case PB_FILTERED:
		picker_filter(pk);
		break;
	case PB_CHOOSE:
		return picker_choose(pk);
	case PB_CANCEL:
		pk->done(pk->ctx, NULL);
		return H_POP;
	case PB_NONE:
		break;
	}
	return H_REDRAW;
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
		pk->pb.cur = (size_t)cur; /* no filter yet: shown[i] == i */
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
