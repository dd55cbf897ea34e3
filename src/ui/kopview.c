/* kopview.c: the cooperative screen: its data, the serving office, its cases of every kind
 * (Enter opens one) and its history, as scrollable text. */
#include <stdlib.h>
#include <string.h>

#include "kop.h"
#include "util.h"

/* One line of the rendered text. */
struct kopview_line {
	char  *text;  /* sanitised when drawn */
	attr_t attr;
	short  pair;
	long   cas;   /* index of the case this line shows, or -1 */
};

/* A login and the person's name, looked up once. */
struct kopview_name {
	char *login;
	char *name;
};

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
	struct kopview_line  *lines;
	size_t                nl, capl;
	int                   width;  /* the text was built for this many columns */
	int                   top;    /* first line shown */
	long                  sel;    /* selected case, -1 when there are none */
	struct kopview_name  *names;
	size_t                nnames;
};

/* ---- building the text --------------------------------------------------------- */

static void kopview_add(struct kopview *kv, const char *text, attr_t attr, short pair, long cas)
{
	if (kv->nl == kv->capl) {
		kv->capl = kv->capl ? kv->capl * 2 : 64;
		kv->lines = xreallocarray(kv->lines, kv->capl, sizeof *kv->lines);
	}
	kv->lines[kv->nl].text = xstrdup(text);
	kv->lines[kv->nl].attr = attr;
	kv->lines[kv->nl].pair = pair;
	kv->lines[kv->nl].cas = cas;
	kv->nl++;
}

/* text wrapped to the width: the first line after `first`, the rest indented. */
static void kopview_add_wrapped(struct kopview *kv, const char *first, int indent, const char *text,
				attr_t attr, short pair)
{
	int fw = str_width(first);
	int room = kv->width - (fw > indent ? fw : indent);
	if (room < 10)
		room = 10;
	size_t n;
	char **l = ui_wrap(text ? text : "", room, &n);
	for (size_t i = 0; i < n; i++) {
		char *line = i == 0 ? xasprintf("%s%s", first, l[i])
				    : xasprintf("%*s%s", indent, "", l[i]);
		kopview_add(kv, line, attr, pair, -1);
		free(line);
	}
	ui_lines_free(l, n);
}

static void kopview_heading(struct kopview *kv, const char *text)
{
	kopview_add(kv, "", A_NORMAL, CP_NORMAL, -1);
	kopview_add(kv, text, A_BOLD | A_UNDERLINE, CP_NORMAL, -1);
}

/* "Label<pad> : value", the value wrapped under itself. */
static void kopview_field(struct kopview *kv, int lw, const char *label, const char *value,
			  attr_t attr)
{
	char *fit = str_fit(label, lw);
	int pad = lw - str_width(fit);
	char *first = xasprintf("%s%*s : ", fit, pad > 0 ? pad : 0, "");
	kopview_add_wrapped(kv, first, lw + 3, value && *value ? value : "-", attr, CP_NORMAL);
	free(first);
	free(fit);
}

/* Name of the person with login, or the login itself. */
static const char *kopview_who(struct kopview *kv, const char *login)
{
	if (login == NULL || *login == '\0')
		return "-";
	for (size_t i = 0; i < kv->nnames; i++)
		if (strcmp(kv->names[i].login, login) == 0)
			return kv->names[i].name;
	struct person p;
	memset(&p, 0, sizeof p);
	char *name;
	if (store_person_get(ui_app()->st, login, &p) == 1 && p.name != NULL && *p.name != '\0')
		name = xstrdup(p.name);
	else
		name = xstrdup(login);
	person_clear(&p);
	kv->names = xreallocarray(kv->names, kv->nnames + 1, sizeof *kv->names);
	kv->names[kv->nnames].login = xstrdup(login);
	kv->names[kv->nnames].name = name;
	kv->nnames++;
	return name;
}

