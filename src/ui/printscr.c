/* printscr.c: modal print menu for a case: lembar disposisi, kartu kendali or lembar pengantar. */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "print.h"
#include "util.h"

enum { PR_DISPOSISI, PR_SECOND, PR_ALL, PR_COUNT };

struct print_screen {
	struct app *a;
	char       *case_id;     /* owned */
	char       *number_text; /* owned */
	char       *subject;     /* owned */
	int         penting;     /* 1: kartu kendali, 0: lembar pengantar */
	int         cur;         /* PR_* */
};

static const struct screen_ops print_screen_ops;

static const char *print_screen_item(const struct print_screen *ps, int i)
{
	switch (i) {
	case PR_DISPOSISI:
		return _("Lembar disposisi");
	case PR_SECOND:
		return ps->penting ? _("Kartu kendali (3 rangkap)") : _("Lembar pengantar");
	default:
		return _("Semua");
	}
}

static void print_screen_draw(struct screen *s)
{
	struct print_screen *ps = s->state;
	int w = COLS - 10 < 64 ? COLS - 10 : 64;
	int h = 11;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, _("Cetak"));
	char *head = xasprintf(_("No. %s: %s"), ps->number_text ? ps->number_text : "?",
			       ps->subject ? ps->subject : "");
	ui_put(y + 1, x + 2, w - 4, head);
	free(head);
	for (int i = 0; i < PR_COUNT; i++) {
		int sel = i == ps->cur;
		char *row = xasprintf("%d  %s", i + 1, print_screen_item(ps, i));
		if (sel)
			ui_fill(y + 3 + i, x + 1, w - 2, A_NORMAL, CP_SELECT);
		ui_put_attr(y + 3 + i, x + 3, w - 5, row, A_NORMAL, sel ? CP_SELECT : CP_NORMAL);
		free(row);
	}
	char *cmd = xasprintf(_("Enter: cetak dengan '%s'"),
			      ps->a->cfg.print_command ? ps->a->cfg.print_command : "lp");
	ui_put_attr(y + 7, x + 2, w - 4, cmd, A_DIM, CP_NORMAL);
	free(cmd);
	ui_put_attr(y + 8, x + 2, w - 4, _("s: simpan ke berkas   Esc/q: tutup"), A_DIM, CP_NORMAL);
}

/* Text of the chosen sheets; NULL after ui_error. Caller frees. */
static char *print_screen_text(struct print_screen *ps)
{
	char *cause = NULL;
	char *text;
	switch (ps->cur) {
	case PR_DISPOSISI:
		text = print_sheet(ps->a, ps->case_id, SHEET_DISPOSISI, &cause);
		break;
	case PR_SECOND:
		text = print_sheet(ps->a, ps->case_id,
				   ps->penting ? SHEET_KARTU_KENDALI : SHEET_PENGANTAR, &cause);
		break;
	default:
		text = print_letter(ps->a, ps->case_id, &cause);
		break;
	}
	if (text == NULL)
		ui_error("%s", cause ? cause : _("gagal menyiapkan cetakan"));
	free(cause);
	return text;
}

/* Prints (path NULL) or saves the chosen sheets. */
static int print_screen_out(struct print_screen *ps, const char *path)
{
	char *text = print_screen_text(ps);
	if (text == NULL)
		return H_REDRAW;
	char *cause = NULL;
	int rc = print_output(ps->a, text, path, &cause);
	free(text);
	/* a print command may have written to the terminal */
	clearok(curscr, TRUE);
	if (rc != 0) {
		ui_error("%s", cause ? cause : _("gagal mencetak"));
		free(cause);
		return H_REDRAW;
	}
	free(cause);
	if (path != NULL)
		ui_message(_("Disimpan ke %s"), path);
	else
		ui_message(_("Dicetak dengan '%s'"),
			   ps->a->cfg.print_command ? ps->a->cfg.print_command : "lp");
	return H_POP;
}

static int print_screen_save(struct print_screen *ps)
{
	char *def = xasprintf("%s-%s.txt", ps->cur == PR_DISPOSISI ? "disposisi"
				 : ps->cur == PR_SECOND ? (ps->penting ? "kartu-kendali" : "pengantar")
				 : "cetak", ps->number_text ? ps->number_text : "berkas");
	for (char *p = def; *p; p++)
		if (*p == '/' || *p == ' ')
			*p = '-';
	char *path = ui_prompt(_("Simpan ke berkas: "), def);
	free(def);
	if (path == NULL)
		return H_REDRAW;
	str_trim(path);
	int rc = H_REDRAW;
	if (*path != '\0')
		rc = print_screen_out(ps, path);
	free(path);
	return rc;
}

static int print_screen_key(struct screen *s, int is_key, wint_t ch)
{
	struct print_screen *ps = s->state;
	if (is_key) {
		switch (ch) {
		case KEY_UP:
			if (ps->cur > 0)
				ps->cur--;
			return H_REDRAW;
		case KEY_DOWN:
			if (ps->cur < PR_COUNT - 1)
				ps->cur++;
			return H_REDRAW;
		case KEY_ENTER:
			return print_screen_out(ps, NULL);
		case KEY_F(10):
			return H_POP;
		default:
			return H_NONE;
		}
	}
	switch (ch) {
	case '1':
	case '2':
	case '3':
		ps->cur = (int)(ch - '1');
		return H_REDRAW;
	case 'k':
		if (ps->cur > 0)
			ps->cur--;
		return H_REDRAW;
	case 'j':
		if (ps->cur < PR_COUNT - 1)
			ps->cur++;
		return H_REDRAW;
	case '\r':
	case '\n':
		return print_screen_out(ps, NULL);
	case 's':
	case 'S':
		return print_screen_save(ps);
	case 27:
	case 'q':
		return H_POP;
	default:
		return H_NONE;
	}
}

static void print_screen_free(struct screen *s)
{
	struct print_screen *ps = s->state;
	if (ps == NULL)
		return;
	free(ps->case_id);
	free(ps->number_text);
	free(ps->subject);
	free(ps);
	s->state = NULL;
}

/* The print menu of case_id; NULL (after ui_error) when the case is unknown. */
struct screen *print_screen_new(const char *case_id)
{
	struct app *a = ui_app();
	struct case_rec rec;
	memset(&rec, 0, sizeof rec);
	if (case_id == NULL || store_case_get(a->st, case_id, &rec) != 1) {
		ui_error(_("Berkas tidak ditemukan"));
		case_clear(&rec);
		return NULL;
	}
	struct print_screen *ps = xcalloc(1, sizeof *ps);
	ps->a = a;
	ps->case_id = xstrdup(case_id);
	ps->number_text = xstrdup(rec.number_text);
	ps->subject = xstrdup(rec.subject);
	ps->penting = rec.penting != NULL && strcmp(rec.penting, "P") == 0;
	case_clear(&rec);
	return ui_screen_new(&print_screen_ops, ps, 1);
}

static const struct screen_ops print_screen_ops = {
	.name = "print",
	.draw = print_screen_draw,
	.key = print_screen_key,
	.resize = NULL,
	.resume = NULL,
	.free = print_screen_free,
	.fkeys = N_("1-3 Pilih  Enter Cetak  s Simpan  Esc Tutup"),
};
