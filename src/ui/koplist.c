/* koplist.c: the registry screen "Registri Koperasi" (a keyset-paged list of cooperatives with
 * search, limit and sort) and the helpers the registry screens share (kop.h). */
#include <stdlib.h>
#include <string.h>

#include "kop.h"
#include "listscreen.h"
#include "util.h"

/* ---- shared by the registry screens ------------------------------------------ */

static struct kop_ref *kopui_ref;
static int             kopui_refs;

const struct kop_ref *kopui_ref_get(void)
{
	if (kopui_ref == NULL) {
		struct errs e;
		errs_init(&e);
		kopui_ref = koperasi_ref_load(ui_app()->data_dir, &e);
		if (kopui_ref == NULL) {
			char *m = errs_join(&e, "; ");
			ui_error(_("Data koperasi tidak dapat dibaca: %s"), *m ? m : "data/");
			free(m);
			errs_free(&e);
			return NULL;
		}
		errs_free(&e);
		kopui_refs = 0;
	}
	kopui_refs++;
	return kopui_ref;
}

void kopui_ref_put(const struct kop_ref *r)
{
	if (r == NULL || r != kopui_ref)
		return;
	if (--kopui_refs <= 0) {
		koperasi_ref_free(kopui_ref);
		kopui_ref = NULL;
		kopui_refs = 0;
	}
}

void kopui_dmy(const char *iso, char out[11])
{
	day_t d;
	out[0] = '\0';
	if (iso != NULL && date_parse_iso(iso, &d) == 0)
		date_fmt_dmy(d, out);
	else if (iso != NULL)
		snprintf(out, 11, "%s", iso);
}

char *kopui_value(const struct kop_ref *r, enum kop_fid f, const char *stored, int brief)
{
	if (stored == NULL || *stored == '\0')
		return xstrdup("");
	char *v = koperasi_display(r, f, stored);
	if (brief && f == KF_kabkota && strncmp(v, "Kabupaten ", 10) == 0) {
		char *s = brief > 1 ? xstrdup(v + 10) : xasprintf("Kab. %s", v + 10);
		free(v);
		v = s;
	}
	return v;
}

const char *const *kopui_choices(enum kop_fid f)
{
	/* The codes koperasi.c accepts for its two fixed lists; their labels come
	 * from koperasi_display. */
	static const char *const wilayah[] = { "kabkota", "provinsi", "nasional", NULL };
	static const char *const status[] = { "aktif", "tidak_aktif", NULL };
	static const char *const none[] = { NULL };
	if (f == KF_wilayah_keanggotaan)
		return wilayah;
	if (f == KF_status)
		return status;
	return none;
}

/* ---- the list ------------------------------------------------------------------ */

struct koplist {
	struct lscreen        ls;         /* first: the list, search, limit (as typed), sort */
	struct kop_query      q;
	const struct kop_ref *ref;        /* may be NULL: codes shown as stored */
	char                 *limit_norm; /* limit with its value as a code (q.limit), owned */
};

/* Column widths of the current layout (0: column not shown). */
struct koplist_cols {
	int nik, nama, kab, jenis, grade, rat, status;
};

/* Nama keeps at least KL_NAMA_WANT columns: the optional columns come in,
 * in this order, only while that holds: Kab/Kota, Status, Jenis. Without the
 * Status column an inactive cooperative is still marked ('x' before the NIK). */
#define KL_NAMA_WANT 24

static void koplist_layout(struct koplist_cols *c)
{
	c->nik = KOPERASI_NIK_DIGITS;
	c->grade = 5;
	c->rat = 10;
	c->kab = c->status = c->jenis = 0;
	int spare = COLS - 2 - (c->nik + c->grade + c->rat) - 3; /* 4 columns, 3 gaps */
	if (spare - 13 >= KL_NAMA_WANT) {
		c->kab = 12;
		spare -= 13;
	}
	if (c->kab > 0 && spare - 12 >= KL_NAMA_WANT) {
		c->status = 11;
		spare -= 12;
	}
	if (c->status > 0 && spare - 11 >= KL_NAMA_WANT) {
		c->jenis = 10;
		spare -= 11;
	}
	/* what is left beyond the wanted name width: some to Kab/Kota and Jenis */
	int extra = spare - KL_NAMA_WANT;
	if (extra > 0 && c->kab > 0) {
		int add = extra * 3 / 10 < 10 ? extra * 3 / 10 : 10;
		c->kab += add;
		spare -= add;
	}
	if (extra > 0 && c->jenis > 0) {
		int add = extra / 10 < 4 ? extra / 10 : 4;
		c->jenis += add;
		spare -= add;
	}
	c->nama = spare < 8 ? 8 : spare;
}

