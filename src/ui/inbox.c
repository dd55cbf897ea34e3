/* inbox.c: the inbox screen: views, kind filter, search, limit and sort over a keyset-paged list of cases. */
#include <stdlib.h>
#include <string.h>

#include "listscreen.h"
#include "print.h"
#include "ui.h"
#include "util.h"

struct inbox {
	struct lscreen    ls;          /* first: the list, search, limit, sort */
	struct list_query q;
	char             *kind;        /* kind filter (J), owned; NULL for every kind */
	char              today[11];   /* ISO, for the query and the markers */
	day_t             today_day;
};

/* Column widths of the current layout. */
struct inbox_cols {
	int no, date, party, subject, su, pos, deadline;
};

/* Columns of a kind's own list ([list] columns), when the list shows that
 * kind only. */
#define INBOX_KCOL_MAX 16
enum inbox_kcol_type { KC_FIELD, KC_STEP, KC_POS, KC_DEADLINE, KC_STATUS, KC_KIND };
struct inbox_kcols {
	size_t n;
	struct {
		enum inbox_kcol_type type;
		const struct kfield *f; /* KC_FIELD */
		int                  w;
	} c[INBOX_KCOL_MAX];
};

/* ---- list callbacks ------------------------------------------------------ */

static int inbox_fetch(void *ctx, const void *from, int backwards, int n, void **rows,
		       size_t *nrows, char **cause)
{
	struct inbox *ib = ctx;
	struct app *a = ui_app();
	struct case_row *r = NULL;
	*nrows = 0;
	if (store_list_page(a->st, &ib->q, from, backwards, n, &r, nrows, cause) < 0)
		return -1;
	*rows = r;
	return 0;
}

static void inbox_release(void *ctx, void *row)
{
	/* case_rows_free frees an array: hand it a one-row copy. */
	struct case_row *one = xmalloc(sizeof *one);
	memcpy(one, row, sizeof *one);
	case_rows_free(one, 1);
	memset(row, 0, sizeof *one);
}

static long inbox_count(void *ctx, char **cause)
{
	struct inbox *ib = ctx;
	return store_list_count(ui_app()->st, &ib->q, cause);
}

static int inbox_same(void *ctx, const void *a, const void *b)
{
	const struct case_row *x = a, *y = b;
	return strcmp(x->id, y->id) == 0;
}

/* ---- formatting --------------------------------------------------------- */

static void inbox_dmy(const char *iso, char out[11])
{
	day_t d;
	if (iso == NULL || *iso == '\0') {
		strcpy(out, "-");
		return;
	}
	if (date_parse_iso(iso, &d) < 0) {
		snprintf(out, 11, "%s", iso);
		return;
	}
	date_fmt_dmy(d, out);
}

/* Short form of a security or urgency label: initials ("Sangat Rahasia" ->
 * "SR"); "Segera" is "Sgr" so that it differs from a plain "S". */
static void inbox_short(const char *label, int urgency, struct buf *b)
{
	if (label == NULL || *label == '\0') {
		buf_addc(b, '-');
		return;
	}
	if (urgency && strcasecmp(label, "Segera") == 0) {
		buf_adds(b, "Sgr");
		return;
	}
	int start = 1;
	for (const char *p = label; *p != '\0'; p++) {
		if (*p == ' ') {
			start = 1;
		} else if (start) {
			char c = *p;
			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
			buf_addc(b, c);
			start = 0;
		}
	}
}

/* The kind of a row, or NULL when it is not loaded. */
static const struct kind *inbox_row_kind(const struct case_row *r)
{
	return r->kind ? kindset_find(&ui_app()->kinds, r->kind) : NULL;
}

/* Sf/Urg column: "B/Sgr" for a letter; a row of a kind without security and
 * urgency (a service request) shows the kind's short title ("NIK") instead,
 * so that a mixed list reads well. */
