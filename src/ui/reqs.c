/* reqs.c: the requirement checklist of a case: tick, untick and annotate the kind's [requirement.*] items. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* One screen line of the list. */
struct reqs_line {
	char  *text;
	size_t item;  /* requirement it belongs to */
	attr_t attr;
};

struct reqs {
	char               id[37];
	int                found;   /* the case was read */
	struct case_rec    c;
	const struct kind *k;
	struct req_rec    *r;       /* one per requirement, in the kind's order */
	size_t             n;
	char             **who;     /* name of r[i].by, or NULL */
	size_t             cur;     /* selected requirement */
	int                top;     /* first list line on screen */
	struct reqs_line  *lines;   /* built for `width` at each draw */
	size_t             nl, capl;
};

#define REQS_TOP 2 /* first screen row of the list */

static int reqs_list_h(void)
{
	int h = LINES - REQS_TOP - 2;
	return h < 1 ? 1 : h;
}

/* ---- loading -------------------------------------------------------------------- */

static void reqs_unload(struct reqs *q)
{
	if (q->found)
		case_clear(&q->c);
	memset(&q->c, 0, sizeof q->c);
	for (size_t i = 0; i < q->n; i++)
		free(q->who ? q->who[i] : NULL);
	free(q->who);
	reqs_free(q->r, q->n);
	q->who = NULL;
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
	q->who = xcalloc(q->n + 1, sizeof *q->who);
	for (size_t i = 0; i < q->n; i++) {
		const char *login = q->r[i].by;
		if (login == NULL || *login == '\0')
			continue;
		struct person p;
		memset(&p, 0, sizeof p);
		if (store_person_get(a->st, login, &p) == 1 && p.name != NULL && *p.name != '\0')
			q->who[i] = xstrdup(p.name);
		else
			q->who[i] = xstrdup(login);
		person_clear(&p);
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

static void reqs_add(struct reqs *q, const char *text, size_t item, attr_t attr)
{
	if (q->nl == q->capl) {
		q->capl = q->capl ? q->capl * 2 : 32;
		q->lines = xreallocarray(q->lines, q->capl, sizeof *q->lines);
	}
	q->lines[q->nl].text = xstrdup(text);
	q->lines[q->nl].item = item;
	q->lines[q->nl].attr = attr;
	q->nl++;
}

static void reqs_lines_clear(struct reqs *q)
{
	for (size_t i = 0; i < q->nl; i++)
		free(q->lines[i].text);
	q->nl = 0;
}

/* text wrapped to width, the first line after first, the rest indented. */
static void reqs_add_wrapped(struct reqs *q, const char *first, int indent, const char *text,
			     int width, size_t item, attr_t attr)
{
	int room = width - indent;
	if (room < 10)
		room = 10;
	size_t n;
	char **l = ui_wrap(text, room, &n);
	for (size_t i = 0; i < n; i++) {
		char *line = i == 0 ? xasprintf("%s%s", first, l[i])
				    : xasprintf("%*s%s", indent, "", l[i]);
		reqs_add(q, line, item, attr);
		free(line);
	}
	ui_lines_free(l, n);
}

/* "[x] label (wajib)", then the note and who changed it when. */
static void reqs_build(struct reqs *q, int width)
{
	reqs_lines_clear(q);
	for (size_t i = 0; i < q->n; i++) {
		const struct req_rec *r = &q->r[i];
		char *label = r->req && r->req->required
			      ? xasprintf("%s %s", reqs_label(r), _("(wajib)"))
			      : xstrdup(reqs_label(r));
		reqs_add_wrapped(q, r->done ? "[x] " : "[ ] ", 4, label, width, i,
				 r->done ? A_NORMAL : A_BOLD);
		free(label);
		if (r->note != NULL && *r->note != '\0') {
			char *first = xasprintf("    %s: ", _("Catatan"));
			reqs_add_wrapped(q, first, 6, r->note, width, i, A_NORMAL);
			free(first);
		}
		if (r->at != NULL && *r->at != '\0') {
			char when[17];
			time_t t;
			if (ts_parse_utc(r->at, &t) == 0)
				ts_fmt_local(t, when);
			else
				snprintf(when, sizeof when, "%s", r->at);
			char *by = xasprintf(r->done ? _("dicentang oleh %s, %s")
						     : _("centang dihapus oleh %s, %s"),
					     q->who && q->who[i] ? q->who[i] : "-", when);
			reqs_add_wrapped(q, "    ", 4, by, width, i, A_DIM);
			free(by);
		}
	}
}

/* Keeps the selected item's lines on screen. */
static void reqs_scroll(struct reqs *q)
{
	int h = reqs_list_h();
	int first = -1, last = -1;
	for (size_t i = 0; i < q->nl; i++) {
		if (q->lines[i].item != q->cur)
			continue;
		if (first < 0)
			first = (int)i;
		last = (int)i;
	}
	if (first < 0) {
		q->top = 0;
		return;
	}
	if (last >= q->top + h)
		q->top = last - h + 1;
	if (first < q->top)
		q->top = first;
	if (q->top > (int)q->nl - h)
		q->top = (int)q->nl - h;
	if (q->top < 0)
		q->top = 0;
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

	int width = COLS - 2;
	reqs_build(q, width);
	reqs_scroll(q);
	int h = reqs_list_h();
	if (q->n == 0)
		ui_put_attr(REQS_TOP, 1, COLS - 2, _("(jenis berkas ini tidak punya persyaratan)"),
			    A_DIM, CP_NORMAL);
	for (int i = 0; i < h && q->top + i < (int)q->nl; i++) {
		const struct reqs_line *l = &q->lines[q->top + i];
		int sel = l->item == q->cur;
		if (sel)
			ui_fill(REQS_TOP + i, 0, COLS, A_NORMAL, CP_SELECT);
		ui_put_attr(REQS_TOP + i, 1, COLS - 2, l->text, sel ? A_NORMAL : l->attr,
			    sel ? CP_SELECT : CP_NORMAL);
	}
	if (q->top > 0)
		ui_put_attr(REQS_TOP, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
	if (q->top + h < (int)q->nl)
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
	long page = reqs_list_h() / 3 > 1 ? reqs_list_h() / 3 : 1;
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
	reqs_lines_clear(q);
	free(q->lines);
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
	snprintf(q->id, sizeof q->id, "%s", case_id ? case_id : "");
	reqs_load(q);
	return ui_screen_new(&reqs_ops, q, 0);
}
