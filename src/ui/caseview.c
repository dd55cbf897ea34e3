/* caseview.c: the case screen: fields, cooperative, linked cases, service clock,
 * requirements, disposition tree, steps and history as scrollable text; the
 * step actions (done, not approved). */
#include <stdlib.h>
#include <string.h>

#include "kop.h"
#include "koperasi.h"
#include "textview.h"
#include "ui.h"
#include "util.h"

struct caseview {
	struct screen   *self;      /* the screen (its key bar follows the case) */
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
	struct koperasi  kop;       /* linked cooperative, when have_kop */
	int              have_kop;
	struct case_link *links;    /* linked cases, both ways */
	size_t           nlinks;
	struct req_rec  *reqs;      /* the kind's requirement checklist */
	size_t           nreqs;
	struct textview  tv;        /* the text; tags: CV_TAG_KOP, CV_TAG_LINK + link */
	struct ui_names  names;
};

/* What a tagged line shows (Enter opens it). */
#define CV_TAG_KOP  0L /* the linked cooperative */
#define CV_TAG_LINK 1L /* linked case i is CV_TAG_LINK + i */

/* ---- building the text ----------------------------------------------------- */

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

/* 1 if the case is still open. */
static int caseview_open(const struct caseview *cv)
{
	return cv->c.status == NULL || strcmp(cv->c.status, "selesai") != 0;
}

/* 1 for a kind worked by hand step by step (a service request: it has
 * requirements or manual steps), 0 for a letter. */
static int caseview_is_service(const struct kind *k)
{
	if (k == NULL)
		return 0;
	if (k->n_reqs > 0)
		return 1;
	for (size_t i = 0; i < k->n_steps; i++)
		if (k->steps[i].complete_on == CO_MANUAL)
			return 1;
	return 0;
}

/* 1 if the kind has a step that stops the service clock. */
static int caseview_has_pause(const struct kind *k)
{
	for (size_t i = 0; k != NULL && i < k->n_steps; i++)
		if (k->steps[i].pauses_clock)
			return 1;
	return 0;
}

/* The linked cooperative as "Name (NIK 5371010203040001)". Caller frees. */
static char *caseview_kop_text(const struct caseview *cv, const char *stored)
{
	if (!cv->have_kop)
		return xasprintf(_("%s (tidak ada di registri koperasi)"), stored ? stored : "-");
	const char *name = cv->kop.nama ? cv->kop.nama : "-";
	if (cv->kop.nik != NULL && *cv->kop.nik != '\0')
		return xasprintf(_("%s (NIK %s; K: buka)"), name, cv->kop.nik);
	return xasprintf(_("%s (belum ber-NIK; K: buka)"), name);
}

/* Working days the clock has stood so far: finished pauses plus the one
 * going on. */
static int caseview_paused_days(const struct caseview *cv)
{
	int n = cv->c.paused_days;
	day_t since;
	if (cv->c.paused_since != NULL && date_parse_iso(cv->c.paused_since, &since) == 0) {
		int more = calendar_workdays_between(ui_app()->cal, since, clock_today());
		if (more > 0)
			n += more;
	}
	return n;
}

/* "Jam layanan": running, or stopped since when and for how long. */
static char *caseview_clock_text(const struct caseview *cv)
{
	int days = caseview_paused_days(cv);
	if (cv->c.paused_since != NULL && *cv->c.paused_since != '\0') {
		char since[11];
		caseview_dmy(cv->c.paused_since, since);
		return xasprintf(_("berhenti sejak %s (menunggu pemohon), %d hari kerja berhenti"),
				 since, days);
	}
	if (days > 0)
		return xasprintf(_("berjalan (sempat berhenti %d hari kerja)"), days);
	return xstrdup(_("berjalan"));
}

/* Required requirements ticked and in all; *missing gets the labels of the
 * missing ones joined by "; " (NULL when none; caller frees). */