static int koplist_fetch(void *ctx, const void *from, int backwards, int n, void **rows,
			 size_t *nrows, char **cause)
{
	struct koplist *kl = ctx;
	struct kop_row *r = NULL;
	*nrows = 0;
	if (store_koperasi_page(ui_app()->st, &kl->q, from, backwards, n, &r, nrows, cause) != 0)
		return -1;
	*rows = r;
	return 0;
}

static void koplist_release(void *ctx, void *row)
{
	/* kop_rows_free frees an array: hand it a one-row copy. */
	struct kop_row *one = xmalloc(sizeof *one);
	memcpy(one, row, sizeof *one);
	kop_rows_free(one, 1);
	memset(row, 0, sizeof *one);
}

static long koplist_count(void *ctx, char **cause)
{
	struct koplist *kl = ctx;
	return store_koperasi_count(ui_app()->st, &kl->q, cause);
}

static int koplist_same(void *ctx, const void *a, const void *b)
{
	const struct kop_row *x = a, *y = b;
	return strcmp(x->id, y->id) == 0;
}

/* text in width columns; when it is too wide its last words become initials,
 * from the end ("Timor Tengah Selatan" -> "Timor T. S."), so that two long
 * names that start alike still differ; cut when even that does not fit.
 * Caller frees. */
static char *koplist_fit_words(const char *text, int width)
{
	if (str_width(text) <= width)
		return xstrdup(text);
	char *copy = xstrdup(text);
	char *words[16];
	size_t n = 0;
	for (char *save = NULL, *w = strtok_r(copy, " ", &save); w != NULL && n < 16;
	     w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	char *out = NULL;
	for (size_t keep = n > 0 ? n - 1 : 0; keep >= 1 && out == NULL; keep--) {
		struct buf b;
		buf_init(&b);
		for (size_t i = 0; i < n; i++) {
			if (i > 0)
				buf_addc(&b, ' ');
			if (i < keep) {
				buf_adds(&b, words[i]);
			} else {
				int len = mblen(words[i], strlen(words[i]));
				buf_add(&b, words[i], len > 0 ? (size_t)len : 1);
				buf_addc(&b, '.');
			}
		}
		if (str_width(b.s) <= width)
			out = buf_steal(&b);
		buf_free(&b);
	}
	free(copy);
	return out != NULL ? out : str_fit(text, width);
}

/* Puts text in a column and moves x past it and its gap. */
static void koplist_cell(int y, int *x, int w, const char *text, attr_t attr, short pair)
{
	if (w <= 0)
		return;
	ui_put_attr(y, *x, w, text && *text ? text : "-", attr, pair);
	*x += w + 1;
}

static void koplist_draw_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct koplist *kl = ctx;
	const struct kop_row *r = row;
	struct koplist_cols c;
	koplist_layout(&c);
	int inactive = r->status != NULL && strcmp(r->status, "tidak_aktif") == 0;
	short pair = selected ? CP_SELECT : CP_NORMAL;
	attr_t attr = inactive && !selected ? A_DIM : A_NORMAL;
	ui_fill(y, x, width, A_NORMAL, pair);
	if (inactive)
		ui_put_attr(y, x, 1, "x", A_BOLD, pair);
	int cx = x + 1;
	koplist_cell(y, &cx, c.nik, r->nik, attr, pair);
	koplist_cell(y, &cx, c.nama, r->nama, attr, pair);
	if (c.kab > 0) {
		/* narrow: "Ende" for Kabupaten Ende ("Kota Kupang" stays) */
		char *v = kopui_value(kl->ref, KF_kabkota, r->kabkota, c.kab < 16 ? 2 : 1);
		char *fit = koplist_fit_words(v, c.kab);
		koplist_cell(y, &cx, c.kab, fit, attr, pair);
		free(fit);
		free(v);
	}
	if (c.jenis > 0) {
		char *v = kopui_value(kl->ref, KF_jenis, r->jenis, 1);
		koplist_cell(y, &cx, c.jenis, v, attr, pair);
		free(v);
	}
	koplist_cell(y, &cx, c.grade, r->grade, attr, pair);
	char d[11];
	kopui_dmy(r->rat_terakhir, d);
	koplist_cell(y, &cx, c.rat, d, attr, pair);
	char *st = kopui_value(kl->ref, KF_status, r->status, 1);
	koplist_cell(y, &cx, c.status, st, attr, pair);
	free(st);
}

/* One column heading at *x (when the column is shown); moves *x past it. */
static void koplist_head(int *x, int w, const char *label)
{
	if (w <= 0)
		return;
	ui_put_attr(1, *x, w, label, A_BOLD | A_UNDERLINE, CP_NORMAL);
	*x += w + 1;
}

