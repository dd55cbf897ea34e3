/* formwidget.c: the labelled libform form shared by the case and cooperative forms
 * (see formwidget.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "formwidget.h"

#define FW_TOP       2 /* first screen row of the field area */
#define FW_NOTE_ROWS 6 /* most rows of an error or note under a field */

/* Rows of the field area on screen. */
static int fw_area_h(void)
{
	int h = LINES - FW_TOP - 3;
	return h < 1 ? 1 : h;
}

void fw_init(struct fwidget *fw, const struct fw_ops *ops, void *ctx, size_t n,
	     int label_max, int label_num, int label_den)
{
	memset(fw, 0, sizeof *fw);
	fw->ops = ops;
	fw->ctx = ctx;
	fw->n = n;
	fw->slot = xcalloc(n + 1, sizeof *fw->slot);
	fw->label_max = label_max;
	fw->label_num = label_num;
	fw->label_den = label_den;
}

/* ---- multi-line text ------------------------------------------------------------ */

/* Text of a multi-line field buffer: rows trimmed and joined; a row filled to
 * its last column was broken mid-word and joins without a space. */
static char *fw_join_rows(const char *buf, int dcols)
{
	size_t len = mbstowcs(NULL, buf, 0);
	if (len == (size_t)-1 || dcols <= 0)
		return str_trim(xstrdup(buf));
	wchar_t *w = xcalloc(len + 1, sizeof *w);
	mbstowcs(w, buf, len + 1);
	wchar_t *out = xcalloc(len + 1, sizeof *out);
	size_t o = 0;
	int joined_full = 0; /* previous row was full */
	for (size_t r = 0; r * (size_t)dcols < len; r++) {
		size_t beg = r * (size_t)dcols, end = beg + (size_t)dcols;
		if (end > len)
			end = len;
		size_t e = end;
		while (e > beg && w[e - 1] == L' ')
			e--;
		size_t b = beg;
		if (e == b)
			continue;
		if (o > 0 && !joined_full)
			out[o++] = L' ';
		for (; b < e; b++)
			out[o++] = w[b];
		joined_full = (e == end && end - beg == (size_t)dcols);
	}
	out[o] = L'\0';
	size_t mlen = wcstombs(NULL, out, 0);
	char *s = xmalloc(mlen == (size_t)-1 ? 1 : mlen + 1);
	if (mlen == (size_t)-1)
		s[0] = '\0';
	else
		wcstombs(s, out, mlen + 1);
	free(w);
	free(out);
	return str_trim(s);
}

/* Appends one row of cols wide characters to b. */
static void fw_put_row(struct buf *b, const wchar_t *line, int cols)
{
	char mb[MB_LEN_MAX * 2];
	for (int c = 0; c < cols; c++) {
		size_t m = wcrtomb(mb, line[c], NULL);
		buf_add(b, mb, m == (size_t)-1 ? 0 : m);
	}
}

/* text laid out in rows of cols characters (word wrap, padded with blanks),
 * as a multi-line field buffer. *rows gets the number of rows. */
static char *fw_wrap_rows(const char *text, int cols, int *rows)
{
	char *safe = str_sanitize(text, 1);
	size_t len = mbstowcs(NULL, safe, 0);
	if (len == (size_t)-1) {
		*rows = 1;
		return safe;
	}
	wchar_t *w = xcalloc(len + 1, sizeof *w);
	mbstowcs(w, safe, len + 1);
	free(safe);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	wchar_t *line = xcalloc((size_t)cols + 1, sizeof *line);
	int n = 0, r = 0;
	size_t i = 0;
	for (;;) {
		while (i < len && w[i] == L' ')
			i++;
		size_t j = i;
		while (j < len && w[j] != L' ')
			j++;
		int wl = (int)(j - i);
		if (i >= len || (n > 0 && n + 1 + wl > cols)) {
			/* flush the row */
			while (n < cols)
				line[n++] = L' ';
			line[n] = L'\0';
			fw_put_row(&b, line, cols);
			r++;
			n = 0;
			if (i >= len)
				break;
			continue;
		}
		if (n > 0)
			line[n++] = L' ';
		while (i < j) {
			if (n == cols) {
				/* a word longer than the row: break it */
				fw_put_row(&b, line, cols);
				r++;
				n = 0;
			}
			line[n++] = w[i++];
		}
	}
	free(line);
	free(w);
	*rows = r > 0 ? r : 1;
	return buf_steal(&b);
}