static char *inbox_su(const struct case_row *r)
{
	const struct kind *k = inbox_row_kind(r);
	if (k != NULL && kind_field_by_role(k, FR_SECURITY) == NULL &&
	    kind_field_by_role(k, FR_URGENCY) == NULL)
		return xstrdup(k->short_title && *k->short_title ? k->short_title : k->key);
	struct buf b;
	buf_init(&b);
	inbox_short(r->security, 0, &b);
	buf_addc(&b, '/');
	inbox_short(r->urgency, 1, &b);
	return buf_steal(&b);
}

/* Leading words of position names and their short forms. */
static const struct {
	const char *full;
	const char *brief;
} inbox_titles[] = {
	{ "Kepala Dinas", "Kadis" },
	{ "Kepala Sub Bagian", "Kasubag" },
	{ "Kepala Subbagian", "Kasubag" },
	{ "Kepala Bidang", "Kabid" },
	{ "Kepala Seksi", "Kasi" },
	{ "Kepala", "Ka." },
	{ "Pelaksana Sub Bagian", "Staf" },
	{ "Pelaksana Bidang", "Staf" },
	{ "Pelaksana", "Staf" },
	{ "Pengadministrasi", "Adm." },
	{ "Sekretaris", "Sekretaris" },
};

/* A short name of a position that fits width columns: "Kepala Bidang
 * Kelembagaan dan Pengawasan" -> "Kabid Kelembagaan Pengawasan", and when that
 * is too wide the rest as initials: "Kabid KP". Caller frees. */
static char *inbox_pos_short(const char *name, int width)
{
	struct buf b;
	const char *rest = name;
	const char *paren = strchr(name, '(');
	char *outside = xstrndup(name, paren ? (size_t)(paren - name) : strlen(name));
	str_trim(outside);

	buf_init(&b);
	buf_add(&b, "", 0);
	rest = outside;
	for (size_t i = 0; i < sizeof inbox_titles / sizeof inbox_titles[0]; i++) {
		size_t n = strlen(inbox_titles[i].full);
		if (strncmp(outside, inbox_titles[i].full, n) == 0 &&
		    (outside[n] == ' ' || outside[n] == '\0')) {
			buf_adds(&b, inbox_titles[i].brief);
			rest = outside + n;
			break;
		}
	}
	/* The remaining words without "dan". */
	char *words = xstrdup(rest);
	struct buf full, initials;
	buf_init(&full);
	buf_add(&full, "", 0);
	buf_init(&initials);
	buf_add(&initials, "", 0);
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (strcmp(w, "dan") == 0 || strcmp(w, "&") == 0)
			continue;
		if (full.len > 0)
			buf_addc(&full, ' ');
		buf_adds(&full, w);
		buf_addc(&initials, w[0]);
	}
	char *result;
	const char *sep = b.len > 0 && full.len > 0 ? " " : "";
	char *longer = xasprintf("%s%s%s", b.s, sep, full.s);
	if (str_width(longer) <= width || initials.len == 0) {
		result = longer;
	} else if (paren != NULL && paren[1] >= 'A' && paren[1] <= 'Z' && b.len == 0) {
		/* "Petugas Pelayanan Informasi (PPID Pelaksana)": the acronym inside. */
		size_t n = strcspn(paren + 1, " )");
		result = xstrndup(paren + 1, n);
		free(longer);
	} else {
		result = xasprintf("%s%s%s", b.s, b.len > 0 ? " " : "", initials.s);
		free(longer);
	}
	buf_free(&full);
	buf_free(&initials);
	buf_free(&b);
	free(words);
	free(outside);
	return result;
}

/* Posisi column: "selesai", or the first holder's short name ("+N" more). */
static char *inbox_position(const struct case_row *r, int width)
{
	if (r->status != NULL && strcmp(r->status, "selesai") == 0)
		return xstrdup(_("selesai"));
	if (r->holder == NULL || *r->holder == '\0')
		return xstrdup("-");
	size_t n = strcspn(r->holder, ",");
	char *code = xstrndup(r->holder, n);
	str_trim(code);
	int more = 0;
	for (const char *p = r->holder; *p; p++)
		if (*p == ',')
			more++;
	char *suffix = more ? xasprintf("+%d", more) : xstrdup("");
	int room = width - (int)strlen(suffix);
	char *name = inbox_pos_short(app_position_name(ui_app(), code), room);
	char *fit = str_fit(name, room);
	char *out = xasprintf("%s%s", fit, suffix);
	free(fit);
	free(name);
	free(suffix);
	free(code);
	return out;
}

