/* kopimport.c: importing a registry CSV from the TUI: prompts for the file and the options,
 * a progress bar drawn from the import's callback, and the result and bad rows in a
 * scrollable screen. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "kop.h"
#include "textview.h"
#include "util.h"

#define KI_REPAINT_MS 50 /* the bar is drawn at most this often (and on each new percent) */

/* ---- progress -------------------------------------------------------------------- */

struct kopimport_prog {
	const char                     *path;
	const struct kop_import_report *rep;   /* rows read so far */
	int                             pct;   /* last percentage drawn, -1 none */
	struct timespec                 last;  /* when it was drawn */
};

static long kopimport_ms_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Draws the progress box over whatever is on the screen and shows it at once:
 * the import runs in the UI thread, so nothing else repaints meanwhile. */
static void kopimport_bar(struct kopimport_prog *p, double done)
{
	if (ui_too_small())
		return;
	int pct = (int)(done * 100.0 + 0.5);
	if (pct > 100)
		pct = 100;
	if (pct < 0)
		pct = 0;
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	int h = 7;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, _("Impor koperasi"));
	int iw = w - 4;
	char *line = xasprintf(_("Berkas: %s"), p->path);
	ui_put(y + 2, x + 2, iw, line);
	free(line);

	char tail[8];
	snprintf(tail, sizeof tail, " %3d%%", pct);
	int bw = iw - 2 - (int)strlen(tail);
	if (bw < 4)
		bw = 4;
	int filled = bw * pct / 100;
	struct buf b;
	buf_init(&b);
	buf_addc(&b, '[');
	for (int i = 0; i < bw; i++)
		buf_addc(&b, i < filled ? '#' : '.');
	buf_addc(&b, ']');
	buf_adds(&b, tail);
	ui_put(y + 3, x + 2, iw, b.s);
	if (filled > 0) {
		/* the done part again, highlighted (exactly `filled` columns) */
		char *done_part = xstrndup(b.s + 1, (size_t)filled);
		ui_put_attr(y + 3, x + 3, filled + 1, done_part, A_BOLD, CP_SELECT);
		free(done_part);
	}
	buf_free(&b);

	line = xasprintf(_("%ld baris dibaca"), p->rep ? p->rep->rows : 0L);
	ui_put(y + 4, x + 2, iw, line);
	free(line);
	move(LINES - 1, COLS - 1);
	refresh();
	p->pct = pct;
	clock_gettime(CLOCK_MONOTONIC, &p->last);
}

static void kopimport_progress(double done, void *ctx)
{
	struct kopimport_prog *p = ctx;
	int pct = (int)(done * 100.0 + 0.5);
	if (pct == p->pct)
		return;
	if (done < 1.0 && kopimport_ms_since(&p->last) < KI_REPAINT_MS)
		return;
	kopimport_bar(p, done);
}

/* ---- the result screen ------------------------------------------------------------ */

struct kopimport_item {
	char  *text;
	attr_t attr;
	short  pair;
};

struct kopimport_view {
	char                  *title;
	struct kopimport_item *items;  /* paragraphs, wrapped into tv */
	size_t                 n;
	struct textview        tv;
};

static void kopimport_say(struct kopimport_view *v, attr_t attr, short pair, const char *fmt, ...)
	PRINTFLIKE(4, 5);

static void kopimport_say(struct kopimport_view *v, attr_t attr, short pair, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	v->items = xreallocarray(v->items, v->n + 1, sizeof *v->items);
	v->items[v->n].text = xvasprintf(fmt, ap);
	v->items[v->n].attr = attr;
	v->items[v->n].pair = pair;
	v->n++;
	va_end(ap);
}

/* The paragraphs wrapped for the screen width. */
static void kopimport_wrap(struct kopimport_view *v)
{
	tv_clear(&v->tv);
	v->tv.width = tv_text_width();
	for (size_t i = 0; i < v->n; i++)
		tv_wrapped(&v->tv, "", 0, v->items[i].text, v->items[i].attr, v->items[i].pair);
	tv_clamp(&v->tv);
}

static void kopimport_draw(struct screen *s)
{
	struct kopimport_view *v = s->state;
	if (v->tv.width != tv_text_width())
		kopimport_wrap(v);
	ui_title(v->title);
	tv_draw(&v->tv);
	char *where = tv_where(&v->tv);
	char *st = xasprintf("%s | %s", _("Hasil impor"), where);
	ui_status(st);
	free(st);
	free(where);
}

static int kopimport_key(struct screen *s, int is_key, wint_t ch)
{
	struct kopimport_view *v = s->state;
	if (tv_key(&v->tv, is_key, ch) == H_DONE)
		return H_DONE;
	if (is_key) {
		switch (ch) {
		case KEY_ENTER: case KEY_F(10): return H_POP;
		case KEY_F(1):  ui_push(help_screen_new("kopimport")); return H_DONE;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case 'q': case 27: case '\n': case '\r':
		return H_POP;
	case '?':
		ui_push(help_screen_new("kopimport"));
		return H_DONE;
	default:
		return H_NONE;
	}
}

static void kopimport_resize(struct screen *s)
{
	kopimport_wrap(s->state);
}

static void kopimport_free(struct screen *s)
{
	struct kopimport_view *v = s->state;
	tv_free(&v->tv);
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].text);
	free(v->items);
	free(v->title);
	free(v);
}

