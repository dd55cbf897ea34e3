/* form.c: the case form screen: a libform form built from a kind, for new and existing cases. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <ncursesw/form.h>

#include "ui.h"
#include "date.h"
#include "koperasi.h"
#include "util.h"

#define FORM_TOP     2  /* first screen row of the field area */
#define FORM_LT_ROWS 3  /* visible rows of a longtext field */
#define FORM_LABEL_MAX 28 /* widest label column */
#define FORM_NOTE_ROWS 6  /* most rows of an error or note under a field */

struct form_slot {
	const struct kfield *kf;
	FIELD          *field;   /* NULL for the auto-number field */
	int             row;     /* first row in the pad */
	int             rows;    /* rows the field takes */
	int             width;   /* columns the field takes */
	char           *value;   /* text as shown (dates DD-MM-YYYY), owned */
	char           *initial; /* text when the form opened, owned */
	char           *err;     /* message of the last save, owned, or NULL */
	struct refitem *items;   /* picker items of a choice/multi field, owned */
	size_t          n_items;
	/* koperasi field: the value last looked up in the registry, the name
	 * found (NULL: not in the registry), and the note shown under the field
	 * (the serving-office message), all owned */
	char           *kop_for;
	char           *kop_name;
	char           *note;
	char          **note_lines; /* the error, else the note, wrapped at the last build */
	size_t          n_note;
};

struct form_state {
	struct app        *a;
	const struct kind *k;
	char              *case_id;     /* NULL: a new case */
	long               version;     /* version of the loaded case */
	char              *number_text; /* office number of the loaded case, owned */
	struct form_slot  *slot;        /* one per kind field, in kind order */
	size_t             n;
	FIELD            **fields;      /* NULL-terminated, handed to libform */
	size_t            *fslot;       /* form field index -> slot index */
	size_t             nf;
	FORM              *form;
	WINDOW            *pad;         /* the fields live here; copied to stdscr */
	int                pad_rows, pad_cols;
	int                lines, cols; /* screen size the form was built for */
	int                label_w;     /* label column width */
	int                field_x;     /* screen column of the fields */
	int                top;         /* first pad row on screen */
	size_t             cur;         /* current slot, kept across rebuilds */
	int                n_err;       /* fields with errors after the last save */
	char              *gen_err;     /* save errors not tied to a field, owned */
	size_t             picking;     /* slot the open picker writes into */
	struct kop_ref    *kref;        /* registry lists, loaded for the serving-office rule */
	int                kref_tried;
};

static const struct screen_ops form_ops;
static void form_kop_refresh(struct form_state *st);

/* Rows of the field area on screen. */
static int form_area_h(void)
{
	int h = LINES - FORM_TOP - 3;
	return h < 1 ? 1 : h;
}

static int form_is_pick(const struct kfield *kf)
{
	return kf->type == FT_CHOICE || kf->type == FT_MULTI || kf->type == FT_REF ||
	       kf->type == FT_KOPERASI;
}

/* Rows a slot takes under its field: its error, else its note, wrapped. */
static int form_extra_rows(const struct form_slot *sl)
{
	return (int)sl->n_note;
}

/* The list a ref field picks from. */
static const struct reflist *form_ref(const struct form_state *st, const struct kfield *kf)
{
	if (kf->ref != NULL)
		return kf->ref;
	if (kf->list != NULL && strcmp(kf->list, "jabatan") == 0)
		return st->a->positions_list;
	return NULL;
}

/* Text of a multi-line field buffer: rows trimmed and joined; a row filled to
 * its last column was broken mid-word and joins without a space. */
static char *form_join_rows(const char *buf, int dcols)
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

/* text laid out in rows of cols characters (word wrap, padded with blanks),
 * as a multi-line field buffer. *rows gets the number of rows. */
static char *form_wrap_rows(const char *text, int cols, int *rows)
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
			char mb[MB_LEN_MAX * 2];
			for (int c = 0; c < cols; c++) {
				size_t m = wcrtomb(mb, line[c], NULL);
				buf_add(&b, mb, m == (size_t)-1 ? 0 : m);
			}
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
				char mb[MB_LEN_MAX * 2];
				for (int c = 0; c < cols; c++) {
					size_t m = wcrtomb(mb, line[c], NULL);
					buf_add(&b, mb, m == (size_t)-1 ? 0 : m);
				}
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

/* Current text of a slot's field. Caller frees. */
static char *form_field_text(const struct form_slot *sl)
{
	const char *buf = field_buffer(sl->field, 0);
	if (buf == NULL)
		return xstrdup("");
	if (sl->rows > 1) {
		int drows, dcols, max;
		if (dynamic_field_info(sl->field, &drows, &dcols, &max) != E_OK)
			dcols = sl->width;
		return form_join_rows(buf, dcols);
	}
	return str_trim(xstrdup(buf));
}

/* Copies every field into its slot value. REQ_VALIDATION syncs the current
 * field's buffer; it is skipped for a multi-line field unless all is set,
 * because between two keys it breaks libform's word wrap (a character at the
 * end of a full row is lost). */
static void form_sync_ex(struct form_state *st, int all)
{
	if (st->form == NULL)
		return;
	FIELD *cf = current_field(st->form);
	size_t cur = cf != NULL ? st->fslot[field_index(cf)] : st->cur;
	int skip = !all && st->slot[cur].rows > 1;
	if (!skip)
		form_driver(st->form, REQ_VALIDATION);
	for (size_t i = 0; i < st->n; i++) {
		struct form_slot *sl = &st->slot[i];
		if (sl->field == NULL || (skip && i == cur))
			continue;
		free(sl->value);
		sl->value = form_field_text(sl);
	}
	st->cur = cur;
}