static enum deadline_state inbox_deadline_state(const struct inbox *ib, const struct case_row *r)
{
	day_t d;
	if (r->status != NULL && strcmp(r->status, "selesai") == 0)
		return DL_NONE;
	if (r->paused) /* the service clock stands: nothing runs late */
		return DL_NONE;
	if (r->deadline == NULL || date_parse_iso(r->deadline, &d) < 0)
		return DL_NONE;
	return deadline_state(d, ib->today_day);
}

static int inbox_no_width(const struct inbox *ib)
{
	int w = 4;
	for (size_t i = 0; i < listview_count_rows(ib->ls.lv); i++) {
		const struct case_row *r = listview_row(ib->ls.lv, i);
		int nw = r->number_text ? str_width(r->number_text) + 1 : 2;
		if (nw > w)
			w = nw;
	}
	return w > 16 ? 16 : w;
}

/* Column widths for COLS. Perihal matters most: it gets at least
 * INBOX_SUBJECT_MIN columns (when there is room) before Asal grows past its
 * minimum; on narrow screens the Posisi column goes first (pos = 0). */
#define INBOX_SUBJECT_MIN 22
#define INBOX_PARTY_MIN   10
static void inbox_layout(const struct inbox *ib, struct inbox_cols *c)
{
	c->no = inbox_no_width(ib);
	c->date = 10;
	c->su = 6;
	c->pos = COLS >= 120 ? 18 : COLS >= 100 ? 14 : 10;
	c->deadline = 10;
	int fixed = c->no + c->date + c->su + c->deadline + 6;
	int spare = COLS - fixed - c->pos;
	if (spare < INBOX_SUBJECT_MIN + INBOX_PARTY_MIN) {
		c->pos = 0;
		spare = COLS - fixed + 1; /* one gap fewer */
	}
	if (spare < 10)
		spare = 10;
	c->party = spare * 2 / 5;
	c->subject = spare - c->party;
	int want = spare - INBOX_PARTY_MIN < INBOX_SUBJECT_MIN ? spare - INBOX_PARTY_MIN
							       : INBOX_SUBJECT_MIN;
	if (c->subject < want) {
		c->subject = want;
		c->party = spare - want;
	}
}

/* ---- drawing ------------------------------------------------------------- */

/* Batas column: the deadline, or "berhenti" while the service clock stands
 * (the deadline moves on when it runs again). Caller frees. */
static char *inbox_deadline_text(const struct case_row *r)
{
	if (r->paused && (r->status == NULL || strcmp(r->status, "selesai") != 0))
		return xstrdup(_("berhenti"));
	char d[11];
	inbox_dmy(r->deadline, d);
	return xstrdup(d);
}

/* Perihal column: the subject, then the linked cases in brackets (a letter
 * shows the requests it brought, a request its letter). When both do not fit
 * the subject gives way, keeping at least a third of the column. Caller frees. */
static char *inbox_subject(const struct case_row *r, int width)
{
	const char *subj = r->subject ? r->subject : "";
	if (r->linked == NULL || *r->linked == '\0')
		return xstrdup(subj);
	char *link = xasprintf("[%s]", r->linked);
	if (*subj == '\0')
		return link;
	int lw = str_width(link), sw = str_width(subj);
	char *out;
	if (sw + 1 + lw <= width) {
		out = xasprintf("%s %s", subj, link);
	} else {
		int room = width - lw - 1;
		if (room < width / 3)
			room = width / 3;
		if (room < 1)
			room = 1;
		char *fs = str_fit(subj, room);
		int rest = width - str_width(fs) - 1;
		char *fl = str_fit(link, rest > 0 ? rest : 1);
		out = xasprintf("%s %s", fs, fl);
		free(fs);
		free(fl);
	}
	free(link);
	return out;
}