static void caseview_req_count(const struct caseview *cv, int *done, int *all, char **missing)
{
	struct buf b;
	buf_init(&b);
	*done = *all = 0;
	for (size_t i = 0; i < cv->nreqs; i++) {
		const struct req_rec *r = &cv->reqs[i];
		if (r->req == NULL || !r->req->required)
			continue;
		(*all)++;
		if (r->done) {
			(*done)++;
		} else {
			if (b.len > 0)
				buf_adds(&b, "; ");
			buf_adds(&b, r->req->label);
		}
	}
	*missing = b.len > 0 ? buf_steal(&b) : NULL;
	buf_free(&b);
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
			char *disp = f->type == FT_KOPERASI ? caseview_kop_text(cv, v)
							    : kind_display_long(f, v);
			size_t at = cv->tv.n;
			tv_field(&cv->tv, lw, f->label, disp, A_NORMAL, CP_NORMAL);
			if (f->type == FT_KOPERASI && cv->have_kop)
				tv_tag(&cv->tv, at, CV_TAG_KOP); /* Enter opens it */
			free(disp);
		}
	} else {
		for (size_t i = 0; i < cv->c.fields.n; i++)
			tv_field(&cv->tv, lw, cv->c.fields.key[i], cv->c.fields.val[i], A_NORMAL, CP_NORMAL);
	}
	int open = caseview_open(cv);
	char *status;
	const struct kstep *ks = cv->k && open && cv->c.step > 0 ? kind_step(cv->k, cv->c.step) : NULL;
	if (ks != NULL)
		status = xasprintf(_("%s, tahap %d: %s"), cv->c.status ? cv->c.status : "-", ks->no,
				   ks->actor_label ? ks->actor_label : app_position_name(a, ks->actor));
	else
		status = xstrdup(cv->c.status ? cv->c.status : "-");
	tv_field(&cv->tv, lw, _("Status"), status, A_BOLD, CP_NORMAL);
	free(status);
	if (cv->c.forwarded_to != NULL && *cv->c.forwarded_to != '\0') {
		const struct kfield *ff = cv->k && cv->k->forward_field
					  ? kind_field(cv->k, cv->k->forward_field) : NULL;
		char *fw = ff ? kind_display_long(ff, cv->c.forwarded_to) : xstrdup(cv->c.forwarded_to);
		tv_field(&cv->tv, lw, _("Diteruskan"), fw, A_NORMAL, CP_NORMAL);
		free(fw);
	}
	int paused = open && cv->c.paused_since != NULL && *cv->c.paused_since != '\0';
	char *dl;
	if (paused && cv->c.deadline != NULL) {
		char dmy[11];
		caseview_dmy(cv->c.deadline, dmy);
		dl = xasprintf(_("%s (bergeser selama jam layanan berhenti)"), dmy);
	} else {
		dl = caseview_deadline(cv->c.deadline, open);
	}
	tv_field(&cv->tv, lw, _("Batas waktu"), dl, A_NORMAL,
		       paused ? CP_NORMAL : caseview_deadline_pair(cv->c.deadline, open));
	free(dl);
	if (open && (caseview_has_pause(cv->k) || cv->c.paused_days > 0)) {
		char *clk = caseview_clock_text(cv);
		tv_field(&cv->tv, lw, _("Jam layanan"), clk, paused ? A_BOLD : A_NORMAL, CP_NORMAL);
		free(clk);
	}
	if (cv->k != NULL && cv->k->n_reqs > 0) {
		int done, all;
		char *missing;
		caseview_req_count(cv, &done, &all, &missing);
		/* the labels can be long: name the missing ones only when they are few
		 * and short; the checklist (s) has them all */
		char *rq;
		if (missing != NULL && str_width(missing) <= cv->tv.width / 2)
			rq = xasprintf(_("%d dari %d wajib lengkap; belum: %s (s: daftar)"), done, all,
				       missing);
		else if (missing != NULL)
			rq = xasprintf(_("%d dari %d wajib lengkap; %d belum (s: daftar)"), done, all,
				       all - done);
		else
			rq = xasprintf(_("%d dari %d wajib lengkap"), done, all);
		tv_field(&cv->tv, lw, _("Persyaratan"), rq, A_NORMAL,
			       missing && open ? CP_DUE : CP_NORMAL);
		free(rq);
		free(missing);
	}
}

