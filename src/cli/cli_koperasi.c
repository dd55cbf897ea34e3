/* cli_koperasi.c: the cooperative registry on the command line: import koperasi, export koperasi, koperasi list|show|add. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "date.h"
#include "koperasi.h"

#define CLI_KOP_PAGE 200 /* rows read per list page */

/* Loads data/ lists and rules for the registry; prints the problems and
 * returns NULL when they cannot be read. */
static struct kop_ref *cli_kop_ref(const struct app *a)
{
	struct errs e;
	struct kop_ref *r;

	errs_init(&e);
	r = koperasi_ref_load(a->data_dir, &e);
	if (r == NULL)
		cli_errors_or(&e, _("data koperasi tidak dapat dibaca"));
	errs_free(&e);
	return r;
}

/* 1 if s is "koperasi" (the only registry the import and export know). */
static int cli_kop_is_registry(const char *s)
{
	return s != NULL && strcmp(s, "koperasi") == 0;
}

/* ---- import ------------------------------------------------------------------------------- */

/* Progress line on a terminal: "\rMengimpor FILE... NN%". */
struct cli_kop_progress {
	const char *path;
	int         last; /* last percentage shown, -1 none */
};

static void cli_kop_progress(double done, void *ctx)
{
	struct cli_kop_progress *p = ctx;
	int pct = (int)(done * 100.0);

	if (pct == p->last)
		return;
	p->last = pct;
	fprintf(stderr, _("\rMengimpor %s... %3d%%"), p->path, pct);
	fflush(stderr);
}

/* One problem of the report: "berkas: FILE:LINE: KOLOM: 'VALUE': REASON"
 * (no column for a problem of the whole row, no value for a problem of the
 * header). */
static void cli_kop_problem(const char *path, const struct kop_problem *p, int header)
{
	struct buf b;
	char *s;

	buf_init(&b);
	buf_printf(&b, "%s:%ld: ", path, p->line);
	if (p->column != NULL && *p->column) {
		buf_printf(&b, "%s: ", p->column);
		if (!header)
			buf_printf(&b, "'%s': ", p->value ? p->value : "");
	}
	buf_adds(&b, p->reason ? p->reason : "");
	s = str_sanitize(b.s, 1);
	cli_error("%s", s);
	free(s);
	buf_free(&b);
}

int cli_koperasi_import(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_MAP, O_SKIP, O_UPDATE, O_DELIM };
	struct cli_opt opts[] = {
		{ "map", 0, 1, 0, NULL }, { "skip-bad", 0, 1, 0, NULL },
		{ "update", 0, 0, 0, NULL }, { "delimiter", 0, 1, 0, NULL },
		{ NULL, 0, 0, 0, NULL }
	};
	struct cli_kop_progress prog = { NULL, -1 };
	struct kop_import_opts io;
	struct kop_import_report rep;
	struct app a;
	struct buf b;
	char **pos, *cause = NULL;
	size_t npos;
	int tty = isatty(STDERR_FILENO), r;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos == 0) {
		rc = cli_usage_error(c, _("JENIS belum diberikan (koperasi)"));
		goto out_args;
	}
	if (!cli_kop_is_registry(pos[0])) {
		char *s = str_sanitize(pos[0], 1);
		rc = cli_usage_error(c, _("tidak dapat mengimpor '%s' (hanya koperasi)"), s);
		free(s);
		goto out_args;
	}
	if (npos != 2) {
		rc = cli_usage_error(c, npos < 2 ? _("BERKAS.csv belum diberikan")
					      : _("terlalu banyak argumen"));
		goto out_args;
	}
	memset(&io, 0, sizeof io);
	if (cli_delim_arg(cli_opt_last(&opts[O_DELIM]), &io.delim) != 0) {
		rc = cli_usage_error(c, _("--delimiter: harus ',' atau ';'"));
		goto out_args;
	}
	io.map = cli_opt_last(&opts[O_MAP]);
	io.update = opts[O_UPDATE].n > 0;
	io.skip_bad = cli_opt_last(&opts[O_SKIP]);
	if (io.skip_bad != NULL && *io.skip_bad == '\0') {
		rc = cli_usage_error(c, _("--skip-bad: nama berkas kosong"));
		goto out_args;
	}
	if (access(pos[1], R_OK) != 0) {
		cli_error(_("%s: tidak dapat dibaca: %s"), pos[1], strerror(errno));
		rc = CLI_ERR;
		goto out_args;
	}
	if (cli_open(c, &a, 0) != 0) {
		rc = CLI_ERR;
		goto out_args;
	}
	io.actor = app_login();
	if (tty) {
		prog.path = pos[1];
		io.progress = cli_kop_progress;
		io.progress_ctx = &prog;
	}
	r = koperasi_import(&a, pos[1], &io, &rep, &cause);
	if (tty && prog.last >= 0)
		fputc('\n', stderr);
	if (r != 0) {
		for (size_t i = 0; i < rep.nproblems; i++)
			cli_kop_problem(pos[1], &rep.problems[i], rep.rows == 0);
		cli_cause(cause, _("impor gagal"));
		cause = NULL;
		rc = CLI_ERR;
	} else {
		buf_init(&b);
		buf_printf(&b, _("%ld koperasi diimpor"), rep.inserted);
		if (io.update) {
			buf_printf(&b, _(", %ld diperbarui"), rep.updated);
			if (rep.unchanged > 0)
				buf_printf(&b, _(", %ld tidak berubah"), rep.unchanged);
		}
		if (rep.duplicates > 0)
			buf_printf(&b, _(", %ld sudah ada dan dilewati (--update untuk memperbarui)"),
				   rep.duplicates);
		if (io.skip_bad != NULL)
			buf_printf(&b, _(", %ld ditolak (ditulis ke %s)"), rep.bad_rows, io.skip_bad);
		{
			char *s = str_sanitize(b.s, 1);
			printf("%s\n", s);
			free(s);
		}
		buf_free(&b);
		rc = CLI_OK;
	}
	free(cause);
	koperasi_import_report_free(&rep);
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- export ------------------------------------------------------------------------------- */