/* Sets up the kind's own columns when the list shows one kind that has them;
 * 0 (kc->n = 0) for the default columns. Widths fit COLS: fixed widths for
 * dates, numbers, codes and case columns, the rest shared by the text fields. */
static int inbox_kind_columns(const struct inbox *ib, struct inbox_kcols *kc)
{
	kc->n = 0;
	if (ib->kind == NULL)
		return 0;
	const struct kind *k = kindset_find(&ui_app()->kinds, ib->kind);
	if (k == NULL || k->n_columns == 0)
		return 0;
	int fixed = 1, nflex = 0; /* the marker column */
	for (size_t i = 0; i < k->n_columns && kc->n < INBOX_KCOL_MAX; i++) {
		const char *key = k->columns[i];
		enum inbox_kcol_type t = KC_FIELD;
		const struct kfield *f = NULL;
		int w = 0;
		if (strcmp(key, "tahap") == 0) {
			t = KC_STEP;
			w = COLS >= 120 ? 20 : 12;
		} else if (strcmp(key, "posisi") == 0) {
			t = KC_POS;
			w = COLS >= 120 ? 18 : COLS >= 100 ? 14 : 10;
		} else if (strcmp(key, "batas_waktu") == 0) {
			t = KC_DEADLINE;
			w = 10;
		} else if (strcmp(key, "status") == 0) {
			t = KC_STATUS;
			w = 8;
		} else if (strcmp(key, "jenis") == 0) {
			t = KC_KIND;
			w = k->short_title ? str_width(k->short_title) : 4;
			if (w < 5)
				w = 5;
		} else if ((f = kind_field(k, key)) == NULL) {
			continue; /* the loader checks the keys; skip rather than guess */
		} else if (f->role == FR_NUMBER) {
			w = 3;
			for (size_t j = 0; j < listview_count_rows(ib->ls.lv); j++) {
				const struct case_row *r = listview_row(ib->ls.lv, j);
				int nw = r->number_text ? str_width(r->number_text) : 1;
				if (nw > w)
					w = nw;
			}
			if (w > 16)
				w = 16;
		} else if (f->type == FT_DATE) {
			w = 10;
		} else if (f->type == FT_NUMBER) {
			w = 8;
		} else if (f->type == FT_CHOICE) {
			w = 3;
			for (size_t c = 0; c < f->n_choices; c++)
				if (str_width(f->choices[c]) > w)
					w = str_width(f->choices[c]);
			if (w > 14)
				w = 14;
		} else {
			nflex++; /* text, koperasi, ref, multi: share the rest */
		}
		kc->c[kc->n].type = t;
		kc->c[kc->n].f = f;
		kc->c[kc->n].w = w;
		kc->n++;
		fixed += w + 1;
	}
	if (kc->n == 0)
		return 0;
	if (nflex > 0) {
		int each = (COLS - fixed) / nflex;
		if (each < 8)
			each = 8;
		for (size_t i = 0; i < kc->n; i++)
			if (kc->c[i].w == 0)
				kc->c[i].w = each;
	}
	return 1;
}

/* Header text of a kind column. */
static const char *inbox_kcol_title(const struct inbox_kcols *kc, size_t i)
{
	switch (kc->c[i].type) {
	case KC_STEP:     return _("Tahap");
	case KC_POS:      return _("Posisi");
	case KC_DEADLINE: return _("Batas");
	case KC_STATUS:   return _("Status");
	case KC_KIND:     return _("Jenis");
	case KC_FIELD:    break;
	}
	const struct kfield *f = kc->c[i].f;
	if (f->role == FR_NUMBER)
		return _("No.");
	if (f->role == FR_RECEIVED)
		return _("Diterima");
	return f->label;
}

/* Tahap column: "3 Staf Pemberdayaan" (step number and its actor), or
 * "selesai". Caller frees. */