/* "Terkait": the letter that brought this request, the requests a letter
 * brought. */
static void caseview_build_links(struct caseview *cv)
{
	if (cv->nlinks == 0)
		return;
	tv_heading(&cv->tv, _("Berkas terkait (Enter/o: buka)"));
	for (size_t i = 0; i < cv->nlinks; i++) {
		const struct case_link *l = &cv->links[i];
		/* the number as list rows show it ("SM 12/2026", "0001/NIK/2026") */
		char *head = xasprintf("  %s: ", l->text);
		char *body = xasprintf("%s [%s]", l->subject ? l->subject : "",
				       l->status ? l->status : "-");
		size_t at = cv->tv.n;
		tv_wrapped(&cv->tv, head, 6, body, A_NORMAL, CP_NORMAL);
		tv_tag(&cv->tv, at, CV_TAG_LINK + (long)i);
		free(head);
		free(body);
	}
}

/* "<indent>Label: text" under a disposition, the text wrapped under itself;
 * nothing when there is no text. */
static void caseview_dispo_item(struct caseview *cv, int indent, const char *label,
				const char *text, short pair)
{
	if (text == NULL || *text == '\0')
		return;
	char *first = xasprintf("%*s%s: ", indent, "", label);
	tv_wrapped(&cv->tv, first, indent + 2, text, A_NORMAL, pair);
	free(first);
}

/* "DD-MM-YYYY HH:MM oleh Name" for a stamp, or NULL when at is NULL. Caller frees. */
static char *caseview_stamp(struct caseview *cv, const char *at, const char *login)
{
	if (at == NULL)
		return NULL;
	char when[17];
	ui_time_local(at, when);
	return xasprintf(_("%s oleh %s"), when, ui_names_get(&cv->names, login));
}