/* ---- values ------------------------------------------------------------------------ */

/* Current text of a slot's field. Caller frees. */
static char *fw_field_text(const struct fw_slot *sl)
{
	const char *buf = field_buffer(sl->field, 0);
	if (buf == NULL)
		return xstrdup("");
	if (sl->rows > 1) {
		int drows, dcols, max;
		if (dynamic_field_info(sl->field, &drows, &dcols, &max) != E_OK)
			dcols = sl->width;
		return fw_join_rows(buf, dcols);
	}
	return str_trim(xstrdup(buf));
}

/* Copies every field into its slot value. REQ_VALIDATION syncs the current
 * field's buffer; it is skipped for a multi-line field unless all is set,
 * because between two keys it breaks libform's word wrap (a character at the
 * end of a full row is lost). */
static void fw_sync_ex(struct fwidget *fw, int all)
{
	if (fw->form == NULL)
		return;
	FIELD *cf = current_field(fw->form);
	size_t cur = cf != NULL ? fw->fslot[field_index(cf)] : fw->cur;
	int skip = !all && fw->slot[cur].rows > 1;
	if (!skip)
		form_driver(fw->form, REQ_VALIDATION);
	for (size_t i = 0; i < fw->n; i++) {
		struct fw_slot *sl = &fw->slot[i];
		if (sl->field == NULL || (skip && i == cur))
			continue;
		free(sl->value);
		sl->value = fw_field_text(sl);
	}
	fw->cur = cur;
}

void fw_sync(struct fwidget *fw)
{
	fw_sync_ex(fw, 1);
}

int fw_changed(struct fwidget *fw)
{
	fw_sync(fw);
	for (size_t i = 0; i < fw->n; i++) {
		const struct fw_slot *sl = &fw->slot[i];
		if (sl->field == NULL)
			continue;
		if (strcmp(sl->value ? sl->value : "", sl->initial ? sl->initial : "") != 0)
			return 1;
	}
	return 0;
}

void fw_set_value(struct fwidget *fw, struct fw_slot *sl, const char *value)
{
	(void)fw;
	char *safe = str_sanitize(value, 1);
	set_field_buffer(sl->field, 0, safe);
	free(safe);
	free(sl->value);
	sl->value = xstrdup(value);
}

/* ---- layout ------------------------------------------------------------------------ */

static void fw_hook_in(FORM *f)
{
	set_field_fore(current_field(f), ui_attr(CP_SELECT));
	set_field_back(current_field(f), ui_attr(CP_SELECT));
}

static void fw_hook_out(FORM *f)
{
	set_field_fore(current_field(f), A_UNDERLINE);
	set_field_back(current_field(f), A_UNDERLINE);
}

void fw_teardown(struct fwidget *fw)
{
	if (fw->form != NULL) {
		unpost_form(fw->form);
		free_form(fw->form);
		fw->form = NULL;
	}
	for (size_t i = 0; i < fw->nf; i++)
		free_field(fw->fields[i]);
	for (size_t i = 0; i < fw->n; i++) {
		fw->slot[i].field = NULL;
		ui_lines_free(fw->slot[i].note_lines, fw->slot[i].n_note);
		fw->slot[i].note_lines = NULL;
		fw->slot[i].n_note = 0;
	}
	free(fw->fields);
	free(fw->fslot);
	fw->fields = NULL;
	fw->fslot = NULL;
	fw->nf = 0;
	if (fw->pad != NULL) {
		delwin(fw->pad);
		fw->pad = NULL;
	}
}