/* "DD-MM-YYYY HH:MM" office time of a stored UTC timestamp. */
static void kopview_time(const char *utc, char out[17])
{
	time_t t;
	if (utc == NULL || ts_parse_utc(utc, &t) < 0)
		snprintf(out, 17, "%s", utc ? utc : "-");
	else
		ts_fmt_local(t, out);
}

static void kopview_build_fields(struct kopview *kv)
{
	int lw = str_width(_("Kantor yang melayani"));
	for (size_t i = 0; i < KF_COUNT; i++) {
		int w = str_width(_(koperasi_fields[i].label));
		if (w > lw)
			lw = w;
	}
	if (lw > kv->width * 2 / 5)
		lw = kv->width * 2 / 5;
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		char *v = kopui_value(kv->ref, f->id, koperasi_get(&kv->k, f->id), 0);
		kopview_field(kv, lw, _(f->label), v, f->id == KF_nama ? A_BOLD : A_NORMAL);
		free(v);
	}
	char when[17];
	kopview_time(kv->k.created_at, when);
	char *t = xasprintf(_("%s oleh %s"), when, kopview_who(kv, kv->k.created_by));
	kopview_field(kv, lw, _("Dicatat"), t, A_NORMAL);
	free(t);
	if (kv->k.version > 1) {
		kopview_time(kv->k.updated_at, when);
		t = xasprintf(_("%s oleh %s (versi %ld)"), when, kopview_who(kv, kv->k.updated_by),
			      kv->k.version);
		kopview_field(kv, lw, _("Diubah"), t, A_NORMAL);
		free(t);
	}

	kopview_heading(kv, _("Sertifikat NIK"));
	char *msg = NULL;
	enum kop_office o = koperasi_office(kv->ref, &kv->k, &msg);
	kopview_field(kv, lw, _("Kantor yang melayani"), koperasi_office_label(o), A_NORMAL);
	if (msg != NULL) {
		kopview_add_wrapped(kv, "", 0, msg, A_NORMAL, CP_DUE);
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
	kopview_heading(kv, h);
	free(h);
	if (kv->cases_err != NULL) {
		char *m = xasprintf(_("  (gagal dibaca: %s)"), kv->cases_err);
		kopview_add(kv, m, A_NORMAL, CP_ERROR, -1);
		free(m);
		return;
	}
	if (kv->nc == 0) {
		kopview_add(kv, _("  (belum ada berkas)"), A_NORMAL, CP_NORMAL, -1);
		return;
	}
	for (size_t i = 0; i < kv->nc; i++) {
		char *line = kopview_case_text(&kv->cases[i], kv->width);
		kopview_add(kv, line, A_NORMAL, CP_NORMAL, (long)i);
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

static void kopview_build_events(struct kopview *kv)
{
	kopview_heading(kv, _("Riwayat"));
	if (kv->ne == 0) {
		kopview_add(kv, _("  (belum ada)"), A_NORMAL, CP_NORMAL, -1);
		return;
	}
	for (size_t i = 0; i < kv->ne; i++) {
		const struct event *e = &kv->ev[i];
		char when[17];
		kopview_time(e->at, when);
		struct buf b;
		buf_init(&b);
		buf_adds(&b, kopview_who(kv, e->actor));
		if (e->on_behalf != NULL && *e->on_behalf != '\0')
			buf_printf(&b, _(" atas nama %s"), kopview_who(kv, e->on_behalf));
		buf_adds(&b, ": ");
		for (const char *p = e->action ? e->action : "-"; *p; p++)
			buf_addc(&b, *p == '_' ? ' ' : *p);
		const struct kop_fielddef *f = e->field ? koperasi_field(e->field) : NULL;
		if (e->action != NULL && strcmp(e->action, "dari_berkas") == 0 && e->field != NULL) {
			/* a case wrote its registry fields back: field is its kind, new its number */
			const struct kind *k = kindset_find(&ui_app()->kinds, e->field);
			buf_printf(&b, " %s %s", k ? k->title : e->field,
				   e->new_value ? e->new_value : "");
		} else if (e->action != NULL && strcmp(e->action, "diubah") == 0 && e->field != NULL) {
			char *o = kopview_event_value(kv, e->field, e->old_value);
			char *n = kopview_event_value(kv, e->field, e->new_value);
			buf_printf(&b, " %s: %s -> %s", f ? _(f->label) : e->field, o, n);
			free(o);
			free(n);
		} else {
			if (e->field != NULL && *e->field != '\0')
				buf_printf(&b, " %s", f ? _(f->label) : e->field);
			if (e->new_value != NULL && *e->new_value != '\0')
				buf_printf(&b, " (%s)", e->new_value);
		}
		char *first = xasprintf("%s  ", when);
		kopview_add_wrapped(kv, first, 18, b.s, A_NORMAL, CP_NORMAL);
		free(first);
		buf_free(&b);
	}
}

static void kopview_lines_clear(struct kopview *kv)
{
	for (size_t i = 0; i < kv->nl; i++)
		free(kv->lines[i].text);
	kv->nl = 0;
}

static int kopview_body_height(void)
{
	return LINES - 3;
}

static int kopview_text_width(void)
{
	return COLS - 2 > 20 ? COLS - 2 : 20;
}

static void kopview_clamp(struct kopview *kv)
{
	int max = (int)kv->nl - kopview_body_height();
	if (kv->top > max)
		kv->top = max;
	if (kv->top < 0)
		kv->top = 0;
}

static void kopview_build(struct kopview *kv)
{
	kopview_lines_clear(kv);
	kv->width = kopview_text_width();
	if (!kv->found) {
		kopview_add(kv, _("Koperasi tidak ditemukan."), A_BOLD, CP_ERROR, -1);
		return;
	}
	kopview_build_fields(kv);
	kopview_build_cases(kv);
	kopview_build_events(kv);
	kopview_clamp(kv);
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
	if (kv->sel >= 0 && (size_t)kv->sel < kv->nc)
		memcpy(sel_id, kv->cases[kv->sel].id, sizeof sel_id);
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
	kv->sel = kv->nc > 0 ? 0 : -1;
	for (size_t i = 0; sel_id[0] && i < kv->nc; i++)
		if (strcmp(kv->cases[i].id, sel_id) == 0)
			kv->sel = (long)i;
	kopview_build(kv);
}

/* ---- the screen ---------------------------------------------------------------------- */

/* Line index of the selected case, or -1. */
static long kopview_sel_line(const struct kopview *kv)
{
	for (size_t i = 0; kv->sel >= 0 && i < kv->nl; i++)
		if (kv->lines[i].cas == kv->sel)
			return (long)i;
	return -1;
}

static int kopview_visible(const struct kopview *kv, long line)
{
	return line >= kv->top && line < kv->top + kopview_body_height();
}

/* After scrolling: when the selected case left the screen but another case
 * line is on it, that one becomes the selection. */
static void kopview_follow(struct kopview *kv)
{
	long sl = kopview_sel_line(kv);
	if (sl < 0 || kopview_visible(kv, sl))
		return;
	long best = -1;
	for (long i = kv->top; i < kv->top + kopview_body_height() && i < (long)kv->nl; i++) {
		if (kv->lines[i].cas < 0)
			continue;
		best = i;
		if (sl < kv->top)
			break; /* scrolled down past it: the first case on screen */
	}
	if (best >= 0)
		kv->sel = kv->lines[best].cas;
}

/* Brings the selected case on screen. */
static void kopview_show_sel(struct kopview *kv)
{
	long sl = kopview_sel_line(kv);
	int h = kopview_body_height();
	if (sl < 0)
		return;
	if (sl < kv->top)
		kv->top = (int)sl;
	else if (sl >= kv->top + h)
		kv->top = (int)sl - h + 1;
	kopview_clamp(kv);
}

static void kopview_draw(struct screen *s)
{
	struct kopview *kv = s->state;
	if (kv->width != kopview_text_width())
		kopview_build(kv);
	char *title = kv->found ? xasprintf("%s — %s", _("Koperasi"), kv->k.nama ? kv->k.nama : "")
				: xstrdup(_("Koperasi"));
	ui_title(title);
	free(title);

	int h = kopview_body_height();
	for (int i = 0; i < h && kv->top + i < (int)kv->nl; i++) {
		const struct kopview_line *l = &kv->lines[kv->top + i];
		int sel = l->cas >= 0 && l->cas == kv->sel;
		if (sel)
			ui_fill(1 + i, 0, COLS, A_NORMAL, CP_SELECT);
		ui_put_attr(1 + i, 1, COLS - 2, l->text, l->attr, sel ? CP_SELECT : l->pair);
	}
	int last = kv->top + h;
	if (last > (int)kv->nl)
		last = (int)kv->nl;
	char *st = xasprintf(_("%s | baris %d-%d dari %zu%s%s"),
			     kv->found && kv->k.nik ? kv->k.nik : _("Koperasi"), kv->nl ? kv->top + 1 : 0,
			     last, kv->nl, last < (int)kv->nl ? _(" | j/PgDn lanjut") : "",
			     kv->nc > 0 ? _(" | Tab/Enter: berkas") : "");
	ui_status(st);
	free(st);
}

static void kopview_scroll(struct kopview *kv, int by)
{
	kv->top += by;
	kopview_clamp(kv);
	kopview_follow(kv);
}

/* Tab / Shift-Tab: the next or previous case. */
static void kopview_next_case(struct kopview *kv, int delta)
{
	if (kv->nc == 0) {
		ui_message(_("Belum ada berkas untuk koperasi ini"));
		return;
	}
	long sl = kopview_sel_line(kv);
	if (sl >= 0 && !kopview_visible(kv, sl)) {
		/* first press brings the selection into view */
		kopview_show_sel(kv);
		return;
	}
	kv->sel = (kv->sel + delta + (long)kv->nc) % (long)kv->nc;
	kopview_show_sel(kv);
}

static int kopview_enter(struct kopview *kv)
{
	long sl = kopview_sel_line(kv);
	if (kv->nc == 0 || sl < 0) {
		ui_message(_("Belum ada berkas untuk koperasi ini"));
		return H_DONE;
	}
	if (!kopview_visible(kv, sl)) {
		kopview_show_sel(kv);
		return H_DONE;
	}
	ui_push(case_screen_new(kv->cases[kv->sel].id));
	return H_DONE;
}

static int kopview_key(struct screen *s, int is_key, wint_t ch)
{
	struct kopview *kv = s->state;
	int page = kopview_body_height() - 2;
	if (page < 1)
		page = 1;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  kopview_scroll(kv, 1); return H_DONE;
		case KEY_UP:    kopview_scroll(kv, -1); return H_DONE;
		case KEY_NPAGE: kopview_scroll(kv, page); return H_DONE;
		case KEY_PPAGE: kopview_scroll(kv, -page); return H_DONE;
		case KEY_HOME:  kopview_scroll(kv, -(int)kv->nl); return H_DONE;
		case KEY_END:   kopview_scroll(kv, (int)kv->nl); return H_DONE;
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
	case 'j':
		kopview_scroll(kv, 1);
		return H_DONE;
	case 'k':
		kopview_scroll(kv, -1);
		return H_DONE;
	case ' ': case 'f' & 0x1f:
		kopview_scroll(kv, page);
		return H_DONE;
	case 'b' & 0x1f: case '-':
		kopview_scroll(kv, -page);
		return H_DONE;
	case 'g':
		kopview_scroll(kv, -(int)kv->nl);
		return H_DONE;
	case 'G':
		kopview_scroll(kv, (int)kv->nl);
		return H_DONE;
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
	kopview_lines_clear(kv);
	free(kv->lines);
	for (size_t i = 0; i < kv->nnames; i++) {
		free(kv->names[i].login);
		free(kv->names[i].name);
	}
	free(kv->names);
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
	kv->sel = -1;
	kv->ref = kopui_ref_get();
	kopview_load(kv);
	return ui_screen_new(&kopview_ops, kv, 0);
}
