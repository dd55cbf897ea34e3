/* caseview.c: the case screen: fields, disposition tree, steps and history as scrollable text. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

/* One line of the rendered text. */
struct caseview_line {
	char  *text;   /* sanitised, fits the width it was built for */
	attr_t attr;
	short  pair;
};

/* A login and the person's name, looked up once. */
struct caseview_name {
	char *login;
	char *name;
};

struct caseview {
	char             id[37];
	int              found;     /* 1 when the case was read */
	struct case_rec  c;
	const struct kind *k;       /* kind of the case, or NULL if unknown */
	struct dispo    *d;         /* disposition tree */
	size_t           nd;
	struct step_rec *steps;
	size_t           ns;
	struct event    *ev;
	size_t           ne;
	struct caseview_line  *lines;     /* the text built for `width` */
	size_t           nl, capl;
	int              width;
	int              top;       /* first line shown */
	struct caseview_name  *names;
	size_t           nnames;
};

/* ---- building the text ----------------------------------------------------- */

static void caseview_add(struct caseview *cv, const char *text, attr_t attr, short pair)
{
	if (cv->nl == cv->capl) {
		cv->capl = cv->capl ? cv->capl * 2 : 64;
		cv->lines = xreallocarray(cv->lines, cv->capl, sizeof *cv->lines);
	}
	cv->lines[cv->nl].text = xstrdup(text);
	cv->lines[cv->nl].attr = attr;
	cv->lines[cv->nl].pair = pair;
	cv->nl++;
}

/* Adds text wrapped to the width: the first line after first (display
 * columns of prefix text), the rest indented by indent columns. */
static void caseview_add_wrapped(struct caseview *cv, const char *first, int indent, const char *text,
			   attr_t attr, short pair)
{
	int fw = str_width(first);
	int room = cv->width - (fw > indent ? fw : indent);
	if (room < 10)
		room = 10;
	size_t n;
	char **l = ui_wrap(text ? text : "", room, &n);
	for (size_t i = 0; i < n; i++) {
		char *line;
		if (i == 0)
			line = xasprintf("%s%s", first, l[i]);
		else
			line = xasprintf("%*s%s", indent, "", l[i]);
		caseview_add(cv, line, attr, pair);
		free(line);
	}
	ui_lines_free(l, n);
}

static void caseview_heading(struct caseview *cv, const char *text)
{
	caseview_add(cv, "", A_NORMAL, CP_NORMAL);
	caseview_add(cv, text, A_BOLD | A_UNDERLINE, CP_NORMAL);
}

/* Name of the person with login, or the login itself. */
static const char *caseview_who(struct caseview *cv, const char *login)
{
	if (login == NULL || *login == '\0')
		return "-";
	for (size_t i = 0; i < cv->nnames; i++)
		if (strcmp(cv->names[i].login, login) == 0)
			return cv->names[i].name;
	struct person p;
	memset(&p, 0, sizeof p);
	char *name;
	if (store_person_get(ui_app()->st, login, &p) == 1 && p.name != NULL && *p.name != '\0')
		name = xstrdup(p.name);
	else
		name = xstrdup(login);
	person_clear(&p);
	cv->names = xreallocarray(cv->names, cv->nnames + 1, sizeof *cv->names);
	cv->names[cv->nnames].login = xstrdup(login);
	cv->names[cv->nnames].name = name;
	cv->nnames++;
	return name;
}

/* "DD-MM-YYYY HH:MM" office time for a stored UTC timestamp. */
static void caseview_time(const char *utc, char out[17])
{
	time_t t;
	if (utc == NULL || ts_parse_utc(utc, &t) < 0) {
		snprintf(out, 17, "%s", utc ? utc : "-");
		return;
	}
	ts_fmt_local(t, out);
}

static void caseview_dmy(const char *iso, char out[11])
{
	day_t d;
	if (iso == NULL || date_parse_iso(iso, &d) < 0) {
		snprintf(out, 11, "%s", iso ? iso : "-");
		return;
	}
	date_fmt_dmy(d, out);
}