static void koplist_draw_header(void)
{
	struct koplist_cols c;
	koplist_layout(&c);
	ls_head_row();
	int x = 1;
	koplist_head(&x, c.nik, _("NIK"));
	koplist_head(&x, c.nama, _("Nama"));
	koplist_head(&x, c.kab, _("Kab/Kota"));
	koplist_head(&x, c.jenis, _("Jenis"));
	koplist_head(&x, c.grade, _("Grade"));
	koplist_head(&x, c.rat, c.rat >= str_width(_("RAT terakhir")) ? _("RAT terakhir") : _("RAT"));
	koplist_head(&x, c.status, _("Status"));
}

static void koplist_draw(struct screen *s)
{
	struct koplist *kl = s->state;
	struct app *a = ui_app();
	char *title = xasprintf("%s — %s", _("Registri Koperasi"),
				a->cfg.office_name ? a->cfg.office_name : "berkas");
	ls_top(title, clock_today());
	free(title);

	koplist_draw_header();
	listview_draw(kl->ls.lv, kl->ls.search || kl->ls.limit
				 ? _("Tidak ada koperasi yang cocok")
				 : _("Registri masih kosong (a: baru, i: impor)"));
	ls_status(&kl->ls, _("Koperasi"), NULL);
}

/* ---- queries ------------------------------------------------------------------- */

/* The query as the list screen has it, the limit's value made a code. */
static void koplist_apply(void *ctx, const struct lscreen *ls)
{
	struct koplist *kl = ctx;
	free(kl->limit_norm);
	kl->limit_norm = NULL;
	if (ls->limit != NULL)
		kl->limit_norm = kl->ref ? koperasi_limit_normalize(kl->ref, ls->limit)
					 : xstrdup(ls->limit);
	kl->q.search = ls->search;
	kl->q.limit = kl->limit_norm;
	kl->q.sort = (enum kop_sort)ls->sort;
	kl->q.reverse = ls->reverse;
}

static long koplist_count_all(void *ctx, char **cause)
{
	return store_koperasi_count(ui_app()->st, NULL, cause);
}

static const char *koplist_sort_label(int sort)
{
	return kop_sort_label((enum kop_sort)sort);
}

/* ---- keys ------------------------------------------------------------------------ */

/* The letters of F1 ... F10 (F5 reloads; 0: none). */
static const char koplist_fletter[10] = { '?', 'a', 'e', '/', 0, 'i', 0, 0, 0, 'q' };

static int koplist_key(struct screen *s, int is_key, wint_t ch)
{
	struct koplist *kl = s->state;
	const struct kop_row *sel = listview_selected(kl->ls.lv);

	if (ls_key(&kl->ls, is_key, &ch, koplist_fletter) == H_DONE)
		return H_DONE;
	switch (ch) {
	case '\n': case '\r':
		if (sel != NULL)
			ui_push(kopview_new(sel->id));
		return H_DONE;
	case 'a':
		ui_push(kopform_new(NULL));
		return H_DONE;
	case 'e':
		if (sel != NULL)
			ui_push(kopform_new(sel->id));
		return H_DONE;
	case 'i':
		kopimport_run();
		return H_DONE;
	case '?':
		ui_push(help_screen_new("koperasi"));
		return H_DONE;
	case 'q': case 27:
		return H_POP;
	default:
		return H_NONE;
	}
}

static void koplist_free(struct screen *s)
{
	struct koplist *kl = s->state;
	ls_free(&kl->ls);
	kopui_ref_put(kl->ref);
	free(kl->limit_norm);
	free(kl);
}

static const struct listview_ops koplist_list_ops = {
	.fetch   = koplist_fetch,
	.release = koplist_release,
	.draw    = koplist_draw_row,
	.count   = koplist_count,
	.same    = koplist_same,
};

static const struct ls_ops koplist_ls_ops = {
	.apply      = koplist_apply,
	.count_all  = koplist_count_all,
	.sort_label = koplist_sort_label,
};

static const struct screen_ops koplist_ops = {
	.name   = "koperasi",
	.draw   = koplist_draw,
	.key    = koplist_key,
	.resize = ls_screen_resize,
	.resume = ls_screen_resume,
	.free   = koplist_free,
	.fkeys  = N_("F1 Bantuan  F2 Baru  F3 Ubah  F4 Cari  F5 Segarkan  F6 Impor  F10 Kembali"),
};

/* The registry list, sorted by name. */
struct screen *koperasi_list_new(void)
{
	struct koplist *kl = xcalloc(1, sizeof *kl);
	kl->ref = kopui_ref_get();
	ls_init(&kl->ls, listview_new(&koplist_list_ops, sizeof(struct kop_row), kl),
		&koplist_ls_ops, kl, KSORT_NAMA, KSORT_COUNT);
	ls_requery_shown(&kl->ls);
	return ui_screen_new(&koplist_ops, kl, 0);
}
