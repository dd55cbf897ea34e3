/* textview.c: the scrollable text view of the case, cooperative and requirement screens
 * (see textview.h), and the name and time helpers those screens share. */
#include <stdlib.h>
#include <string.h>

#include "textview.h"

void tv_init(struct textview *tv, int y, int below)
{
	memset(tv, 0, sizeof *tv);
	tv->y = y;
	tv->below = below;
	tv->sel = -1;
}

void tv_clear(struct textview *tv)
{
	for (size_t i = 0; i < tv->n; i++)
		free(tv->lines[i].text);
	tv->n = 0;
}

void tv_free(struct textview *tv)
{
	tv_clear(tv);
	free(tv->lines);
	tv->lines = NULL;
	tv->cap = 0;
}

int tv_height(const struct textview *tv)
{
	int h = LINES - tv->y - tv->below;
	return h < 1 ? 1 : h;
}

int tv_text_width(void)
{
	return COLS - 2 > 20 ? COLS - 2 : 20;
}

/* ---- building ----------------------------------------------------------------------- */

void tv_add(struct textview *tv, const char *text, attr_t attr, short pair)
{
	if (tv->n == tv->cap) {
		tv->cap = tv->cap ? tv->cap * 2 : 64;
		tv->lines = xreallocarray(tv->lines, tv->cap, sizeof *tv->lines);
	}
	tv->lines[tv->n].text = xstrdup(text);
	tv->lines[tv->n].attr = attr;
	tv->lines[tv->n].pair = pair;
	tv->lines[tv->n].tag = -1;
	tv->n++;
}

void tv_wrapped(struct textview *tv, const char *first, int indent, const char *text,
		attr_t attr, short pair)
{
	int fw = str_width(first);
	int room = tv->width - (fw > indent ? fw : indent);
	if (room < 10)
		room = 10;
	size_t n;
	char **l = ui_wrap(text ? text : "", room, &n);
	for (size_t i = 0; i < n; i++) {
		char *line = i == 0 ? xasprintf("%s%s", first, l[i])
				    : xasprintf("%*s%s", indent, "", l[i]);
		tv_add(tv, line, attr, pair);
		free(line);
	}
	ui_lines_free(l, n);
}

void tv_heading(struct textview *tv, const char *text)
{
	tv_add(tv, "", A_NORMAL, CP_NORMAL);
	tv_add(tv, text, A_BOLD | A_UNDERLINE, CP_NORMAL);
}

void tv_field(struct textview *tv, int lw, const char *label, const char *value,
	      attr_t attr, short pair)
{
	char *fit = str_fit(label, lw);
	int pad = lw - str_width(fit);
	char *first = xasprintf("%s%*s : ", fit, pad > 0 ? pad : 0, "");
	tv_wrapped(tv, first, lw + 3, value && *value ? value : "-", attr, pair);
	free(first);
	free(fit);
}

void tv_tag(struct textview *tv, size_t from, long tag)
{
	for (size_t i = from; i < tv->n; i++)
		tv->lines[i].tag = tag;
}

/* ---- scrolling and the selection --------------------------------------------------- */

void tv_clamp(struct textview *tv)
{
	int max = (int)tv->n - tv_height(tv);
	if (tv->top > max)
		tv->top = max;
	if (tv->top < 0)
		tv->top = 0;
}

long tv_sel_line(const struct textview *tv)
{
	for (size_t i = 0; tv->sel >= 0 && i < tv->n; i++)
		if (tv->lines[i].tag == tv->sel)
			return (long)i;
	return -1;
}

static int tv_visible(const struct textview *tv, long line)
{
	return line >= tv->top && line < tv->top + tv_height(tv);
}

int tv_sel_shown(const struct textview *tv)
{
	long sl = tv_sel_line(tv);
	return sl >= 0 && tv_visible(tv, sl);
}

void tv_follow(struct textview *tv)
{
	long sl = tv_sel_line(tv);
	if (sl >= 0 && tv_visible(tv, sl))
		return;
	long best = -1;
	for (long i = tv->top; i < tv->top + tv_height(tv) && i < (long)tv->n; i++) {
		if (tv->lines[i].tag < 0)
			continue;
		best = i;
		if (sl < tv->top)
			break; /* scrolled down past it (or none): the first on screen */
	}
	if (best >= 0)
		tv->sel = tv->lines[best].tag;
}

void tv_show_sel(struct textview *tv)
{
	long first = -1, last = -1;
	for (size_t i = 0; tv->sel >= 0 && i < tv->n; i++) {
		if (tv->lines[i].tag != tv->sel)
			continue;
		if (first < 0)
			first = (long)i;
		last = (long)i;
	}
	if (first >= 0) {
		int h = tv_height(tv);
		if (last >= tv->top + h)
			tv->top = (int)last - h + 1;
		if (first < tv->top)
			tv->top = (int)first;
	}
	tv_clamp(tv);
}

