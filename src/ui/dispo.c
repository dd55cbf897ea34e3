/* dispo.c: the disposition screen: from whom, to which positions, instructions, note, deadline. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ui.h"
#include "date.h"
#include "util.h"

#define DISPO_NOTE_MAX 1000 /* characters of the note */
#define DISPO_LABEL_W  13   /* "Batas waktu: " */
#define DISPO_DEPTH_MAX 16  /* guard against loops in the chart */

enum dispo_sec { SEC_BEHALF, SEC_TO, SEC_INSTR, SEC_NOTE, SEC_DATE, SEC_COUNT };

/* A small one-line editor over wide characters. */
struct dispo_line {
	wchar_t *b;   /* text, NUL-terminated, owned */
	size_t   len; /* characters */
	size_t   cur; /* cursor, 0..len */
	size_t   max; /* characters accepted */
	size_t   off; /* first character on screen */
};

struct dispo_target {
	size_t pos;    /* index into positions */
	int    depth;  /* 0: directly below `from` */
	int    ticked;
};

struct dispo_official {
	size_t pos;    /* index into positions */
	char  *login;  /* person holding it, owned */
	char  *name;   /* owned */
};

struct dispo_list {
	size_t cur, top; /* cursor and first row on screen */
	int    h;        /* rows at the last draw */
};

struct dispo_view {
	struct app            *a;
	char                  *case_id;    /* owned */
	char                  *parent_id;  /* owned, NULL for a top disposition */
	struct case_rec        rec;
	char                  *kind_title; /* owned */
	struct position       *pos;        /* the chart */
	size_t                 npos;
	char                  *from;       /* from-position code, owned */
	char                  *on_behalf;  /* login of the official, owned, or NULL */
	char                  *parent_from;/* who disposed the parent, owned */
	struct dispo_official *off;        /* pencatat: officials to act for */
	size_t                 noff;
	size_t                 off_cur;
	int                    behalf;     /* 1: the "Atas nama" line is shown */
	struct dispo_target   *tg;
	size_t                 ntg;
	struct dispo_list      tgl;
	int                   *instr;      /* ticked flags over cfg.instructions */
	struct dispo_list      inl;
	struct dispo_line      note;
	struct dispo_line      date;
	char                  *date0;      /* default deadline text, owned */
	enum dispo_sec         sec;
	char                  *err;        /* message under the form, owned */
};

static const struct screen_ops dispo_ops;

/* ---- line editor ---------------------------------------------------------- */

static void dispo_line_set(struct dispo_line *l, const char *utf8, size_t max)
{
	free(l->b);
	char *safe = str_sanitize(utf8 ? utf8 : "", 1);
	size_t n = mbstowcs(NULL, safe, 0);
	if (n == (size_t)-1)
		n = 0;
	if (n > max)
		n = max;
	l->b = xcalloc(max + 1, sizeof *l->b);
	if (n > 0) {
		wchar_t *tmp = xcalloc(strlen(safe) + 1, sizeof *tmp);
		mbstowcs(tmp, safe, strlen(safe) + 1);
		wmemcpy(l->b, tmp, n);
		free(tmp);
	}
	free(safe);
	l->b[n] = L'\0';
	l->len = l->cur = n;
	l->max = max;
	l->off = 0;
}

/* UTF-8 copy of the text, trimmed. Caller frees. */
static char *dispo_line_text(const struct dispo_line *l)
{
	size_t m = wcstombs(NULL, l->b, 0);
	if (m == (size_t)-1)
		return xstrdup("");
	char *s = xmalloc(m + 1);
	wcstombs(s, l->b, m + 1);
	return str_trim(s);
}

static int dispo_wcw(wchar_t c)
{
	int w = wcwidth(c);
	return w < 1 ? 1 : w;
}

