/* reqs.c: the requirement checklist of a case: tick, untick and annotate the kind's [requirement.*] items. */
#include <stdlib.h>
#include <string.h>

#include "textview.h"
#include "ui.h"
#include "util.h"

struct reqs {
	char               id[37];
	int                found;   /* the case was read */
	struct case_rec    c;
	const struct kind *k;
	struct req_rec    *r;       /* one per requirement, in the kind's order */
	size_t             n;
	struct ui_names    names;   /* of the people who ticked */
	size_t             cur;     /* selected requirement */
	struct textview    tv;      /* the list, built at each draw; lines tagged
				     * with their requirement */
};

#define REQS_TOP 2 /* first screen row of the list */

/* ---- loading -------------------------------------------------------------------- */

static void reqs_unload(struct reqs *q)
{
	if (q->found)
		case_clear(&q->c);
	memset(&q->c, 0, sizeof q->c);
	reqs_free(q->r, q->n);
	q->r = NULL;
	q->n = 0;
	q->found = 0;
	q->k = NULL;
}

/* (Re)reads the case and its checklist; errors are shown. */
static void reqs_load(struct reqs *q)
{
	struct app *a = ui_app();
	reqs_unload(q);
	int r = store_case_get(a->st, q->id, &q->c);
	if (r != 1) {
		ui_error(r < 0 ? _("Gagal membaca berkas") : _("Berkas tidak ditemukan"));
		return;
	}
	q->found = 1;
	q->k = kindset_find(&a->kinds, q->c.kind);
	if (q->k == NULL) {
		ui_error(_("Jenis berkas '%s' tidak dikenal"), q->c.kind ? q->c.kind : "");
		return;
	}
	char *cause = NULL;
	if (store_case_reqs(a->st, q->k, q->id, &q->r, &q->n, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal membaca persyaratan"));
		free(cause);
		q->r = NULL;
		q->n = 0;
		return;
	}
	if (q->cur >= q->n)
		q->cur = q->n > 0 ? q->n - 1 : 0;
}

/* Required items ticked and in all. */
static void reqs_count(const struct reqs *q, int *done, int *all)
{
	*done = *all = 0;
	for (size_t i = 0; i < q->n; i++) {
		if (q->r[i].req == NULL || !q->r[i].req->required)
			continue;
		(*all)++;
		if (q->r[i].done)
			(*done)++;
	}
}

static const char *reqs_label(const struct req_rec *r)
{
	return r->req && r->req->label ? r->req->label : "?";
}

/* ---- drawing --------------------------------------------------------------------- */

/* text wrapped to the list width, the first line after first, the rest
 * indented; the lines belong to requirement item. */
static void reqs_add(struct reqs *q, const char *first, int indent, const char *text,
		     size_t item, attr_t attr)
{
	size_t at = q->tv.n;
	tv_wrapped(&q->tv, first, indent, text, attr, CP_NORMAL);
	tv_tag(&q->tv, at, (long)item);
}

/* "[x] label (wajib)", then the note and who changed it when. */
static void reqs_build(struct reqs *q)
{
	tv_clear(&q->tv);
	q->tv.width = COLS - 2;
	for (size_t i = 0; i < q->n; i++) {
		const struct req_rec *r = &q->r[i];
		char *label = r->req && r->req->required
			      ? xasprintf("%s %s", reqs_label(r), _("(wajib)"))
			      : xstrdup(reqs_label(r));
		reqs_add(q, r->done ? "[x] " : "[ ] ", 4, label, i, r->done ? A_NORMAL : A_BOLD);
		free(label);
		if (r->note != NULL && *r->note != '\0') {
			char *first = xasprintf("    %s: ", _("Catatan"));
			reqs_add(q, first, 6, r->note, i, A_NORMAL);
			free(first);
		}
		if (r->at != NULL && *r->at != '\0') {
			char when[17];
			ui_time_local(r->at, when);
			char *by = xasprintf(r->done ? _("dicentang oleh %s, %s")
						     : _("centang dihapus oleh %s, %s"),
					     ui_names_get(&q->names, r->by), when);
			reqs_add(q, "    ", 4, by, i, A_DIM);
			free(by);
		}
	}
}

static void reqs_draw(struct screen *s)
{
	struct reqs *q = s->state;
	char *title;
	if (q->found)
		title = xasprintf(_("Persyaratan: %s no. %s"), q->k ? q->k->title : q->c.kind,
				  q->c.number_text ? q->c.number_text : "-");
	else
		title = xstrdup(_("Persyaratan"));
	ui_title(title);
	free(title);
	if (!q->found)
		return;

	int done, all;
	reqs_count(q, &done, &all);
	char *sum = xasprintf(_("%d dari %d persyaratan wajib lengkap"), done, all);
	ui_put_attr(1, 1, COLS - 2, sum, A_BOLD, done < all ? CP_DUE : CP_NORMAL);

	reqs_build(q);
	q->tv.sel = (long)q->cur;
	tv_show_sel(&q->tv); /* the selected item's lines on screen */
	int h = tv_height(&q->tv);
	if (q->n == 0)
		ui_put_attr(REQS_TOP, 1, COLS - 2, _("(jenis berkas ini tidak punya persyaratan)"),
			    A_DIM, CP_NORMAL);
	tv_draw(&q->tv);
	if (q->tv.top > 0)
		ui_put_attr(REQS_TOP, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
	if (q->tv.top + h < (int)q->tv.n)
		ui_put_attr(REQS_TOP + h - 1, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);

	const char *clock = q->c.paused_since != NULL && *q->c.paused_since != '\0'
			    ? _("jam layanan berhenti") : _("jam layanan berjalan");
	char *st = xasprintf("%s | %s %s | %s", sum,
			     q->k && q->k->short_title ? q->k->short_title : _("No."),
			     q->c.number_text ? q->c.number_text : "-",
			     strcmp(q->c.status ? q->c.status : "", "selesai") == 0
			     ? _("berkas selesai") : clock);
	ui_status(st);
	free(st);
	free(sum);
}

/* ---- changes ------------------------------------------------------------------------ */

/* Writes item i as done/not done with note; reports what happened, including
 * a waiting step that the last required tick completed. */
static void reqs_set(struct reqs *q, size_t i, int done, const char *note)
{
	struct app *a = ui_app();
	if (q->r[i].req == NULL)
		return;
	char *key = xstrdup(q->r[i].req->key);
	char *label = xstrdup(reqs_label(&q->r[i]));
	int step = q->c.step;
	int paused = q->c.paused_since != NULL && *q->c.paused_since != '\0';
	char *cause = NULL;
	if (store_req_set(a->st, q->k, q->id, key, done, note, a->me.login, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal menyimpan"));
		free(cause);
		free(key);
		free(label);
		reqs_load(q);
		return;
	}
	reqs_load(q);
	int now_paused = q->c.paused_since != NULL && *q->c.paused_since != '\0';
	if (q->found && q->c.step != step) {
		if (paused && !now_paused)
			ui_message(_("Persyaratan lengkap: tahap %d selesai, jam layanan berjalan lagi"),
				   step);
		else
			ui_message(_("Persyaratan lengkap: tahap %d selesai"), step);
	} else {
		ui_message(done ? _("Dicentang: %s") : _("Centang dihapus: %s"), label);
	}
	free(key);
	free(label);
}

static void reqs_move(struct reqs *q, long by);

/* Space/Enter: ticks (asking for an optional note) or unticks. */
static void reqs_toggle(struct reqs *q)
{
	if (q->n == 0)
		return;
	const struct req_rec *r = &q->r[q->cur];
	if (r->done) {
		reqs_set(q, q->cur, 0, r->note);
		return;
	}
	char *note = ui_prompt(_("Catatan (boleh kosong, Esc batal): "), NULL);
	if (note == NULL)
		return;
	str_trim(note);
	size_t at = q->cur;
	reqs_set(q, at, 1, *note ? note : NULL);
	free(note);
	if (at < q->n && q->r[at].done)
		reqs_move(q, 1); /* on to the next item */
}

/* n: edits the note, keeping the tick as it is. */
static void reqs_note(struct reqs *q)
{
	if (q->n == 0)
		return;
	const struct req_rec *r = &q->r[q->cur];
	char *note = ui_prompt(_("Catatan: "), r->note);
	if (note == NULL)
		return;
	str_trim(note);
	reqs_set(q, q->cur, r->done, *note ? note : NULL);
	free(note);
}

static void reqs_move(struct reqs *q, long by)
{
	if (q->n == 0)
		return;
	long c = (long)q->cur + by;
	if (c < 0)
		c = 0;
	if (c >= (long)q->n)
		c = (long)q->n - 1;
	q->cur = (size_t)c;
}

static int reqs_key(struct screen *s, int is_key, wint_t ch)
{
	struct reqs *q = s->state;
	long page = tv_height(&q->tv) / 3 > 1 ? tv_height(&q->tv) / 3 : 1;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  reqs_move(q, 1); return H_DONE;
		case KEY_UP:    reqs_move(q, -1); return H_DONE;
		case KEY_NPAGE: reqs_move(q, page); return H_DONE;
		case KEY_PPAGE: reqs_move(q, -page); return H_DONE;
		case KEY_HOME:  q->cur = 0; return H_DONE;
		case KEY_END:   reqs_move(q, (long)q->n); return H_DONE;
		case KEY_ENTER: reqs_toggle(q); return H_DONE;
		case KEY_F(1):  ui_push(help_screen_new("reqs")); return H_DONE;
		case KEY_F(5):  reqs_load(q); return H_DONE;
		case KEY_F(10): return H_POP;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case 'j': reqs_move(q, 1); return H_DONE;
	case 'k': reqs_move(q, -1); return H_DONE;
	case 'g': q->cur = 0; return H_DONE;
	case 'G': reqs_move(q, (long)q->n); return H_DONE;
	case ' ': case '\n': case '\r':
		reqs_toggle(q);
		return H_DONE;
	case 'n':
		reqs_note(q);
		return H_DONE;
	case '?':
		ui_push(help_screen_new("reqs"));
		return H_DONE;
	case 'q': case 27:
		return H_POP;
	default:
		return H_NONE;
	}
}

static void reqs_screen_free(struct screen *s)
{
	struct reqs *q = s->state;
	reqs_unload(q);
	tv_free(&q->tv);
	ui_names_free(&q->names);
	free(q);
}

static const struct screen_ops reqs_ops = {
	.name   = "reqs",
	.draw   = reqs_draw,
	.key    = reqs_key,
	.resize = NULL, /* laid out at every draw */
	.resume = NULL,
	.free   = reqs_screen_free,
	.fkeys  = N_("F1 Bantuan  Spasi Centang  n Catatan  F5 Segarkan  q Kembali"),
};

/* The checklist of case_id (errors are shown; the screen then says so). */
struct screen *reqs_screen_new(const char *case_id)
{
	struct reqs *q = xcalloc(1, sizeof *q);
	tv_init(&q->tv, REQS_TOP, 2);
	snprintf(q->id, sizeof q->id, "%s", case_id ? case_id : "");
	reqs_load(q);
	return ui_screen_new(&reqs_ops, q, 0);
}