/* export koperasi: the options were parsed by cli_koperasi_export_route. */
static int cli_kop_export(const struct cli_ctx *c, struct cli_opt *opts, size_t npos)
{
	struct csv_opts co = { ',', 0, 0 };
	struct app a;
	const char *out;
	char *cause = NULL;
	long rows = 0;
	FILE *fp;
	int rc;

	if (npos > 1)
		return cli_usage_error(c, _("terlalu banyak argumen"));
	if (opts[CLI_EXP_FROM].n > 0 || opts[CLI_EXP_TO].n > 0)
		return cli_usage_error(c, _("--from dan --to tidak berlaku untuk koperasi"));
	if (cli_delim_arg(cli_opt_last(&opts[CLI_EXP_DELIM]), &co.delim) != 0)
		return cli_usage_error(c, _("--delimiter: harus ',' atau ';'"));
	co.bom = opts[CLI_EXP_BOM].n > 0;
	co.raw = opts[CLI_EXP_RAW].n > 0;
	if (cli_open(c, &a, 0) != 0)
		return CLI_ERR;
	rc = CLI_ERR;
	out = cli_opt_last(&opts[CLI_EXP_OUT]);
	if ((fp = cli_out_open(&out)) == NULL)
		goto out_app;
	if (koperasi_export(&a, fp, &co, &rows, &cause) != 0) {
		cli_cause(cause, _("ekspor gagal"));
		cli_out_close(fp, out, 0);
		goto out_app;
	}
	if (cli_out_close(fp, out, 1) != 0)
		goto out_app;
	if (out)
		printf(_("%ld koperasi diekspor ke %s\n"), rows, out);
	rc = CLI_OK;
out_app:
	app_close(&a);
	return rc;
}

/* `export`: the registry for "export koperasi", else the kinds' export. */
int cli_koperasi_export_route(const struct cli_ctx *c, int argc, char **argv)
{
	/* the options of cli_export_run */
	struct cli_opt opts[] = { CLI_EXPORT_OPTS };
	char **pos;
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc == 0 && npos >= 1 && cli_kop_is_registry(pos[0])) {
		rc = cli_kop_export(c, opts, npos);
	} else if (rc == 0) {
		cli_opts_free(opts);
		free(pos);
		return cli_export_run(c, argc, argv);
	}
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- koperasi list ------------------------------------------------------------------------ */

/* Column widths of the list table. */
struct cli_kop_cols {
	int nik, nama, bh, kab, grade, rat, status;
};

static void cli_kop_layout(struct cli_kop_cols *w)
{
	int flex;

	w->nik = KOPERASI_NIK_DIGITS;
	w->kab = 16;
	w->grade = str_width(_("GRADE"));
	w->rat = 10;
	w->status = 11;
	flex = cli_term_cols() - (w->nik + w->kab + w->grade + w->rat + w->status) - 6;
	if (flex < 24)
		flex = 24;
	w->nama = flex * 2 / 3;
	w->bh = flex - w->nama;
}

