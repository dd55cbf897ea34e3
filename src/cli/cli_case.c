/* cli_case.c: the add, list and show subcommands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "date.h"

#define CLI_CASE_PAGE 200 /* rows read per list page */

/* Prints "berkas: jenis tidak dikenal: X (dikenal: a, b)". */
static void cli_case_unknown_kind(const struct app *a, const char *key)
{
	struct buf b;
	char *s = str_sanitize(key, 1);

	buf_init(&b);
	for (size_t i = 0; i < a->kinds.n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", a->kinds.kinds[i]->key);
	cli_error(_("jenis tidak dikenal: %s (jenis yang dikenal: %s)"), s, b.s ? b.s : "-");
	buf_free(&b);
	free(s);
}

/* Adds the KEY=VALUE arguments args[0..n) to v: 0, or the usage error's
 * status (not KEY=VALUE, or a key given twice). */
static int cli_case_values(const struct cli_ctx *c, char **args, size_t n, struct values *v)
{
	for (size_t i = 0; i < n; i++) {
		const char *val;
		char *key;
		int rc = cli_assignment(c, args[i], &key, &val);

		if (rc != 0)
			return rc;
		if (values_get(v, key) != NULL) {
			rc = cli_assignment_twice(c, key);
			free(key);
			return rc;
		}
		values_set(v, key, val);
		free(key);
	}
	return 0;
}

/* Checks and normalises v as the form does: 0, or -1 after printing each
 * problem. */
static int cli_case_normalize(const struct kind *k, struct values *v)
{
	struct errs e;
	int r;

	errs_init(&e);
	r = kind_normalize(k, v, &e);
	if (r != 0)
		cli_errors_or(&e, _("isian tidak valid"));
	errs_free(&e);
	return r != 0 ? -1 : 0;
}

int cli_case_add(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct app a;
	struct values v;
	struct case_rec rec;
	const struct kind *k;
	const struct kfield *uf;
	char **pos, *cause = NULL, deadline[11], *num;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	values_init(&v);
	if (rc != 0)
		goto out_args;
	if (npos < 1) {
		rc = cli_usage_error(c, _("JENIS belum diberikan"));
		goto out_args;
	}
	if ((rc = cli_case_values(c, pos + 1, npos - 1, &v)) != 0)
		goto out_args;
	rc = CLI_ERR;
	if (cli_open(c, &a, 0) != 0)
		goto out_args;
	k = kindset_find(&a.kinds, pos[0]);
	if (k == NULL) {
		cli_case_unknown_kind(&a, pos[0]);
		goto out_app;
	}
	if (cli_case_normalize(k, &v) != 0)
		goto out_app;
	uf = kind_field_by_role(k, FR_URGENCY);
	if (uf != NULL)
		app_default_deadline(&a, values_get(&v, uf->key), deadline);
	memset(&rec, 0, sizeof rec);
	if (store_case_insert(a.st, k, &v, app_login(), uf ? deadline : NULL, &rec, &cause) != 0) {
		cli_error("%s", cause ? cause : _("gagal menyimpan"));
		free(cause);
		goto out_app;
	}
	num = str_sanitize(rec.number_text ? rec.number_text : "", 1);
	printf("%s\n", num);
	free(num);
	case_clear(&rec);
	rc = CLI_OK;
out_app:
	app_close(&a);
out_args:
	values_free(&v);
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- set ---------------------------------------------------------------- */

/* berkas set NUMBER|ID [--kind K] field=value...: changes fields of a case
 * with the same checks as the form (an empty value clears the field). */
int cli_case_set(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_KIND };
	struct cli_opt opts[] = { { "kind", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL } };
	struct app a;
	struct values given, v;
	struct case_rec r;
	const struct kind *k;
	char **pos, *cause = NULL;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	values_init(&given);
	values_init(&v);
	if (rc != 0)
		goto out_args;
	if (npos < 2) {
		rc = cli_usage_error(c, npos ? _("isian belum diberikan (kunci=nilai)")
					     : _("NOMOR atau ID belum diberikan"));
		goto out_args;
	}
	if ((rc = cli_case_values(c, pos + 1, npos - 1, &given)) != 0)
		goto out_args;
	rc = CLI_ERR;
	if (cli_open_case(c, &a, pos[0], cli_opt_last(&opts[O_KIND]), &r, &k) != 0)
		goto out_args;
	/* the stored values as typed, then the given ones over them */
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct kfield *f = &k->fields[i];
		const char *sv = values_get(&r.fields, f->key);
		char *d;

		if (sv == NULL || f->auto_number)
			continue;
		d = kind_display(f, sv);
		values_set(&v, f->key, d);
		free(d);
	}
	for (size_t i = 0; i < given.n; i++) {
		const struct kfield *f = kind_field(k, given.key[i]);

		if (f != NULL && f->auto_number) {
			cli_error(_("%s: nomor diberikan oleh kantor; tidak dapat diubah"), f->key);
			goto out_case;
		}
		values_set(&v, given.key[i], *given.val[i] ? given.val[i] : NULL);
	}
	if (cli_case_normalize(k, &v) != 0)
		goto out_case;
	if (store_case_update(a.st, k, r.id, r.version, &v, app_login(), NULL, &cause) != 0) {
		cli_cause(cause, _("gagal menyimpan"));
		goto out_case;
	}
	printf(_("Perubahan tersimpan: %s\n"), r.number_text ? r.number_text : r.id);
	rc = CLI_OK;
out_case:
	cli_close_case(&a, &r);
out_args:
	values_free(&given);
	values_free(&v);
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- list --------------------------------------------------------------- */

/* Columns of the list table, in display columns. */
struct cli_case_cols {
	int no, received, party, subject, su, holder, deadline;
};

/* Initials of each word: "Sangat Rahasia" -> "SR". */
static void cli_case_initials(struct buf *b, const char *s)
{
	int start = 1;

	if (s == NULL || *s == '\0') {
		buf_addc(b, '-');
		return;
	}
	for (; *s; s++) {
		if (*s == ' ') {
			start = 1;
		} else if (start) {
			buf_addc(b, *s);
			start = 0;
		}
	}
}

static void cli_case_layout(struct cli_case_cols *w, const struct case_row *rows, size_t n)
{
	int total = cli_term_cols(), flex;

	w->no = str_width(_("NO"));
	for (size_t i = 0; i < n; i++) {
		int x = 1 + str_width(rows[i].number_text ? rows[i].number_text : "");
		if (x > w->no)
			w->no = x;
	}
	w->received = 10;
	w->su = str_width(_("SIFAT/URG"));
	w->holder = 16;
	w->deadline = 10;
	flex = total - (w->no + w->received + w->su + w->holder + w->deadline) - 6;
	if (flex < 20)
		flex = 20;
	w->party = flex * 2 / 5;
	w->subject = flex - w->party;
}

static void cli_case_table_head(const struct cli_case_cols *w)
{
	cli_cell(_("NO"), w->no, 0);
	cli_cell(_("DITERIMA"), w->received, 0);
	cli_cell(_("ASAL"), w->party, 0);
	cli_cell(_("PERIHAL"), w->subject, 0);
	cli_cell(_("SIFAT/URG"), w->su, 0);
	cli_cell(_("POSISI"), w->holder, 0);
	cli_cell(_("BATAS"), w->deadline, 1);
	putchar('\n');
}

static int cli_case_open(const char *status)
{
	return status == NULL || strcmp(status, "selesai") != 0;
}

static void cli_case_table_row(const struct cli_case_cols *w, const struct case_row *r, day_t today)
{
	struct buf b;
	char dmy[11];
	day_t dl;
	const char *mark = " ";

	/* a case whose service clock stands is never late */
	if (cli_case_open(r->status) && !r->paused && r->deadline &&
	    date_parse_iso(r->deadline, &dl) == 0) {
		enum deadline_state s = deadline_state(dl, today);
		if (s == DL_OVERDUE)
			mark = "!";
		else if (s == DL_DUE_TODAY)
			mark = "*";
	}
	buf_init(&b);
	buf_printf(&b, "%s%s", mark, r->number_text ? r->number_text : "");
	cli_cell(b.s, w->no, 0);
	buf_free(&b);
	cli_dmy(r->received, dmy);
	cli_cell(dmy, w->received, 0);
	cli_cell(r->party, w->party, 0);
	/* the linked cases after the subject: a letter's requests, a request's
	 * letter; when both do not fit the subject gives way, down to half */
	buf_init(&b);
	if (r->linked != NULL && *r->linked != '\0') {
		char *link = xasprintf("[%s]", r->linked);
		int lw = str_width(link), sw = str_width(r->subject ? r->subject : "");
		int room = w->subject - lw - 1;

		if (room < w->subject / 2)
			room = w->subject / 2;
		if (sw > room) {
			char *cut = str_fit(r->subject, room);
			buf_adds(&b, cut);
			free(cut);
		} else {
			buf_adds(&b, r->subject ? r->subject : "");
		}
		buf_printf(&b, "%s%s", b.len ? " " : "", link);
		free(link);
	} else {
		buf_adds(&b, r->subject ? r->subject : "");
	}
	cli_cell(b.s ? b.s : "", w->subject, 0);
	buf_free(&b);
	buf_init(&b);
	cli_case_initials(&b, r->security);
	buf_addc(&b, '/');
	cli_case_initials(&b, r->urgency);
	cli_cell(b.s, w->su, 0);
	buf_free(&b);
	cli_cell(cli_case_open(r->status) ? r->holder : _("selesai"), w->holder, 0);
	cli_dmy(r->deadline, dmy);
	if (cli_case_open(r->status) && r->paused)
		cli_cell(_("berhenti"), w->deadline, 1);
	else
		cli_cell(dmy[0] ? dmy : "-", w->deadline, 1);
	putchar('\n');
}

static void cli_case_csv_head(struct csvw *cw)
{
	static const char *const head[] = {
		"nomor", "jenis", "tanggal_diterima", "asal", "perihal", "sifat", "urgensi",
		"penting", "status", "posisi", "batas_waktu", "id", "koperasi", "terkait",
		"jam_layanan"
	};

	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csvw_field(cw, head[i]);
	csvw_end(cw);
}

static void cli_case_csv_row(struct csvw *cw, const struct case_row *r)
{
	char dmy[11];

	csvw_field(cw, r->number_text);
	csvw_field(cw, r->kind);
	cli_dmy(r->received, dmy);
	csvw_field(cw, dmy);
	csvw_field(cw, r->party);
	csvw_field(cw, r->subject);
	csvw_field(cw, r->security);
	csvw_field(cw, r->urgency);
	csvw_field(cw, r->penting);
	csvw_field(cw, r->status);
	csvw_field(cw, r->holder);
	cli_dmy(r->deadline, dmy);
	csvw_field(cw, dmy);
	csvw_field(cw, r->id);
	csvw_field(cw, r->koperasi_name);
	csvw_field(cw, r->linked);
	csvw_field(cw, cli_case_open(r->status) ? (r->paused ? "berhenti" : "berjalan") : "");
	csvw_end(cw);
}

/* Index of s in words (NULL-terminated), or -1. */
static int cli_case_word(const char *s, const char *const *words)
{
	for (int i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	return -1;
}

int cli_case_list(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_KIND, O_VIEW, O_SEARCH, O_FILTER, O_SORT, O_LIMIT, O_FORMAT };
	static const char *const views[] = { "saya", "belum", "terlambat", "semua", NULL };
	static const char *const sorts[] = { "diterima", "nomor", "batas", "asal", NULL };
	struct cli_opt opts[] = {
		{ "kind", 0, 1, 0, NULL }, { "view", 0, 1, 0, NULL },
		{ "search", 0, 1, 0, NULL }, { "filter", 0, 1, 0, NULL },
		{ "sort", 0, 1, 0, NULL }, { "limit", 0, 1, 0, NULL },
		{ "format", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct list_query q;
	struct app a;
	struct csvw cw = { NULL, { 0, 0, 0 }, 0 };
	struct csv_opts co = { ',', 0, 0 };
	struct cli_case_cols w = { 0, 0, 0, 0, 0, 0, 0 };
	struct case_row *prev = NULL, *rows;
	size_t nprev = 0, nrows, npos;
	char **pos, *cause = NULL, today[11];
	const char *v;
	long limit = 50, shown = 0;
	int csv = 0, rc = cli_parse(c, argc, argv, opts, &pos, &npos), x;

	if (rc != 0)
		goto out_args;
	if (npos > 0) {
		rc = cli_usage_error(c, _("argumen berlebih: %s"), pos[0]);
		goto out_args;
	}
	memset(&q, 0, sizeof q);
	q.view = VIEW_ALL;
	q.sort = SORT_RECEIVED;
	if ((v = cli_opt_last(&opts[O_VIEW])) != NULL) {
		if ((x = cli_case_word(v, views)) < 0) {
			rc = cli_usage_error(c, _("--view: nilai tidak dikenal '%s' (saya, belum, terlambat, semua)"), v);
			goto out_args;
		}
		q.view = x == 0 ? VIEW_MINE : x == 1 ? VIEW_UNDISPOSED : x == 2 ? VIEW_OVERDUE : VIEW_ALL;
	}
	if ((v = cli_opt_last(&opts[O_SORT])) != NULL) {
		if ((x = cli_case_word(v, sorts)) < 0) {
			rc = cli_usage_error(c, _("--sort: nilai tidak dikenal '%s' (diterima, nomor, batas, asal)"), v);
			goto out_args;
		}
		q.sort = x == 0 ? SORT_RECEIVED : x == 1 ? SORT_NUMBER : x == 2 ? SORT_DEADLINE : SORT_PARTY;
	}
	if ((rc = cli_list_opts(c, &opts[O_LIMIT], &opts[O_FORMAT], &limit, &csv)) != 0)
		goto out_args;
	q.search = cli_opt_last(&opts[O_SEARCH]);
	q.limit = cli_opt_last(&opts[O_FILTER]);
	if (q.search != NULL && *q.search == '\0')
		q.search = NULL;
	if (q.limit != NULL && *q.limit == '\0')
		q.limit = NULL;
	rc = CLI_ERR;
	if (cli_open(c, &a, 0) != 0)
		goto out_args;
	q.kind = cli_opt_last(&opts[O_KIND]);
	if (q.kind != NULL && kindset_find(&a.kinds, q.kind) == NULL) {
		cli_case_unknown_kind(&a, q.kind);
		goto out_app;
	}
	if (q.view == VIEW_MINE) {
		if (!a.me_known || a.me.position == NULL) {
			cli_error(_("--view saya: pengguna '%s' tidak terdaftar"), app_login());
			goto out_app;
		}
		q.position = a.me.position;
	}
	date_fmt_iso(clock_today(), today);
	q.today = today;
	if (csv) {
		csvw_init(&cw, stdout, &co);
		cli_case_csv_head(&cw);
	}
	for (;;) {
		int want = cli_page_want(limit, shown, CLI_CASE_PAGE);

		if (want <= 0)
			break;
		if (store_list_page(a.st, &q, nprev ? &prev[nprev - 1] : NULL, 0, want, &rows,
				    &nrows, &cause) != 0) {
			cli_error("%s", cause ? cause : _("gagal membaca daftar"));
			free(cause);
			goto out_rows;
		}
		if (!csv && shown == 0) {
			cli_case_layout(&w, rows, nrows);
			cli_case_table_head(&w);
		}
		for (size_t i = 0; i < nrows; i++) {
			if (csv)
				cli_case_csv_row(&cw, &rows[i]);
			else
				cli_case_table_row(&w, &rows[i], clock_today());
		}
		case_rows_free(prev, nprev);
		prev = rows;
		nprev = nrows;
		shown += (long)nrows;
		if ((int)nrows < want)
			break;
	}
	if (limit > 0 && shown == limit && !csv) {
		long total = store_list_count(a.st, &q, &cause);

		free(cause);
		cause = NULL;
		if (total > shown) {
			char num[24];
			store_count_text(total, num);
			fflush(stdout);
			fprintf(stderr, _("(%ld dari %s berkas; --limit 0 untuk semua)\n"), shown, num);
		}
	}
	rc = CLI_OK;
out_rows:
	case_rows_free(prev, nprev);
out_app:
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- show --------------------------------------------------------------- */

/* People by login, for names in the history. */
struct cli_case_people {
	struct person *p;
	size_t         n;
};

/* "Name (login)" or the login; caller frees. */
static char *cli_case_who(const struct cli_case_people *pp, const char *login)
{
	return cli_who(pp->p, pp->n, login);
}

/* "actor" or "actor atas nama official"; caller frees. */
static char *cli_case_who2(const struct cli_case_people *pp, const char *actor, const char *behalf)
{
	char *a = cli_case_who(pp, actor), *b, *s;

	if (behalf == NULL || *behalf == '\0')
		return a;
	b = cli_case_who(pp, behalf);
	s = xasprintf(_("%s atas nama %s"), a, b);
	free(a);
	free(b);
	return s;
}

/* Prints a sanitised value; continuation lines of multi-line text are indented. */
static void cli_case_value(const char *s, int indent)
{
	char *t = str_sanitize(s ? s : "", 0);

	for (char *p = t; *p; p++) {
		if (*p == '\n')
			printf("\n%*s", indent, "");
		else if (*p == '\t')
			putchar(' ');
		else
			putchar(*p);
	}
	putchar('\n');
	free(t);
}

/* Working minutes as "1 hari kerja 2 jam 5 menit"; caller frees. */
static char *cli_case_duration(long m, long daymin)
{
	struct buf b;
	long d, h;

	if (daymin <= 0)
		daymin = 510;
	d = m / daymin;
	m -= d * daymin;
	h = m / 60;
	m -= h * 60;
	buf_init(&b);
	if (d > 0)
		buf_printf(&b, _("%ld hari kerja"), d);
	if (h > 0)
		buf_printf(&b, _("%s%ld jam"), b.len ? " " : "", h);
	if (m > 0 || b.len == 0)
		buf_printf(&b, _("%s%ld menit"), b.len ? " " : "", m);
	return buf_steal(&b);
}

static const char *cli_case_unit(enum tunit u)
{
	switch (u) {
	case TU_MINUTE:  return _("menit");
	case TU_HOUR:    return _("jam");
	case TU_WORKDAY: return _("hari kerja");
	}
	return "";
}

static void cli_case_show_head(struct app *a, const struct kind *k, const struct case_rec *r,
			       const struct cli_case_people *pp)
{
	static const char *const labels[] = {
		N_("Batas waktu"), N_("Status"), N_("Dicatat"), N_("Jam layanan"), N_("Koperasi"),
		N_("Diteruskan"), NULL
	};
	char dmy[11], ts[17], *who;
	const struct kstep *st;
	day_t dl, ps;
	int w = 0, paused = r->paused_since != NULL && cli_case_open(r->status);

	for (size_t i = 0; labels[i] != NULL; i++)
		if (str_width(_(labels[i])) > w)
			w = str_width(_(labels[i]));
	printf("%s %s\n", k ? k->title : r->kind, r->number_text ? r->number_text : "");
	cli_label(0, "ID", w);
	printf("%s\n", r->id);
	cli_label(0, _("Status"), w);
	if (cli_case_open(r->status) && r->step > 0) {
		st = k ? kind_step(k, r->step) : NULL;
		printf(_("%s (tahap %d: %s)\n"), r->status ? r->status : "", r->step,
		       st ? app_position_name(a, st->actor) : "-");
	} else {
		printf("%s\n", r->status ? r->status : "");
	}
	if (r->deadline && date_parse_iso(r->deadline, &dl) == 0) {
		cli_label(0, _("Batas waktu"), w);
		date_fmt_dmy(dl, dmy);
		if (paused)
			printf(_("%s (bergeser selama jam layanan berhenti)\n"), dmy);
		else if (cli_case_open(r->status))
			printf("%s (%s)\n", dmy, deadline_state_label(deadline_state(dl, clock_today())));
		else
			printf("%s\n", dmy);
	}
	/* the service clock: stands while a step waits on the applicant */
	if (k != NULL && (paused || r->paused_days > 0)) {
		cli_label(0, _("Jam layanan"), w);
		if (paused && date_parse_iso(r->paused_since, &ps) == 0) {
			date_fmt_dmy(ps, dmy);
			printf(_("berhenti sejak %s (menunggu pemohon)"), dmy);
		} else {
			printf("%s", cli_case_open(r->status) ? _("berjalan") : _("selesai"));
		}
		if (r->paused_days > 0)
			printf(_("; sudah berhenti %d hari kerja"), r->paused_days);
		putchar('\n');
	} else if (k != NULL && cli_case_open(r->status) && k->service_days > 0) {
		cli_label(0, _("Jam layanan"), w);
		printf("%s\n", _("berjalan"));
	}
	if (r->koperasi_id != NULL) {
		const struct kfield *kf = k ? kind_field_by_role(k, FR_KOPERASI) : NULL;
		const char *nik = kf ? values_get(&r->fields, kf->key) : NULL;
		char *name = str_sanitize(r->koperasi_name ? r->koperasi_name : "?", 1);
		char *ref = str_sanitize(nik ? nik : r->koperasi_id, 1);
		cli_label(0, _("Koperasi"), w);
		printf("%s (%s)\n", name, ref);
		free(name);
		free(ref);
	}
	if (r->forwarded_to != NULL) {
		cli_label(0, _("Diteruskan"), w);
		printf(_("ke %s; tidak dilayani kantor ini\n"),
		       strcmp(r->forwarded_to, "kabkota") == 0 ? _("Dinas kabupaten/kota")
		       : strcmp(r->forwarded_to, "nasional") == 0 ? _("Kementerian Koperasi dan UKM")
		       : r->forwarded_to);
	}
	cli_label(0, _("Dicatat"), w);
	cli_ts(r->created_at, ts);
	who = cli_case_who(pp, r->created_by);
	printf(_("%s oleh %s\n"), ts, who);
	free(who);
}

/* Requirements: ✓ ticked / ✗ missing, with the note, who and when. */
static void cli_case_show_reqs(struct app *a, const struct kind *k, const struct case_rec *r,
			       const struct cli_case_people *pp)
{
	struct req_rec *rq;
	size_t n;
	char *cause = NULL, ts[17];

	if (k == NULL || k->n_reqs == 0)
		return;
	printf("\n%s\n", _("Persyaratan"));
	if (store_case_reqs(a->st, k, r->id, &rq, &n, &cause) != 0) {
		free(cause);
		printf("  %s\n", _("(gagal dibaca)"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *label = str_sanitize(rq[i].req->label ? rq[i].req->label : rq[i].req->key, 1);

		printf("  %s %s%s\n", rq[i].done ? "✓" : "✗", label,
		       rq[i].req->required ? "" : _(" (tidak wajib)"));
		free(label);
		if (rq[i].note != NULL || rq[i].by != NULL) {
			char *note = str_sanitize(rq[i].note ? rq[i].note : "", 1);
			char *who = cli_case_who(pp, rq[i].by);

			cli_ts(rq[i].at, ts);
			printf("      %s%s%s, %s\n", note, *note ? "; " : "", who, ts);
			free(who);
			free(note);
		}
	}
	reqs_free(rq, n);
}

/* Cases linked both ways: a request's letter, the requests a letter brought. */
static void cli_case_show_links(struct app *a, const struct case_rec *r)
{
	struct case_link *l;
	size_t n;

	if (store_case_links(a->st, r->id, &l, &n) != 0 || n == 0) {
		if (n == 0)
			links_free(l, n);
		return;
	}
	printf("\n%s\n", _("Berkas terkait"));
	for (size_t i = 0; i < n; i++) {
		char *subj = str_sanitize(l[i].subject ? l[i].subject : "", 1);

		/* the number as list rows show it */
		printf("  %s %s: %s [%s]\n",
		       l[i].incoming ? _("permohonan") : _("surat masuk"), l[i].text, subj,
		       l[i].status ? l[i].status : "");
		free(subj);
	}
	links_free(l, n);
}

static void cli_case_show_fields(const struct kind *k, const struct case_rec *r)
{
	int w = 0;

	printf("\n%s\n", _("Isian"));
	if (k == NULL) {
		for (size_t i = 0; i < r->fields.n; i++) {
			cli_label(2, r->fields.key[i], 20);
			cli_case_value(r->fields.val[i], 25);
		}
		return;
	}
	for (size_t i = 0; i < k->n_fields; i++)
		if (str_width(k->fields[i].label) > w)
			w = str_width(k->fields[i].label);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct kfield *f = &k->fields[i];
		const char *v = values_get(&r->fields, f->key);
		char *d = v ? kind_display_long(f, v) : NULL;

		cli_label(2, f->label, w);
		cli_case_value(d ? d : "", w + 5);
		free(d);
	}
}

static void cli_case_show_dispos(struct app *a, const struct case_rec *r,
				 const struct cli_case_people *pp)
{
	struct dispo *d;
	size_t n;
	char ts[17], dmy[11], *who;

	printf("\n%s\n", _("Disposisi"));
	if (store_case_dispos(a->st, r->id, &d, &n) != 0) {
		printf("  %s\n", _("(gagal dibaca)"));
		return;
	}
	if (n == 0)
		printf("  %s\n", _("(belum ada)"));
	for (size_t i = 0; i < n; i++) {
		int in = 2 + 2 * d[i].depth;
		day_t dl;

		printf("%*s%s -> %s [%s]\n", in, "", app_position_name(a, d[i].from_pos),
		       app_position_name(a, d[i].to_pos), dispo_state_label(d[i].state));
		in += 4;
		if (d[i].instructions && *d[i].instructions) {
			printf("%*s%s: ", in, "", _("Instruksi"));
			cli_case_value(d[i].instructions, in + 2);
		}
		if (d[i].note && *d[i].note) {
			printf("%*s%s: ", in, "", _("Catatan"));
			cli_case_value(d[i].note, in + 2);
		}
		if (d[i].deadline && date_parse_iso(d[i].deadline, &dl) == 0) {
			date_fmt_dmy(dl, dmy);
			printf("%*s%s: %s\n", in, "", _("Batas waktu"), dmy);
		}
		cli_ts(d[i].created_at, ts);
		who = cli_case_who2(pp, d[i].created_by, d[i].on_behalf);
		printf("%*s%s: %s, %s\n", in, "", _("Dikirim"), ts, who);
		free(who);
		if (d[i].read_at) {
			cli_ts(d[i].read_at, ts);
			who = cli_case_who(pp, d[i].read_by);
			printf("%*s%s: %s, %s\n", in, "", _("Dibaca"), ts, who);
			free(who);
		}
		if (d[i].followup && *d[i].followup) {
			printf("%*s%s: ", in, "", _("Tindak lanjut"));
			cli_case_value(d[i].followup, in + 2);
		}
		if (d[i].done_at && d[i].state == DS_DONE) {
			cli_ts(d[i].done_at, ts);
			who = cli_case_who(pp, d[i].done_by);
			printf("%*s%s: %s, %s\n", in, "", _("Selesai"), ts, who);
			free(who);
		}
	}
	dispos_free(d, n);
}

static void cli_case_show_steps(struct app *a, const struct kind *k, const struct case_rec *r)
{
	struct step_rec *s = NULL;
	size_t n = 0;
	long daymin = a->cfg.hours_end_min - a->cfg.hours_start_min;

	if (k == NULL || k->n_steps == 0)
		return;
	printf("\n%s\n", _("Tahapan"));
	if (store_case_steps(a->st, r->id, &s, &n) != 0) {
		s = NULL;
		n = 0;
	}
	for (size_t i = 0; i < k->n_steps; i++) {
		const struct kstep *ks = &k->steps[i];
		const struct step_rec *sr = NULL;
		const char *state;
		char *taken = NULL;
		time_t t0, t1;

		for (size_t j = 0; j < n; j++)
			if (s[j].no == ks->no)
				sr = &s[j];
		if (sr && sr->done_at)
			state = sr->skipped ? _("dilewati") : _("selesai");
		else if ((sr && sr->started_at) || (cli_case_open(r->status) && r->step == ks->no))
			state = _("berjalan");
		else
			state = _("belum");
		if (sr && sr->started_at && !sr->skipped && ts_parse_utc(sr->started_at, &t0) == 0) {
			long m;

			if (!(sr->done_at && ts_parse_utc(sr->done_at, &t1) == 0))
				t1 = clock_now();
			m = calendar_work_minutes_between(a->cal, t0, t1);
			taken = cli_case_duration(m, daymin);
			if (ks->std_minutes > 0 && m > ks->std_minutes) {
				char *x = xasprintf(_("%s, melampaui mutu baku"), taken);
				free(taken);
				taken = x;
			}
		}
		printf("  %d. %s\n", ks->no, ks->actor_label ? ks->actor_label
			: app_position_name(a, ks->actor));
		printf(_("     mutu baku %d %s | waktu %s | %s\n"), ks->std_value, cli_case_unit(ks->unit),
		       taken ? taken : "-", state);
		free(taken);
	}
	steps_free(s, n);
}

/* Appends the details of one event after its action word, sanitised:
 * "diubah Perihal: 'a' -> 'b'", "disposisi Kepala Dinas -> Sekretaris",
 * "dibaca (Sekretaris)", "tindak lanjut (Sekretaris): note". */
static void cli_case_event_text(struct buf *b, struct app *a, const struct kind *k,
				const struct event *ev)
{
	const char *act = ev->action ? ev->action : "";
	const char *field = ev->field ? ev->field : "";
	const char *oldv = ev->old_value ? ev->old_value : "";
	const char *newv = ev->new_value ? ev->new_value : "";

	if (strcmp(act, "diubah") == 0) {
		const struct kfield *f = k ? kind_field(k, field) : NULL;
		char *o = f ? kind_display(f, oldv) : xstrdup(oldv);
		char *n = f ? kind_display(f, newv) : xstrdup(newv);

		buf_printf(b, " %s: '%s' -> '%s'", f ? f->label : field, o, n);
		free(o);
		free(n);
	} else if (strcmp(act, "disposisi") == 0 && *oldv && *newv) {
		buf_printf(b, " %s -> %s", app_position_name(a, oldv), app_position_name(a, newv));
	} else if (strcmp(act, "dibuat") == 0) {
		if (*newv)
			buf_printf(b, _(", nomor %s"), newv);
	} else if (strcmp(act, "tahap") == 0) {
		buf_printf(b, " %s%s%s", field, *newv ? " " : "", newv);
	} else if (strcmp(act, "tindak_lanjut") == 0) {
		buf_printf(b, " (%s): %s", app_position_name(a, field), newv);
	} else if (strcmp(act, "selesai") == 0) {
		/* the action says it all */
	} else if (strcmp(act, "diteruskan") == 0 && strcmp(field, "kantor_layanan") == 0) {
		buf_printf(b, _(" ke %s"), newv);
	} else if (strcmp(act, "persyaratan") == 0) {
		const char *label = field;
		for (size_t i = 0; k != NULL && i < k->n_reqs; i++)
			if (strcmp(k->reqs[i].key, field) == 0 && k->reqs[i].label != NULL)
				label = k->reqs[i].label;
		buf_printf(b, " %s: %s -> %s", label, oldv, newv);
	} else if (strcmp(act, "dikembalikan") == 0) {
		buf_printf(b, _(" dari tahap %s ke tahap %s: %s"), field, oldv, newv);
	} else if (strcmp(act, "jam_layanan") == 0) {
		buf_printf(b, _(" %s (tahap %s)"), newv, field);
	} else if (strcmp(act, "dibaca") == 0 || strcmp(act, "diteruskan") == 0 ||
		   strcmp(act, "disposisi_selesai") == 0) {
		buf_printf(b, " (%s)", app_position_name(a, field));
	} else {
		if (*field)
			buf_printf(b, " %s", field);
		if (*newv)
			buf_printf(b, ": %s", newv);
	}
}

static void cli_case_show_events(struct app *a, const struct kind *k, const struct case_rec *r,
				 const struct cli_case_people *pp)
{
	struct event *ev;
	size_t n;

	printf("\n%s\n", _("Riwayat"));
	if (store_case_events(a->st, r->id, &ev, &n) != 0) {
		printf("  %s\n", _("(gagal dibaca)"));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *who = cli_case_who2(pp, ev[i].actor, ev[i].on_behalf);
		struct buf b;

		cli_event_start(&b, ev[i].action);
		cli_case_event_text(&b, a, k, &ev[i]);
		cli_event_print(ev[i].at, who, &b);
		free(who);
	}
	events_free(ev, n);
}

int cli_case_show(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_KIND };
	struct cli_opt opts[] = { { "kind", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL } };
	struct cli_case_people pp = { NULL, 0 };
	struct case_rec r;
	struct app a;
	const struct kind *k;
	char **pos;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0 || (rc = cli_one_ref(c, npos)) != 0)
		goto out_args;
	if (cli_open_case(c, &a, pos[0], cli_opt_last(&opts[O_KIND]), &r, NULL) != 0) {
		rc = CLI_ERR;
		goto out_args;
	}
	if (store_people(a.st, &pp.p, &pp.n) != 0) {
		pp.p = NULL;
		pp.n = 0;
	}
	k = kindset_find(&a.kinds, r.kind);
	cli_case_show_head(&a, k, &r, &pp);
	cli_case_show_fields(k, &r);
	cli_case_show_reqs(&a, k, &r, &pp);
	cli_case_show_links(&a, &r);
	cli_case_show_dispos(&a, &r, &pp);
	cli_case_show_steps(&a, k, &r);
	cli_case_show_events(&a, k, &r, &pp);
	people_free(pp.p, pp.n);
	cli_close_case(&a, &r);
	rc = CLI_OK;
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}