static char *inbox_step_text(const struct case_row *r, const struct kind *k, int width)
{
	if (r->status != NULL && strcmp(r->status, "selesai") == 0)
		return xstrdup(_("selesai"));
	const struct kstep *ks = k && r->step > 0 ? kind_step(k, r->step) : NULL;
	if (ks == NULL)
		return xstrdup("-");
	char no[16];
	snprintf(no, sizeof no, "%d", ks->no);
	char *who = inbox_pos_short(app_position_name(ui_app(), ks->actor),
				    width - (int)strlen(no) - 1);
	char *out = xasprintf("%s %s", no, who);
	free(who);
	return out;
}

/* Text of kind column i for row r. Caller frees. */
static char *inbox_kcol_text(const struct inbox *ib, const struct inbox_kcols *kc, size_t i,
			     const struct case_row *r)
{
	const struct kind *k = kindset_find(&ui_app()->kinds, ib->kind);
	const struct kfield *f = kc->c[i].f;
	switch (kc->c[i].type) {
	case KC_STEP:     return inbox_step_text(r, k, kc->c[i].w);
	case KC_POS:      return inbox_position(r, kc->c[i].w);
	case KC_DEADLINE: return inbox_deadline_text(r);
	case KC_STATUS:   return xstrdup(r->status ? r->status : "-");
	case KC_KIND:     return xstrdup(k && k->short_title ? k->short_title : r->kind);
	case KC_FIELD:    break;
	}
	if (f->role == FR_NUMBER)
		return xstrdup(r->number_text ? r->number_text : "");
	if (f->role == FR_SUBJECT)
		return inbox_subject(r, kc->c[i].w);
	if (f->type == FT_KOPERASI && r->koperasi_name != NULL && *r->koperasi_name != '\0')
		return xstrdup(r->koperasi_name);
	const char *v = values_get(&r->fields, f->key);
	if (v == NULL || *v == '\0')
		return xstrdup("");
	return kind_display(f, v);
}

static void inbox_draw_kind_row(const struct inbox *ib, const struct inbox_kcols *kc,
				const struct case_row *r, int y, int x, attr_t attr, short pair)
{
	int cx = x;
	for (size_t i = 0; i < kc->n && cx < COLS; i++) {
		int w = kc->c[i].w;
		char *t = inbox_kcol_text(ib, kc, i, r);
		int tx = cx;
		if (kc->c[i].f != NULL && kc->c[i].f->role == FR_NUMBER) {
			int pad = w - str_width(t); /* numbers right-aligned */
			if (pad > 0)
				tx += pad;
		}
		ui_put_attr(y, tx, w - (tx - cx), t, attr, pair);
		free(t);
		cx += w + 1;
	}
}

static void inbox_draw_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct inbox *ib = ctx;
	const struct case_row *r = row;
	struct inbox_cols c;
	struct inbox_kcols kc;

	enum deadline_state ds = inbox_deadline_state(ib, r);
	short pair = ds == DL_OVERDUE ? CP_OVERDUE : ds == DL_DUE_TODAY ? CP_DUE : CP_NORMAL;
	attr_t attr = A_NORMAL;
	if (selected) {
		if (pair == CP_NORMAL)
			pair = CP_SELECT;
		else
			attr = A_REVERSE;
	}
	ui_fill(y, x, width, attr, pair);

	/* marker, then the number right-aligned */
	char mark[2] = { ds == DL_OVERDUE ? '!' : ds == DL_DUE_TODAY ? '*' : ' ', '\0' };
	ui_put_attr(y, x, 1, mark, attr | A_BOLD, pair);
	if (inbox_kind_columns(ib, &kc)) {
		inbox_draw_kind_row(ib, &kc, r, y, x + 1, attr, pair);
		return;
	}
	inbox_layout(ib, &c);
	const char *num = r->number_text ? r->number_text : "";
	int nw = str_width(num);
	int pad = c.no - 1 - nw;
	ui_put_attr(y, x + 1 + (pad > 0 ? pad : 0), c.no - 1, num, attr, pair);
	int cx = x + c.no + 1;

	char d[11];
	inbox_dmy(r->received, d);
	ui_put_attr(y, cx, c.date, d, attr, pair);
	cx += c.date + 1;
	ui_put_attr(y, cx, c.party, r->party ? r->party : "", attr, pair);
	cx += c.party + 1;
	char *subj = inbox_subject(r, c.subject);
	ui_put_attr(y, cx, c.subject, subj, attr, pair);
	free(subj);
	cx += c.subject + 1;
	char *su = inbox_su(r);
	ui_put_attr(y, cx, c.su, su, attr, pair);
	free(su);
	cx += c.su + 1;
	if (c.pos > 0) {
		char *pos = inbox_position(r, c.pos);
		ui_put_attr(y, cx, c.pos, pos, attr, pair);
		free(pos);
		cx += c.pos + 1;
	}
	char *dl = inbox_deadline_text(r);
	ui_put_attr(y, cx, c.deadline, dl, attr, pair);
	free(dl);
}