/* Deadline with its state for an open item: "09-03-2026 (terlambat)". */
static char *caseview_deadline(const char *iso, int open)
{
	char dmy[11];
	day_t d;
	if (iso == NULL || *iso == '\0')
		return xstrdup("-");
	caseview_dmy(iso, dmy);
	if (!open || date_parse_iso(iso, &d) < 0)
		return xstrdup(dmy);
	enum deadline_state s = deadline_state(d, clock_today());
	return xasprintf("%s (%s)", dmy, deadline_state_label(s));
}

static short caseview_deadline_pair(const char *iso, int open)
{
	day_t d;
	if (!open || iso == NULL || date_parse_iso(iso, &d) < 0)
		return CP_NORMAL;
	switch (deadline_state(d, clock_today())) {
	case DL_OVERDUE:   return CP_OVERDUE;
	case DL_DUE_TODAY: return CP_DUE;
	default:           return CP_NORMAL;
	}
}

/* Working minutes as "N menit", "H jam M menit" or "D hari J jam". */
static char *caseview_duration(long minutes)
{
	const struct config *cfg = &ui_app()->cfg;
	long day = cfg->hours_end_min - cfg->hours_start_min;
	if (day <= 0)
		day = 510;
	if (minutes < 60)
		return xasprintf(_("%ld menit"), minutes);
	if (minutes < day) {
		if (minutes % 60 == 0)
			return xasprintf(_("%ld jam"), minutes / 60);
		return xasprintf(_("%ld jam %ld menit"), minutes / 60, minutes % 60);
	}
	long h = (minutes % day) / 60;
	if (h == 0)
		return xasprintf(_("%ld hari"), minutes / day);
	return xasprintf(_("%ld hari %ld jam"), minutes / day, h);
}

static char *caseview_standard(const struct kstep *s)
{
	if (s->std_value <= 0)
		return xstrdup("-");
	switch (s->unit) {
	case TU_MINUTE:  return xasprintf(_("%d menit"), s->std_value);
	case TU_HOUR:    return xasprintf(_("%d jam"), s->std_value);
	case TU_WORKDAY: return xasprintf(_("%d hari kerja"), s->std_value);
	}
	return xstrdup("-");
}

static int caseview_label_width(const struct caseview *cv)
{
	int w = str_width(_("Batas waktu"));
	if (cv->k != NULL)
		for (size_t i = 0; i < cv->k->n_fields; i++) {
			int lw = str_width(cv->k->fields[i].label);
			if (lw > w)
				w = lw;
		}
	return w > 22 ? 22 : w;
}

/* "Label<pad> : value", the value wrapped under itself. */
static void caseview_field(struct caseview *cv, int lw, const char *label, const char *value,
		     attr_t attr, short pair)
{
	char *fit = str_fit(label, lw);
	int pad = lw - str_width(fit);
	char *first = xasprintf("%s%*s : ", fit, pad > 0 ? pad : 0, "");
	caseview_add_wrapped(cv, first, lw + 3, value && *value ? value : "-", attr, pair);
	free(first);
	free(fit);
}

static void caseview_build_fields(struct caseview *cv)
{
	struct app *a = ui_app();
	int lw = caseview_label_width(cv);
	if (cv->k != NULL) {
		for (size_t i = 0; i < cv->k->n_fields; i++) {
			const struct kfield *f = &cv->k->fields[i];
			const char *v = values_get(&cv->c.fields, f->key);
			if (v == NULL || *v == '\0')
				continue; /* empty fields stay off the sheet; the form shows them */
			char *disp = kind_display_long(f, v);
			caseview_field(cv, lw, f->label, disp, A_NORMAL, CP_NORMAL);
			free(disp);
		}
	} else {
		for (size_t i = 0; i < cv->c.fields.n; i++)
			caseview_field(cv, lw, cv->c.fields.key[i], cv->c.fields.val[i], A_NORMAL, CP_NORMAL);
	}
	int open = cv->c.status == NULL || strcmp(cv->c.status, "selesai") != 0;
	char *status;
	const struct kstep *ks = cv->k && open && cv->c.step > 0 ? kind_step(cv->k, cv->c.step) : NULL;
	if (ks != NULL)
		status = xasprintf(_("%s, tahap %d: %s"), cv->c.status ? cv->c.status : "-", ks->no,
				   ks->actor_label ? ks->actor_label : app_position_name(a, ks->actor));
	else
		status = xstrdup(cv->c.status ? cv->c.status : "-");
	caseview_field(cv, lw, _("Status"), status, A_BOLD, CP_NORMAL);
	free(status);
	char *dl = caseview_deadline(cv->c.deadline, open);
	caseview_field(cv, lw, _("Batas waktu"), dl, A_NORMAL, caseview_deadline_pair(cv->c.deadline, open));
	free(dl);
}