/* Edits l with one key; 1 if the key was used. */
static int dispo_line_key(struct dispo_line *l, int is_key, wint_t ch)
{
	if (is_key) {
		switch (ch) {
		case KEY_LEFT:
			if (l->cur > 0)
				l->cur--;
			return 1;
		case KEY_RIGHT:
			if (l->cur < l->len)
				l->cur++;
			return 1;
		case KEY_HOME:
			l->cur = 0;
			return 1;
		case KEY_END:
			l->cur = l->len;
			return 1;
		case KEY_BACKSPACE:
			if (l->cur == 0)
				return 1;
			l->cur--;
			/* fall through */
		case KEY_DC:
			if (l->cur < l->len) {
				wmemmove(l->b + l->cur, l->b + l->cur + 1, l->len - l->cur);
				l->len--;
			}
			return 1;
		default:
			return 0;
		}
	}
	switch (ch) {
	case 127:
	case 8:
		return dispo_line_key(l, 1, KEY_BACKSPACE);
	case 1: /* Ctrl-A */
		l->cur = 0;
		return 1;
	case 5: /* Ctrl-E */
		l->cur = l->len;
		return 1;
	case 11: /* Ctrl-K */
		l->len = l->cur;
		l->b[l->len] = L'\0';
		return 1;
	case 21: /* Ctrl-U */
		wmemmove(l->b, l->b + l->cur, l->len - l->cur + 1);
		l->len -= l->cur;
		l->cur = 0;
		return 1;
	default:
		break;
	}
	if (ch >= 32 && ch != 127 && iswprint(ch)) {
		if (l->len < l->max) {
			wmemmove(l->b + l->cur + 1, l->b + l->cur, l->len - l->cur + 1);
			l->b[l->cur++] = (wchar_t)ch;
			l->len++;
		}
		return 1;
	}
	return 0;
}

/* Draws l in w columns at y, x; returns the cursor column. */
static int dispo_line_draw(struct dispo_line *l, int y, int x, int w, int focus)
{
	if (w < 2)
		w = 2;
	if (l->off > l->cur)
		l->off = l->cur;
	for (;;) {
		int cw = 0;
		for (size_t i = l->off; i < l->cur; i++)
			cw += dispo_wcw(l->b[i]);
		if (cw < w)
			break;
		l->off++;
	}
	int used = 0;
	size_t end = l->off;
	while (end < l->len && used + dispo_wcw(l->b[end]) <= w) {
		used += dispo_wcw(l->b[end]);
		end++;
	}
	wchar_t save = l->b[end];
	l->b[end] = L'\0';
	size_t m = wcstombs(NULL, l->b + l->off, 0);
	char *s = xmalloc(m == (size_t)-1 ? 1 : m + 1);
	if (m == (size_t)-1)
		s[0] = '\0';
	else
		wcstombs(s, l->b + l->off, m + 1);
	l->b[end] = save;
	short pair = focus ? CP_SELECT : CP_NORMAL;
	attr_t at = focus ? A_NORMAL : A_UNDERLINE;
	ui_fill(y, x, w, at, pair);
	ui_put_attr(y, x, w, s, at, pair);
	free(s);
	int cx = x;
	for (size_t i = l->off; i < l->cur; i++)
		cx += dispo_wcw(l->b[i]);
	return cx;
}

/* ---- state ---------------------------------------------------------------- */

static int dispo_has_children(const struct dispo_view *st, const char *code)
{
	for (size_t i = 0; i < st->npos; i++)
		if (st->pos[i].parent != NULL && strcmp(st->pos[i].parent, code) == 0)
			return 1;
	return 0;
}

static void dispo_add_below(struct dispo_view *st, const char *code, int depth)
{
	if (depth >= DISPO_DEPTH_MAX)
		return;
	for (size_t i = 0; i < st->npos; i++) {
		if (st->pos[i].parent == NULL || strcmp(st->pos[i].parent, code) != 0)
			continue;
		st->tg = xreallocarray(st->tg, st->ntg + 1, sizeof *st->tg);
		st->tg[st->ntg].pos = i;
		st->tg[st->ntg].depth = depth;
		st->tg[st->ntg].ticked = 0;
		st->ntg++;
		dispo_add_below(st, st->pos[i].code, depth + 1);
	}
}

/* Recipients: every position below `from`, in tree order. */
static void dispo_targets(struct dispo_view *st)
{
	free(st->tg);
	st->tg = NULL;
	st->ntg = 0;
	st->tgl.cur = st->tgl.top = 0;
	if (st->from != NULL)
		dispo_add_below(st, st->from, 0);
}

/* Acting for the official at off_cur (pencatat). */
static void dispo_set_official(struct dispo_view *st)
{
	const struct dispo_official *o = &st->off[st->off_cur];
	free(st->from);
	free(st->on_behalf);
	st->from = xstrdup(st->pos[o->pos].code);
	const char *me = st->a->me.login;
	st->on_behalf = (me != NULL && strcmp(me, o->login) == 0) ? NULL : xstrdup(o->login);
	dispo_targets(st);
}