static void form_sync(struct form_state *st)
{
	form_sync_ex(st, 1);
}

static void form_hook_in(FORM *f)
{
	set_field_fore(current_field(f), ui_attr(CP_SELECT));
	set_field_back(current_field(f), ui_attr(CP_SELECT));
}

static void form_hook_out(FORM *f)
{
	set_field_fore(current_field(f), A_UNDERLINE);
	set_field_back(current_field(f), A_UNDERLINE);
}

/* Releases the libform objects and the pad (slot values stay). */
static void form_teardown(struct form_state *st)
{
	if (st->form != NULL) {
		unpost_form(st->form);
		free_form(st->form);
		st->form = NULL;
	}
	for (size_t i = 0; i < st->nf; i++)
		free_field(st->fields[i]);
	for (size_t i = 0; i < st->n; i++) {
		st->slot[i].field = NULL;
		ui_lines_free(st->slot[i].note_lines, st->slot[i].n_note);
		st->slot[i].note_lines = NULL;
		st->slot[i].n_note = 0;
	}
	free(st->fields);
	free(st->fslot);
	st->fields = NULL;
	st->fslot = NULL;
	st->nf = 0;
	if (st->pad != NULL) {
		delwin(st->pad);
		st->pad = NULL;
	}
}

/* Widest code of a ref list (for the field width). */
static int form_ref_width(const struct reflist *l)
{
	int w = 4;
	for (size_t i = 0; l != NULL && i < l->n; i++) {
		int cw = str_width(l->items[i].code);
		if (cw > w)
			w = cw;
	}
	return w;
}

