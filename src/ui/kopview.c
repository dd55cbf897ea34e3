/* kopview.c: the cooperative screen: its data, the serving office, its cases of every kind
 * (Enter opens one) and its history, as scrollable text. */
#include <stdlib.h>
#include <string.h>

#include "kop.h"
#include "textview.h"
#include "util.h"

struct kopview {
	char                  id[37];
	int                   found;  /* 1 when the cooperative was read */
	struct koperasi       k;
	const struct kop_ref *ref;    /* may be NULL: codes shown as stored */
	struct case_row      *cases;
	size_t                nc;
	char                 *cases_err; /* why the cases could not be read, or NULL */
	struct event         *ev;
	size_t                ne;
	struct textview       tv;     /* the text; a case line is tagged with its index,
				       * tv.sel the selected case (-1 when there are none) */
	struct ui_names       names;
};

/* ---- building the text --------------------------------------------------------- */

static void kopview_build_fields(struct kopview *kv)
{
	int lw = str_width(_("Kantor yang melayani"));
	for (size_t i = 0; i < KF_COUNT; i++) {
		int w = str_width(_(koperasi_fields[i].label));
		if (w > lw)
			lw = w;
	}
	if (lw > kv->tv.width * 2 / 5)
		lw = kv->tv.width * 2 / 5;
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		char *v = kopui_value(kv->ref, f->id, koperasi_get(&kv->k, f->id), 0);
		tv_field(&kv->tv, lw, _(f->label), v, f->id == KF_nama ? A_BOLD : A_NORMAL, CP_NORMAL);
		free(v);
	}
	char when[17];
	ui_time_local(kv->k.created_at, when);
	char *t = xasprintf(_("%s oleh %s"), when, ui_names_get(&kv->names, kv->k.created_by));
	tv_field(&kv->tv, lw, _("Dicatat"), t, A_NORMAL, CP_NORMAL);
	free(t);
	if (kv->k.version > 1) {
		ui_time_local(kv->k.updated_at, when);
		t = xasprintf(_("%s oleh %s (versi %ld)"), when, ui_names_get(&kv->names, kv->k.updated_by),
			      kv->k.version);
		tv_field(&kv->tv, lw, _("Diubah"), t, A_NORMAL, CP_NORMAL);
		free(t);
	}

	tv_heading(&kv->tv, _("Sertifikat NIK"));
	char *msg = NULL;
	enum kop_office o = koperasi_office(kv->ref, &kv->k, &msg);
	tv_field(&kv->tv, lw, _("Kantor yang melayani"), koperasi_office_label(o), A_NORMAL, CP_NORMAL);
	if (msg != NULL) {
		tv_wrapped(&kv->tv, "", 0, msg, A_NORMAL, CP_DUE);
		free(msg);
	}
}

/* One case as a single line: "NIK 0001/NIK/2026  02-03-2026  subject  [tahap 2]"
 * (the state: the current step of an open case, "berhenti" while its service
 * clock stands, else its status). */
static char *kopview_case_text(const struct case_row *r, int width)
{
	const struct kind *k = r->kind ? kindset_find(&ui_app()->kinds, r->kind) : NULL;
	const char *kt = k && k->short_title ? k->short_title : k ? k->title : r->kind;
	char d[11];
	kopui_dmy(r->received, d);
	int open = r->status == NULL || strcmp(r->status, "selesai") != 0;
	char *state;
	if (open && r->step > 0)
		state = xasprintf(_("[tahap %d%s]"), r->step, r->paused ? _(", berhenti") : "");
	else
		state = xasprintf("[%s]", r->status ? r->status : "-");
	char *head = xasprintf("%s %s  %s  ", kt ? kt : "?", r->number_text ? r->number_text : "?",
			       d[0] ? d : "-");
	int room = width - 2 - str_width(head) - 2 - str_width(state);
	if (room < 10)
		room = 10;
	char *subj = str_fit(r->subject && *r->subject ? r->subject : "-", room);
	int pad = room - str_width(subj);
	char *line = xasprintf("  %s%s%*s  %s", head, subj, pad > 0 ? pad : 0, "", state);
	free(subj);
	free(head);
	free(state);
	return line;
}