static void caseview_build_dispos(struct caseview *cv)
{
	struct app *a = ui_app();
	caseview_heading(cv, _("Disposisi"));
	if (cv->nd == 0) {
		caseview_add(cv, _("  (belum ada disposisi)"), A_NORMAL, CP_NORMAL);
		return;
	}
	for (size_t i = 0; i < cv->nd; i++) {
		const struct dispo *d = &cv->d[i];
		int ind = 2 + 2 * (d->depth < 10 ? d->depth : 10);
		int ind2 = ind + 4;
		int open = d->state == DS_NEW || d->state == DS_READ;
		short pair = caseview_deadline_pair(d->deadline, open);

		char *head = xasprintf("%s -> %s  [%s]", app_position_name(a, d->from_pos),
				       app_position_name(a, d->to_pos), dispo_state_label(d->state));
		char *first = xasprintf("%*s%s ", ind, "", d->depth > 0 ? "\\-" : "*");
		caseview_add_wrapped(cv, first, ind2, head, A_BOLD, pair);
		free(first);
		free(head);

		char *pre = xasprintf("%*s", ind2, "");
		char *t;
		if (d->instructions != NULL && *d->instructions != '\0') {
			t = xasprintf("%s%s: ", pre, _("Instruksi"));
			caseview_add_wrapped(cv, t, ind2 + 2, d->instructions, A_NORMAL, CP_NORMAL);
			free(t);
		}
		if (d->note != NULL && *d->note != '\0') {
			t = xasprintf("%s%s: ", pre, _("Catatan"));
			caseview_add_wrapped(cv, t, ind2 + 2, d->note, A_NORMAL, CP_NORMAL);
			free(t);
		}
		if (d->deadline != NULL && *d->deadline != '\0') {
			char *dl = caseview_deadline(d->deadline, open);
			t = xasprintf("%s%s: ", pre, _("Batas"));
			caseview_add_wrapped(cv, t, ind2 + 2, dl, A_NORMAL, pair);
			free(t);
			free(dl);
		}
		char when[17];
		caseview_time(d->created_at, when);
		char *by;
		if (d->on_behalf != NULL && *d->on_behalf != '\0')
			by = xasprintf(_("%s, dicatat oleh %s atas nama %s"), when,
				       caseview_who(cv, d->created_by), caseview_who(cv, d->on_behalf));
		else
			by = xasprintf(_("%s oleh %s"), when, caseview_who(cv, d->created_by));
		t = xasprintf("%s%s: ", pre, _("Dikirim"));
		caseview_add_wrapped(cv, t, ind2 + 2, by, A_NORMAL, CP_NORMAL);
		free(t);
		free(by);
		if (d->read_at != NULL) {
			caseview_time(d->read_at, when);
			by = xasprintf(_("%s oleh %s"), when, caseview_who(cv, d->read_by));
			t = xasprintf("%s%s: ", pre, _("Dibaca"));
			caseview_add_wrapped(cv, t, ind2 + 2, by, A_NORMAL, CP_NORMAL);
			free(t);
			free(by);
		}
		if (d->followup != NULL && *d->followup != '\0') {
			t = xasprintf("%s%s: ", pre, _("Tindak lanjut"));
			caseview_add_wrapped(cv, t, ind2 + 2, d->followup, A_NORMAL, CP_NORMAL);
			free(t);
		}
		if (d->done_at != NULL) {
			caseview_time(d->done_at, when);
			by = xasprintf(_("%s oleh %s"), when, caseview_who(cv, d->done_by));
			t = xasprintf("%s%s: ", pre, _("Selesai"));
			caseview_add_wrapped(cv, t, ind2 + 2, by, A_NORMAL, CP_NORMAL);
			free(t);
			free(by);
		}
		free(pre);
	}
}