static void caseview_build_dispos(struct caseview *cv)
{
	struct app *a = ui_app();
	tv_heading(&cv->tv, _("Disposisi"));
	if (cv->nd == 0) {
		tv_add(&cv->tv, _("  (belum ada disposisi)"), A_NORMAL, CP_NORMAL);
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
		tv_wrapped(&cv->tv, first, ind2, head, A_BOLD, pair);
		free(first);
		free(head);

		caseview_dispo_item(cv, ind2, _("Instruksi"), d->instructions, CP_NORMAL);
		caseview_dispo_item(cv, ind2, _("Catatan"), d->note, CP_NORMAL);
		char *t = d->deadline != NULL && *d->deadline != '\0'
			  ? caseview_deadline(d->deadline, open) : NULL;
		caseview_dispo_item(cv, ind2, _("Batas"), t, pair);
		free(t);
		if (d->on_behalf != NULL && *d->on_behalf != '\0') {
			char when[17];
			ui_time_local(d->created_at, when);
			t = xasprintf(_("%s, dicatat oleh %s atas nama %s"), when,
				      ui_names_get(&cv->names, d->created_by),
				      ui_names_get(&cv->names, d->on_behalf));
		} else {
			t = caseview_stamp(cv, d->created_at, d->created_by);
		}
		caseview_dispo_item(cv, ind2, _("Dikirim"), t, CP_NORMAL);
		free(t);
		t = caseview_stamp(cv, d->read_at, d->read_by);
		caseview_dispo_item(cv, ind2, _("Dibaca"), t, CP_NORMAL);
		free(t);
		caseview_dispo_item(cv, ind2, _("Tindak lanjut"), d->followup, CP_NORMAL);
		t = caseview_stamp(cv, d->done_at, d->done_by);
		caseview_dispo_item(cv, ind2, _("Selesai"), t, CP_NORMAL);
		free(t);
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
	tv_heading(&cv->tv, _("Tahapan"));
	/* No | Pelaksana | Mutu baku | Waktu | Status */
	int wstd = 13, wtime = 14, wstate = 9;
	int wactor = cv->tv.width - (3 + 1 + 1 + wstd + 1 + wtime + 1 + wstate);
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
	tv_add(&cv->tv, h, A_BOLD, CP_NORMAL);
	free(h);
	time_t now = clock_now();
	int open = caseview_open(cv);
	for (size_t i = 0; i < cv->k->n_steps; i++) {
		const struct kstep *ks = &cv->k->steps[i];
		const struct step_rec *r = caseview_step_rec(cv, ks->no);
		int current = open && ks->no == cv->c.step;
		const char *state;
		char *taken = xstrdup("-");
		int over = 0;
		time_t t0, t1;
		if (r != NULL && r->done_at != NULL)
			state = r->skipped ? _("dilewati") : _("selesai");
		else if (current && cv->c.paused_since != NULL && *cv->c.paused_since != '\0')
			state = _("berhenti");
		else if ((r != NULL && r->started_at != NULL) || current)
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
		/* a long actor goes on under its column rather than being cut */
		size_t na;
		char **al = ui_wrap(actor, wactor, &na);
		char *fa = str_fit(al[0], wactor);
		char *fs = str_fit(std, wstd);
		char *tt = xasprintf("%s%s", taken, over ? " !" : "");
		char *ft = str_fit(tt, wtime);
		struct buf b;
		buf_init(&b);
		buf_printf(&b, "%c%2d ", current ? '>' : ' ', ks->no); /* > the current step */
		buf_adds(&b, fa);
		buf_printf(&b, "%*s ", wactor - str_width(fa), "");
		buf_adds(&b, fs);
		buf_printf(&b, "%*s ", wstd - str_width(fs), "");
		buf_adds(&b, ft);
		buf_printf(&b, "%*s ", wtime - str_width(ft), "");
		buf_adds(&b, state);
		attr_t at = current ? A_BOLD : A_NORMAL;
		short pair = over ? CP_OVERDUE : CP_NORMAL;
		tv_add(&cv->tv, b.s, at, pair);
		for (size_t j = 1; j < na; j++) {
			char *more = xasprintf("    %s", al[j]);
			tv_add(&cv->tv, more, at, pair);
			free(more);
		}
		ui_lines_free(al, na);
		buf_free(&b);
		if (r != NULL && r->done_at != NULL && !r->skipped && r->done_by != NULL) {
			char when[17];
			ui_time_local(r->done_at, when);
			char *by = xasprintf(_("selesai %s oleh %s"), when,
					     ui_names_get(&cv->names, r->done_by));
			tv_wrapped(&cv->tv, "      ", 6, by, A_DIM, CP_NORMAL);
			free(by);
		}
		if (current) {
			/* what is to be done now, and where "not approved" goes */
			char *t = xasprintf("      %s: ", _("Kegiatan"));
			tv_wrapped(&cv->tv, t, 8, ks->activity ? ks->activity : "-", A_NORMAL,
					     CP_NORMAL);
			free(t);
			if (ks->return_to > 0) {
				char *rt = xasprintf(_("kembali ke tahap %d (x)"), ks->return_to);
				t = xasprintf("      %s: ", _("Tidak disetujui"));
				tv_wrapped(&cv->tv, t, 8, rt, A_NORMAL, CP_NORMAL);
				free(t);
				free(rt);
			}
		}
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

/* Label of a requirement key, or the key. */
static const char *caseview_req_label(const struct caseview *cv, const char *key)
{
	for (size_t i = 0; cv->k != NULL && key != NULL && i < cv->k->n_reqs; i++)
		if (strcmp(cv->k->reqs[i].key, key) == 0)
			return cv->k->reqs[i].label;
	return key ? key : "-";
}

/* The text of the events of the step and requirement actions, or NULL for
 * the others. Caller frees. */
static char *caseview_event_special(const struct caseview *cv, const struct event *e)
{
	const char *act = e->action ? e->action : "";
	if (strcmp(act, "dikembalikan") == 0)
		return xasprintf(_("tidak disetujui pada tahap %s, dikembalikan ke tahap %s: %s"),
				 e->field ? e->field : "-", e->old_value ? e->old_value : "-",
				 e->new_value ? e->new_value : "-");
	if (strcmp(act, "persyaratan") == 0)
		return xasprintf(_("persyaratan %s: %s -> %s"), caseview_req_label(cv, e->field),
				 e->old_value ? e->old_value : "-", e->new_value ? e->new_value : "-");
	if (strcmp(act, "tahap") == 0 && e->field != NULL)
		return xasprintf(_("tahap %s %s"), e->field, e->new_value ? e->new_value : "");
	if (strcmp(act, "jam_layanan") == 0)
		return xasprintf(_("jam layanan %s (tahap %s)"), e->new_value ? e->new_value : "-",
				 e->field ? e->field : "-");
	if (strcmp(act, "diteruskan") == 0 && e->field != NULL &&
	    strcmp(e->field, "kantor_layanan") == 0)
		return xasprintf(_("diteruskan ke kantor yang melayani: %s"),
				 e->new_value ? e->new_value : "-");
	return NULL;
}

/* Label of an event's field: the kind's label, a position name, or the key. */
static const char *caseview_event_field(const struct caseview *cv, const char *field)
{
	const struct kfield *f = cv->k ? kind_field(cv->k, field) : NULL;
	return f ? f->label : app_position_name(ui_app(), field);
}

/* What an event line says after "time  name: ". */
static void caseview_event_body(void *ctx, const struct event *e, struct buf *b)
{
	const struct caseview *cv = ctx;
	char *special = caseview_event_special(cv, e);
	if (special != NULL) {
		buf_adds(b, special);
		free(special);
		return;
	}
	for (const char *p = e->action ? e->action : "-"; *p; p++)
		buf_addc(b, *p == '_' ? ' ' : *p); /* tindak_lanjut -> tindak lanjut */
	if (e->field != NULL && *e->field != '\0') {
		char *o = caseview_event_value(cv, e->field, e->old_value);
		char *n = caseview_event_value(cv, e->field, e->new_value);
		buf_printf(b, " %s: %s -> %s", caseview_event_field(cv, e->field), o, n);
		free(o);
		free(n);
	} else if (e->new_value != NULL && *e->new_value != '\0') {
		buf_printf(b, " %s", e->new_value);
	}
}

/* Rebuilds the text for the current width. */
static void caseview_build(struct caseview *cv)
{
	tv_clear(&cv->tv);
	cv->tv.width = tv_text_width();
	if (!cv->found) {
		tv_add(&cv->tv, _("Berkas tidak ditemukan."), A_BOLD, CP_ERROR);
		return;
	}
	caseview_build_fields(cv);
	caseview_build_links(cv);
	if (caseview_is_service(cv->k)) {
		/* a service request is worked step by step: the steps first */
		caseview_build_steps(cv);
		caseview_build_dispos(cv);
	} else {
		caseview_build_dispos(cv);
		caseview_build_steps(cv);
	}
	tv_events(&cv->tv, &cv->names, cv->ev, cv->ne, caseview_event_body, cv);
	tv_clamp(&cv->tv);
	/* the selection stays when its line is still there, else a tagged line on screen */
	if (tv_sel_line(&cv->tv) < 0)
		cv->tv.sel = -1;
	tv_follow(&cv->tv);
}

static void caseview_unload(struct caseview *cv)
{
	if (cv->found)
		case_clear(&cv->c);
	memset(&cv->c, 0, sizeof cv->c);
	dispos_free(cv->d, cv->nd);
	steps_free(cv->steps, cv->ns);
	events_free(cv->ev, cv->ne);
	links_free(cv->links, cv->nlinks);
	reqs_free(cv->reqs, cv->nreqs);
	if (cv->have_kop)
		koperasi_clear(&cv->kop);
	cv->d = NULL;
	cv->steps = NULL;
	cv->ev = NULL;
	cv->links = NULL;
	cv->reqs = NULL;
	cv->nd = cv->ns = cv->ne = cv->nlinks = cv->nreqs = 0;
	cv->have_kop = 0;
	cv->found = 0;
	cv->k = NULL;
}

/* The key bar that fits the case: the step keys for a service request, "x"
 * only while the current step can be sent back. */
static void caseview_set_keys(struct caseview *cv);

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
		if (store_case_links(a->st, cv->id, &cv->links, &cv->nlinks) < 0) {
			cv->links = NULL;
			cv->nlinks = 0;
		}
		if (cv->k != NULL && cv->k->n_reqs > 0) {
			char *cause = NULL;
			if (store_case_reqs(a->st, cv->k, cv->id, &cv->reqs, &cv->nreqs, &cause) < 0) {
				cv->reqs = NULL;
				cv->nreqs = 0;
			}
			free(cause);
		}
		if (cv->c.koperasi_id != NULL && *cv->c.koperasi_id != '\0') {
			koperasi_init(&cv->kop);
			if (store_koperasi_get(a->st, cv->c.koperasi_id, &cv->kop) == 1)
				cv->have_kop = 1;
			else
				koperasi_clear(&cv->kop);
		}
	} else if (r < 0) {
		ui_error(_("Gagal membaca berkas"));
	}
	caseview_build(cv);
	caseview_set_keys(cv);
}

/* ---- screen ------------------------------------------------------------------ */

static void caseview_draw(struct screen *s)
{
	struct caseview *cv = s->state;
	if (cv->tv.width != tv_text_width())
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

	tv_draw(&cv->tv);
	char *where = tv_where(&cv->tv);
	char *st = xasprintf("%s %s | %s%s",
			     cv->k && cv->k->short_title ? cv->k->short_title : _("No."),
			     cv->found && cv->c.number_text ? cv->c.number_text : "-", where,
			     cv->have_kop || cv->nlinks > 0 ? _(" | Tab/Enter: buka") : "");
	ui_status(st);
	free(st);
	free(where);
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

/* Shows why the store refused (and frees the cause). */
static void caseview_refused(char *cause)
{
	ui_error("%s", cause ? cause : _("gagal"));
	free(cause);
}

/* r: marks my open disposition read; f: reports its follow-up (asked for). The
 * case is read again after a change. */
static void caseview_dispo_act(struct caseview *cv, int followup)
{
	struct app *a = ui_app();
	size_t n;
	struct dispo *d = caseview_my_dispo(cv, &n);
	if (d == NULL) {
		ui_error(_("Tidak ada disposisi terbuka untuk jabatan Anda pada berkas ini"));
		return;
	}
	char *note = followup ? ui_prompt(_("Tindak lanjut: "), NULL) : NULL;
	if (!followup || (note != NULL && *str_trim(note) != '\0')) {
		char *cause = NULL;
		int rc = followup
			 ? store_dispo_followup(a->st, d[0].id, note, a->me.login, NULL, &cause)
			 : store_dispo_read(a->st, d[0].id, a->me.login, &cause);
		if (rc < 0)
			caseview_refused(cause);
		else
			ui_message("%s", followup ? _("Tindak lanjut dicatat")
						  : _("Disposisi ditandai dibaca"));
		caseview_load(cv);
	}
	free(note);
	dispos_free(d, n);
}

/* The current step of an open case, or NULL. */
static const struct kstep *caseview_current(const struct caseview *cv)
{
	if (!cv->found || cv->k == NULL || !caseview_open(cv) || cv->c.step <= 0)
		return NULL;
	return kind_step(cv->k, cv->c.step);
}

static const char *caseview_actor(const struct kstep *ks)
{
	return ks->actor_label ? ks->actor_label : app_position_name(ui_app(), ks->actor);
}

/* t: marks the current step done, after asking; the store refuses a step
 * whose requirements are missing, and says which. */
static void caseview_step_done(struct caseview *cv)
{
	struct app *a = ui_app();
	const struct kstep *ks = caseview_current(cv);
	if (ks == NULL) {
		ui_error(_("Tidak ada tahap yang masih terbuka pada berkas ini"));
		return;
	}
	int step = ks->no;
	char *actor = str_fit(caseview_actor(ks), 30);
	char *q = xasprintf(_("Tahap %d (%s) selesai? (y/t)"), step, actor);
	int yes = ui_confirm(q);
	free(q);
	free(actor);
	if (!yes)
		return;
	char *cause = NULL;
	if (store_step_done(a->st, cv->k, cv->id, a->me.login, &cause) < 0) {
		caseview_load(cv);
		/* the cause alone: it names what is missing, and the line is short */
		caseview_refused(cause);
		return;
	}
	caseview_load(cv);
	if (!caseview_open(cv))
		ui_message(_("Tahap %d selesai; berkas selesai"), step);
	else
		ui_message(_("Tahap %d selesai; sekarang tahap %d"), step, cv->c.step);
}

/* x: "Tidak disetujui": the current step goes back to its return_to step with
 * a reason (required). */
static void caseview_step_return(struct caseview *cv)
{
	struct app *a = ui_app();
	const struct kstep *ks = caseview_current(cv);
	if (ks == NULL || ks->return_to <= 0) {
		ui_error(_("Tahap ini tidak dapat dikembalikan (tidak ada 'tidak disetujui')"));
		return;
	}
	int step = ks->no, to = ks->return_to;
	char *reason = ui_prompt(_("Tidak disetujui, alasan: "), NULL);
	if (reason == NULL)
		return;
	if (*str_trim(reason) == '\0') {
		ui_error(_("Alasan wajib diisi; tahap %d tidak dikembalikan"), step);
		free(reason);
		return;
	}
	char *cause = NULL;
	if (store_step_return(a->st, cv->k, cv->id, reason, a->me.login, &cause) < 0)
		caseview_refused(cause);
	else
		ui_message(_("Tidak disetujui: tahap %d dikembalikan ke tahap %d"), step, to);
	free(reason);
	caseview_load(cv);
}

/* The picker code of a linked case: "NIK 0001/NIK/2026". Caller frees. */
static char *caseview_link_code(const struct case_link *l)
{
	return xstrdup(l->text);
}

static void caseview_link_done(void *ctx, const char *code)
{
	struct caseview *cv = ctx;
	if (code == NULL)
		return;
	for (size_t i = 0; i < cv->nlinks; i++) {
		char *c = caseview_link_code(&cv->links[i]);
		int same = strcmp(c, code) == 0;
		free(c);
		if (same) {
			ui_push(case_screen_new(cv->links[i].id));
			return;
		}
	}
}

/* o: opens the linked case (a choice when there are several). */
static void caseview_open_link(struct caseview *cv)
{
	if (cv->nlinks == 0) {
		ui_error(_("Tidak ada berkas terkait"));
		return;
	}
	if (cv->nlinks == 1) {
		ui_push(case_screen_new(cv->links[0].id));
		return;
	}
	struct refitem *it = xcalloc(cv->nlinks + 1, sizeof *it);
	for (size_t i = 0; i < cv->nlinks; i++) {
		it[i].code = caseview_link_code(&cv->links[i]);
		it[i].label = xstrdup(cv->links[i].subject && *cv->links[i].subject
				      ? cv->links[i].subject : it[i].code);
	}
	ui_push(picker_new(_("Berkas terkait"), it, cv->nlinks, 0, NULL, caseview_link_done, cv));
	for (size_t i = 0; i < cv->nlinks; i++) {
		free(it[i].code);
		free(it[i].label);
	}
	free(it);
}

/* Enter: opens what the selected line shows (the cooperative or a linked
 * case) when it is on screen; elsewhere Enter scrolls a line. */
static void caseview_enter(struct caseview *cv)
{
	long tag = cv->tv.sel;
	if (!tv_sel_shown(&cv->tv)) {
		tv_scroll(&cv->tv, 1);
	} else if (tag == CV_TAG_KOP && cv->have_kop) {
		ui_push(kopview_new(cv->kop.id));
	} else if (tag >= CV_TAG_LINK && (size_t)(tag - CV_TAG_LINK) < cv->nlinks) {
		ui_push(case_screen_new(cv->links[tag - CV_TAG_LINK].id));
	}
}

static int caseview_key(struct screen *s, int is_key, wint_t ch)
{
	struct caseview *cv = s->state;
	if (tv_key(&cv->tv, is_key, ch) == H_DONE)
		return H_DONE;
	if (is_key) {
		switch (ch) {
		case KEY_ENTER: ch = '\n'; break;
		case KEY_BTAB:  return tv_next(&cv->tv, -1) ? H_DONE : H_NONE;
		case KEY_F(1):  ch = '?'; break;
		case KEY_F(3):  ch = 'd'; break;
		case KEY_F(5):  caseview_load(cv); return H_DONE;
		case KEY_F(6):  ch = 'p'; break;
		case KEY_F(10): return H_POP;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case '\n': case '\r':
		caseview_enter(cv);
		return H_DONE;
	case '\t':
		return tv_next(&cv->tv, 1) ? H_DONE : H_NONE;
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
	case 'f':
		caseview_dispo_act(cv, ch == 'f');
		return H_DONE;
	case 'p':
		ui_push(print_screen_new(cv->id));
		return H_DONE;
	case 'e':
		ui_push(form_screen_new(cv->c.kind, cv->id));
		return H_DONE;
	case 's':
		if (cv->k == NULL || cv->k->n_reqs == 0)
			ui_error(_("Jenis berkas ini tidak punya daftar persyaratan"));
		else
			ui_push(reqs_screen_new(cv->id));
		return H_DONE;
	case 't':
		caseview_step_done(cv);
		return H_DONE;
	case 'x':
		caseview_step_return(cv);
		return H_DONE;
	case 'o':
		caseview_open_link(cv);
		return H_DONE;
	case 'K':
		if (cv->have_kop)
			ui_push(kopview_new(cv->kop.id));
		else
			ui_error(_("Berkas ini tidak terhubung ke koperasi di registri"));
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
	tv_free(&cv->tv);
	ui_names_free(&cv->names);
	free(cv);
}

/* Three key bars: a letter; a service request; one whose current step can be
 * "not approved". The bar drops what does not fit from the end, so the
 * keys come in order of need. */
#define CASE_OPS(keys) {                 \
	.name   = "case",                \
	.draw   = caseview_draw,         \
	.key    = caseview_key,          \
	.resize = caseview_resize,       \
	.resume = caseview_resume,       \
	.free   = caseview_free,         \
	.fkeys  = keys,                  \
}
static const struct screen_ops case_ops = CASE_OPS(
	N_("F1 Bantuan  d Disposisi  r Dibaca  f Tindak lanjut  e Ubah  p Cetak  q Kembali  o Terkait"));
static const struct screen_ops case_ops_service = CASE_OPS(
	N_("F1 Bantuan  s Persyaratan  t Tahap selesai  d Disposisi  e Ubah  q Kembali  o Terkait  p Cetak"));
static const struct screen_ops case_ops_return = CASE_OPS(
	N_("F1 Bantuan  s Persyaratan  t Tahap selesai  x Tidak disetujui  e Ubah  q Kembali  d Disposisi  o Terkait  p Cetak"));

static void caseview_set_keys(struct caseview *cv)
{
	if (cv->self == NULL)
		return;
	const struct kstep *ks = caseview_current(cv);
	if (!caseview_is_service(cv->k))
		cv->self->ops = &case_ops;
	else if (ks != NULL && ks->return_to > 0)
		cv->self->ops = &case_ops_return;
	else
		cv->self->ops = &case_ops_service;
}

/* The case screen for case_id (a message is shown when it does not exist). */
struct screen *case_screen_new(const char *case_id)
{
	struct caseview *cv = xcalloc(1, sizeof *cv);
	tv_init(&cv->tv, 1, 2);
	snprintf(cv->id, sizeof cv->id, "%s", case_id ? case_id : "");
	caseview_load(cv);
	cv->self = ui_screen_new(&case_ops, cv, 0);
	caseview_set_keys(cv);
	return cv->self;
}
