/* regpick.c: modal picker over the cooperative registry, searched as you type (a page at a time). */
#include <stdlib.h>
#include <string.h>

#include "koperasi.h"
#include "pickbox.h"
#include "ui.h"
#include "util.h"

#define REGPICK_PAGE 50 /* rows read at a time */

struct regpick {
	char           *title;
	struct pickbox  pb;     /* the search, the selected row */
	struct kop_row *rows;   /* rows read so far for the search, in name order */
	size_t          n;
	int             more;   /* a further page may follow */
	char           *err;    /* the search failed: why; owned */
	void          (*done)(void *ctx, const char *value, const char *name);
	void           *ctx;
};

/* The search text (UTF-8), or NULL when empty. Caller frees. */
static char *regpick_search(const struct regpick *rp)
{
	if (rp->pb.flen == 0)
		return NULL;
	char *s = pb_filter_text(&rp->pb);
	if (*str_trim(s) == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Reads the next page after the rows held (from the start when none). */
static void regpick_fetch(struct regpick *rp)
{
	struct kop_query q;
	memset(&q, 0, sizeof q);
	char *search = regpick_search(rp);
	q.search = search;
	q.sort = KSORT_NAMA;
	struct kop_row *page = NULL;
	size_t got = 0;
	char *cause = NULL;
	const struct kop_row *from = rp->n > 0 ? &rp->rows[rp->n - 1] : NULL;
	if (store_koperasi_page(ui_app()->st, &q, from, 0, REGPICK_PAGE, &page, &got, &cause) < 0) {
		free(rp->err);
		rp->err = xstrdup(cause ? cause : _("pencarian gagal"));
		free(cause);
		rp->more = 0;
		free(search);
		return;
	}
	free(search);
	if (got > 0) {
		rp->rows = xreallocarray(rp->rows, rp->n + got, sizeof *rp->rows);
		memcpy(rp->rows + rp->n, page, got * sizeof *page);
		rp->n += got;
	}
	free(page); /* the rows' strings now belong to rp->rows */
	rp->more = got == REGPICK_PAGE;
}

/* The search changed: reads the first page again. */
static void regpick_requery(struct regpick *rp)
{
	kop_rows_free(rp->rows, rp->n);
	rp->rows = NULL;
	rp->n = 0;
	rp->pb.cur = rp->pb.top = 0;
	free(rp->err);
	rp->err = NULL;
	regpick_fetch(rp);
}

static void regpick_geometry(int *y, int *x, int *h, int *w)
{
	*w = COLS - 8 > 90 ? 90 : COLS - 8;
	if (*w < 40)
		*w = COLS;
	*h = LINES - 4;
	if (*h > 16)
		*h = 16;
	if (*h < 7)
		*h = LINES < 7 ? LINES : 7;
	*y = (LINES - *h) / 2;
	*x = (COLS - *w) / 2;
}

static void regpick_draw(struct screen *s)
{
	struct regpick *rp = s->state;
	int y, x, h, w;
	regpick_geometry(&y, &x, &h, &w);
	pb_frame(&rp->pb, y, x, h, w, rp->title, NULL,
		 _("Ketik nama atau NIK  Enter pilih  Esc batal"));
	if (rp->err != NULL)
		pb_note(&rp->pb, rp->err, A_NORMAL, CP_ERROR);
	else if (rp->n == 0)
		pb_note(&rp->pb, _("(tidak ada koperasi yang cocok)"), A_DIM, CP_NORMAL);
	int nikw = KOPERASI_NIK_DIGITS;
	size_t end = rp->err == NULL ? rp->n : 0;
	for (size_t i = rp->pb.top; i < end && i < rp->pb.top + (size_t)rp->pb.list_h; i++) {
		const struct kop_row *k = &rp->rows[i];
		const char *nik = k->nik && *k->nik ? k->nik : _("(tanpa NIK)");
		char *fn = str_fit(nik, nikw);
		char *line = xasprintf("%s%*s  %s", fn, nikw - str_width(fn), "",
				       k->nama ? k->nama : "");
		pb_row(&rp->pb, i, line);
		free(line);
		free(fn);
	}
	pb_marks(&rp->pb, rp->n, rp->more);
}

/* Moves the selection, reading further pages as it goes past the end. */
static void regpick_move(struct regpick *rp, long by)
{
	long c = (long)rp->pb.cur + by;
	while (c >= (long)rp->n && rp->more) {
		size_t before = rp->n;
		regpick_fetch(rp);
		if (rp->n == before)
			break;
	}
	if (c >= (long)rp->n)
		c = (long)rp->n - 1;
	if (c < 0)
		c = 0;
	rp->pb.cur = (size_t)c;
}

static int regpick_choose(struct regpick *rp)
{
	if (rp->n == 0 || rp->err != NULL)
		return H_DONE;
	const struct kop_row *k = &rp->rows[rp->pb.cur];
	rp->done(rp->ctx, k->nik && *k->nik ? k->nik : k->id, k->nama);
	return H_POP;
}

static int regpick_key(struct screen *s, int is_key, wint_t ch)
{
	struct regpick *rp = s->state;
	long by = 0;
	switch (pb_key(&rp->pb, is_key, ch, &by)) {
	case PB_MOVE:
		regpick_move(rp, by);
		break;
	case PB_FILTERED:
		regpick_requery(rp);
		break;
	case PB_CHOOSE:
		return regpick_choose(rp);
	case PB_CANCEL:
		rp->done(rp->ctx, NULL, NULL);
		return H_POP;
	case PB_END: /* the end of the registry is many pages away */
	case PB_NONE:
		break;
	}
	return H_DONE;
}

static void regpick_free(struct screen *s)
{
	struct regpick *rp = s->state;
	kop_rows_free(rp->rows, rp->n);
	free(rp->err);
	free(rp->title);
	free(rp);
}

static const struct screen_ops regpick_ops = {
	.name   = "picker",
	.draw   = regpick_draw,
	.key    = regpick_key,
	.resize = NULL, /* geometry is computed at every draw */
	.resume = NULL,
	.free   = regpick_free,
	.fkeys  = N_("Enter Pilih  Esc Batal"),
};

/* See ui.h. initial (may be NULL) starts the search, e.g. the NIK already in
 * the field. */
struct screen *regpick_new(const char *title, const char *initial,
			   void (*done)(void *ctx, const char *value, const char *name), void *ctx)
{
	struct regpick *rp = xcalloc(1, sizeof *rp);
	rp->title = xstrdup(title ? title : _("Koperasi"));
	rp->done = done;
	rp->ctx = ctx;
	if (initial != NULL && *initial != '\0')
		pb_set_filter(&rp->pb, initial);
	regpick_fetch(rp);
	if (rp->n == 0 && rp->pb.flen > 0 && rp->err == NULL) {
		/* e.g. an id in the field: start from the whole list instead */
		rp->pb.flen = 0;
		rp->pb.filter[0] = L'\0';
		regpick_requery(rp);
	}
	return ui_screen_new(&regpick_ops, rp, 1);
}