static int dispo_changed(const struct dispo_view *st)
{
	for (size_t i = 0; i < st->ntg; i++)
		if (st->tg[i].ticked)
			return 1;
	for (size_t i = 0; i < st->a->cfg.n_instructions; i++)
		if (st->instr[i])
			return 1;
	if (st->note.len > 0)
		return 1;
	char *d = dispo_line_text(&st->date);
	int ch = strcmp(d, st->date0 ? st->date0 : "") != 0;
	free(d);
	return ch;
}

static void dispo_free(struct screen *s)
{
	struct dispo_view *st = s->state;
	if (st == NULL)
		return;
	free(st->case_id);
	free(st->parent_id);
	case_clear(&st->rec);
	free(st->kind_title);
	positions_free(st->pos, st->npos);
	free(st->from);
	free(st->on_behalf);
	free(st->parent_from);
	for (size_t i = 0; i < st->noff; i++) {
		free(st->off[i].login);
		free(st->off[i].name);
	}
	free(st->off);
	free(st->tg);
	free(st->instr);
	free(st->note.b);
	free(st->date.b);
	free(st->date0);
	free(st->err);
	free(st);
	s->state = NULL;
}

/* ---- drawing -------------------------------------------------------------- */

/* Rows of the two lists for the current screen size. */
static void dispo_heights(const struct dispo_view *st, int *kh, int *ih)
{
	int avail = LINES - 11;
	if (avail < 2)
		avail = 2;
	int nt = st->ntg > 0 ? (int)st->ntg : 1;
	int ni = st->a->cfg.n_instructions > 0 ? (int)st->a->cfg.n_instructions : 1;
	if (nt + ni <= avail) {
		*kh = nt;
		*ih = ni;
		return;
	}
	int i = avail / 3;
	if (i < 3)
		i = 3;
	if (i > ni)
		i = ni;
	int k = avail - i;
	if (k > nt) {
		i += k - nt;
		k = nt;
	}
	if (k < 1)
		k = 1;
	if (i < 1)
		i = 1;
	*kh = k;
	*ih = i;
}

static void dispo_list_fit(struct dispo_list *l, int h, size_t n)
{
	l->h = h;
	if (n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= n)
		l->cur = n - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + (size_t)h)
		l->top = l->cur - (size_t)h + 1;
}

/* Section label; the focused one is marked. */
static void dispo_label(const struct dispo_view *st, int y, enum dispo_sec sec, const char *text)
{
	int f = st->sec == sec;
	ui_put_attr(y, 0, 1, f ? ">" : " ", A_BOLD, CP_NORMAL);
	ui_put_attr(y, 1, DISPO_LABEL_W - 1, text, f ? A_BOLD : A_NORMAL, CP_NORMAL);
}