static const struct screen_ops kopimport_ops = {
	.name   = "kopimport",
	.draw   = kopimport_draw,
	.key    = kopimport_key,
	.resize = kopimport_resize,
	.resume = NULL,
	.free   = kopimport_free,
	.fkeys  = N_("F1 Bantuan  j/k Gulir  q Tutup"),
};

/* The result screen of one import (r: koperasi_import's return). */
static struct screen *kopimport_result(const char *path, const struct kop_import_opts *o, int r,
				       const struct kop_import_report *rep, const char *cause)
{
	struct kopimport_view *v = xcalloc(1, sizeof *v);
	tv_init(&v->tv, 1, 2);
	v->title = xasprintf("%s — %s", _("Hasil impor koperasi"), path);
	if (r != 0) {
		kopimport_say(v, A_BOLD, CP_ERROR, _("Impor gagal: %s"),
			      cause ? cause : _("kesalahan tidak diketahui"));
		kopimport_say(v, A_NORMAL, CP_NORMAL, "%s", _("Registri tidak berubah."));
	} else {
		kopimport_say(v, A_BOLD, CP_NORMAL, _("Impor selesai: %ld koperasi baru"),
			      rep->inserted);
	}
	kopimport_say(v, A_NORMAL, CP_NORMAL, "%s", "");
	kopimport_say(v, A_NORMAL, CP_NORMAL, _("Baris data dibaca     : %ld"), rep->rows);
	if (r == 0) {
		kopimport_say(v, A_NORMAL, CP_NORMAL, _("Koperasi baru         : %ld"), rep->inserted);
		if (o->update) {
			kopimport_say(v, A_NORMAL, CP_NORMAL, _("Diperbarui            : %ld"),
				      rep->updated);
			kopimport_say(v, A_NORMAL, CP_NORMAL, _("Tidak berubah         : %ld"),
				      rep->unchanged);
		}
		if (rep->duplicates > 0)
			kopimport_say(v, A_NORMAL, CP_DUE,
				      _("Sudah ada, dilewati   : %ld (impor lagi dengan 'perbarui'"
					" untuk memperbaruinya)"), rep->duplicates);
	}
	kopimport_say(v, A_NORMAL, rep->bad_rows > 0 ? CP_OVERDUE : CP_NORMAL,
		      _("Baris salah           : %ld"), rep->bad_rows);
	if (r == 0 && o->skip_bad != NULL && rep->bad_rows > 0)
		kopimport_say(v, A_NORMAL, CP_NORMAL, _("Baris salah ditulis ke: %s"), o->skip_bad);
	if (rep->nproblems > 0) {
		kopimport_say(v, A_NORMAL, CP_NORMAL, "%s", "");
		kopimport_say(v, A_BOLD | A_UNDERLINE, CP_NORMAL, "%s", _("Laporan baris salah"));
		char *t = koperasi_import_report_text(rep, rep->nproblems);
		char *save = NULL;
		for (char *l = strtok_r(t, "\n", &save); l != NULL; l = strtok_r(NULL, "\n", &save))
			kopimport_say(v, A_NORMAL, CP_NORMAL, "%s", l);
		free(t);
	}
	return ui_screen_new(&kopimport_ops, v, 0);
}

/* ---- running it -------------------------------------------------------------------- */

/* A typed path with a leading "~/" made absolute; caller frees. */
static char *kopimport_path(const char *typed)
{
	const char *home = getenv("HOME");
	if (strncmp(typed, "~/", 2) == 0 && home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, typed + 2);
	return xstrdup(typed);
}

/* "data.csv" -> "data-salah.csv". Caller frees. */
static char *kopimport_bad_name(const char *path)
{
	size_t n = strlen(path);
	if (n > 4 && strcasecmp(path + n - 4, ".csv") == 0)
		return xasprintf("%.*s-salah.csv", (int)(n - 4), path);
	return xasprintf("%s-salah.csv", path);
}

void kopimport_run(void)
{
	char *typed = ui_prompt(_("Impor CSV dari: "), NULL);
	if (typed == NULL || *str_trim(typed) == '\0') {
		free(typed);
		return;
	}
	char *path = kopimport_path(typed);
	free(typed);
	if (access(path, R_OK) != 0) {
		ui_error(_("%s: tidak dapat dibaca: %s"), path, strerror(errno));
		free(path);
		return;
	}
	char *skip = NULL;
	if (ui_confirm(_("Lewati baris salah dan impor yang benar? (y/t)"))) {
		char *def = kopimport_bad_name(path);
		char *t = ui_prompt(_("Baris salah ditulis ke: "), def);
		free(def);
		if (t == NULL || *str_trim(t) == '\0') {
			free(t);
			free(path);
			return;
		}
		skip = kopimport_path(t);
		free(t);
	}
	int update = ui_confirm(_("Perbarui koperasi yang sudah ada (NIK atau badan hukum sama)? (y/t)"));

	struct kop_import_report rep;
	memset(&rep, 0, sizeof rep);
	struct kopimport_prog prog = { path, &rep, -1, { 0, 0 } };
	struct kop_import_opts o;
	memset(&o, 0, sizeof o);
	o.update = update;
	o.skip_bad = skip;
	o.actor = app_login();
	o.progress = kopimport_progress;
	o.progress_ctx = &prog;
	kopimport_bar(&prog, 0.0);
	char *cause = NULL;
	int r = koperasi_import(ui_app(), path, &o, &rep, &cause);
	ui_push(kopimport_result(path, &o, r, &rep, cause));
	free(cause);
	koperasi_import_report_free(&rep);
	free(skip);
	free(path);
}