static const struct step_rec *caseview_step_rec(const struct caseview *cv, int no)
{
	for (size_t i = 0; i < cv->ns; i++)
		if (cv->steps[i].no == no)
			return &cv->steps[i];
	return NULL;
}

static void caseview_build_steps(struct caseview *cv)
{
	struct app *a = ui_app();
	if (cv->k == NULL || cv->k->n_steps == 0)
		return;
	caseview_heading(cv, _("Tahapan"));
	/* No | Pelaksana | Mutu baku | Waktu | Status */
	int wstd = 13, wtime = 14, wstate = 9;
	int wactor = cv->width - (3 + 1 + 1 + wstd + 1 + wtime + 1 + wstate);
	int longest = str_width(_("Pelaksana"));
	for (size_t i = 0; i < cv->k->n_steps; i++) {
		const struct kstep *ks = &cv->k->steps[i];
		int w = str_width(ks->actor_label ? ks->actor_label : app_position_name(a, ks->actor));
		if (w > longest)
			longest = w;
	}
	if (wactor > longest)
		wactor = longest;
	if (wactor < 12)
		wactor = 12;
	char *h = xasprintf("%3s %-*s %-*s %-*s %s", _("No"), wactor, _("Pelaksana"), wstd,
			    _("Mutu baku"), wtime, _("Waktu"), _("Status"));
	caseview_add(cv, h, A_BOLD, CP_NORMAL);
	free(h);
	time_t now = clock_now();
	for (size_t i = 0; i < cv->k->n_steps; i++) {
		const struct kstep *ks = &cv->k->steps[i];
		const struct step_rec *r = caseview_step_rec(cv, ks->no);
		const char *state;
		char *taken = xstrdup("-");
		int over = 0;
		time_t t0, t1;
		if (r != NULL && r->done_at != NULL)
			state = r->skipped ? _("dilewati") : _("selesai");
		else if (r != NULL && r->started_at != NULL)
			state = _("berjalan");
		else
			state = _("belum");
		if (r != NULL && r->started_at != NULL && !r->skipped &&
		    ts_parse_utc(r->started_at, &t0) == 0) {
			if (r->done_at == NULL || ts_parse_utc(r->done_at, &t1) < 0)
				t1 = now;
			long m = calendar_work_minutes_between(a->cal, t0, t1);
			free(taken);
			taken = caseview_duration(m);
			over = ks->std_minutes > 0 && m > ks->std_minutes;
		}
		char *std = caseview_standard(ks);
		const char *actor = ks->actor_label ? ks->actor_label : app_position_name(a, ks->actor);
		char *fa = str_fit(actor, wactor);
		char *fs = str_fit(std, wstd);
		char *tt = xasprintf("%s%s", taken, over ? " !" : "");
		char *ft = str_fit(tt, wtime);
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%3d ", ks->no);
		buf_adds(&b, fa);
		buf_printf(&b, "%*s ", wactor - str_width(fa), "");
		buf_adds(&b, fs);
		buf_printf(&b, "%*s ", wstd - str_width(fs), "");
		buf_adds(&b, ft);
		buf_printf(&b, "%*s ", wtime - str_width(ft), "");
		buf_adds(&b, state);
		caseview_add(cv, b.s, A_NORMAL, over ? CP_OVERDUE : CP_NORMAL);
		buf_free(&b);
		free(fa);
		free(fs);
		free(ft);
		free(tt);
		free(std);
		free(taken);
	}
}

