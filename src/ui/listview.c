/* listview.c: a scrolling list that holds only the rows on screen, paged by keyset through callbacks. */
#include <stdlib.h>
#include <string.h>

#include "listview.h"
#include "util.h"

struct listview {
	const struct listview_ops *ops;
	void   *ctx;
	size_t  size;       /* bytes per row */
	char   *rows;       /* the rows on screen, n of them */
	size_t  n;
	size_t  sel;        /* cursor row, < n when n > 0 */
	int     y, x, h, w; /* region */
	long    total;      /* cached count, -1 unknown */
};

#define LV_ROW(lv, base, i) ((base) + (size_t)(i) * (lv)->size)

struct listview *listview_new(const struct listview_ops *ops, size_t row_size, void *ctx)
{
	struct listview *lv = xcalloc(1, sizeof *lv);
	lv->ops = ops;
	lv->ctx = ctx;
	lv->size = row_size;
	lv->total = -1;
	return lv;
}

/* Clears rows [from, to) of the array base. */
static void listview_clear_range(struct listview *lv, char *base, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		lv->ops->release(lv->ctx, LV_ROW(lv, base, i));
}

static void listview_drop_all(struct listview *lv)
{
	listview_clear_range(lv, lv->rows, 0, lv->n);
	free(lv->rows);
	lv->rows = NULL;
	lv->n = 0;
	lv->sel = 0;
}

void listview_free(struct listview *lv)
{
	if (lv == NULL)
		return;
	listview_drop_all(lv);
	free(lv);
}

static int listview_fetch(struct listview *lv, const void *from, int backwards, int n,
			  char **rows, size_t *nrows, char **cause)
{
	void *r = NULL;
	*rows = NULL;
	*nrows = 0;
	if (n <= 0)
		return 0;
	if (lv->ops->fetch(lv->ctx, from, backwards, n, &r, nrows, cause) < 0)
		return -1;
	if (*nrows == 0) {
		free(r);
		r = NULL;
	}
	*rows = r;
	return 0;
}

/* Appends k rows after the window and drops rows from the top beyond h; the
 * cursor stays on its item (or the first row if that was dropped). */
static void listview_append(struct listview *lv, char *add, size_t k)
{
	size_t total = lv->n + k;
	size_t h = lv->h > 0 ? (size_t)lv->h : 1;
	size_t drop = total > h ? total - h : 0;
	char *all = xreallocarray(NULL, total ? total : 1, lv->size);
	if (lv->n > 0)
		memcpy(all, lv->rows, lv->n * lv->size);
	if (k > 0)
		memcpy(LV_ROW(lv, all, lv->n), add, k * lv->size);
	listview_clear_range(lv, all, 0, drop);
	free(lv->rows);
	free(add);
	lv->n = total - drop;
	lv->rows = xreallocarray(NULL, lv->n ? lv->n : 1, lv->size);
	memcpy(lv->rows, LV_ROW(lv, all, drop), lv->n * lv->size);
	free(all);
	lv->sel = lv->sel >= drop ? lv->sel - drop : 0;
}

/* Prepends k rows before the window and drops rows from the bottom beyond h. */
static void listview_prepend(struct listview *lv, char *add, size_t k)
{
	size_t total = lv->n + k;
	size_t h = lv->h > 0 ? (size_t)lv->h : 1;
	size_t keep = total > h ? h : total;
	char *all = xreallocarray(NULL, total ? total : 1, lv->size);
	if (k > 0)
		memcpy(all, add, k * lv->size);
	if (lv->n > 0)
		memcpy(LV_ROW(lv, all, k), lv->rows, lv->n * lv->size);
	listview_clear_range(lv, all, keep, total);
	free(lv->rows);
	free(add);
	lv->rows = all;
	lv->n = keep;
	lv->sel += k;
	if (lv->sel >= lv->n)
		lv->sel = lv->n ? lv->n - 1 : 0;
}