static void cli_kop_table_head(const struct cli_kop_cols *w)
{
	cli_cell(_("NIK"), w->nik, 0);
	cli_cell(_("NAMA"), w->nama, 0);
	cli_cell(_("BADAN HUKUM"), w->bh, 0);
	cli_cell(_("KAB/KOTA"), w->kab, 0);
	cli_cell(_("GRADE"), w->grade, 0);
	cli_cell(_("RAT"), w->rat, 0);
	cli_cell(_("STATUS"), w->status, 1);
	putchar('\n');
}

static void cli_kop_table_row(const struct kop_ref *ref, const struct cli_kop_cols *w,
			      const struct kop_row *r)
{
	char dmy[11], *kab = koperasi_display(ref, KF_kabkota, r->kabkota);
	char *st = koperasi_display(ref, KF_status, r->status);
	const char *k = kab;

	/* "Kabupaten Timor Tengah Selatan" -> "Kab. Timor Tengah Selatan" */
	if (strncmp(k, "Kabupaten ", 10) == 0) {
		char *s = xasprintf("Kab. %s", k + 10);
		free(kab);
		kab = s;
	}
	cli_cell(r->nik && *r->nik ? r->nik : "-", w->nik, 0);
	cli_cell(r->nama, w->nama, 0);
	cli_cell(r->no_badan_hukum && *r->no_badan_hukum ? r->no_badan_hukum : "-", w->bh, 0);
	cli_cell(*kab ? kab : "-", w->kab, 0);
	cli_cell(r->grade && *r->grade ? r->grade : "-", w->grade, 0);
	cli_dmy(r->rat_terakhir, dmy);
	cli_cell(dmy[0] ? dmy : "-", w->rat, 0);
	cli_cell(*st ? st : "-", w->status, 1);
	putchar('\n');
	free(kab);
	free(st);
}

static void cli_kop_csv_head(struct csvw *cw)
{
	static const char *const head[] = {
		"nik", "nama", "no_badan_hukum", "kabkota", "jenis", "kelompok", "grade",
		"status", "rat_terakhir", "id"
	};

	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csvw_field(cw, head[i]);
	csvw_end(cw);
}

static void cli_kop_csv_row(struct csvw *cw, const struct kop_row *r)
{
	char dmy[11];

	csvw_field(cw, r->nik);
	csvw_field(cw, r->nama);
	csvw_field(cw, r->no_badan_hukum);
	csvw_field(cw, r->kabkota);
	csvw_field(cw, r->jenis);
	csvw_field(cw, r->kelompok);
	csvw_field(cw, r->grade);
	csvw_field(cw, r->status);
	cli_dmy(r->rat_terakhir, dmy);
	csvw_field(cw, dmy);
	csvw_field(cw, r->id);
	csvw_end(cw);
}