/* Display form of an event value: the field's display text when known. */
static char *caseview_event_value(const struct caseview *cv, const char *field, const char *v)
{
	if (v == NULL || *v == '\0')
		return xstrdup("-");
	const struct kfield *f = cv->k && field ? kind_field(cv->k, field) : NULL;
	if (f != NULL)
		return kind_display(f, v);
	return xstrdup(app_position_name(ui_app(), v)); /* a position code, or v itself */
}

/* Label of an event's field: the kind's label, a position name, or the key. */
static const char *caseview_event_field(const struct caseview *cv, const char *field)
{
	const struct kfield *f = cv->k ? kind_field(cv->k, field) : NULL;
	return f ? f->label : app_position_name(ui_app(), field);
}

static void caseview_build_events(struct caseview *cv)
{
	caseview_heading(cv, _("Riwayat"));
	if (cv->ne == 0) {
		caseview_add(cv, _("  (belum ada)"), A_NORMAL, CP_NORMAL);
		return;
	}
	for (size_t i = 0; i < cv->ne; i++) {
		const struct event *e = &cv->ev[i];
		char when[17];
		caseview_time(e->at, when);
		struct buf b;
		buf_init(&b);
		buf_adds(&b, caseview_who(cv, e->actor));
		if (e->on_behalf != NULL && *e->on_behalf != '\0')
			buf_printf(&b, _(" atas nama %s"), caseview_who(cv, e->on_behalf));
		buf_adds(&b, ": ");
		for (const char *p = e->action ? e->action : "-"; *p; p++)
			buf_addc(&b, *p == '_' ? ' ' : *p); /* tindak_lanjut -> tindak lanjut */
		if (e->field != NULL && *e->field != '\0') {
			char *o = caseview_event_value(cv, e->field, e->old_value);
			char *n = caseview_event_value(cv, e->field, e->new_value);
			buf_printf(&b, " %s: %s -> %s", caseview_event_field(cv, e->field), o, n);
			free(o);
			free(n);
		} else if (e->new_value != NULL && *e->new_value != '\0') {
			buf_printf(&b, " %s", e->new_value);
		}
		char *first = xasprintf("%s  ", when);
		caseview_add_wrapped(cv, first, 18, b.s, A_NORMAL, CP_NORMAL);
		free(first);
		buf_free(&b);
	}
}

static void caseview_lines_clear(struct caseview *cv)
{
	for (size_t i = 0; i < cv->nl; i++)
		free(cv->lines[i].text);
	cv->nl = 0;
}

static int caseview_body_height(void)
{
	return LINES - 3;
}

static void caseview_clamp(struct caseview *cv)
{
	int max = (int)cv->nl - caseview_body_height();
	if (cv->top > max)
		cv->top = max;
	if (cv->top < 0)
		cv->top = 0;
}

/* Rebuilds the text for the current width. */
static void caseview_build(struct caseview *cv)
{
	caseview_lines_clear(cv);
	cv->width = COLS - 2 > 20 ? COLS - 2 : 20;
	if (!cv->found) {
		caseview_add(cv, _("Berkas tidak ditemukan."), A_BOLD, CP_ERROR);
		return;
	}
	caseview_build_fields(cv);
	caseview_build_dispos(cv);
	caseview_build_steps(cv);
	caseview_build_events(cv);
	caseview_clamp(cv);
}

static void caseview_unload(struct caseview *cv)
{
	if (cv->found)
		case_clear(&cv->c);
	memset(&cv->c, 0, sizeof cv->c);
	dispos_free(cv->d, cv->nd);
	steps_free(cv->steps, cv->ns);
	events_free(cv->ev, cv->ne);
	cv->d = NULL;
	cv->steps = NULL;
	cv->ev = NULL;
	cv->nd = cv->ns = cv->ne = 0;
	cv->found = 0;
	cv->k = NULL;
}