/* Builds the form at the current screen size from the slot values. */
static void form_build(struct form_state *st)
{
	st->lines = LINES;
	st->cols = COLS;

	int lw = 0;
	for (size_t i = 0; i < st->n; i++) {
		int w = str_width(st->slot[i].kf->label) + (st->slot[i].kf->required ? 2 : 0);
		if (w > lw)
			lw = w;
	}
	int cap = COLS / 3 < FORM_LABEL_MAX ? COLS / 3 : FORM_LABEL_MAX;
	if (lw > cap)
		lw = cap;
	if (lw < 4)
		lw = 4;
	st->label_w = lw;
	st->field_x = 1 + lw + 1;
	int avail = COLS - st->field_x - 1;
	if (avail < 10)
		avail = 10;

	st->fields = xcalloc(st->n + 1, sizeof *st->fields);
	st->fslot = xcalloc(st->n + 1, sizeof *st->fslot);
	st->nf = 0;
	int row = 0;
	for (size_t i = 0; i < st->n; i++) {
		struct form_slot *sl = &st->slot[i];
		const struct kfield *kf = sl->kf;
		sl->row = row;
		sl->rows = 1;
		sl->field = NULL;
		if (sl->err != NULL || sl->note != NULL) {
			sl->note_lines = ui_wrap(sl->err ? sl->err : sl->note, COLS - st->field_x - 1,
						 &sl->n_note);
			while (sl->n_note > FORM_NOTE_ROWS)
				free(sl->note_lines[--sl->n_note]);
		}
		int dynamic = 0, maxgrow = 0;
		int w = avail;
		if (kf->auto_number) {
			sl->width = avail;
			row += 1 + form_extra_rows(sl);
			continue;
		}
		int maxlen = kf->max_len > 0 ? kf->max_len : 200;
		switch (kf->type) {
		case FT_DATE:
			w = 10;
			break;
		case FT_NUMBER:
			w = 12;
			dynamic = 1;
			maxgrow = 40;
			break;
		case FT_CHOICE: {
			w = 3;
			for (size_t c = 0; c < kf->n_choices; c++) {
				int cw = str_width(kf->choices[c]) + 1;
				if (cw > w)
					w = cw;
			}
			dynamic = 1;
			maxgrow = 100;
			break;
		}
		case FT_REF:
			w = form_ref_width(form_ref(st, kf)) + 1;
			dynamic = 1;
			maxgrow = 100;
			break;
		case FT_MULTI:
			w = avail < 40 ? avail : 40;
			dynamic = 1;
			maxgrow = 0;
			break;
		case FT_KOPERASI:
			w = KOPERASI_NIK_DIGITS + 1; /* a NIK; an id scrolls */
			dynamic = 1;
			maxgrow = maxlen;
			break;
		case FT_LONGTEXT:
			sl->rows = FORM_LT_ROWS;
			w = avail;
			dynamic = 1;
			/* rows, not characters; generous so a maximal UTF-8 text fits */
			maxgrow = (maxlen * 2) / (w > 0 ? w : 1) + FORM_LT_ROWS + 2;
			break;
		case FT_TEXT:
		default:
			w = kf->width > 0 ? kf->width : maxlen;
			if (w < maxlen)
				dynamic = 1;
			if (w > avail) {
				w = avail;
				dynamic = 1;
			}
			maxgrow = maxlen;
			break;
		}
		if (w > avail)
			w = avail;
		if (w < 1)
			w = 1;
		sl->width = w;
		FIELD *f = new_field(sl->rows, w, row, 0, 0, 0);
		if (f == NULL)
			abort();
		field_opts_off(f, O_AUTOSKIP | O_BLANK);
		if (dynamic) {
			field_opts_off(f, O_STATIC);
			if (maxgrow > 0 && maxgrow >= (sl->rows > 1 ? sl->rows : w))
				set_max_field(f, maxgrow);
		}
		set_field_fore(f, A_UNDERLINE);
		set_field_back(f, A_UNDERLINE);
		const char *v = sl->value ? sl->value : "";
		if (sl->rows > 1) {
			int nr;
			char *b = form_wrap_rows(v, w, &nr);
			set_field_buffer(f, 0, b);
			free(b);
		} else {
			char *safe = str_sanitize(v, 1);
			set_field_buffer(f, 0, safe);
			free(safe);
		}
		set_field_status(f, FALSE);
		sl->field = f;
		st->fslot[st->nf] = i;
		st->fields[st->nf++] = f;
		row += sl->rows + form_extra_rows(sl);
	}
	st->fields[st->nf] = NULL;

	st->pad_rows = row > form_area_h() ? row : form_area_h();
	st->pad_cols = avail;
	st->pad = newpad(st->pad_rows, st->pad_cols);
	if (st->pad == NULL)
		abort();
	if (st->nf == 0)
		return;
	st->form = new_form(st->fields);
	if (st->form == NULL)
		abort();
	/* Backspace at the start of a field must not jump into the previous
	 * field (and insert there); Enter is ours, not libform's. */
	form_opts_off(st->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(st->form, st->pad);
	set_form_sub(st->form, st->pad);
	set_field_init(st->form, form_hook_in);
	set_field_term(st->form, form_hook_out);
	post_form(st->form);
	form_driver(st->form, REQ_INS_MODE);
	if (st->slot[st->cur].field != NULL)
		set_current_field(st->form, st->slot[st->cur].field);
	else
		st->cur = st->fslot[field_index(current_field(st->form))];
	form_driver(st->form, REQ_END_FIELD);
}

/* Rebuilds keeping the typed values and the current field. */
static void form_rebuild(struct form_state *st)
{
	form_sync(st);
	form_teardown(st);
	form_build(st);
}

/* Keeps the current slot (and its error line) on screen. */
static void form_scroll(struct form_state *st)
{
	int h = form_area_h();
	const struct form_slot *sl = &st->slot[st->cur];
	int first = sl->row, last = sl->row + sl->rows + form_extra_rows(sl) - 1;
	if (st->cur == 0 || (st->cur > 0 && st->slot[0].kf->auto_number && st->cur == 1))
		first = 0;
	if (last >= st->top + h)
		st->top = last - h + 1;
	if (first < st->top)
		st->top = first;
	int total = st->n > 0 ? st->slot[st->n - 1].row + st->slot[st->n - 1].rows +
				form_extra_rows(&st->slot[st->n - 1]) : 0;
	if (st->top > total - h)
		st->top = total - h;
	if (st->top < 0)
		st->top = 0;
}

static void form_free(struct screen *s)
{
	struct form_state *st = s->state;
	if (st == NULL)
		return;
	form_teardown(st);
	for (size_t i = 0; i < st->n; i++) {
		struct form_slot *sl = &st->slot[i];
		free(sl->value);
		free(sl->initial);
		free(sl->err);
		free(sl->kop_for);
		free(sl->kop_name);
		free(sl->note);
		for (size_t j = 0; j < sl->n_items; j++) {
			free(sl->items[j].code);
			free(sl->items[j].label);
		}
		free(sl->items);
	}
	free(st->slot);
	free(st->case_id);
	free(st->number_text);
	free(st->gen_err);
	koperasi_ref_free(st->kref);
	free(st);
	s->state = NULL;
}

/* Text beside a field: the label of the chosen code, or a hint. Caller frees;
 * NULL for none. */
static char *form_hint(const struct form_state *st, const struct form_slot *sl, int current)
{
	const struct kfield *kf = sl->kf;
	const char *v = sl->value ? sl->value : "";
	switch (kf->type) {
	case FT_DATE:
		return xstrdup(_("DD-MM-YYYY"));
	case FT_CHOICE: {
		for (size_t c = 0; c < kf->n_choices; c++) {
			if (strcasecmp(v, kf->choices[c]) == 0 && kf->choice_labels != NULL &&
			    kf->choice_labels[c] != NULL)
				return xstrdup(kf->choice_labels[c]);
		}
		if (!current)
			return NULL;
		struct buf b;
		buf_init(&b);
		buf_add(&b, "", 0);
		for (size_t c = 0; c < kf->n_choices; c++) {
			if (c > 0)
				buf_adds(&b, " / ");
			buf_adds(&b, kf->choices[c]);
			if (kf->choice_labels != NULL && kf->choice_labels[c] != NULL)
				buf_printf(&b, "=%s", kf->choice_labels[c]);
		}
		return buf_steal(&b);
	}
	case FT_REF: {
		const struct reflist *l = form_ref(st, kf);
		if (*v != '\0' && l != NULL) {
			const struct refitem *it = reflist_find(l, v);
			if (it != NULL)
				return xstrdup(it->label ? it->label : "");
			return xstrdup(_("(kode tidak dikenal)"));
		}
		return current ? xstrdup(_("Enter/F4: pilih")) : NULL;
	}
	case FT_KOPERASI:
		if (*v != '\0' && sl->kop_for != NULL && strcmp(v, sl->kop_for) == 0)
			return xstrdup(sl->kop_name ? sl->kop_name : _("(tidak ada di registri)"));
		return current ? xstrdup(_("Enter/F4: cari di registri")) : NULL;
	default:
		return NULL;
	}
}

/* The help line text of the current slot. Caller frees. */
static char *form_help(const struct form_slot *sl)
{
	const struct kfield *kf = sl->kf;
	if (kf->help != NULL && *kf->help != '\0')
		return xstrdup(kf->help);
	switch (kf->type) {
	case FT_CHOICE:
	case FT_REF:
		return xstrdup(_("Enter atau F4: pilih dari daftar; kode juga boleh diketik"));
	case FT_MULTI:
		return xstrdup(_("Enter atau F4: pilih (Spasi menandai); atau ketik a;b"));
	case FT_KOPERASI:
		return xstrdup(_("Enter atau F4: cari koperasi (nama atau NIK); NIK juga boleh diketik"));
	case FT_DATE:
		return xstrdup(_("Tanggal DD-MM-YYYY"));
	case FT_LONGTEXT:
		return xstrdup(_("Teks panjang; Tab ke isian berikutnya"));
	default:
		return xstrdup("");
	}
}

static void form_draw(struct screen *s)
{
	struct form_state *st = s->state;
	if (st->lines != LINES || st->cols != COLS)
		form_rebuild(st);
	form_sync_ex(st, 0);
	form_kop_refresh(st);
	form_scroll(st);
	erase();

	char *title;
	if (st->case_id != NULL)
		title = xasprintf(_("%s no. %s: ubah"), st->k->title,
				  st->number_text ? st->number_text : "?");
	else
		title = xasprintf(_("%s: isian baru"), st->k->title);
	ui_title(title);
	free(title);

	int h = form_area_h();
	int cy = -1, cx = -1;
	if (st->form != NULL) {
		pos_form_cursor(st->form);
		getyx(st->pad, cy, cx);
		int nrows = st->pad_rows - st->top;
		if (nrows > h)
			nrows = h;
		int ncols = st->pad_cols;
		if (st->field_x + ncols > COLS)
			ncols = COLS - st->field_x;
		if (nrows > 0 && ncols > 0)
			copywin(st->pad, stdscr, st->top, 0, FORM_TOP, st->field_x,
				FORM_TOP + nrows - 1, st->field_x + ncols - 1, FALSE);
	}

	for (size_t i = 0; i < st->n; i++) {
		const struct form_slot *sl = &st->slot[i];
		int y = FORM_TOP + sl->row - st->top;
		int cur = (i == st->cur);
		if (y >= FORM_TOP && y < FORM_TOP + h) {
			char *fit = str_fit(sl->kf->label,
					    st->label_w - (sl->kf->required ? 2 : 0));
			char *lab = sl->kf->required ? xasprintf("%s *", fit) : xstrdup(fit);
			attr_t at = cur ? A_BOLD : A_NORMAL;
			short pair = CP_NORMAL;
			if (sl->err != NULL)
				pair = CP_ERROR;
			ui_put_attr(y, 1, st->label_w, lab, at, pair);
			free(fit);
			free(lab);
			if (sl->kf->auto_number) {
				ui_put_attr(y, st->field_x, COLS - st->field_x - 1,
					    st->number_text ? st->number_text : _("(otomatis)"),
					    A_DIM, CP_NORMAL);
			} else {
				char *hint = form_hint(st, sl, cur);
				int hx = st->field_x + sl->width + 2;
				if (hint != NULL && hx < COLS - 4)
					ui_put_attr(y, hx, COLS - hx - 1, hint, A_DIM, CP_NORMAL);
				free(hint);
			}
		}
		if (sl->rows > 1 && y >= FORM_TOP && y + sl->rows - 1 < FORM_TOP + h &&
		    sl->value != NULL && *sl->value != '\0') {
			/* more text than the field shows */
			int nr;
			char *b = form_wrap_rows(sl->value, sl->width, &nr);
			free(b);
			if (nr > sl->rows)
				ui_put_attr(y + sl->rows - 1, COLS - 1, 1, "+", A_BOLD, CP_NORMAL);
		}
		int ey = y + sl->rows;
		for (size_t j = 0; j < sl->n_note; j++, ey++)
			if (ey >= FORM_TOP && ey < FORM_TOP + h)
				ui_put_attr(ey, st->field_x, COLS - st->field_x - 1, sl->note_lines[j],
					    sl->err ? A_NORMAL : A_BOLD, sl->err ? CP_ERROR : CP_DUE);
	}
	/* scroll marks */
	int total = st->pad_rows;
	if (st->top > 0)
		ui_put_attr(FORM_TOP, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
	if (st->top + h < total && st->n > 0 &&
	    st->slot[st->n - 1].row + st->slot[st->n - 1].rows > st->top + h)
		ui_put_attr(FORM_TOP + h - 1, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);

	/* help or error of the current field */
	const struct form_slot *cs = &st->slot[st->cur];
	if (cs->err != NULL) {
		char *m = xasprintf("%s: %s", cs->kf->label, cs->err);
		ui_put_attr(LINES - 3, 1, COLS - 2, m, A_NORMAL, CP_ERROR);
		free(m);
	} else if (st->gen_err != NULL) {
		ui_put_attr(LINES - 3, 1, COLS - 2, st->gen_err, A_NORMAL, CP_ERROR);
	} else {
		char *m = form_help(cs);
		ui_put_attr(LINES - 3, 1, COLS - 2, m, A_DIM, CP_NORMAL);
		free(m);
	}

	char *status;
	size_t pos = 0, nin = 0;
	for (size_t i = 0; i < st->n; i++) {
		if (st->slot[i].field == NULL)
			continue;
		nin++;
		if (i == st->cur)
			pos = nin;
	}
	if (st->n_err > 0)
		status = xasprintf(_("%d isian perlu diperbaiki"), st->n_err);
	else
		status = xasprintf(_("%s | isian %zu/%zu"), st->k->title, pos, nin);
	ui_status(status);
	free(status);

	if (cy >= 0 && cy - st->top >= 0 && cy - st->top < h)
		ui_cursor(FORM_TOP + cy - st->top, st->field_x + cx);
}

static void form_resize(struct screen *s)
{
	struct form_state *st = s->state;
	form_rebuild(st);
}

/* 1 if any value differs from the one the form opened with. */
static int form_changed(struct form_state *st)
{
	form_sync(st);
	for (size_t i = 0; i < st->n; i++) {
		const struct form_slot *sl = &st->slot[i];
		if (sl->field == NULL)
			continue;
		if (strcmp(sl->value ? sl->value : "", sl->initial ? sl->initial : "") != 0)
			return 1;
	}
	return 0;
}

/* Moves to another field and puts the cursor after its text. */
static void form_move(struct form_state *st, int req)
{
	/* leave the field showing its start */
	form_driver(st->form, REQ_BEG_FIELD);
	if (form_driver(st->form, req) == E_OK)
		form_driver(st->form, REQ_END_FIELD);
	FIELD *cf = current_field(st->form);
	if (cf != NULL)
		st->cur = st->fslot[field_index(cf)];
}

/* The registry lists, loaded once for the serving-office message; NULL when
 * they cannot be read (the message then names no kab/kota). */
static const struct kop_ref *form_kref(struct form_state *st)
{
	if (!st->kref_tried) {
		struct errs e;
		errs_init(&e);
		st->kref = koperasi_ref_load(st->a->data_dir, &e);
		errs_free(&e);
		st->kref_tried = 1;
	}
	return st->kref;
}

/* Looks up the cooperative in a koperasi slot when its value changed: its
 * name for the hint and, for a kind with the serving-office rule, the message
 * for the clerk when another office serves it (with the fields to fill). name
 * (may be NULL) is the name already known from the picker. Returns 1 when the
 * note under the field changed (the form must be laid out again). */
static int form_kop_lookup(struct form_state *st, struct form_slot *sl, const char *name)
{
	const char *v = sl->value ? sl->value : "";
	if (sl->kop_for != NULL && strcmp(sl->kop_for, v) == 0)
		return 0;
	free(sl->kop_for);
	free(sl->kop_name);
	sl->kop_for = xstrdup(v);
	sl->kop_name = NULL;
	char *note = NULL;
	if (*v != '\0') {
		struct koperasi k;
		koperasi_init(&k);
		if (store_koperasi_find(st->a->st, v, &k) == 1) {
			sl->kop_name = xstrdup(k.nama ? k.nama : name);
			char *msg = NULL;
			if (st->k->serving_office &&
			    koperasi_office(form_kref(st), &k, &msg) != KOP_OFFICE_PROVINSI &&
			    msg != NULL) {
				const struct kfield *ff = st->k->forward_field
					? kind_field(st->k, st->k->forward_field) : NULL;
				const struct kfield *fl = st->k->forward_letter_field
					? kind_field(st->k, st->k->forward_letter_field) : NULL;
				if (ff != NULL && fl != NULL) /* what to do first */
					note = xasprintf(_("Isi \"%s\" dan \"%s\" untuk meneruskan. %s"),
							 ff->label, fl->label, msg);
				else
					note = xstrdup(msg);
			}
			free(msg);
		}
		koperasi_clear(&k);
	}
	int changed = (note == NULL) != (sl->note == NULL) ||
		      (note != NULL && strcmp(note, sl->note) != 0);
	free(sl->note);
	sl->note = note;
	return changed;
}

/* Looks up every koperasi slot but the one being typed in; lays the form out
 * again when a note came or went. */
static void form_kop_refresh(struct form_state *st)
{
	int changed = 0;
	for (size_t i = 0; i < st->n; i++)
		if (st->slot[i].kf->type == FT_KOPERASI && st->slot[i].field != NULL &&
		    i != st->cur)
			changed |= form_kop_lookup(st, &st->slot[i], NULL);
	if (changed) {
		form_teardown(st);
		form_build(st);
	}
}

static void form_pick_done(void *ctx, const char *code)
{
	struct form_state *st = ctx;
	if (code == NULL || st->form == NULL)
		return;
	struct form_slot *sl = &st->slot[st->picking];
	if (sl->field == NULL)
		return;
	char *safe = str_sanitize(code, 1);
	set_field_buffer(sl->field, 0, safe);
	free(safe);
	free(sl->value);
	sl->value = xstrdup(code);
	if (current_field(st->form) == sl->field)
		form_move(st, REQ_NEXT_FIELD);
}

/* The registry picker's answer: the NIK (or id) goes into the field, and the
 * serving-office message, if any, under it at once. */
static void form_kop_done(void *ctx, const char *value, const char *name)
{
	struct form_state *st = ctx;
	if (value == NULL || st->form == NULL)
		return;
	struct form_slot *sl = &st->slot[st->picking];
	if (sl->field == NULL)
		return;
	char *safe = str_sanitize(value, 1);
	set_field_buffer(sl->field, 0, safe);
	free(safe);
	free(sl->value);
	sl->value = xstrdup(value);
	if (form_kop_lookup(st, sl, name)) {
		form_teardown(st);
		form_build(st);
	}
	if (current_field(st->form) == sl->field)
		form_move(st, REQ_NEXT_FIELD);
	if (sl->note != NULL)
		ui_message("%s", sl->note);
}

/* Opens the picker over the current choice/ref/koperasi field. */
static int form_pick(struct form_state *st)
{
	form_sync(st);
	struct form_slot *sl = &st->slot[st->cur];
	const struct kfield *kf = sl->kf;
	if (kf->type == FT_KOPERASI) {
		st->picking = st->cur;
		ui_push(regpick_new(kf->label, sl->value, form_kop_done, st));
		return H_REDRAW;
	}
	const struct refitem *items = NULL;
	size_t n = 0;
	if (kf->type == FT_REF) {
		const struct reflist *l = form_ref(st, kf);
		if (l != NULL) {
			items = l->items;
			n = l->n;
		}
	} else {
		items = sl->items;
		n = sl->n_items;
	}
	if (n == 0) {
		ui_error(_("Tidak ada daftar pilihan untuk %s"), kf->label);
		return H_REDRAW;
	}
	st->picking = st->cur;
	struct screen *p = picker_new(kf->label, items, n, kf->type == FT_MULTI, sl->value,
				      form_pick_done, st);
	if (p != NULL)
		ui_push(p);
	return H_REDRAW;
}

/* Drops the errors of the last save. */
static void form_clear_errors(struct form_state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->slot[i].err);
		st->slot[i].err = NULL;
	}
	free(st->gen_err);
	st->gen_err = NULL;
	st->n_err = 0;
}