int tv_next(struct textview *tv, int delta)
{
	long sl = tv_sel_line(tv);
	if (sl >= 0 && !tv_visible(tv, sl)) {
		tv_show_sel(tv); /* the first press brings the selection into view */
		return 1;
	}
	/* tags grow down the text: the next one is the first greater one */
	long first = -1, last = -1, next = -1, prev = -1;
	for (size_t i = 0; i < tv->n; i++) {
		long t = tv->lines[i].tag;
		if (t < 0)
			continue;
		if (first < 0)
			first = t;
		last = t;
		if (tv->sel >= 0 && t > tv->sel && next < 0)
			next = t;
		if (tv->sel >= 0 && t < tv->sel)
			prev = t;
	}
	if (first < 0)
		return 0;
	if (delta > 0)
		tv->sel = next >= 0 ? next : first;
	else
		tv->sel = prev >= 0 ? prev : last;
	tv_show_sel(tv);
	return 1;
}

void tv_scroll(struct textview *tv, int by)
{
	tv->top += by;
	tv_clamp(tv);
	tv_follow(tv);
}

int tv_key(struct textview *tv, int is_key, wint_t ch)
{
	int page = tv_height(tv) - 2;
	if (page < 1)
		page = 1;
	int all = (int)tv->n;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN:  tv_scroll(tv, 1); return H_DONE;
		case KEY_UP:    tv_scroll(tv, -1); return H_DONE;
		case KEY_NPAGE: tv_scroll(tv, page); return H_DONE;
		case KEY_PPAGE: tv_scroll(tv, -page); return H_DONE;
		case KEY_HOME:  tv_scroll(tv, -all); return H_DONE;
		case KEY_END:   tv_scroll(tv, all); return H_DONE;
		default:        return H_NONE;
		}
	}
	switch (ch) {
	case 'j':                  tv_scroll(tv, 1); return H_DONE;
	case 'k':                  tv_scroll(tv, -1); return H_DONE;
	case ' ': case 'f' & 0x1f: tv_scroll(tv, page); return H_DONE;
	case 'b' & 0x1f: case '-': tv_scroll(tv, -page); return H_DONE;
	case 'g':                  tv_scroll(tv, -all); return H_DONE;
	case 'G':                  tv_scroll(tv, all); return H_DONE;
	default:                   return H_NONE;
	}
}

/* ---- drawing -------------------------------------------------------------------------- */

void tv_draw(const struct textview *tv)
{
	int h = tv_height(tv);
	for (int i = 0; i < h && tv->top + i < (int)tv->n; i++) {
		const struct tv_line *l = &tv->lines[tv->top + i];
		int sel = l->tag >= 0 && l->tag == tv->sel;
		if (sel)
			ui_fill(tv->y + i, 0, COLS, A_NORMAL, CP_SELECT);
		ui_put_attr(tv->y + i, 1, COLS - 2, l->text, sel ? A_NORMAL : l->attr,
			    sel ? CP_SELECT : l->pair);
	}
}

char *tv_where(const struct textview *tv)
{
	int last = tv->top + tv_height(tv);
	if (last > (int)tv->n)
		last = (int)tv->n;
	return xasprintf(_("baris %d-%d dari %zu%s"), tv->n ? tv->top + 1 : 0, last, tv->n,
			 last < (int)tv->n ? _(" | j/PgDn lanjut") : "");
}

/* ---- helpers of the views -------------------------------------------------------------- */

const char *ui_names_get(struct ui_names *nm, const char *login)
{
	if (login == NULL || *login == '\0')
		return "-";
	for (size_t i = 0; i < nm->n; i++)
		if (strcmp(nm->v[i].login, login) == 0)
			return nm->v[i].name;
	struct person p;
	memset(&p, 0, sizeof p);
	char *name;
	if (store_person_get(ui_app()->st, login, &p) == 1 && p.name != NULL && *p.name != '\0')
		name = xstrdup(p.name);
	else
		name = xstrdup(login);
	person_clear(&p);
	nm->v = xreallocarray(nm->v, nm->n + 1, sizeof *nm->v);
	nm->v[nm->n].login = xstrdup(login);
	nm->v[nm->n].name = name;
	nm->n++;
	return name;
}

void ui_names_free(struct ui_names *nm)
{
	for (size_t i = 0; i < nm->n; i++) {
		free(nm->v[i].login);
		free(nm->v[i].name);
	}
	free(nm->v);
	nm->v = NULL;
	nm->n = 0;
}

void ui_time_local(const char *utc, char out[17])
{
	time_t t;
	if (utc == NULL || ts_parse_utc(utc, &t) < 0)
		snprintf(out, 17, "%s", utc ? utc : "-");
	else
		ts_fmt_local(t, out);
}

void tv_events(struct textview *tv, struct ui_names *nm, const struct event *ev, size_t n,
	       void (*body)(void *ctx, const struct event *e, struct buf *b), void *ctx)
{
	tv_heading(tv, _("Riwayat"));
	if (n == 0) {
		tv_add(tv, _("  (belum ada)"), A_NORMAL, CP_NORMAL);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &ev[i];
		char when[17];
		ui_time_local(e->at, when);
		struct buf b;
		buf_init(&b);
		buf_adds(&b, ui_names_get(nm, e->actor));
		if (e->on_behalf != NULL && *e->on_behalf != '\0')
			buf_printf(&b, _(" atas nama %s"), ui_names_get(nm, e->on_behalf));
		buf_adds(&b, ": ");
		if (body != NULL)
			body(ctx, e, &b);
		char *first = xasprintf("%s  ", when);
		tv_wrapped(tv, first, 18, b.s, A_NORMAL, CP_NORMAL);
		free(first);
		buf_free(&b);
	}
}