/* (Re)reads the case and everything shown with it. */
static void caseview_load(struct caseview *cv)
{
	struct app *a = ui_app();
	caseview_unload(cv);
	int r = store_case_get(a->st, cv->id, &cv->c);
	if (r == 1) {
		cv->found = 1;
		cv->k = kindset_find(&a->kinds, cv->c.kind);
		if (store_case_dispos(a->st, cv->id, &cv->d, &cv->nd) < 0) {
			cv->d = NULL;
			cv->nd = 0;
		}
		if (store_case_steps(a->st, cv->id, &cv->steps, &cv->ns) < 0) {
			cv->steps = NULL;
			cv->ns = 0;
		}
		if (store_case_events(a->st, cv->id, &cv->ev, &cv->ne) < 0) {
			cv->ev = NULL;
			cv->ne = 0;
		}
	} else if (r < 0) {
		ui_error(_("Gagal membaca berkas"));
	}
	caseview_build(cv);
}

/* ---- screen ------------------------------------------------------------------ */

static void caseview_draw(struct screen *s)
{
	struct caseview *cv = s->state;
	if (cv->width != (COLS - 2 > 20 ? COLS - 2 : 20))
		caseview_build(cv);
	char *title;
	if (cv->found) {
		const char *kt = cv->k ? cv->k->title : cv->c.kind;
		title = xasprintf("%s %s %s — %s", kt, _("No."),
				  cv->c.number_text ? cv->c.number_text : "",
				  cv->c.subject ? cv->c.subject : "");
	} else {
		title = xstrdup(_("Berkas"));
	}
	ui_title(title);
	free(title);

	int h = caseview_body_height();
	for (int i = 0; i < h && cv->top + i < (int)cv->nl; i++) {
		const struct caseview_line *l = &cv->lines[cv->top + i];
		ui_put_attr(1 + i, 1, COLS - 2, l->text, l->attr, l->pair);
	}
	char *st;
	int last = cv->top + h;
	if (last > (int)cv->nl)
		last = (int)cv->nl;
	if (cv->nl == 0)
		st = xstrdup("");
	else
		st = xasprintf(_("%s %s | baris %d-%d dari %zu%s"),
			       cv->k && cv->k->short_title ? cv->k->short_title : _("No."),
			       cv->found && cv->c.number_text ? cv->c.number_text : "-",
			       cv->top + 1, last, cv->nl,
			       last < (int)cv->nl ? _(" | j/PgDn lanjut") : "");
	ui_status(st);
	free(st);
}

/* My open disposition on this case (first one), or NULL; caller frees with
 * dispos_free(d, 1). */
static struct dispo *caseview_my_dispo(struct caseview *cv, size_t *n)
{
	struct app *a = ui_app();
	struct dispo *d = NULL;
	*n = 0;
	if (!a->me_known || a->me.position == NULL)
		return NULL;
	if (store_dispos_for(a->st, cv->id, a->me.position, &d, n) < 0 || *n == 0) {
		dispos_free(d, *n);
		*n = 0;
		return NULL;
	}
	return d;
}

static void caseview_read(struct caseview *cv)
{
	struct app *a = ui_app();
	size_t n;
	struct dispo *d = caseview_my_dispo(cv, &n);
	char *cause = NULL;
	if (d == NULL) {
		ui_error(_("Tidak ada disposisi terbuka untuk jabatan Anda pada berkas ini"));
		return;
	}
	if (store_dispo_read(a->st, d[0].id, a->me.login, &cause) < 0) {
		ui_error("%s", cause ? cause : _("gagal"));
		free(cause);
	} else {
		ui_message(_("Disposisi ditandai dibaca"));
	}
	dispos_free(d, n);
	caseview_load(cv);
}

static void caseview_followup(struct caseview *cv)
{
	struct app *a = ui_app();
	size_t n;
	struct dispo *d = caseview_my_dispo(cv, &n);
	char *cause = NULL;
	if (d == NULL) {
		ui_error(_("Tidak ada disposisi terbuka untuk jabatan Anda pada berkas ini"));
		return;
	}
	char *note = ui_prompt(_("Tindak lanjut: "), NULL);
	if (note != NULL && *str_trim(note) != '\0') {
		if (store_dispo_followup(a->st, d[0].id, note, a->me.login, NULL, &cause) < 0) {
			ui_error("%s", cause ? cause : _("gagal"));
			free(cause);
		} else {
			ui_message(_("Tindak lanjut dicatat"));
		}
		caseview_load(cv);
	}
	free(note);
	dispos_free(d, n);
}