/* Puts the errors of kind_normalize beside their fields. */
static void form_set_errors(struct form_state *st, const struct errs *e)
{
	form_clear_errors(st);
	size_t first = st->n;
	for (size_t i = 0; i < e->n; i++) {
		const char *m = e->msg[i];
		const char *sep = strstr(m, ": ");
		size_t j = st->n;
		if (sep != NULL) {
			for (j = 0; j < st->n; j++) {
				const char *key = st->slot[j].kf->key;
				if (strlen(key) == (size_t)(sep - m) && strncmp(m, key, strlen(key)) == 0)
					break;
			}
		}
		if (j < st->n) {
			struct form_slot *sl = &st->slot[j];
			if (sl->err == NULL) {
				sl->err = xstrdup(sep + 2);
				st->n_err++;
			} else {
				char *t = xasprintf("%s; %s", sl->err, sep + 2);
				free(sl->err);
				sl->err = t;
			}
			if (j < first)
				first = j;
		} else {
			char *t = st->gen_err ? xasprintf("%s; %s", st->gen_err, m) : xstrdup(m);
			free(st->gen_err);
			st->gen_err = t;
		}
	}
	if (st->n_err == 0 && st->gen_err != NULL)
		st->n_err = 1;
	/* rebuild with the error lines, then go to the first bad field */
	form_teardown(st);
	if (first < st->n && st->slot[first].kf->auto_number && first + 1 < st->n)
		first++;
	if (first < st->n)
		st->cur = first;
	form_build(st);
}