static void kopview_build_cases(struct kopview *kv)
{
	char *h = xasprintf(_("Berkas (%zu)"), kv->nc);
	tv_heading(&kv->tv, h);
	free(h);
	if (kv->cases_err != NULL) {
		char *m = xasprintf(_("  (gagal dibaca: %s)"), kv->cases_err);
		tv_add(&kv->tv, m, A_NORMAL, CP_ERROR);
		free(m);
		return;
	}
	if (kv->nc == 0) {
		tv_add(&kv->tv, _("  (belum ada berkas)"), A_NORMAL, CP_NORMAL);
		return;
	}
	for (size_t i = 0; i < kv->nc; i++) {
		char *line = kopview_case_text(&kv->cases[i], kv->tv.width);
		tv_add(&kv->tv, line, A_NORMAL, CP_NORMAL);
		tv_tag(&kv->tv, kv->tv.n - 1, (long)i);
		free(line);
	}
}

/* An event value as people read it: the field's display form when known. */
static char *kopview_event_value(const struct kopview *kv, const char *field, const char *v)
{
	const struct kop_fielddef *f = field ? koperasi_field(field) : NULL;
	if (v == NULL || *v == '\0')
		return xstrdup("-");
	return f ? koperasi_display(kv->ref, f->id, v) : xstrdup(v);
}

/* What an event line says after "time  name: ". */
static void kopview_event_body(void *ctx, const struct event *e, struct buf *b)
{
	const struct kopview *kv = ctx;
	for (const char *p = e->action ? e->action : "-"; *p; p++)
		buf_addc(b, *p == '_' ? ' ' : *p);
	const struct kop_fielddef *f = e->field ? koperasi_field(e->field) : NULL;
	if (e->action != NULL && strcmp(e->action, "dari_berkas") == 0 && e->field != NULL) {
		/* a case wrote its registry fields back: field is its kind, new its number */
		const struct kind *k = kindset_find(&ui_app()->kinds, e->field);
		buf_printf(b, " %s %s", k ? k->title : e->field, e->new_value ? e->new_value : "");
	} else if (e->action != NULL && strcmp(e->action, "diubah") == 0 && e->field != NULL) {
		char *o = kopview_event_value(kv, e->field, e->old_value);
		char *n = kopview_event_value(kv, e->field, e->new_value);
		buf_printf(b, " %s: %s -> %s", f ? _(f->label) : e->field, o, n);
		free(o);
		free(n);
	} else {
		if (e->field != NULL && *e->field != '\0')
			buf_printf(b, " %s", f ? _(f->label) : e->field);
		if (e->new_value != NULL && *e->new_value != '\0')
			buf_printf(b, " (%s)", e->new_value);
	}
}

static void kopview_build(struct kopview *kv)
{
	tv_clear(&kv->tv);
	kv->tv.width = tv_text_width();
	if (!kv->found) {
		tv_add(&kv->tv, _("Koperasi tidak ditemukan."), A_BOLD, CP_ERROR);
		return;
	}
	kopview_build_fields(kv);
	kopview_build_cases(kv);
	tv_events(&kv->tv, &kv->names, kv->ev, kv->ne, kopview_event_body, kv);
	tv_clamp(&kv->tv);
}

static void kopview_unload(struct kopview *kv)
{
	koperasi_clear(&kv->k);
	case_rows_free(kv->cases, kv->nc);
	events_free(kv->ev, kv->ne);
	free(kv->cases_err);
	kv->cases = NULL;
	kv->ev = NULL;
	kv->cases_err = NULL;
	kv->nc = kv->ne = 0;
	kv->found = 0;
}

/* (Re)reads the cooperative, its cases and its history. */
static void kopview_load(struct kopview *kv)
{
	struct app *a = ui_app();
	char sel_id[37] = "";
	if (kv->tv.sel >= 0 && (size_t)kv->tv.sel < kv->nc)
		memcpy(sel_id, kv->cases[kv->tv.sel].id, sizeof sel_id);
	kopview_unload(kv);
	int r = store_koperasi_get(a->st, kv->id, &kv->k);
	if (r == 1) {
		kv->found = 1;
		if (store_koperasi_cases(a->st, kv->id, &kv->cases, &kv->nc, &kv->cases_err) != 0) {
			kv->cases = NULL;
			kv->nc = 0;
			if (kv->cases_err == NULL)
				kv->cases_err = xstrdup(_("kesalahan basis data"));
		}
		if (store_koperasi_events(a->st, kv->id, &kv->ev, &kv->ne) != 0) {
			kv->ev = NULL;
			kv->ne = 0;
		}
	} else {
		koperasi_init(&kv->k);
		if (r < 0)
			ui_error(_("Gagal membaca koperasi"));
	}
	/* the selection stays on the same case when it is still there */
	kv->tv.sel = kv->nc > 0 ? 0 : -1;
	for (size_t i = 0; sel_id[0] && i < kv->nc; i++)
		if (strcmp(kv->cases[i].id, sel_id) == 0)
			kv->tv.sel = (long)i;
	kopview_build(kv);
}