static int cli_kop_list(const struct cli_ctx *c, int argc, char **argv)
{
	enum { O_SEARCH, O_FILTER, O_SORT, O_LIMIT, O_FORMAT };
	struct cli_opt opts[] = {
		{ "search", 0, 1, 0, NULL }, { "filter", 0, 1, 0, NULL },
		{ "sort", 0, 1, 0, NULL }, { "limit", 0, 1, 0, NULL },
		{ "format", 0, 1, 0, NULL }, { NULL, 0, 0, 0, NULL }
	};
	struct kop_query q;
	struct app a;
	struct kop_ref *ref = NULL;
	struct csvw cw = { NULL, { 0, 0, 0 }, 0 };
	struct csv_opts co = { ',', 0, 0 };
	struct cli_kop_cols w = { 0, 0, 0, 0, 0, 0, 0 };
	struct kop_row *prev = NULL, *rows;
	size_t nprev = 0, nrows, npos;
	char **pos, *cause = NULL, *limit_norm = NULL;
	const char *v;
	long limit = 50, shown = 0;
	int csv = 0, rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos > 0) {
		rc = cli_usage_error(c, _("argumen berlebih: %s"), pos[0]);
		goto out_args;
	}
	memset(&q, 0, sizeof q);
	q.sort = KSORT_NAMA;
	if ((v = cli_opt_last(&opts[O_SORT])) != NULL) {
		if (strcmp(v, "nama") == 0) {
			q.sort = KSORT_NAMA;
		} else if (strcmp(v, "rat") == 0) {
			q.sort = KSORT_RAT;
		} else if (strcmp(v, "diubah") == 0) {
			q.sort = KSORT_DIUBAH;
		} else {
			rc = cli_usage_error(c, _("--sort: nilai tidak dikenal '%s' (nama, rat, diubah)"), v);
			goto out_args;
		}
	}
	if ((rc = cli_list_opts(c, &opts[O_LIMIT], &opts[O_FORMAT], &limit, &csv)) != 0)
		goto out_args;
	q.search = cli_opt_last(&opts[O_SEARCH]);
	if (q.search != NULL && *q.search == '\0')
		q.search = NULL;
	rc = CLI_ERR;
	if (cli_open(c, &a, 0) != 0)
		goto out_args;
	if ((ref = cli_kop_ref(&a)) == NULL)
		goto out_app;
	v = cli_opt_last(&opts[O_FILTER]);
	if (v != NULL && *v != '\0') {
		limit_norm = koperasi_limit_normalize(ref, v);
		q.limit = limit_norm;
	}
	if (csv) {
		csvw_init(&cw, stdout, &co);
		cli_kop_csv_head(&cw);
	} else {
		cli_kop_layout(&w);
	}
	for (;;) {
		int want = cli_page_want(limit, shown, CLI_KOP_PAGE);

		if (want <= 0)
			break;
		if (store_koperasi_page(a.st, &q, nprev ? &prev[nprev - 1] : NULL, 0, want, &rows,
					&nrows, &cause) != 0) {
			cli_cause(cause, _("gagal membaca daftar"));
			goto out_rows;
		}
		if (!csv && shown == 0)
			cli_kop_table_head(&w);
		for (size_t i = 0; i < nrows; i++) {
			if (csv)
				cli_kop_csv_row(&cw, &rows[i]);
			else
				cli_kop_table_row(ref, &w, &rows[i]);
		}
		kop_rows_free(prev, nprev);
		prev = rows;
		nprev = nrows;
		shown += (long)nrows;
		if ((int)nrows < want)
			break;
	}
	if (limit > 0 && shown == limit && !csv) {
		long total = store_koperasi_count(a.st, &q, &cause);

		free(cause);
		cause = NULL;
		if (total > shown) {
			fflush(stdout);
			fprintf(stderr, _("(%ld dari %ld koperasi; --limit 0 untuk semua)\n"), shown, total);
		}
	}
	rc = CLI_OK;
out_rows:
	kop_rows_free(prev, nprev);
out_app:
	koperasi_ref_free(ref);
	free(limit_norm);
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- koperasi show ------------------------------------------------------------------------ */

/* Prints a value on one line, sanitised. */
static void cli_kop_value(const char *s)
{
	char *t = str_sanitize(s ? s : "", 1);

	printf("%s\n", t);
	free(t);
}

/* Prints s sanitised, word-wrapped to width columns, each line indented. */
static void cli_kop_wrap(const char *s, int indent, int width)
{
	char *t = str_sanitize(s, 1), *p = t;

	while (*p) {
		char *end = p, *brk = NULL;
		int col = indent;

		while (*end && (col < width || brk == NULL)) {
			if (*end == ' ')
				brk = end;
			if (((unsigned char)*end & 0xc0) != 0x80)
				col++;
			end++;
		}
		if (*end == '\0')
			brk = end;
		printf("%*s%.*s\n", indent, "", (int)(brk - p), p);
		p = brk;
		while (*p == ' ')
			p++;
	}
	free(t);
}