/* Fills the window up to h rows, below first and then above. */
static int listview_fill(struct listview *lv, char **cause)
{
	char *add;
	size_t k;
	if (lv->h <= 0 || lv->n >= (size_t)lv->h)
		return 0;
	int want = lv->h - (int)lv->n;
	const void *last = lv->n ? LV_ROW(lv, lv->rows, lv->n - 1) : NULL;
	if (listview_fetch(lv, last, 0, want, &add, &k, cause) < 0)
		return -1;
	if (k > 0)
		listview_append(lv, add, k);
	if (lv->n > 0 && lv->n < (size_t)lv->h) {
		want = lv->h - (int)lv->n;
		if (listview_fetch(lv, lv->rows, 1, want, &add, &k, cause) < 0)
			return -1;
		if (k > 0)
			listview_prepend(lv, add, k);
	}
	return 0;
}

/* Trims the window to h rows keeping the cursor row. */
static void listview_trim(struct listview *lv)
{
	if (lv->h <= 0 || lv->n <= (size_t)lv->h)
		return;
	size_t h = (size_t)lv->h;
	size_t drop = lv->sel >= h ? lv->sel - h + 1 : 0;
	if (drop > 0) {
		listview_clear_range(lv, lv->rows, 0, drop);
		memmove(lv->rows, LV_ROW(lv, lv->rows, drop), (lv->n - drop) * lv->size);
		lv->n -= drop;
		lv->sel -= drop;
	}
	if (lv->n > h) {
		listview_clear_range(lv, lv->rows, h, lv->n);
		lv->n = h;
	}
}

void listview_place(struct listview *lv, int y, int x, int h, int w)
{
	lv->y = y;
	lv->x = x;
	lv->h = h;
	lv->w = w;
	if (h <= 0)
		return;
	listview_trim(lv);
	char *cause = NULL;
	if (lv->n > 0 && listview_fill(lv, &cause) < 0) {
		ui_error("%s", cause);
		free(cause);
	}
}

static int listview_recount(struct listview *lv, char **cause)
{
	if (lv->ops->count == NULL) {
		lv->total = -1;
		return 0;
	}
	long c = lv->ops->count(lv->ctx, cause);
	if (c < 0) {
		lv->total = -1;
		return -1;
	}
	lv->total = c;
	return 0;
}

int listview_reset(struct listview *lv, int to_end, char **cause)
{
	listview_drop_all(lv);
	if (listview_recount(lv, cause) < 0)
		return -1;
	int h = lv->h > 0 ? lv->h : 1;
	char *add;
	size_t k;
	if (listview_fetch(lv, NULL, to_end, h, &add, &k, cause) < 0)
		return -1;
	lv->rows = add;
	lv->n = k;
	lv->sel = to_end && k > 0 ? k - 1 : 0;
	return 0;
}

int listview_reload(struct listview *lv, int recount, char **cause)
{
	if (recount && listview_recount(lv, cause) < 0)
		return -1;
	if (lv->n == 0)
		return listview_reset(lv, 0, cause);

	/* The row before the first one on screen is the keyset start, so that
	 * the first row itself comes back (or what now follows its place). */
	char *before, *page;
	size_t nb, np;
	if (listview_fetch(lv, lv->rows, 1, 1, &before, &nb, cause) < 0)
		return -1;
	int h = lv->h > 0 ? lv->h : 1;
	int rc = listview_fetch(lv, nb ? before : NULL, 0, h, &page, &np, cause);
	if (nb > 0)
		listview_clear_range(lv, before, 0, nb);
	free(before);
	if (rc < 0)
		return -1;

	char *old = lv->rows;
	size_t oldn = lv->n, oldsel = lv->sel;
	size_t sel = np ? (oldsel < np ? oldsel : np - 1) : 0;
	if (lv->ops->same != NULL) {
		const void *cur = LV_ROW(lv, old, oldsel);
		for (size_t i = 0; i < np; i++) {
			if (lv->ops->same(lv->ctx, cur, LV_ROW(lv, page, i))) {
				sel = i;
				break;
			}
		}
	}
	listview_clear_range(lv, old, 0, oldn);
	free(old);
	lv->rows = page;
	lv->n = np;
	lv->sel = sel;
	if (lv->n == 0)
		return listview_reset(lv, 1, cause);
	return listview_fill(lv, cause);
}