/* ---- the screen ---------------------------------------------------------------------- */

static void kopview_draw(struct screen *s)
{
	struct kopview *kv = s->state;
	if (kv->tv.width != tv_text_width())
		kopview_build(kv);
	char *title = kv->found ? xasprintf("%s — %s", _("Koperasi"), kv->k.nama ? kv->k.nama : "")
				: xstrdup(_("Koperasi"));
	ui_title(title);
	free(title);

	tv_draw(&kv->tv);
	char *where = tv_where(&kv->tv);
	char *st = xasprintf("%s | %s%s", kv->found && kv->k.nik ? kv->k.nik : _("Koperasi"), where,
			     kv->nc > 0 ? _(" | Tab/Enter: berkas") : "");
	ui_status(st);
	free(st);
	free(where);
}

/* Tab / Shift-Tab: the next or previous case. */
static void kopview_next_case(struct kopview *kv, int delta)
{
	if (kv->nc == 0 || !tv_next(&kv->tv, delta))
		ui_message(_("Belum ada berkas untuk koperasi ini"));
}

static int kopview_enter(struct kopview *kv)
{
	if (kv->nc == 0 || tv_sel_line(&kv->tv) < 0) {
		ui_message(_("Belum ada berkas untuk koperasi ini"));
		return H_DONE;
	}
	if (!tv_sel_shown(&kv->tv)) {
		tv_show_sel(&kv->tv);
		return H_DONE;
	}
	ui_push(case_screen_new(kv->cases[kv->tv.sel].id));
	return H_DONE;
}

static int kopview_key(struct screen *s, int is_key, wint_t ch)
{
	struct kopview *kv = s->state;
	if (tv_key(&kv->tv, is_key, ch) == H_DONE)
		return H_DONE;
	if (is_key) {
		switch (ch) {
		case KEY_BTAB:  kopview_next_case(kv, -1); return H_DONE;
		case KEY_ENTER: return kopview_enter(kv);
		case KEY_F(1):  ch = '?'; break;
		case KEY_F(3):  ch = 'e'; break;
		case KEY_F(5):  kopview_load(kv); return H_DONE;
		case KEY_F(10): return H_POP;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case '\t':
		kopview_next_case(kv, 1);
		return H_DONE;
	case '\n': case '\r':
		return kopview_enter(kv);
	case 'e':
		if (kv->found)
			ui_push(kopform_new(kv->id));
		return H_DONE;
	case '?':
		ui_push(help_screen_new("kopview"));
		return H_DONE;
	case 'q': case 27:
		return H_POP;
	default:
		return H_NONE;
	}
}

static void kopview_resize(struct screen *s)
{
	kopview_build(s->state);
}

static void kopview_resume(struct screen *s)
{
	kopview_load(s->state);
}

static void kopview_free(struct screen *s)
{
	struct kopview *kv = s->state;
	kopview_unload(kv);
	tv_free(&kv->tv);
	ui_names_free(&kv->names);
	kopui_ref_put(kv->ref);
	free(kv);
}

static const struct screen_ops kopview_ops = {
	.name   = "kopview",
	.draw   = kopview_draw,
	.key    = kopview_key,
	.resize = kopview_resize,
	.resume = kopview_resume,
	.free   = kopview_free,
	.fkeys  = N_("F1 Bantuan  Tab Berkas  Enter Buka  e Ubah  F5 Segarkan  q Kembali"),
};

/* The screen of the cooperative id (a message is shown when it does not exist). */
struct screen *kopview_new(const char *koperasi_id)
{
	struct kopview *kv = xcalloc(1, sizeof *kv);
	snprintf(kv->id, sizeof kv->id, "%s", koperasi_id ? koperasi_id : "");
	koperasi_init(&kv->k);
	tv_init(&kv->tv, 1, 2);
	kv->ref = kopui_ref_get();
	kopview_load(kv);
	return ui_screen_new(&kopview_ops, kv, 0);
}