/* Loads values of a stored case into the slots (display form). */
static void form_load_values(struct form_state *st, const struct case_rec *rec)
{
	for (size_t i = 0; i < st->n; i++) {
		struct form_slot *sl = &st->slot[i];
		const char *v = values_get(&rec->fields, sl->kf->key);
		free(sl->value);
		free(sl->initial);
		sl->value = kind_display(sl->kf, v);
		sl->initial = xstrdup(sl->value);
	}
	free(st->number_text);
	st->number_text = xstrdup(rec->number_text);
	st->version = rec->version;
}

/* A refusal of the store: when it names fields ("koperasi: ...", one
 * message a line) the messages go beside those fields like the validation
 * messages; anything else is shown on the status line. */
static void form_store_error(struct form_state *st, const char *cause)
{
	if (cause == NULL) {
		ui_error("%s", _("gagal menyimpan"));
		return;
	}
	struct errs e;
	errs_init(&e);
	int fields = 0;
	char *copy = xstrdup(cause);
	for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *sep = strstr(line, ": ");
		if (sep != NULL) {
			for (size_t j = 0; j < st->n; j++) {
				const char *key = st->slot[j].kf->key;
				if (strlen(key) == (size_t)(sep - line) &&
				    strncmp(line, key, strlen(key)) == 0 && st->slot[j].field != NULL) {
					fields++;
					break;
				}
			}
		}
		errs_add(&e, "%s", line);
	}
	free(copy);
	if (fields > 0)
		form_set_errors(st, &e);
	else
		ui_error("%s", cause);
	errs_free(&e);
}