static void inbox_draw_header(const struct inbox *ib)
{
	struct inbox_cols c;
	struct inbox_kcols kc;
	attr_t a = A_BOLD | A_UNDERLINE;
	ls_head_row();
	int x = 1;
	if (inbox_kind_columns(ib, &kc)) {
		for (size_t i = 0; i < kc.n && x < COLS; i++) {
			const struct kfield *f = kc.c[i].f;
			const char *t = inbox_kcol_title(&kc, i);
			int tx = x;
			if (f != NULL && f->role == FR_NUMBER && str_width(t) < kc.c[i].w)
				tx += kc.c[i].w - str_width(t);
			ui_put_attr(1, tx, kc.c[i].w - (tx - x), t, a, CP_NORMAL);
			x += kc.c[i].w + 1;
		}
		return;
	}
	inbox_layout(ib, &c);
	ui_put_attr(1, x, c.no - 1, _("No."), a, CP_NORMAL);
	x = c.no + 1;
	ui_put_attr(1, x, c.date, _("Diterima"), a, CP_NORMAL);
	x += c.date + 1;
	ui_put_attr(1, x, c.party, _("Asal"), a, CP_NORMAL);
	x += c.party + 1;
	ui_put_attr(1, x, c.subject, _("Perihal"), a, CP_NORMAL);
	x += c.subject + 1;
	ui_put_attr(1, x, c.su, _("Sf/Urg"), a, CP_NORMAL);
	x += c.su + 1;
	if (c.pos > 0) {
		ui_put_attr(1, x, c.pos, _("Posisi"), a, CP_NORMAL);
		x += c.pos + 1;
	}
	ui_put_attr(1, x, c.deadline, _("Batas"), a, CP_NORMAL);
}

static void inbox_draw(struct screen *s)
{
	struct inbox *ib = s->state;
	struct app *a = ui_app();
	const char *office = a->cfg.office_name ? a->cfg.office_name : "berkas";
	char *user;
	if (a->me_known)
		user = xasprintf("%s (%s)", a->me.name ? a->me.name : a->me.login,
				 app_position_name(a, a->me.position));
	else
		user = xasprintf("%s %s", app_login(), _("(tidak terdaftar)"));
	/* The user part comes first in the room; the office name takes the rest
	 * and the date stays clear at the right. */
	int room = COLS - 14;
	int uw = str_width(user);
	int ow = str_width(office);
	if (uw > room - 13)
		uw = room - 13;
	if (ow > room - uw - 3)
		ow = room - uw - 3;
	char *fo = str_fit(office, ow);
	char *fu = str_fit(user, uw);
	char *title = xasprintf("%s — %s", fo, fu);
	ls_top(title, ib->today_day);
	free(title);
	free(fo);
	free(fu);
	free(user);

	inbox_draw_header(ib);
	listview_draw(ib->ls.lv, ib->kind == NULL || strcmp(ib->kind, "surat_masuk") == 0
			      ? _("Tidak ada surat dalam tampilan ini")
			      : _("Tidak ada berkas dalam tampilan ini"));

	char *kind = NULL;
	if (ib->kind != NULL) {
		const struct kind *k = kindset_find(&a->kinds, ib->kind);
		kind = xasprintf("%s %s", _("jenis:"), k ? k->title : ib->kind);
	}
	ls_status(&ib->ls, view_label(ib->q.view), kind);
	free(kind);
}