static void listview_report(int rc, char *cause)
{
	if (rc < 0) {
		ui_error("%s", cause ? cause : _("gagal membaca daftar"));
	}
	free(cause);
}

static void listview_down(struct listview *lv, int lines)
{
	char *cause = NULL, *add;
	size_t k;
	int rc = 0;
	if (lv->n == 0)
		return;
	if (lines == 1 && lv->sel + 1 < lv->n) {
		lv->sel++;
		return;
	}
	rc = listview_fetch(lv, LV_ROW(lv, lv->rows, lv->n - 1), 0, lines, &add, &k, &cause);
	if (rc == 0 && k > 0) {
		size_t sel = lv->sel;
		listview_append(lv, add, k);
		if (lines == 1)
			lv->sel = lv->n - 1;
		else
			lv->sel = sel < lv->n ? sel : lv->n - 1;
	} else if (rc == 0) {
		lv->sel = lv->n - 1;
	}
	listview_report(rc, cause);
}

static void listview_up(struct listview *lv, int lines)
{
	char *cause = NULL, *add;
	size_t k;
	int rc = 0;
	if (lv->n == 0)
		return;
	if (lines == 1 && lv->sel > 0) {
		lv->sel--;
		return;
	}
	rc = listview_fetch(lv, lv->rows, 1, lines, &add, &k, &cause);
	if (rc == 0 && k > 0) {
		size_t sel = lv->sel;
		listview_prepend(lv, add, k);
		if (lines == 1)
			lv->sel = 0;
		else
			lv->sel = sel < lv->n ? sel : lv->n - 1;
	} else if (rc == 0) {
		lv->sel = 0;
	}
	listview_report(rc, cause);
}

int listview_key(struct listview *lv, int is_key, wint_t ch)
{
	int page = lv->h > 1 ? lv->h : 1;
	char *cause = NULL;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  listview_down(lv, 1); return H_DONE;
		case KEY_UP:    listview_up(lv, 1); return H_DONE;
		case KEY_NPAGE: listview_down(lv, page); return H_DONE;
		case KEY_PPAGE: listview_up(lv, page); return H_DONE;
		case KEY_HOME:  listview_report(listview_reset(lv, 0, &cause), cause); return H_DONE;
		case KEY_END:   listview_report(listview_reset(lv, 1, &cause), cause); return H_DONE;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case 'j':                  listview_down(lv, 1); return H_DONE;
	case 'k':                  listview_up(lv, 1); return H_DONE;
	case ' ': case 'f' & 0x1f: listview_down(lv, page); return H_DONE;
	case 'b' & 0x1f:           listview_up(lv, page); return H_DONE;
	case 'g': listview_report(listview_reset(lv, 0, &cause), cause); return H_DONE;
	case 'G': listview_report(listview_reset(lv, 1, &cause), cause); return H_DONE;
	default:  return H_NONE;
	}
}

void listview_draw(struct listview *lv, const char *empty)
{
	if (lv->h <= 0 || lv->w <= 0)
		return;
	if (lv->n == 0) {
		if (empty != NULL)
			ui_put(lv->y + 1 < lv->y + lv->h ? lv->y + 1 : lv->y, lv->x + 2, lv->w - 2, empty);
		return;
	}
	for (size_t i = 0; i < lv->n && i < (size_t)lv->h; i++)
		lv->ops->draw(lv->ctx, LV_ROW(lv, lv->rows, i), lv->y + (int)i, lv->x, lv->w,
			      i == lv->sel);
}

const void *listview_selected(const struct listview *lv)
{
	return lv->n ? LV_ROW(lv, lv->rows, lv->sel) : NULL;
}

size_t listview_count_rows(const struct listview *lv)
{
	return lv->n;
}

const void *listview_row(const struct listview *lv, size_t i)
{
	return i < lv->n ? LV_ROW(lv, lv->rows, i) : NULL;
}

long listview_total(const struct listview *lv)
{
	return lv->total;
}