static int form_save(struct form_state *st)
{
	struct app *a = st->a;
	form_sync(st);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < st->n; i++) {
		const struct form_slot *sl = &st->slot[i];
		if (sl->kf->auto_number)
			continue;
		values_set(&v, sl->kf->key, sl->value ? sl->value : "");
	}
	struct errs e;
	errs_init(&e);
	if (kind_normalize(st->k, &v, &e) != 0) {
		form_set_errors(st, &e);
		errs_free(&e);
		values_free(&v);
		return H_REDRAW;
	}
	errs_free(&e);
	int had_errors = st->n_err > 0;
	form_clear_errors(st);
	if (had_errors) {
		form_teardown(st);
		form_build(st);
	}

	char *cause = NULL;
	int rc = H_REDRAW;
	if (st->case_id == NULL) {
		const struct kfield *uf = kind_field_by_role(st->k, FR_URGENCY);
		const char *urg = uf ? values_get(&v, uf->key) : NULL;
		char dl[11];
		if (uf != NULL)
			app_default_deadline(a, urg, dl);
		struct case_rec rec;
		memset(&rec, 0, sizeof rec);
		if (store_case_insert(a->st, st->k, &v, a->me.login, uf ? dl : NULL, &rec,
				      &cause) != 0) {
			form_store_error(st, cause);
		} else {
			const struct kfield *nf = kind_field_by_role(st->k, FR_NUMBER);
			char *what = xstrdup(nf ? nf->label : _("nomor"));
			if (what[0] >= 'A' && what[0] <= 'Z')
				what[0] = (char)(what[0] - 'A' + 'a'); /* "nomor agenda 12" */
			ui_message(_("Tersimpan: %s %s"), what,
				   rec.number_text ? rec.number_text : "?");
			free(what);
			rc = H_POP;
		}
		case_clear(&rec);
	} else {
		struct case_rec cur;
		memset(&cur, 0, sizeof cur);
		if (store_case_update(a->st, st->k, st->case_id, st->version, &v, a->me.login,
				      &cur, &cause) == 0) {
			ui_message(_("Perubahan tersimpan: nomor %s"),
				   st->number_text ? st->number_text : "?");
			rc = H_POP;
		} else if (cur.version != 0 && cur.version != st->version) {
			/* the cause on the help line, the question on the status line */
			free(st->gen_err);
			st->gen_err = xstrdup(cause ? cause : "");
			int load = ui_confirm(_("Muat versi terbaru (isian Anda dibuang)? (y/t)"));
			free(st->gen_err);
			st->gen_err = NULL;
			if (load) {
				form_teardown(st);
				form_load_values(st, &cur);
				form_build(st);
				ui_message(_("Versi terbaru dimuat"));
			} else {
				st->version = cur.version;
				ui_message(_("Tekan F2 lagi untuk menyimpan isian Anda di atasnya"));
			}
		} else {
			form_store_error(st, cause);
		}
		case_clear(&cur);
	}
	free(cause);
	values_free(&v);
	return rc;
}