static void caseview_scroll(struct caseview *cv, int by)
{
	cv->top += by;
	caseview_clamp(cv);
}

static int caseview_key(struct screen *s, int is_key, wint_t ch)
{
	struct caseview *cv = s->state;
	int page = caseview_body_height() - 2;
	if (page < 1)
		page = 1;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  caseview_scroll(cv, 1); return H_DONE;
		case KEY_UP:    caseview_scroll(cv, -1); return H_DONE;
		case KEY_NPAGE: caseview_scroll(cv, page); return H_DONE;
		case KEY_PPAGE: caseview_scroll(cv, -page); return H_DONE;
		case KEY_HOME:  cv->top = 0; return H_DONE;
		case KEY_END:   cv->top = (int)cv->nl; caseview_clamp(cv); return H_DONE;
		case KEY_F(1):  ch = '?'; break;
		case KEY_F(3):  ch = 'd'; break;
		case KEY_F(5):  caseview_load(cv); return H_DONE;
		case KEY_F(6):  ch = 'p'; break;
		case KEY_F(10): return H_POP;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case 'j': case '\n': case '\r':
		caseview_scroll(cv, 1);
		return H_DONE;
	case 'k':
		caseview_scroll(cv, -1);
		return H_DONE;
	case ' ': case 'f' & 0x1f:
		caseview_scroll(cv, page);
		return H_DONE;
	case 'b' & 0x1f: case '-':
		caseview_scroll(cv, -page);
		return H_DONE;
	case 'g':
		cv->top = 0;
		return H_DONE;
	case 'G':
		cv->top = (int)cv->nl;
		caseview_clamp(cv);
		return H_DONE;
	case 'q': case 27:
		return H_POP;
	case '?':
		ui_push(help_screen_new("case"));
		return H_DONE;
	default:
		break;
	}
	if (!cv->found)
		return H_NONE;
	switch (ch) {
	case 'd': {
		size_t n;
		struct dispo *d = caseview_my_dispo(cv, &n);
		ui_push(dispo_screen_new(cv->id, d ? d[0].id : NULL));
		dispos_free(d, n);
		return H_DONE;
	}
	case 'r':
		caseview_read(cv);
		return H_DONE;
	case 'f':
		caseview_followup(cv);
		return H_DONE;
	case 'p':
		ui_push(print_screen_new(cv->id));
		return H_DONE;
	case 'e':
		ui_push(form_screen_new(cv->c.kind, cv->id));
		return H_DONE;
	default:
		return H_NONE;
	}
}

static void caseview_resize(struct screen *s)
{
	struct caseview *cv = s->state;
	caseview_build(cv);
}

static void caseview_resume(struct screen *s)
{
	caseview_load(s->state);
}

static void caseview_free(struct screen *s)
{
	struct caseview *cv = s->state;
	caseview_unload(cv);
	caseview_lines_clear(cv);
	free(cv->lines);
	for (size_t i = 0; i < cv->nnames; i++) {
		free(cv->names[i].login);
		free(cv->names[i].name);
	}
	free(cv->names);
	free(cv);
}

static const struct screen_ops case_ops = {
	.name   = "case",
	.draw   = caseview_draw,
	.key    = caseview_key,
	.resize = caseview_resize,
	.resume = caseview_resume,
	.free   = caseview_free,
	.fkeys  = N_("F1 Bantuan  d Disposisi  r Dibaca  f Tindak lanjut  e Ubah  p Cetak  q Kembali"),
};

/* The case screen for case_id (a message is shown when it does not exist). */
struct screen *case_screen_new(const char *case_id)
{
	struct caseview *cv = xcalloc(1, sizeof *cv);
	snprintf(cv->id, sizeof cv->id, "%s", case_id ? case_id : "");
	caseview_load(cv);
	return ui_screen_new(&case_ops, cv, 0);
}