/* ---- queries -------------------------------------------------------------- */

/* The query as the list screen has it, with today's date. */
static void inbox_apply(void *ctx, const struct lscreen *ls)
{
	struct inbox *ib = ctx;
	ib->today_day = clock_today();
	date_fmt_iso(ib->today_day, ib->today);
	ib->q.today = ib->today;
	ib->q.search = ls->search;
	ib->q.limit = ls->limit;
	ib->q.sort = (enum sort)ls->sort;
	ib->q.reverse = ls->reverse;
}

/* Rows in the view without search and limit, for "shown/total". */
static long inbox_count_view(void *ctx, char **cause)
{
	struct inbox *ib = ctx;
	struct list_query q = ib->q;
	q.search = NULL;
	q.limit = NULL;
	return store_list_count(ui_app()->st, &q, cause);
}

static const char *inbox_sort_label(int sort)
{
	return sort_label((enum sort)sort);
}

static void inbox_set_view(struct inbox *ib, enum view v)
{
	ib->q.view = v;
	ls_requery_shown(&ib->ls);
}

/* ---- kinds ------------------------------------------------------------------- */

/* Picker items for the loaded kinds with their titles: surat_masuk first,
 * then the others by key; all = 1 puts "*" (every kind) in front. */
static struct refitem *inbox_kind_items(int all, size_t *n)
{
	const struct kindset *ks = &ui_app()->kinds;
	const struct kind *letter = kindset_find(ks, "surat_masuk");
	struct refitem *it = xcalloc(ks->n + 2, sizeof *it);
	size_t m = 0;
	if (all) {
		it[m].code = xstrdup("*");
		it[m].label = xstrdup(_("Semua jenis"));
		m++;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < ks->n; i++) {
			const struct kind *k = ks->kinds[i];
			if ((pass == 0) != (k == letter))
				continue;
			it[m].code = xstrdup(k->key);
			it[m].label = xstrdup(k->title ? k->title : k->key);
			m++;
		}
	}
	*n = m;
	return it;
}

static void inbox_kind_items_free(struct refitem *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(it[i].code);
		free(it[i].label);
	}
	free(it);
}

/* The kind chooser's answer: the form for a new case of that kind (it goes on
 * top of the chooser, which then closes). */
static void inbox_new_case_done(void *ctx, const char *code)
{
	(void)ctx;
	if (code != NULL && *code != '\0')
		ui_push(form_screen_new(code, NULL));
}

/* a / F2: which kind, then the form. */
static void inbox_new_case(void)
{
	const struct kindset *ks = &ui_app()->kinds;
	if (ks->n == 1) {
		ui_push(form_screen_new(ks->kinds[0]->key, NULL));
		return;
	}
	size_t n;
	struct refitem *it = inbox_kind_items(0, &n);
	ui_push(picker_new(_("Berkas baru: pilih jenis"), it, n, 0, "surat_masuk",
			   inbox_new_case_done, NULL));
	inbox_kind_items_free(it, n);
}

static void inbox_kind_done(void *ctx, const char *code)
{
	struct inbox *ib = ctx;
	if (code == NULL)
		return;
	free(ib->kind);
	ib->kind = strcmp(code, "*") == 0 ? NULL : xstrdup(code);
	ib->q.kind = ib->kind;
	ls_requery_shown(&ib->ls);
}

/* J: the kind filter. */
static void inbox_pick_kind(struct inbox *ib)
{
	size_t n;
	struct refitem *it = inbox_kind_items(1, &n);
	ui_push(picker_new(_("Tampilkan jenis"), it, n, 0, ib->kind ? ib->kind : "*",
			   inbox_kind_done, ib));
	inbox_kind_items_free(it, n);
}

/* ---- keys ------------------------------------------------------------------ */