static int form_cancel(struct form_state *st)
{
	if (form_changed(st) && !ui_confirm(_("Batalkan isian? (y/t)")))
		return H_REDRAW;
	return H_POP;
}

static int form_enter(struct form_state *st)
{
	if (form_is_pick(st->slot[st->cur].kf))
		return form_pick(st);
	form_move(st, REQ_NEXT_FIELD);
	return H_REDRAW;
}

/* Up/Down: inside a multi-line field first, then to the next field. */
static void form_updown(struct form_state *st, int up)
{
	const struct form_slot *sl = &st->slot[st->cur];
	if (sl->rows > 1) {
		/* A growable field accepts REQ_DOWN_CHAR forever: stay inside only
		 * while there are rows of the field's buffer below the cursor. */
		int drows = 0, dcols = 0, dmax = 0;
		FIELD *f = current_field(st->form);
		int row = st->form->currow;
		if (f != NULL)
			dynamic_field_info(f, &drows, &dcols, &dmax);
		int inside = up ? row > 0 : row < drows - 1;
		if (inside && form_driver(st->form, up ? REQ_UP_CHAR : REQ_DOWN_CHAR) == E_OK)
			return;
	}
	form_move(st, up ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
}

/* PgUp/PgDn: about a screenful of fields. */
static void form_jump(struct form_state *st, int up)
{
	int h = form_area_h();
	int start = st->slot[st->cur].row;
	for (size_t guard = 0; guard < st->nf; guard++) {
		size_t before = st->cur;
		if (up && st->cur == st->fslot[0])
			break;
		if (!up && st->cur == st->fslot[st->nf - 1])
			break;
		form_move(st, up ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
		if (st->cur == before)
			break;
		int d = st->slot[st->cur].row - start;
		if ((up ? -d : d) >= h - 1)
			break;
	}
}

static int form_key(struct screen *s, int is_key, wint_t ch)
{
	struct form_state *st = s->state;
	if (st->form == NULL)
		return (!is_key && ch == 27) || (is_key && ch == KEY_F(10)) ? H_POP : H_NONE;
	if (!is_key) {
		switch (ch) {
		case 27:
			return form_cancel(st);
		case 19: /* Ctrl-S */
			return form_save(st);
		case '\t':
			form_move(st, REQ_NEXT_FIELD);
			return H_REDRAW;
		case '\r':
		case '\n':
			return form_enter(st);
		case 127:
		case 8:
			form_driver(st->form, REQ_DEL_PREV);
			return H_REDRAW;
		case 1: /* Ctrl-A */
			form_driver(st->form, REQ_BEG_FIELD);
			return H_REDRAW;
		case 5: /* Ctrl-E */
			form_driver(st->form, REQ_END_FIELD);
			return H_REDRAW;
		case 11: /* Ctrl-K */
			form_driver(st->form, REQ_CLR_EOF);
			return H_REDRAW;
		case 21: /* Ctrl-U */
			form_driver(st->form, REQ_CLR_FIELD);
			return H_REDRAW;
		default:
			break;
		}
		if (ch >= 32 && ch != 127 && iswprint(ch)) {
			form_driver_w(st->form, OK, (wchar_t)ch);
			return H_REDRAW;
		}
		return H_NONE;
	}
	switch (ch) {
	case KEY_F(2):
		return form_save(st);
	case KEY_F(10):
		return form_cancel(st);
	case KEY_F(4):
		if (form_is_pick(st->slot[st->cur].kf))
			return form_pick(st);
		return H_DONE;
	case KEY_ENTER:
		return form_enter(st);
	case KEY_BTAB:
		form_move(st, REQ_PREV_FIELD);
		return H_REDRAW;
	case KEY_UP:
		form_updown(st, 1);
		return H_REDRAW;
	case KEY_DOWN:
		form_updown(st, 0);
		return H_REDRAW;
	case KEY_PPAGE:
		form_jump(st, 1);
		return H_REDRAW;
	case KEY_NPAGE:
		form_jump(st, 0);
		return H_REDRAW;
	case KEY_LEFT:
		form_driver(st->form, REQ_PREV_CHAR);
		return H_REDRAW;
	case KEY_RIGHT:
		form_driver(st->form, REQ_NEXT_CHAR);
		return H_REDRAW;
	case KEY_HOME:
		form_driver(st->form, st->slot[st->cur].rows > 1 ? REQ_BEG_LINE : REQ_BEG_FIELD);
		return H_REDRAW;
	case KEY_END:
		form_driver(st->form, st->slot[st->cur].rows > 1 ? REQ_END_LINE : REQ_END_FIELD);
		return H_REDRAW;
	case KEY_BACKSPACE:
		form_driver(st->form, REQ_DEL_PREV);
		return H_REDRAW;
	case KEY_DC:
		form_driver(st->form, REQ_DEL_CHAR);
		return H_REDRAW;
	case KEY_IC:
		form_driver(st->form, REQ_OVL_MODE);
		return H_REDRAW;
	default:
		return H_NONE;
	}
}

/* Picker items of a choice or multi field. */
static void form_choice_items(struct form_slot *sl)
{
	const struct kfield *kf = sl->kf;
	if (kf->type != FT_CHOICE && kf->type != FT_MULTI)
		return;
	sl->n_items = kf->n_choices;
	sl->items = xcalloc(sl->n_items + 1, sizeof *sl->items);
	for (size_t c = 0; c < kf->n_choices; c++) {
		sl->items[c].code = xstrdup(kf->choices[c]);
		sl->items[c].label = xstrdup(kf->choice_labels && kf->choice_labels[c]
					     ? kf->choice_labels[c] : kf->choices[c]);
	}
}

/* A new case of kind (case_id NULL) or the case case_id. NULL (after
 * ui_error) when the kind or case is unknown. */
struct screen *form_screen_new(const char *kind, const char *case_id)
{
	struct app *a = ui_app();
	struct case_rec rec;
	memset(&rec, 0, sizeof rec);
	int have_rec = 0;
	if (case_id != NULL) {
		if (store_case_get(a->st, case_id, &rec) != 1) {
			ui_error(_("Berkas tidak ditemukan"));
			case_clear(&rec);
			return NULL;
		}
		have_rec = 1;
		kind = rec.kind;
	}
	const struct kind *k = kind ? kindset_find(&a->kinds, kind) : NULL;
	if (k == NULL) {
		ui_error(_("Jenis berkas '%s' tidak dikenal"), kind ? kind : "");
		case_clear(&rec);
		return NULL;
	}

	struct form_state *st = xcalloc(1, sizeof *st);
	st->a = a;
	st->k = k;
	st->case_id = xstrdup(case_id);
	st->n = k->n_fields;
	st->slot = xcalloc(st->n + 1, sizeof *st->slot);
	for (size_t i = 0; i < st->n; i++) {
		struct form_slot *sl = &st->slot[i];
		const struct kfield *kf = &k->fields[i];
		sl->kf = kf;
		form_choice_items(sl);
		if (kf->defval == NULL || kf->auto_number) {
			sl->value = xstrdup("");
		} else if (kf->type == FT_DATE && strcmp(kf->defval, "today") == 0) {
			sl->value = xmalloc(11);
			date_fmt_dmy(clock_today(), sl->value);
		} else {
			sl->value = kind_display(kf, kf->defval);
		}
		sl->initial = xstrdup(sl->value);
	}
	if (have_rec)
		form_load_values(st, &rec);
	case_clear(&rec);
	/* start at the first field people type in */
	for (size_t i = 0; i < st->n; i++) {
		if (!st->slot[i].kf->auto_number) {
			st->cur = i;
			break;
		}
	}
	form_build(st);
	return ui_screen_new(&form_ops, st, 0);
}

static const struct screen_ops form_ops = {
	.name = "form",
	.draw = form_draw,
	.key = form_key,
	.resize = form_resize,
	.resume = NULL,
	.free = form_free,
	.fkeys = N_("F1 Bantuan  F2 Simpan  F4 Pilih  F10 Batal"),
};