static void cli_kop_show_events(struct app *a, const struct kop_ref *ref, const struct koperasi *k,
				const struct person *pp, size_t npp)
{
	struct event *ev;
	size_t n;

	printf("\n%s\n", _("Riwayat"));
	if (store_koperasi_events(a->st, k->id, &ev, &n) != 0) {
		printf("  %s\n", _("(gagal dibaca)"));
		return;
	}
	if (n == 0)
		printf("  %s\n", _("(belum ada)"));
	for (size_t i = 0; i < n; i++) {
		const char *act = ev[i].action ? ev[i].action : "";
		const char *field = ev[i].field ? ev[i].field : "";
		const char *newv = ev[i].new_value ? ev[i].new_value : "";
		char *who = cli_who(pp, npp, ev[i].actor);
		struct buf b;

		cli_event_start(&b, act);
		if (strcmp(act, "dari_berkas") == 0) {
			/* a case wrote its [registry] fields back: name it */
			const struct kind *kk = kindset_find(&a->kinds, field);

			buf_printf(&b, " %s %s", kk ? kk->title : field, newv);
		} else if (strcmp(act, "diubah") == 0) {
			const struct kop_fielddef *f = koperasi_field(field);
			char *o = f ? koperasi_display(ref, f->id, ev[i].old_value)
				    : xstrdup(ev[i].old_value ? ev[i].old_value : "");
			char *nv = f ? koperasi_display(ref, f->id, ev[i].new_value) : xstrdup(newv);

			buf_printf(&b, " %s: '%s' -> '%s'", f ? _(f->label) : field, o, nv);
			free(o);
			free(nv);
		} else {
			if (*field)
				buf_printf(&b, " %s", field);
			if (*newv)
				buf_printf(&b, " (%s)", newv);
		}
		cli_event_print(ev[i].at, who, &b);
		free(who);
	}
	events_free(ev, n);
}

/* Prints "  <text>" made safe for the terminal. */
static void cli_kop_line(const char *text)
{
	char *t = str_sanitize(text, 1);

	printf("  %s\n", t);
	free(t);
}

/* The cases of every kind linked to the cooperative, newest first. */
static void cli_kop_show_cases(struct app *a, const struct koperasi *k)
{
	struct case_row *rows;
	size_t n;
	char *cause = NULL;

	printf("\n%s\n", _("Berkas"));
	if (store_koperasi_cases(a->st, k->id, &rows, &n, &cause) != 0) {
		free(cause);
		printf("  %s\n", _("(gagal dibaca)"));
		return;
	}
	if (n == 0)
		printf("  %s\n", _("(belum ada)"));
	for (size_t i = 0; i < n; i++) {
		const struct kind *kk = kindset_find(&a->kinds, rows[i].kind);
		int open = rows[i].status == NULL || strcmp(rows[i].status, "selesai") != 0;
		char *line, state[64];

		if (open && rows[i].step > 0)
			snprintf(state, sizeof state, _("terbuka, tahap %d%s"), rows[i].step,
				 rows[i].paused ? _(", jam layanan berhenti") : "");
		else
			snprintf(state, sizeof state, "%s", rows[i].status ? rows[i].status : "");
		line = xasprintf("%s %s: %s [%s]", kk ? kk->title : rows[i].kind,
				 rows[i].number_text ? rows[i].number_text : rows[i].id,
				 rows[i].subject ? rows[i].subject : "", state);
		cli_kop_line(line);
		free(line);
	}
	case_rows_free(rows, n);
}

static void cli_kop_show(struct app *a, const struct kop_ref *ref, const struct koperasi *k)
{
	struct person *pp = NULL;
	size_t npp = 0;
	char ts[17], *who, *msg = NULL;
	enum kop_office office;
	int w = 0;

	if (store_people(a->st, &pp, &npp) != 0) {
		pp = NULL;
		npp = 0;
	}
	cli_kop_value(k->nama);
	for (size_t i = 0; i < KF_COUNT; i++)
		if (str_width(_(koperasi_fields[i].label)) > w)
			w = str_width(_(koperasi_fields[i].label));
	cli_label(0, "ID", w + 2);
	printf("%s\n", k->id);
	cli_label(0, _("Dicatat"), w + 2);
	cli_ts(k->created_at, ts);
	who = cli_who(pp, npp, k->created_by);
	printf(_("%s oleh %s\n"), ts, who);
	free(who);
	if (k->version > 1) {
		cli_label(0, _("Diubah"), w + 2);
		cli_ts(k->updated_at, ts);
		who = cli_who(pp, npp, k->updated_by);
		printf(_("%s oleh %s (versi %ld)\n"), ts, who, k->version);
		free(who);
	}

	printf("\n%s\n", _("Isian"));
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		char *d = koperasi_display(ref, f->id, koperasi_get(k, f->id));

		cli_label(2, _(f->label), w);
		cli_kop_value(*d ? d : "-");
		free(d);
	}

	printf("\n%s\n", _("Sertifikat NIK"));
	office = koperasi_office(ref, k, &msg);
	cli_label(2, _("Kantor yang melayani"), w);
	printf("%s\n", koperasi_office_label(office));
	if (msg != NULL) {
		cli_kop_wrap(msg, 2, 78);
		free(msg);
	}
	cli_kop_show_cases(a, k);
	cli_kop_show_events(a, ref, k, pp, npp);
	people_free(pp, npp);
}