/* The field of slot sl at pad row, w columns, from the shape. */
static FIELD *fw_new_field(struct fw_slot *sl, int row, int w, int dynamic, int grow)
{
	FIELD *f = new_field(sl->rows, w, row, 0, 0, 0);
	if (f == NULL)
		abort();
	field_opts_off(f, O_AUTOSKIP | O_BLANK);
	if (dynamic) {
		field_opts_off(f, O_STATIC);
		if (grow > 0 && grow >= (sl->rows > 1 ? sl->rows : w))
			set_max_field(f, grow);
	}
	set_field_fore(f, A_UNDERLINE);
	set_field_back(f, A_UNDERLINE);
	const char *v = sl->value ? sl->value : "";
	char *b;
	if (sl->rows > 1) {
		int nr;
		b = fw_wrap_rows(v, w, &nr);
	} else {
		b = str_sanitize(v, 1);
	}
	set_field_buffer(f, 0, b);
	free(b);
	set_field_status(f, FALSE);
	return f;
}

void fw_build(struct fwidget *fw)
{
	fw->lines = LINES;
	fw->cols = COLS;

	int lw = 0;
	for (size_t i = 0; i < fw->n; i++) {
		int w = str_width(fw->slot[i].label) + (fw->slot[i].required ? 2 : 0);
		if (w > lw)
			lw = w;
	}
	int cap = COLS * fw->label_num / fw->label_den;
	if (cap > fw->label_max)
		cap = fw->label_max;
	if (lw > cap)
		lw = cap;
	if (lw < 4)
		lw = 4;
	fw->label_w = lw;
	fw->field_x = 1 + lw + 1;
	int avail = COLS - fw->field_x - 1;
	if (avail < 10)
		avail = 10;

	fw->fields = xcalloc(fw->n + 1, sizeof *fw->fields);
	fw->fslot = xcalloc(fw->n + 1, sizeof *fw->fslot);
	fw->nf = 0;
	int row = 0;
	for (size_t i = 0; i < fw->n; i++) {
		struct fw_slot *sl = &fw->slot[i];
		sl->row = row;
		sl->rows = 1;
		sl->field = NULL;
		if (sl->err != NULL || sl->note != NULL) {
			sl->note_lines = ui_wrap(sl->err ? sl->err : sl->note, COLS - fw->field_x - 1,
						 &sl->n_note);
			while (sl->n_note > FW_NOTE_ROWS)
				free(sl->note_lines[--sl->n_note]);
		}
		if (sl->fixed) {
			sl->width = avail;
			row += 1 + (int)sl->n_note;
			continue;
		}
		int w = avail, dynamic = 0, grow = 0;
		fw->ops->shape(fw->ctx, i, avail, &sl->rows, &w, &dynamic, &grow);
		if (sl->rows < 1)
			sl->rows = 1;
		if (w > avail)
			w = avail;
		if (w < 1)
			w = 1;
		sl->width = w;
		sl->field = fw_new_field(sl, row, w, dynamic, grow);
		fw->fslot[fw->nf] = i;
		fw->fields[fw->nf++] = sl->field;
		row += sl->rows + (int)sl->n_note;
	}
	fw->fields[fw->nf] = NULL;

	fw->pad_rows = row > fw_area_h() ? row : fw_area_h();
	fw->pad_cols = avail;
	fw->pad = newpad(fw->pad_rows, fw->pad_cols);
	if (fw->pad == NULL)
		abort();
	if (fw->nf == 0)
		return;
	fw->form = new_form(fw->fields);
	if (fw->form == NULL)
		abort();
	/* Backspace at the start of a field must not jump into the previous
	 * field (and insert there); Enter is ours, not libform's. */
	form_opts_off(fw->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(fw->form, fw->pad);
	set_form_sub(fw->form, fw->pad);
	set_field_init(fw->form, fw_hook_in);
	set_field_term(fw->form, fw_hook_out);
	post_form(fw->form);
	form_driver(fw->form, REQ_INS_MODE);
	if (fw->slot[fw->cur].field != NULL)
		set_current_field(fw->form, fw->slot[fw->cur].field);
	else
		fw->cur = fw->fslot[field_index(current_field(fw->form))];
	form_driver(fw->form, REQ_END_FIELD);
}

void fw_relayout(struct fwidget *fw)
{
	fw_teardown(fw);
	fw_build(fw);
}

void fw_rebuild(struct fwidget *fw)
{
	fw_sync(fw);
	fw_relayout(fw);
}

void fw_free(struct fwidget *fw)
{
	fw_teardown(fw);
	for (size_t i = 0; i < fw->n; i++) {
		struct fw_slot *sl = &fw->slot[i];
		free(sl->value);
		free(sl->initial);
		free(sl->err);
		free(sl->note);
		for (size_t j = 0; j < sl->n_items; j++) {
			free(sl->items[j].code);
			free(sl->items[j].label);
		}
		free(sl->items);
	}
	free(fw->slot);
	free(fw->gen_err);
	fw->slot = NULL;
	fw->gen_err = NULL;
	fw->n = 0;
}

/* ---- drawing ------------------------------------------------------------------------ */

/* Keeps the current slot (and its message lines) on screen. */
static void fw_scroll(struct fwidget *fw)
{
	int h = fw_area_h();
	const struct fw_slot *sl = &fw->slot[fw->cur];
	int first = sl->row, last = sl->row + sl->rows + (int)sl->n_note - 1;
	size_t before = 0; /* slots with a field above the current one */
	for (size_t i = 0; i < fw->cur; i++)
		before += fw->slot[i].field != NULL;
	if (before == 0)
		first = 0; /* the first field shows what stands above it */
	if (last >= fw->top + h)
		fw->top = last - h + 1;
	if (first < fw->top)
		fw->top = first;
	int total = 0;
	if (fw->n > 0) {
		const struct fw_slot *end = &fw->slot[fw->n - 1];
		total = end->row + end->rows + (int)end->n_note;
	}
	if (fw->top > total - h)
		fw->top = total - h;
	if (fw->top < 0)
		fw->top = 0;
}

void fw_prepare(struct fwidget *fw)
{
	if (fw->lines != LINES || fw->cols != COLS)
		fw_rebuild(fw);
	fw_sync_ex(fw, 0);
}

/* The label, and the hint or the fixed text, of slot i at screen row y. */
static void fw_draw_label(struct fwidget *fw, size_t i, int y)
{
	const struct fw_slot *sl = &fw->slot[i];
	int cur = i == fw->cur;
	char *fit = str_fit(sl->label, fw->label_w - (sl->required ? 2 : 0));
	char *lab = sl->required ? xasprintf("%s *", fit) : xstrdup(fit);
	ui_put_attr(y, 1, fw->label_w, lab, cur ? A_BOLD : A_NORMAL,
		    sl->err != NULL ? CP_ERROR : CP_NORMAL);
	free(fit);
	free(lab);
	char *hint = fw->ops->hint(fw->ctx, i, cur);
	if (sl->fixed) {
		ui_put_attr(y, fw->field_x, COLS - fw->field_x - 1, hint ? hint : "", A_DIM,
			    CP_NORMAL);
	} else {
		int hx = fw->field_x + sl->width + 2;
		if (hint != NULL && hx < COLS - 4)
			ui_put_attr(y, hx, COLS - hx - 1, hint, A_DIM, CP_NORMAL);
	}
	free(hint);
}

void fw_draw(struct fwidget *fw, const char *title, const char *what)
{
	fw_scroll(fw);
	erase();
	ui_title(title);

	int h = fw_area_h();
	int cy = -1, cx = -1;
	if (fw->form != NULL) {
		pos_form_cursor(fw->form);
		getyx(fw->pad, cy, cx);
		int nrows = fw->pad_rows - fw->top;
		if (nrows > h)
			nrows = h;
		int ncols = fw->pad_cols;
		if (fw->field_x + ncols > COLS)
			ncols = COLS - fw->field_x;
		if (nrows > 0 && ncols > 0)
			copywin(fw->pad, stdscr, fw->top, 0, FW_TOP, fw->field_x,
				FW_TOP + nrows - 1, fw->field_x + ncols - 1, FALSE);
	}

	for (size_t i = 0; i < fw->n; i++) {
		const struct fw_slot *sl = &fw->slot[i];
		int y = FW_TOP + sl->row - fw->top;
		if (y >= FW_TOP && y < FW_TOP + h)
			fw_draw_label(fw, i, y);
		if (sl->rows > 1 && y >= FW_TOP && y + sl->rows - 1 < FW_TOP + h &&
		    sl->value != NULL && *sl->value != '\0') {
			/* more text than the field shows */
			int nr;
			char *b = fw_wrap_rows(sl->value, sl->width, &nr);
			free(b);
			if (nr > sl->rows)
				ui_put_attr(y + sl->rows - 1, COLS - 1, 1, "+", A_BOLD, CP_NORMAL);
		}
		int ey = y + sl->rows;
		for (size_t j = 0; j < sl->n_note; j++, ey++)
			if (ey >= FW_TOP && ey < FW_TOP + h)
				ui_put_attr(ey, fw->field_x, COLS - fw->field_x - 1, sl->note_lines[j],
					    sl->err ? A_NORMAL : A_BOLD, sl->err ? CP_ERROR : CP_DUE);
	}
	/* scroll marks */
	if (fw->top > 0)
		ui_put_attr(FW_TOP, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
	if (fw->top + h < fw->pad_rows)
		ui_put_attr(FW_TOP + h - 1, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);

	/* help or error of the current field */
	const struct fw_slot *cs = &fw->slot[fw->cur];
	if (cs->err != NULL) {
		char *m = xasprintf("%s: %s", cs->label, cs->err);
		ui_put_attr(LINES - 3, 1, COLS - 2, m, A_NORMAL, CP_ERROR);
		free(m);
	} else if (fw->gen_err != NULL) {
		ui_put_attr(LINES - 3, 1, COLS - 2, fw->gen_err, A_NORMAL, CP_ERROR);
	} else {
		char *m = fw->ops->help(fw->ctx, fw->cur);
		ui_put_attr(LINES - 3, 1, COLS - 2, m, A_DIM, CP_NORMAL);
		free(m);
	}

	char *status;
	size_t pos = 0, nin = 0;
	for (size_t i = 0; i < fw->n; i++) {
		if (fw->slot[i].field == NULL)
			continue;
		nin++;
		if (i == fw->cur)
			pos = nin;
	}
	if (fw->n_err > 0)
		status = xasprintf(_("%d isian perlu diperbaiki"), fw->n_err);
	else
		status = xasprintf(_("%s | isian %zu/%zu"), what, pos, nin);
	ui_status(status);
	free(status);

	if (cy >= 0 && cy - fw->top >= 0 && cy - fw->top < h)
		ui_cursor(FW_TOP + cy - fw->top, fw->field_x + cx);
}

/* ---- moving ------------------------------------------------------------------------- */

void fw_move(struct fwidget *fw, int req)
{
	/* leave the field showing its start */
	form_driver(fw->form, REQ_BEG_FIELD);
	if (form_driver(fw->form, req) == E_OK)
		form_driver(fw->form, REQ_END_FIELD);
	FIELD *cf = current_field(fw->form);
	if (cf != NULL)
		fw->cur = fw->fslot[field_index(cf)];
}

/* Up/Down: inside a multi-line field first, then to the next field. */
static void fw_updown(struct fwidget *fw, int up)
{
	const struct fw_slot *sl = &fw->slot[fw->cur];
	if (sl->rows > 1) {
		/* A growable field accepts REQ_DOWN_CHAR forever: stay inside only
		 * while there are rows of the field's buffer below the cursor. */
		int drows = 0, dcols = 0, dmax = 0;
		FIELD *f = current_field(fw->form);
		int row = fw->form->currow;
		if (f != NULL)
			dynamic_field_info(f, &drows, &dcols, &dmax);
		int inside = up ? row > 0 : row < drows - 1;
		if (inside && form_driver(fw->form, up ? REQ_UP_CHAR : REQ_DOWN_CHAR) == E_OK)
			return;
	}
	fw_move(fw, up ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
}

/* PgUp/PgDn: about a screenful of fields. */
static void fw_jump(struct fwidget *fw, int up)
{
	int h = fw_area_h();
	int start = fw->slot[fw->cur].row;
	for (size_t guard = 0; guard < fw->nf; guard++) {
		size_t before = fw->cur;
		if (up && fw->cur == fw->fslot[0])
			break;
		if (!up && fw->cur == fw->fslot[fw->nf - 1])
			break;
		fw_move(fw, up ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
		if (fw->cur == before)
			break;
		int d = fw->slot[fw->cur].row - start;
		if ((up ? -d : d) >= h - 1)
			break;
	}
}

void fw_pick_done(void *fwp, const char *code)
{
	struct fwidget *fw = fwp;
	if (code == NULL || fw->form == NULL)
		return;
	struct fw_slot *sl = &fw->slot[fw->picking];
	if (sl->field == NULL)
		return;
	fw_set_value(fw, sl, code);
	if (current_field(fw->form) == sl->field)
		fw_move(fw, REQ_NEXT_FIELD);
}

/* ---- saving --------------------------------------------------------------------------- */

/* Drops the errors of the last save. */
static void fw_clear_errors(struct fwidget *fw)
{
	for (size_t i = 0; i < fw->n; i++) {
		free(fw->slot[i].err);
		fw->slot[i].err = NULL;
	}
	free(fw->gen_err);
	fw->gen_err = NULL;
	fw->n_err = 0;
}

void fw_set_errors(struct fwidget *fw, const struct errs *e)
{
	fw_clear_errors(fw);
	size_t first = fw->n;
	for (size_t i = 0; i < e->n; i++) {
		const char *m = e->msg[i];
		const char *sep = strstr(m, ": ");
		size_t j = (size_t)-1;
		if (sep != NULL) {
			char *key = xstrndup(m, (size_t)(sep - m));
			j = fw->ops->slot_of(fw->ctx, key);
			free(key);
		}
		if (j >= fw->n) {
			char *t = fw->gen_err ? xasprintf("%s; %s", fw->gen_err, m) : xstrdup(m);
			free(fw->gen_err);
			fw->gen_err = t;
			continue;
		}
		struct fw_slot *sl = &fw->slot[j];
		if (sl->err == NULL) {
			sl->err = xstrdup(sep + 2);
			fw->n_err++;
		} else {
			char *t = xasprintf("%s; %s", sl->err, sep + 2);
			free(sl->err);
			sl->err = t;
		}
		if (j < first)
			first = j;
	}
	if (fw->n_err == 0 && fw->gen_err != NULL)
		fw->n_err = 1;
	/* lay out again with the error lines, then go to the first bad field */
	fw_teardown(fw);
	if (first < fw->n && fw->slot[first].fixed && first + 1 < fw->n)
		first++;
	if (first < fw->n)
		fw->cur = first;
	fw_build(fw);
}

void fw_accept(struct fwidget *fw)
{
	int had_errors = fw->n_err > 0;
	fw_clear_errors(fw);
	if (had_errors)
		fw_relayout(fw);
}

int fw_conflict(struct fwidget *fw, const char *cause,
		void (*load)(void *ctx, const void *rec), const void *rec)
{
	/* the cause on the help line, the question on the status line */
	free(fw->gen_err);
	fw->gen_err = xstrdup(cause ? cause : "");
	int yes = ui_confirm(_("Muat versi terbaru (isian Anda dibuang)? (y/t)"));
	free(fw->gen_err);
	fw->gen_err = NULL;
	if (!yes) {
		ui_message(_("Tekan F2 lagi untuk menyimpan isian Anda di atasnya"));
		return 0;
	}
	fw_teardown(fw);
	load(fw->ctx, rec);
	fw_build(fw);
	ui_message(_("Versi terbaru dimuat"));
	return 1;
}

/* ---- keys -------------------------------------------------------------------------------- */

static int fw_cancel(struct fwidget *fw)
{
	if (fw_changed(fw) && !ui_confirm(_("Batalkan isian? (y/t)")))
		return H_REDRAW;
	return H_POP;
}

/* Enter and F4 (pick 1): a list field opens its picker; Enter elsewhere goes to
 * the next field. */
static int fw_enter(struct fwidget *fw, int pick)
{
	if (fw->ops->is_pick(fw->ctx, fw->cur)) {
		fw_sync(fw);
		fw->picking = fw->cur;
		return fw->ops->pick(fw->ctx, fw->cur);
	}
	if (pick)
		return H_DONE;
	fw_move(fw, REQ_NEXT_FIELD);
	return H_REDRAW;
}

/* An editing request for the current field. */
static int fw_edit(struct fwidget *fw, int req)
{
	form_driver(fw->form, req);
	return H_REDRAW;
}

int fw_key(struct fwidget *fw, int is_key, wint_t ch)
{
	if (fw->form == NULL)
		return (!is_key && ch == 27) || (is_key && ch == KEY_F(10)) ? H_POP : H_NONE;
	int multi = fw->slot[fw->cur].rows > 1;
	if (!is_key) {
		switch (ch) {
		case 27:
			return fw_cancel(fw);
		case 19: /* Ctrl-S */
			return fw->ops->save(fw->ctx);
		case '\t':
			fw_move(fw, REQ_NEXT_FIELD);
			return H_REDRAW;
		case '\r':
		case '\n':
			return fw_enter(fw, 0);
		case 127:
		case 8:
			return fw_edit(fw, REQ_DEL_PREV);
		case 1: /* Ctrl-A */
			return fw_edit(fw, REQ_BEG_FIELD);
		case 5: /* Ctrl-E */
			return fw_edit(fw, REQ_END_FIELD);
		case 11: /* Ctrl-K */
			return fw_edit(fw, REQ_CLR_EOF);
		case 21: /* Ctrl-U */
			return fw_edit(fw, REQ_CLR_FIELD);
		default:
			break;
		}
		if (ch >= 32 && ch != 127 && iswprint(ch)) {
			form_driver_w(fw->form, OK, (wchar_t)ch);
			return H_REDRAW;
		}
		return H_NONE;
	}
	switch (ch) {
	case KEY_F(2):
		return fw->ops->save(fw->ctx);
	case KEY_F(10):
		return fw_cancel(fw);
	case KEY_F(4):
		return fw_enter(fw, 1);
	case KEY_ENTER:
		return fw_enter(fw, 0);
	case KEY_BTAB:
		fw_move(fw, REQ_PREV_FIELD);
		return H_REDRAW;
	case KEY_UP:
	case KEY_DOWN:
		fw_updown(fw, ch == KEY_UP);
		return H_REDRAW;
	case KEY_PPAGE:
	case KEY_NPAGE:
		fw_jump(fw, ch == KEY_PPAGE);
		return H_REDRAW;
	case KEY_LEFT:      return fw_edit(fw, REQ_PREV_CHAR);
	case KEY_RIGHT:     return fw_edit(fw, REQ_NEXT_CHAR);
	case KEY_HOME:      return fw_edit(fw, multi ? REQ_BEG_LINE : REQ_BEG_FIELD);
	case KEY_END:       return fw_edit(fw, multi ? REQ_END_LINE : REQ_END_FIELD);
	case KEY_BACKSPACE: return fw_edit(fw, REQ_DEL_PREV);
	case KEY_DC:        return fw_edit(fw, REQ_DEL_CHAR);
	case KEY_IC:        return fw_edit(fw, REQ_OVL_MODE);
	default:            return H_NONE;
	}
}

int fw_screen_key(struct screen *s, int is_key, wint_t ch)
{
	return fw_key(s->state, is_key, ch);
}

void fw_screen_resize(struct screen *s)
{
	fw_rebuild(s->state);
}
