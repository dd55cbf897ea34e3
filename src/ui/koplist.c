/* koplist.c: the registry screen "Registri Koperasi" (a keyset-paged list of cooperatives with
 * search, limit and sort) and the helpers the registry screens share (kop.h). */
#include <stdlib.h>
#include <string.h>

#include "kop.h"
#include "listview.h"
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
	struct listview      *lv;
	struct kop_query      q;
	const struct kop_ref *ref;        /* may be NULL: codes shown as stored */
	char                 *search;     /* owned; NULL for none */
	char                 *limit;      /* as typed, owned; NULL for none */
	char                 *limit_norm; /* limit with its value as a code (q.limit), owned */
	long                  all_total;  /* rows without search and limit; -1 unknown */
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
		koplist_cell(y, &cx, c.kab, v, attr, pair);
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
	ui_fill(1, 0, COLS, ui_color() ? A_NORMAL : A_UNDERLINE, CP_NORMAL);
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
	char today[11];
	date_fmt_dmy(clock_today(), today);
	ui_fill(0, 0, COLS, A_NORMAL, CP_HEADER);
	ui_put_attr(0, 1, COLS - 14, title, A_BOLD, CP_HEADER);
	ui_put_attr(0, COLS - 11, 10, today, A_NORMAL, CP_HEADER);
	free(title);

	koplist_draw_header();
	listview_draw(kl->lv, kl->search || kl->limit ? _("Tidak ada koperasi yang cocok")
						       : _("Registri masih kosong (a: baru, i: impor)"));

	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s | ", _("Koperasi"));
	long shown = listview_total(kl->lv);
	char num[24];
	if (shown < 0) {
		buf_adds(&b, "?");
	} else {
		store_count_text(shown, num);
		buf_adds(&b, num);
	}
	if (kl->all_total >= 0)
		buf_printf(&b, "/%ld", kl->all_total);
	else
		buf_adds(&b, "/?");
	if (kl->search != NULL)
		buf_printf(&b, " | %s %s", _("cari:"), kl->search);
	if (kl->limit != NULL)
		buf_printf(&b, " | %s %s", _("batasi:"), kl->limit);
	buf_printf(&b, " | %s %s%s", _("urut:"), kop_sort_label(kl->q.sort),
		   kl->q.reverse ? _(" (terbalik)") : "");
	ui_status(b.s);
	buf_free(&b);
}

/* ---- queries ------------------------------------------------------------------- */

static void koplist_count_all(struct koplist *kl)
{
	if (kl->q.search == NULL && kl->q.limit == NULL) {
		kl->all_total = listview_total(kl->lv);
		return;
	}
	char *cause = NULL;
	kl->all_total = store_koperasi_count(ui_app()->st, NULL, &cause);
	free(cause);
}

static int koplist_requery(struct koplist *kl, char **cause)
{
	free(kl->limit_norm);
	kl->limit_norm = NULL;
	if (kl->limit != NULL)
		kl->limit_norm = kl->ref ? koperasi_limit_normalize(kl->ref, kl->limit)
					 : xstrdup(kl->limit);
	kl->q.search = kl->search;
	kl->q.limit = kl->limit_norm;
	if (listview_reset(kl->lv, 0, cause) < 0)
		return -1;
	koplist_count_all(kl);
	return 0;
}

static void koplist_requery_shown(struct koplist *kl)
{
	char *cause = NULL;
	if (koplist_requery(kl, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal membaca daftar"));
		free(cause);
	}
}

static void koplist_refresh(struct koplist *kl)
{
	char *cause = NULL;
	if (listview_reload(kl->lv, 1, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal membaca daftar"));
		free(cause);
		return;
	}
	koplist_count_all(kl);
}

/* Sets the search (which = 0) or limit (1); a bad one is reported and the
 * previous one kept. Takes text over (NULL or "" clears). */
static void koplist_set_filter(struct koplist *kl, int which, char *text)
{
	char **slot = which ? &kl->limit : &kl->search;
	char *old = *slot;
	char *cause = NULL;
	if (text != NULL && *str_trim(text) == '\0') {
		free(text);
		text = NULL;
	}
	*slot = text;
	if (koplist_requery(kl, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal membaca daftar"));
		free(cause);
		cause = NULL;
		free(*slot);
		*slot = old;
		if (koplist_requery(kl, &cause) < 0)
			free(cause);
		return;
	}
	free(old);
}

static void koplist_place(struct koplist *kl)
{
	listview_place(kl->lv, 2, 0, LINES - 4, COLS);
}

/* ---- keys ------------------------------------------------------------------------ */

static int koplist_key(struct screen *s, int is_key, wint_t ch)
{
	struct koplist *kl = s->state;
	const struct kop_row *sel = listview_selected(kl->lv);
	char *text;

	if (listview_key(kl->lv, is_key, ch) == H_DONE)
		return H_DONE;
	if (is_key) {
		switch (ch) {
		case KEY_F(1):  ch = '?'; break;
		case KEY_F(2):  ch = 'a'; break;
		case KEY_F(3):  ch = 'e'; break;
		case KEY_F(4):  ch = '/'; break;
		case KEY_F(6):  ch = 'i'; break;
		case KEY_F(10): ch = 'q'; break;
		case KEY_ENTER: ch = '\n'; break;
		case KEY_F(5):
			koplist_refresh(kl);
			return H_DONE;
		default:
			return H_NONE;
		}
	}
	switch (ch) {
	case '\n': case '\r':
		if (sel != NULL)
			ui_push(kopview_new(sel->id));
		return H_DONE;
	case '/':
		text = ui_prompt(_("Cari: "), kl->search);
		if (text != NULL)
			koplist_set_filter(kl, 0, text);
		return H_DONE;
	case 'l':
		text = ui_prompt(_("Batasi: "), kl->limit);
		if (text != NULL)
			koplist_set_filter(kl, 1, text);
		return H_DONE;
	case 'o':
		kl->q.sort = (kl->q.sort + 1) % KSORT_COUNT;
		koplist_requery_shown(kl);
		return H_DONE;
	case 'O':
		kl->q.reverse = !kl->q.reverse;
		koplist_requery_shown(kl);
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

static void koplist_resize(struct screen *s)
{
	koplist_place(s->state);
}

static void koplist_resume(struct screen *s)
{
	koplist_refresh(s->state);
}

static void koplist_free(struct screen *s)
{
	struct koplist *kl = s->state;
	listview_free(kl->lv);
	kopui_ref_put(kl->ref);
	free(kl->search);
	free(kl->limit);
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

static const struct screen_ops koplist_ops = {
	.name   = "koperasi",
	.draw   = koplist_draw,
	.key    = koplist_key,
	.resize = koplist_resize,
	.resume = koplist_resume,
	.free   = koplist_free,
	.fkeys  = N_("F1 Bantuan  F2 Baru  F3 Ubah  F4 Cari  F5 Segarkan  F6 Impor  F10 Kembali"),
};

/* The registry list, sorted by name. */
struct screen *koperasi_list_new(void)
{
	struct koplist *kl = xcalloc(1, sizeof *kl);
	kl->ref = kopui_ref_get();
	kl->lv = listview_new(&koplist_list_ops, sizeof(struct kop_row), kl);
	kl->all_total = -1;
	kl->q.sort = KSORT_NAMA;
	koplist_place(kl);
	koplist_requery_shown(kl);
	return ui_screen_new(&koplist_ops, kl, 0);
}