/* The id of my open disposition on the case, for forwarding; "" if none. */
static void inbox_my_dispo(const char *case_id, char out[37])
{
	struct app *a = ui_app();
	struct dispo *d = NULL;
	size_t n = 0;
	out[0] = '\0';
	if (!a->me_known || a->me.position == NULL)
		return;
	if (store_dispos_for(a->st, case_id, a->me.position, &d, &n) == 0 && n > 0)
		memcpy(out, d[0].id, 37);
	dispos_free(d, n);
}

/* The letters of F1 ... F10 (F5 reloads; 0: none). */
static const char inbox_fletter[10] = { '?', 'a', 'd', '/', 0, 'p', 'K', 0, 0, 'q' };

static int inbox_key(struct screen *s, int is_key, wint_t ch)
{
	struct inbox *ib = s->state;
	const struct case_row *sel = listview_selected(ib->ls.lv);

	if (is_key && ch == KEY_BTAB) {
		inbox_set_view(ib, (ib->q.view + VIEW_COUNT - 1) % VIEW_COUNT);
		return H_DONE;
	}
	if (ls_key(&ib->ls, is_key, &ch, inbox_fletter) == H_DONE)
		return H_DONE;
	switch (ch) {
	case '\n': case '\r':
		if (sel != NULL)
			ui_push(case_screen_new(sel->id));
		return H_DONE;
	case '\t':
		inbox_set_view(ib, (ib->q.view + 1) % VIEW_COUNT);
		return H_DONE;
	case '1': case '2': case '3': case '4':
		inbox_set_view(ib, (enum view)(ch - '1'));
		return H_DONE;
	case 'a':
		inbox_new_case();
		return H_DONE;
	case 'J':
		inbox_pick_kind(ib);
		return H_DONE;
	case 'd':
		if (sel != NULL) {
			char parent[37];
			inbox_my_dispo(sel->id, parent);
			ui_push(dispo_screen_new(sel->id, parent[0] ? parent : NULL));
		}
		return H_DONE;
	case 'p':
		if (sel != NULL)
			ui_push(print_screen_new(sel->id));
		return H_DONE;
	case 'K':
		ui_push(koperasi_list_new());
		return H_DONE;
	case '?':
		ui_push(help_screen_new("inbox"));
		return H_DONE;
	case 'q':
		return H_QUIT;
	default:
		return H_NONE;
	}
}

static void inbox_free(struct screen *s)
{
	struct inbox *ib = s->state;
	ls_free(&ib->ls);
	free(ib->kind);
	free(ib);
}

static const struct listview_ops inbox_list_ops = {
	.fetch   = inbox_fetch,
	.release = inbox_release,
	.draw    = inbox_draw_row,
	.count   = inbox_count,
	.same    = inbox_same,
};

static const struct ls_ops inbox_ls_ops = {
	.apply      = inbox_apply,
	.count_all  = inbox_count_view,
	.sort_label = inbox_sort_label,
};

static const struct screen_ops inbox_ops = {
	.name   = "inbox",
	.draw   = inbox_draw,
	.key    = inbox_key,
	.resize = ls_screen_resize,
	.resume = ls_screen_resume,
	.free   = inbox_free,
	.fkeys  = N_("F1 Bantuan  F2 Baru  F3 Disp  F4 Cari  F5 Segar  F6 Cetak  F7 Koperasi  F10 Keluar"),
};

/* The inbox of the current user: "Untuk saya" for a known person who is not a
 * pencatat, else "Semua". */
struct screen *inbox_new(void)
{
	struct app *a = ui_app();
	struct inbox *ib = xcalloc(1, sizeof *ib);
	ls_init(&ib->ls, listview_new(&inbox_list_ops, sizeof(struct case_row), ib), &inbox_ls_ops,
		ib, SORT_RECEIVED, SORT_COUNT);
	ib->q.view = a->me_known && !person_has_role(&a->me, "pencatat") ? VIEW_MINE : VIEW_ALL;
	ib->q.position = a->me_known ? a->me.position : NULL;
	ls_requery_shown(&ib->ls);
	return ui_screen_new(&inbox_ops, ib, 0);
}
