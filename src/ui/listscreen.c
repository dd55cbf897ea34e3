/* listscreen.c: the search, limit, sort and status plumbing of the list screens (see listscreen.h). */
#include <stdlib.h>

#include "listscreen.h"
#include "util.h"

void ls_init(struct lscreen *ls, struct listview *lv, const struct ls_ops *ops, void *ctx,
	     int sort, int nsort)
{
	ls->lv = lv;
	ls->ops = ops;
	ls->ctx = ctx;
	ls->search = ls->limit = NULL;
	ls->sort = sort;
	ls->nsort = nsort;
	ls->reverse = 0;
	ls->all_total = -1;
	ls_place(ls);
}

void ls_free(struct lscreen *ls)
{
	listview_free(ls->lv);
	free(ls->search);
	free(ls->limit);
	ls->lv = NULL;
	ls->search = ls->limit = NULL;
}

void ls_place(struct lscreen *ls)
{
	listview_place(ls->lv, 2, 0, LINES - 4, COLS);
}

/* Rows without search and limit, for "shown/all". */
static void ls_count_all(struct lscreen *ls)
{
	if (ls->search == NULL && ls->limit == NULL) {
		ls->all_total = listview_total(ls->lv);
		return;
	}
	char *cause = NULL;
	ls->all_total = ls->ops->count_all(ls->ctx, &cause);
	free(cause);
}

int ls_requery(struct lscreen *ls, char **cause)
{
	ls->ops->apply(ls->ctx, ls);
	if (listview_reset(ls->lv, 0, cause) < 0)
		return -1;
	ls_count_all(ls);
	return 0;
}

static void ls_show_error(char *cause)
{
	ui_error("%s", cause ? cause : _("gagal membaca daftar"));
	free(cause);
}

void ls_requery_shown(struct lscreen *ls)
{
	char *cause = NULL;
	if (ls_requery(ls, &cause) < 0)
		ls_show_error(cause);
}

void ls_refresh(struct lscreen *ls)
{
	char *cause = NULL;
	ls->ops->apply(ls->ctx, ls);
	if (listview_reload(ls->lv, 1, &cause) < 0) {
		ls_show_error(cause);
		return;
	}
	ls_count_all(ls);
}

/* Sets the search (which = 0) or limit (1) text; a bad one is reported and the
 * previous one kept. Takes text over (NULL or "" clears). */
static void ls_set_filter(struct lscreen *ls, int which, char *text)
{
	char **slot = which ? &ls->limit : &ls->search;
	char *old = *slot;
	char *cause = NULL;
	if (text != NULL && *str_trim(text) == '\0') {
		free(text);
		text = NULL;
	}
	*slot = text;
	if (ls_requery(ls, &cause) < 0) {
		ls_show_error(cause);
		cause = NULL;
		free(*slot);
		*slot = old;
		if (ls_requery(ls, &cause) < 0)
			free(cause);
		return;
	}
	free(old);
}

int ls_key(struct lscreen *ls, int is_key, wint_t *ch, const char fletter[10])
{
	if (listview_key(ls->lv, is_key, *ch) == H_DONE)
		return H_DONE;
	if (is_key) {
		if (*ch == KEY_F(5)) {
			ls_refresh(ls);
			return H_DONE;
		}
		if (*ch == KEY_ENTER)
			*ch = '\n';
		else if (*ch >= KEY_F(1) && *ch <= KEY_F(10))
			*ch = (unsigned char)fletter[*ch - KEY_F(1)];
		else
			*ch = 0;
	}
	char *text;
	switch (*ch) {
	case '/':
		text = ui_prompt(_("Cari: "), ls->search);
		if (text != NULL)
			ls_set_filter(ls, 0, text);
		return H_DONE;
	case 'l':
		text = ui_prompt(_("Batasi: "), ls->limit);
		if (text != NULL)
			ls_set_filter(ls, 1, text);
		return H_DONE;
	case 'o':
		ls->sort = (ls->sort + 1) % ls->nsort;
		ls_requery_shown(ls);
		return H_DONE;
	case 'O':
		ls->reverse = !ls->reverse;
		ls_requery_shown(ls);
		return H_DONE;
	default:
		return H_NONE;
	}
}

void ls_top(const char *title, day_t today)
{
	char d[11];
	date_fmt_dmy(today, d);
	ui_fill(0, 0, COLS, A_NORMAL, CP_HEADER);
	ui_put_attr(0, 1, COLS - 14, title, A_BOLD, CP_HEADER);
	ui_put_attr(0, COLS - 11, 10, d, A_NORMAL, CP_HEADER);
}

void ls_head_row(void)
{
	ui_fill(1, 0, COLS, ui_color() ? A_NORMAL : A_UNDERLINE, CP_NORMAL);
}

void ls_status(const struct lscreen *ls, const char *what, const char *extra)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s | ", what);
	long shown = listview_total(ls->lv);
	char num[24];
	if (shown < 0) {
		buf_adds(&b, "?");
	} else {
		store_count_text(shown, num);
		buf_adds(&b, num);
	}
	if (ls->all_total >= 0)
		buf_printf(&b, "/%ld", ls->all_total);
	else
		buf_adds(&b, "/?");
	if (extra != NULL)
		buf_printf(&b, " | %s", extra);
	if (ls->search != NULL)
		buf_printf(&b, " | %s %s", _("cari:"), ls->search);
	if (ls->limit != NULL)
		buf_printf(&b, " | %s %s", _("batasi:"), ls->limit);
	buf_printf(&b, " | %s %s%s", _("urut:"), ls->ops->sort_label(ls->sort),
		   ls->reverse ? _(" (terbalik)") : "");
	ui_status(b.s);
	buf_free(&b);
}

void ls_screen_resize(struct screen *s)
{
	ls_place(s->state);
}

void ls_screen_resume(struct screen *s)
{
	ls_refresh(s->state);
}