static int cli_kop_show_cmd(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct koperasi k;
	struct kop_ref *ref;
	struct app a;
	char **pos;
	size_t npos;
	int r, rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos != 1) {
		rc = cli_usage_error(c, npos ? _("terlalu banyak argumen")
					     : _("NIK, ID atau nomor badan hukum belum diberikan"));
		goto out_args;
	}
	rc = CLI_ERR;
	if (cli_open(c, &a, 0) != 0)
		goto out_args;
	if ((ref = cli_kop_ref(&a)) == NULL)
		goto out_app;
	r = store_koperasi_find(a.st, pos[0], &k);
	if (r == 1) {
		cli_kop_show(&a, ref, &k);
		rc = CLI_OK;
	} else if (r == 0) {
		char *s = str_sanitize(pos[0], 1);
		cli_error(_("koperasi tidak ditemukan: %s"), s);
		free(s);
	} else {
		cli_error(_("gagal membaca basis data"));
	}
	koperasi_clear(&k);
	koperasi_ref_free(ref);
out_app:
	app_close(&a);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- koperasi add ------------------------------------------------------------------------- */

static int cli_kop_add(const struct cli_ctx *c, int argc, char **argv)
{
	struct cli_opt opts[] = { { NULL, 0, 0, 0, NULL } };
	struct koperasi k;
	struct kop_ref *ref;
	struct errs e;
	struct app a;
	char **pos, *cause = NULL;
	int seen[KF_COUNT];
	size_t npos;
	int rc = cli_parse(c, argc, argv, opts, &pos, &npos);

	if (rc != 0)
		goto out_args;
	if (npos == 0) {
		rc = cli_usage_error(c, _("isian belum diberikan (kunci=nilai)"));
		goto out_args;
	}
	memset(seen, 0, sizeof seen);
	koperasi_init(&k);
	errs_init(&e);
	for (size_t i = 0; i < npos; i++) {
		const struct kop_fielddef *f;
		const char *val;
		char *key;

		if ((rc = cli_assignment(c, pos[i], &key, &val)) != 0)
			goto out_rec;
		f = koperasi_field(key);
		if (f != NULL && seen[f->id]++) {
			rc = cli_assignment_twice(c, key);
			free(key);
			goto out_rec;
		}
		if (koperasi_set(&k, key, val, &cause) != 0) {
			errs_add(&e, "%s", cause ? cause : key);
			free(cause);
			cause = NULL;
		}
		free(key);
	}
	rc = CLI_ERR;
	if (cli_open(c, &a, 0) != 0)
		goto out_rec;
	if ((ref = cli_kop_ref(&a)) == NULL)
		goto out_app;
	if (koperasi_normalize(ref, &k, &e) != 0 || e.n > 0)
		cli_errors_or(&e, _("isian tidak valid"));
	else if (store_koperasi_insert(a.st, &k, app_login(), NULL, NULL, &cause) != 0)
		cli_cause(cause, _("gagal menyimpan"));
	else {
		printf("%s\n", k.id);
		rc = CLI_OK;
	}
	koperasi_ref_free(ref);
out_app:
	app_close(&a);
out_rec:
	errs_free(&e);
	koperasi_clear(&k);
out_args:
	cli_opts_free(opts);
	free(pos);
	return rc;
}

/* ---- koperasi ------------------------------------------------------------------------------- */

int cli_koperasi_run(const struct cli_ctx *c, int argc, char **argv)
{
	const char *act = argc > 1 ? argv[1] : NULL;

	if (act == NULL)
		return cli_usage_error(c, _("tindakan belum diberikan (list, show, add)"));
	if (strcmp(act, "-h") == 0 || strcmp(act, "--help") == 0) {
		cli_cmd_usage(c, stdout);
		return CLI_HELP;
	}
	if (strcmp(act, "list") == 0)
		return cli_kop_list(c, argc - 1, argv + 1);
	if (strcmp(act, "show") == 0)
		return cli_kop_show_cmd(c, argc - 1, argv + 1);
	if (strcmp(act, "add") == 0)
		return cli_kop_add(c, argc - 1, argv + 1);
	{
		char *s = str_sanitize(act, 1);
		int rc = cli_usage_error(c, _("tindakan tidak dikenal: %s (list, show, add)"), s);
		free(s);
		return rc;
	}
}