static void dispo_draw(struct screen *s)
{
	struct dispo_view *st = s->state;
	struct app *a = st->a;
	erase();
	char *t = xasprintf(_("Disposisi: %s no. %s"), st->kind_title,
			    st->rec.number_text ? st->rec.number_text : "?");
	ui_title(t);
	free(t);

	int y = 1;
	char *l1 = xasprintf(_("Perihal: %s"), st->rec.subject ? st->rec.subject : "");
	ui_put(y++, 1, COLS - 2, l1);
	free(l1);
	char *l2 = xasprintf(_("Asal: %s  |  Sifat: %s  |  Urgensi: %s"),
			     st->rec.party ? st->rec.party : "-",
			     st->rec.security ? st->rec.security : "-",
			     st->rec.urgency ? st->rec.urgency : "-");
	ui_put_attr(y++, 1, COLS - 2, l2, A_DIM, CP_NORMAL);
	free(l2);

	int fx = DISPO_LABEL_W + 1;
	int fw = COLS - fx - 1;
	int cur_y = -1, cur_x = -1;
	if (st->behalf) {
		dispo_label(st, y, SEC_BEHALF, _("Atas nama:"));
		const struct dispo_official *o = &st->off[st->off_cur];
		char *v = xasprintf("< %s: %s >", app_position_name(a, st->pos[o->pos].code),
				    o->name ? o->name : o->login);
		ui_put_attr(y, fx, fw, v, A_NORMAL, st->sec == SEC_BEHALF ? CP_SELECT : CP_NORMAL);
		free(v);
	} else {
		dispo_label(st, y, SEC_COUNT, _("Dari:"));
		char *v;
		if (st->parent_id != NULL)
			v = xasprintf(_("%s (meneruskan disposisi dari %s)"),
				      app_position_name(a, st->from),
				      app_position_name(a, st->parent_from));
		else
			v = xstrdup(app_position_name(a, st->from));
		ui_put(y, fx, fw, v);
		free(v);
	}
	y++;

	int kh, ih;
	dispo_heights(st, &kh, &ih);

	/* Kepada */
	size_t nt = 0;
	for (size_t i = 0; i < st->ntg; i++)
		nt += st->tg[i].ticked != 0;
	dispo_label(st, y, SEC_TO, _("Kepada:"));
	char *kl = xasprintf(_("(%zu dipilih)"), nt);
	ui_put_attr(y, fx, fw, kl, A_DIM, CP_NORMAL);
	free(kl);
	y++;
	dispo_list_fit(&st->tgl, kh, st->ntg);
	for (int r = 0; r < kh; r++, y++) {
		size_t i = st->tgl.top + (size_t)r;
		if (st->ntg == 0) {
			if (r == 0) {
				char *m = xasprintf(_("(tidak ada jabatan di bawah %s)"),
						    app_position_name(a, st->from));
				ui_put_attr(y, 3, COLS - 4, m, A_DIM, CP_NORMAL);
				free(m);
			}
			continue;
		}
		if (i >= st->ntg)
			continue;
		const struct dispo_target *tg = &st->tg[i];
		struct buf b;
		buf_init(&b);
		buf_adds(&b, tg->ticked ? "[x] " : "[ ] ");
		for (int d = 0; d < tg->depth && d < 6; d++)
			buf_adds(&b, "  ");
		buf_adds(&b, app_position_name(a, st->pos[tg->pos].code));
		int sel = st->sec == SEC_TO && i == st->tgl.cur;
		if (sel)
			ui_fill(y, 2, COLS - 3, A_NORMAL, CP_SELECT);
		ui_put_attr(y, 3, COLS - 5, b.s, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
		buf_free(&b);
		if (r == 0 && st->tgl.top > 0)
			ui_put_attr(y, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
		if (r == kh - 1 && st->tgl.top + (size_t)kh < st->ntg)
			ui_put_attr(y, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);
	}

	/* Instruksi */
	size_t nin = a->cfg.n_instructions;
	size_t ni = 0;
	for (size_t i = 0; i < nin; i++)
		ni += st->instr[i] != 0;
	dispo_label(st, y, SEC_INSTR, _("Instruksi:"));
	char *il = xasprintf(_("(%zu dipilih)"), ni);
	ui_put_attr(y, fx, fw, il, A_DIM, CP_NORMAL);
	free(il);
	y++;
	dispo_list_fit(&st->inl, ih, nin);
	for (int r = 0; r < ih; r++, y++) {
		size_t i = st->inl.top + (size_t)r;
		if (i >= nin)
			continue;
		char *row = xasprintf("%s%s", st->instr[i] ? "[x] " : "[ ] ", a->cfg.instructions[i]);
		int sel = st->sec == SEC_INSTR && i == st->inl.cur;
		if (sel)
			ui_fill(y, 2, COLS - 3, A_NORMAL, CP_SELECT);
		ui_put_attr(y, 3, COLS - 5, row, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
		free(row);
		if (r == 0 && st->inl.top > 0)
			ui_put_attr(y, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
		if (r == ih - 1 && st->inl.top + (size_t)ih < nin)
			ui_put_attr(y, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);
	}

	/* Catatan, Batas waktu */
	dispo_label(st, y, SEC_NOTE, _("Catatan:"));
	int cx = dispo_line_draw(&st->note, y, fx, fw, st->sec == SEC_NOTE);
	if (st->sec == SEC_NOTE) {
		cur_y = y;
		cur_x = cx;
	}
	y++;
	dispo_label(st, y, SEC_DATE, _("Batas waktu:"));
	cx = dispo_line_draw(&st->date, y, fx, 11, st->sec == SEC_DATE);
	if (st->sec == SEC_DATE) {
		cur_y = y;
		cur_x = cx;
	}
	ui_put_attr(y, fx + 13, COLS - fx - 14, _("DD-MM-YYYY"), A_DIM, CP_NORMAL);
	y++;

	/* message line */
	if (st->err != NULL) {
		ui_put_attr(LINES - 3, 1, COLS - 2, st->err, A_NORMAL, CP_ERROR);
	} else {
		const char *h = "";
		switch (st->sec) {
		case SEC_BEHALF:
			h = _("Kiri/Kanan: pilih pejabat yang disposisinya dicatat");
			break;
		case SEC_TO:
		case SEC_INSTR:
			h = _("Spasi: pilih/batal  Atas/Bawah: pindah  Tab: bagian berikutnya");
			break;
		case SEC_NOTE:
			h = _("Catatan untuk penerima disposisi");
			break;
		case SEC_DATE:
			h = _("Kosongkan bila tanpa batas waktu");
			break;
		default:
			break;
		}
		ui_put_attr(LINES - 3, 1, COLS - 2, h, A_DIM, CP_NORMAL);
	}
	char *status = xasprintf(_("Disposisi | kepada: %zu | instruksi: %zu"), nt, ni);
	ui_status(status);
	free(status);
	if (cur_y >= 0)
		ui_cursor(cur_y, cur_x);
}

/* ---- keys ----------------------------------------------------------------- */

static void dispo_next_sec(struct dispo_view *st, int dir)
{
	int s = (int)st->sec;
	for (int i = 0; i < SEC_COUNT; i++) {
		s = (s + dir + SEC_COUNT) % SEC_COUNT;
		if (s == SEC_BEHALF && !st->behalf)
			continue;
		break;
	}
	st->sec = (enum dispo_sec)s;
}

/* Up/Down/PgUp/PgDn/Home/End in a list; a single step off an end changes
 * section. */
static void dispo_list_move(struct dispo_view *st, struct dispo_list *l, size_t n, long d)
{
	if (d == -1 && (n == 0 || l->cur == 0)) {
		dispo_next_sec(st, -1);
		return;
	}
	if (d == 1 && (n == 0 || l->cur + 1 >= n)) {
		dispo_next_sec(st, 1);
		return;
	}
	if (n == 0)
		return;
	long c = (long)l->cur + d;
	if (c < 0)
		c = 0;
	if (c >= (long)n)
		c = (long)n - 1;
	l->cur = (size_t)c;
}

static int dispo_save(struct dispo_view *st)
{
	struct app *a = st->a;
	free(st->err);
	st->err = NULL;
	size_t n = 0;
	const char **to = xcalloc(st->ntg + 1, sizeof *to);
	for (size_t i = 0; i < st->ntg; i++)
		if (st->tg[i].ticked)
			to[n++] = st->pos[st->tg[i].pos].code;
	if (n == 0) {
		st->err = xstrdup(_("Pilih minimal satu tujuan"));
		st->sec = SEC_TO;
		free(to);
		return H_REDRAW;
	}
	char *dtext = dispo_line_text(&st->date);
	char iso[11] = "";
	if (*dtext != '\0') {
		day_t d;
		if (date_parse_dmy(dtext, &d) != 0) {
			st->err = xasprintf(_("Batas waktu tidak valid '%s' (DD-MM-YYYY)"), dtext);
			st->sec = SEC_DATE;
			free(dtext);
			free(to);
			return H_REDRAW;
		}
		date_fmt_iso(d, iso);
	}
	free(dtext);
	struct buf ib;
	buf_init(&ib);
	buf_add(&ib, "", 0);
	for (size_t i = 0; i < a->cfg.n_instructions; i++) {
		if (!st->instr[i])
			continue;
		if (ib.len > 0)
			buf_adds(&ib, "; ");
		buf_adds(&ib, a->cfg.instructions[i]);
	}
	char *note = dispo_line_text(&st->note);
	char *cause = NULL;
	int rc;
	if (store_dispose(a->st, st->case_id, st->parent_id, st->from, to, n,
			  ib.len ? ib.s : NULL, *note ? note : NULL, *iso ? iso : NULL,
			  a->me.login, st->on_behalf, &cause) != 0) {
		ui_error("%s", cause ? cause : _("disposisi gagal"));
		rc = H_REDRAW;
	} else {
		ui_message(_("Disposisi dikirim ke %zu jabatan"), n);
		rc = H_POP;
	}
	free(cause);
	free(note);
	buf_free(&ib);
	free(to);
	return rc;
}

static int dispo_cancel(struct dispo_view *st)
{
	if (dispo_changed(st) && !ui_confirm(_("Batalkan disposisi? (y/t)")))
		return H_REDRAW;
	return H_POP;
}

static void dispo_cycle(struct dispo_view *st, int dir)
{
	if (st->noff < 2)
		return;
	st->off_cur = (st->off_cur + st->noff + (size_t)(dir < 0 ? -1 : 1)) % st->noff;
	dispo_set_official(st);
}

static int dispo_key(struct screen *s, int is_key, wint_t ch)
{
	struct dispo_view *st = s->state;
	struct app *a = st->a;
	free(st->err);
	st->err = NULL;

	/* keys that mean the same everywhere */
	if (is_key) {
		switch (ch) {
		case KEY_F(2):
			return dispo_save(st);
		case KEY_F(10):
			return dispo_cancel(st);
		case KEY_BTAB:
			dispo_next_sec(st, -1);
			return H_REDRAW;
		case KEY_ENTER:
			dispo_next_sec(st, 1);
			return H_REDRAW;
		default:
			break;
		}
	} else {
		switch (ch) {
		case 19: /* Ctrl-S */
			return dispo_save(st);
		case 27:
			return dispo_cancel(st);
		case '\t':
		case '\r':
		case '\n':
			dispo_next_sec(st, 1);
			return H_REDRAW;
		default:
			break;
		}
	}

	struct dispo_list *l = NULL;
	size_t n = 0;
	int *flag = NULL;
	switch (st->sec) {
	case SEC_BEHALF:
		if (is_key && (ch == KEY_LEFT || ch == KEY_RIGHT)) {
			dispo_cycle(st, ch == KEY_LEFT ? -1 : 1);
			return H_REDRAW;
		}
		if (!is_key && ch == ' ') {
			dispo_cycle(st, 1);
			return H_REDRAW;
		}
		if (is_key && (ch == KEY_DOWN || ch == KEY_UP)) {
			dispo_next_sec(st, ch == KEY_UP ? -1 : 1);
			return H_REDRAW;
		}
		return H_NONE;
	case SEC_TO:
		l = &st->tgl;
		n = st->ntg;
		if (n > 0)
			flag = &st->tg[l->cur < n ? l->cur : 0].ticked;
		break;
	case SEC_INSTR:
		l = &st->inl;
		n = a->cfg.n_instructions;
		if (n > 0)
			flag = &st->instr[l->cur < n ? l->cur : 0];
		break;
	case SEC_NOTE:
	case SEC_DATE:
		if (is_key && (ch == KEY_UP || ch == KEY_DOWN)) {
			dispo_next_sec(st, ch == KEY_UP ? -1 : 1);
			return H_REDRAW;
		}
		if (dispo_line_key(st->sec == SEC_NOTE ? &st->note : &st->date, is_key, ch))
			return H_REDRAW;
		return H_NONE;
	default:
		return H_NONE;
	}

	/* lists */
	long page = l->h > 1 ? l->h - 1 : 1;
	if (is_key) {
		switch (ch) {
		case KEY_UP:
			dispo_list_move(st, l, n, -1);
			return H_REDRAW;
		case KEY_DOWN:
			dispo_list_move(st, l, n, 1);
			return H_REDRAW;
		case KEY_PPAGE:
			dispo_list_move(st, l, n, -page);
			return H_REDRAW;
		case KEY_NPAGE:
			dispo_list_move(st, l, n, page);
			return H_REDRAW;
		case KEY_HOME:
			l->cur = 0;
			return H_REDRAW;
		case KEY_END:
			l->cur = n > 0 ? n - 1 : 0;
			return H_REDRAW;
		default:
			return H_NONE;
		}
	}
	switch (ch) {
	case ' ':
	case 'x':
		if (flag != NULL)
			*flag = !*flag;
		return H_REDRAW;
	case 'j':
		dispo_list_move(st, l, n, 1);
		return H_REDRAW;
	case 'k':
		dispo_list_move(st, l, n, -1);
		return H_REDRAW;
	default:
		return H_NONE;
	}
}

static void dispo_resize(struct screen *s)
{
	(void)s; /* geometry is computed at every draw */
}

/* ---- creation --------------------------------------------------------------- */

/* Positions a pencatat may record dispositions for: held by someone and with
 * positions below. */
static void dispo_officials(struct dispo_view *st)
{
	for (size_t i = 0; i < st->npos; i++) {
		if (!dispo_has_children(st, st->pos[i].code))
			continue;
		struct person p;
		memset(&p, 0, sizeof p);
		if (store_person_for_position(st->a->st, st->pos[i].code, &p) == 1) {
			st->off = xreallocarray(st->off, st->noff + 1, sizeof *st->off);
			st->off[st->noff].pos = i;
			st->off[st->noff].login = xstrdup(p.login);
			st->off[st->noff].name = xstrdup(p.name);
			st->noff++;
		}
		person_clear(&p);
	}
}

/* A disposition of case_id (top) or the forwarding of my open disposition
 * parent_id. NULL (after ui_error) when the case or parent is unknown. */
struct screen *dispo_screen_new(const char *case_id, const char *parent_id)
{
	struct app *a = ui_app();
	struct dispo_view *st = xcalloc(1, sizeof *st);
	st->a = a;
	st->case_id = xstrdup(case_id);
	st->parent_id = xstrdup(parent_id);
	if (case_id == NULL || store_case_get(a->st, case_id, &st->rec) != 1) {
		ui_error(_("Berkas tidak ditemukan"));
		goto fail;
	}
	const struct kind *k = kindset_find(&a->kinds, st->rec.kind);
	st->kind_title = xstrdup(k != NULL ? k->title : st->rec.kind);
	if (store_positions(a->st, &st->pos, &st->npos) != 0) {
		ui_error(_("Bagan jabatan tidak dapat dibaca"));
		goto fail;
	}

	if (parent_id != NULL) {
		struct dispo *d = NULL;
		size_t nd = 0;
		store_case_dispos(a->st, case_id, &d, &nd);
		for (size_t i = 0; i < nd; i++) {
			if (strcmp(d[i].id, parent_id) == 0) {
				st->from = xstrdup(d[i].to_pos);
				st->parent_from = xstrdup(d[i].from_pos);
			}
		}
		dispos_free(d, nd);
		if (st->from == NULL) {
			ui_error(_("Disposisi yang diteruskan tidak ditemukan"));
			goto fail;
		}
		if (a->me.position == NULL || strcmp(a->me.position, st->from) != 0) {
			/* a clerk records the holder's forwarding */
			struct person p;
			memset(&p, 0, sizeof p);
			if (store_person_for_position(a->st, st->from, &p) == 1)
				st->on_behalf = xstrdup(p.login);
			person_clear(&p);
		}
		dispo_targets(st);
	} else if (person_has_role(&a->me, "pencatat")) {
		dispo_officials(st);
		if (st->noff == 0) {
			ui_error(_("Tidak ada pejabat dengan bawahan dalam bagan jabatan"));
			goto fail;
		}
		st->behalf = 1;
		st->off_cur = 0;
		for (size_t i = 0; i < st->noff; i++)
			if (strcmp(st->pos[st->off[i].pos].code, "kadis") == 0)
				st->off_cur = i;
		dispo_set_official(st);
	} else {
		if (!a->me_known || a->me.position == NULL) {
			ui_error(_("Login %s tidak terdaftar sebagai pegawai"),
				 a->me.login ? a->me.login : "?");
			goto fail;
		}
		st->from = xstrdup(a->me.position);
		dispo_targets(st);
	}

	st->instr = xcalloc(a->cfg.n_instructions + 1, sizeof *st->instr);
	dispo_line_set(&st->note, "", DISPO_NOTE_MAX);
	char iso[11], dmy[11] = "";
	day_t d;
	app_default_deadline(a, st->rec.urgency, iso);
	if (date_parse_iso(iso, &d) == 0)
		date_fmt_dmy(d, dmy);
	st->date0 = xstrdup(dmy);
	dispo_line_set(&st->date, dmy, 10);
	st->sec = st->behalf ? SEC_BEHALF : SEC_TO;
	return ui_screen_new(&dispo_ops, st, 0);

fail:;
	struct screen tmp = { &dispo_ops, st, 0 };
	dispo_free(&tmp);
	return NULL;
}

static const struct screen_ops dispo_ops = {
	.name = "dispo",
	.draw = dispo_draw,
	.key = dispo_key,
	.resize = dispo_resize,
	.resume = NULL,
	.free = dispo_free,
	.fkeys = N_("F1 Bantuan  F2 Kirim  Tab Bagian  Spasi Pilih  Esc Batal"),
};
