/* kopform.c: the cooperative form: a libform form over KOPERASI_FIELDS with pickers for the
 * list fields, checked by koperasi_normalize; inserts or updates the registry. It looks and
 * behaves like the case form (form.c). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>
#include <ncursesw/form.h>

#include "kop.h"
#include "util.h"

#define KF_TOP       2  /* first screen row of the field area */
#define KF_LABEL_MAX 30 /* widest label column */

struct kopform_slot {
	const struct kop_fielddef *fd;
	FIELD          *field;
	int             row;     /* row in the pad */
	int             width;   /* columns of the field */
	char           *value;   /* text as shown (dates DD-MM-YYYY), owned */
	char           *initial; /* text when the form opened, owned */
	char           *err;     /* message of the last save, owned, or NULL */
	struct refitem *items;   /* picker items of a list field, owned */
	size_t          n_items;
};

struct kopform {
	const struct kop_ref *ref;
	char                 *id;       /* NULL: a new cooperative */
	long                  version;  /* version of the loaded record */
	char                 *name;     /* name of the loaded record, for the title */
	struct kopform_slot   slot[KF_COUNT];
	FIELD               **fields;   /* NULL-terminated, handed to libform */
	FORM                 *form;
	WINDOW               *pad;      /* the fields live here; copied to stdscr */
	int                   pad_rows, pad_cols;
	int                   lines, cols; /* screen size the form was built for */
	int                   label_w;
	int                   field_x;  /* screen column of the fields */
	int                   top;      /* first pad row on screen */
	size_t                cur;      /* current slot, kept across rebuilds */
	int                   n_err;    /* fields with errors after the last save */
	char                 *gen_err;  /* save error not tied to a field, owned */
	size_t                picking;  /* slot the open picker writes into */
};

static int kopform_area_h(void)
{
	int h = LINES - KF_TOP - 3;
	return h < 1 ? 1 : h;
}

static int kopform_is_pick(const struct kop_fielddef *fd)
{
	return fd->type == KT_REF || fd->type == KT_CHOICE;
}

/* ---- field values ------------------------------------------------------------------ */

static char *kopform_field_text(const struct kopform_slot *sl)
{
	const char *buf = field_buffer(sl->field, 0);
	return str_trim(xstrdup(buf ? buf : ""));
}

/* Copies every field into its slot value (REQ_VALIDATION syncs the current one). */
static void kopform_sync(struct kopform *kf)
{
	if (kf->form == NULL)
		return;
	form_driver(kf->form, REQ_VALIDATION);
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct kopform_slot *sl = &kf->slot[i];
		if (sl->field == NULL)
			continue;
		free(sl->value);
		sl->value = kopform_field_text(sl);
	}
	FIELD *cf = current_field(kf->form);
	if (cf != NULL)
		kf->cur = (size_t)field_index(cf);
}

static void kopform_hook_in(FORM *f)
{
	set_field_fore(current_field(f), ui_attr(CP_SELECT));
	set_field_back(current_field(f), ui_attr(CP_SELECT));
}

static void kopform_hook_out(FORM *f)
{
	set_field_fore(current_field(f), A_UNDERLINE);
	set_field_back(current_field(f), A_UNDERLINE);
}

static void kopform_teardown(struct kopform *kf)
{
	if (kf->form != NULL) {
		unpost_form(kf->form);
		free_form(kf->form);
		kf->form = NULL;
	}
	for (size_t i = 0; i < KF_COUNT; i++) {
		if (kf->slot[i].field != NULL)
			free_field(kf->slot[i].field);
		kf->slot[i].field = NULL;
	}
	free(kf->fields);
	kf->fields = NULL;
	if (kf->pad != NULL) {
		delwin(kf->pad);
		kf->pad = NULL;
	}
}

/* Columns a field gets, and the characters it may grow to (0: no growth). */
static void kopform_width(const struct kopform_slot *sl, int avail, int *w, int *grow)
{
	const struct kop_fielddef *fd = sl->fd;
	*grow = fd->max_len;
	switch (fd->type) {
	case KT_NIK:
		*w = 20;
		*grow = 40; /* dots, dashes and spaces are allowed between the digits */
		break;
	case KT_DATE:
		*w = 10;
		*grow = 20;
		break;
	case KT_COUNT:
		*w = 10;
		*grow = 20;
		break;
	case KT_YEARS:
		*w = 30;
		break;
	case KT_PHONE:
		*w = 24;
		break;
	case KT_EMAIL:
		*w = 36;
		break;
	case KT_CHOICE:
	case KT_REF: {
		*w = 8;
		for (size_t i = 0; i < sl->n_items; i++) {
			int cw = str_width(sl->items[i].code) + 1;
			if (cw > *w)
				*w = cw;
		}
		if (*w > 40)
			*w = 40;
		break;
	}
	default:
		*w = fd->max_len;
		break;
	}
	if (*w > avail)
		*w = avail;
	if (*w < 1)
		*w = 1;
	if (*grow < *w)
		*grow = *w;
}

/* Builds the form at the current screen size from the slot values. */
static void kopform_build(struct kopform *kf)
{
	kf->lines = LINES;
	kf->cols = COLS;
	int lw = 0;
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *fd = kf->slot[i].fd;
		int w = str_width(_(fd->label)) + (fd->required ? 2 : 0);
		if (w > lw)
			lw = w;
	}
	int cap = COLS * 2 / 5 < KF_LABEL_MAX ? COLS * 2 / 5 : KF_LABEL_MAX;
	if (lw > cap)
		lw = cap;
	kf->label_w = lw;
	kf->field_x = 1 + lw + 1;
	int avail = COLS - kf->field_x - 1;
	if (avail < 10)
		avail = 10;

	kf->fields = xcalloc(KF_COUNT + 1, sizeof *kf->fields);
	int row = 0;
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct kopform_slot *sl = &kf->slot[i];
		int w, grow;
		kopform_width(sl, avail, &w, &grow);
		sl->row = row;
		sl->width = w;
		FIELD *f = new_field(1, w, row, 0, 0, 0);
		if (f == NULL)
			abort();
		field_opts_off(f, O_AUTOSKIP | O_BLANK);
		if (grow > w) {
			field_opts_off(f, O_STATIC);
			set_max_field(f, grow);
		}
		set_field_fore(f, A_UNDERLINE);
		set_field_back(f, A_UNDERLINE);
		char *safe = str_sanitize(sl->value ? sl->value : "", 1);
		set_field_buffer(f, 0, safe);
		free(safe);
		set_field_status(f, FALSE);
		sl->field = f;
		kf->fields[i] = f;
		row += 1 + (sl->err != NULL);
	}
	kf->fields[KF_COUNT] = NULL;
	kf->pad_rows = row > kopform_area_h() ? row : kopform_area_h();
	kf->pad_cols = avail;
	kf->pad = newpad(kf->pad_rows, kf->pad_cols);
	if (kf->pad == NULL)
		abort();
	kf->form = new_form(kf->fields);
	if (kf->form == NULL)
		abort();
	form_opts_off(kf->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(kf->form, kf->pad);
	set_form_sub(kf->form, kf->pad);
	set_field_init(kf->form, kopform_hook_in);
	set_field_term(kf->form, kopform_hook_out);
	post_form(kf->form);
	form_driver(kf->form, REQ_INS_MODE);
	set_current_field(kf->form, kf->slot[kf->cur].field);
	form_driver(kf->form, REQ_END_FIELD);
}

static void kopform_rebuild(struct kopform *kf)
{
	kopform_sync(kf);
	kopform_teardown(kf);
	kopform_build(kf);
}

/* Keeps the current field (and its error line) on screen. */
static void kopform_scroll(struct kopform *kf)
{
	int h = kopform_area_h();
	const struct kopform_slot *sl = &kf->slot[kf->cur];
	int first = kf->cur == 0 ? 0 : sl->row, last = sl->row + (sl->err != NULL);
	if (last >= kf->top + h)
		kf->top = last - h + 1;
	if (first < kf->top)
		kf->top = first;
	const struct kopform_slot *end = &kf->slot[KF_COUNT - 1];
	int total = end->row + 1 + (end->err != NULL);
	if (kf->top > total - h)
		kf->top = total - h;
	if (kf->top < 0)
		kf->top = 0;
}

/* ---- hints ------------------------------------------------------------------------------ */

/* The code of a choice field matching text (code or label), or NULL. */
static const char *kopform_choice(enum kop_fid f, const char *text)
{
	for (const char *const *c = kopui_choices(f); *c != NULL; c++) {
		if (strcasecmp(text, *c) == 0)
			return *c;
		char *label = koperasi_display(NULL, f, *c);
		int same = strcasecmp(text, label) == 0;
		free(label);
		if (same)
			return *c;
	}
	return NULL;
}

/* Text beside a field: what the typed code means, or a hint. Caller frees; NULL for none. */
static char *kopform_hint(const struct kopform *kf, const struct kopform_slot *sl, int current)
{
	const struct kop_fielddef *fd = sl->fd;
	const char *v = sl->value ? sl->value : "";
	switch (fd->type) {
	case KT_DATE:
		return xstrdup(_("DD-MM-YYYY"));
	case KT_NIK:
		return current ? xasprintf(_("%d angka"), KOPERASI_NIK_DIGITS) : NULL;
	case KT_YEARS:
		return current ? xstrdup(_("mis. 2023;2024;2025")) : NULL;
	case KT_NAMES:
		return current ? xstrdup(_("nama dipisah ;")) : NULL;
	case KT_CHOICE: {
		const char *c = *v ? kopform_choice(fd->id, v) : NULL;
		if (c != NULL)
			return koperasi_display(NULL, fd->id, c);
		if (*v)
			return xstrdup(_("(bukan pilihan)"));
		return current ? xstrdup(_("Enter/F4: pilih")) : NULL;
	}
	case KT_REF: {
		const struct kop_list *l = koperasi_ref_list(kf->ref, fd->list);
		if (*v != '\0' && l != NULL) {
			int amb = 0;
			const struct kop_item *it = koperasi_list_match(l, v, &amb);
			if (amb)
				return xstrdup(_("(lebih dari satu cocok)"));
			if (it == NULL)
				return xstrdup(_("(tidak ada dalam daftar)"));
			if (strcmp(it->name, v) != 0)
				return xstrdup(it->name);
			return NULL;
		}
		return current ? xstrdup(_("Enter/F4: pilih")) : NULL;
	}
	default:
		return NULL;
	}
}

static const char *kopform_help(const struct kopform_slot *sl)
{
	switch (sl->fd->type) {
	case KT_CHOICE:
	case KT_REF:
		return _("Enter atau F4: pilih dari daftar; kode atau nama juga boleh diketik");
	case KT_DATE:
		return _("Tanggal DD-MM-YYYY");
	case KT_NIK:
		return _("NIK koperasi: 16 angka (titik, tanda hubung dan spasi boleh)");
	case KT_YEARS:
		return _("Tahun-tahun RAT dipisah ';' (tahun RAT terakhir ditambahkan sendiri)");
	case KT_NAMES:
		return _("Beberapa nama dipisah ';'");
	case KT_COUNT:
		return _("Bilangan bulat");
	case KT_PHONE:
		return _("Nomor telepon; beberapa nomor dipisah '/'");
	default:
		return "";
	}
}

/* ---- drawing --------------------------------------------------------------------------- */

static void kopform_draw(struct screen *s)
{
	struct kopform *kf = s->state;
	if (kf->lines != LINES || kf->cols != COLS)
		kopform_rebuild(kf);
	kopform_sync(kf);
	kopform_scroll(kf);
	erase();

	char *title = kf->id != NULL
		? xasprintf(_("Ubah koperasi: %s"), kf->name ? kf->name : "")
		: xstrdup(_("Koperasi baru: isian"));
	ui_title(title);
	free(title);

	int h = kopform_area_h();
	int cy, cx;
	pos_form_cursor(kf->form);
	getyx(kf->pad, cy, cx);
	int nrows = kf->pad_rows - kf->top;
	if (nrows > h)
		nrows = h;
	int ncols = kf->pad_cols;
	if (kf->field_x + ncols > COLS)
		ncols = COLS - kf->field_x;
	if (nrows > 0 && ncols > 0)
		copywin(kf->pad, stdscr, kf->top, 0, KF_TOP, kf->field_x, KF_TOP + nrows - 1,
			kf->field_x + ncols - 1, FALSE);

	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kopform_slot *sl = &kf->slot[i];
		int y = KF_TOP + sl->row - kf->top;
		int cur = i == kf->cur;
		if (y >= KF_TOP && y < KF_TOP + h) {
			const char *label = _(sl->fd->label);
			char *fit = str_fit(label, kf->label_w - (sl->fd->required ? 2 : 0));
			char *lab = sl->fd->required ? xasprintf("%s *", fit) : xstrdup(fit);
			ui_put_attr(y, 1, kf->label_w, lab, cur ? A_BOLD : A_NORMAL,
				    sl->err != NULL ? CP_ERROR : CP_NORMAL);
			free(fit);
			free(lab);
			char *hint = kopform_hint(kf, sl, cur);
			int hx = kf->field_x + sl->width + 2;
			if (hint != NULL && hx < COLS - 4)
				ui_put_attr(y, hx, COLS - hx - 1, hint, A_DIM, CP_NORMAL);
			free(hint);
		}
		int ey = y + 1;
		if (sl->err != NULL && ey >= KF_TOP && ey < KF_TOP + h)
			ui_put_attr(ey, kf->field_x, COLS - kf->field_x - 1, sl->err, A_NORMAL,
				    CP_ERROR);
	}
	if (kf->top > 0)
		ui_put_attr(KF_TOP, COLS - 1, 1, "^", A_BOLD, CP_NORMAL);
	if (kf->top + h < kf->pad_rows)
		ui_put_attr(KF_TOP + h - 1, COLS - 1, 1, "v", A_BOLD, CP_NORMAL);

	/* help or error of the current field */
	const struct kopform_slot *cs = &kf->slot[kf->cur];
	if (cs->err != NULL) {
		char *m = xasprintf("%s: %s", _(cs->fd->label), cs->err);
		ui_put_attr(LINES - 3, 1, COLS - 2, m, A_NORMAL, CP_ERROR);
		free(m);
	} else if (kf->gen_err != NULL) {
		ui_put_attr(LINES - 3, 1, COLS - 2, kf->gen_err, A_NORMAL, CP_ERROR);
	} else {
		ui_put_attr(LINES - 3, 1, COLS - 2, kopform_help(cs), A_DIM, CP_NORMAL);
	}

	char *status;
	if (kf->n_err > 0)
		status = xasprintf(_("%d isian perlu diperbaiki"), kf->n_err);
	else
		status = xasprintf(_("%s | isian %zu/%d"), _("Registri koperasi"), kf->cur + 1,
				   (int)KF_COUNT);
	ui_status(status);
	free(status);

	if (cy - kf->top >= 0 && cy - kf->top < h)
		ui_cursor(KF_TOP + cy - kf->top, kf->field_x + cx);
}

static void kopform_resize(struct screen *s)
{
	kopform_rebuild(s->state);
}

/* ---- editing ------------------------------------------------------------------------------- */

static int kopform_changed(struct kopform *kf)
{
	kopform_sync(kf);
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kopform_slot *sl = &kf->slot[i];
		if (strcmp(sl->value ? sl->value : "", sl->initial ? sl->initial : "") != 0)
			return 1;
	}
	return 0;
}

/* Moves to another field, the cursor after its text. */
static void kopform_move(struct kopform *kf, int req)
{
	form_driver(kf->form, REQ_BEG_FIELD); /* leave the field showing its start */
	if (form_driver(kf->form, req) == E_OK)
		form_driver(kf->form, REQ_END_FIELD);
	FIELD *cf = current_field(kf->form);
	if (cf != NULL)
		kf->cur = (size_t)field_index(cf);
}

/* PgUp/PgDn: about a screenful of fields. */
static void kopform_jump(struct kopform *kf, int up)
{
	int h = kopform_area_h();
	int start = kf->slot[kf->cur].row;
	while (up ? kf->cur > 0 : kf->cur + 1 < KF_COUNT) {
		kopform_move(kf, up ? REQ_PREV_FIELD : REQ_NEXT_FIELD);
		int d = kf->slot[kf->cur].row - start;
		if ((up ? -d : d) >= h - 1)
			break;
	}
}

static void kopform_pick_done(void *ctx, const char *code)
{
	struct kopform *kf = ctx;
	if (code == NULL || kf->form == NULL)
		return;
	struct kopform_slot *sl = &kf->slot[kf->picking];
	if (sl->field == NULL)
		return;
	char *safe = str_sanitize(code, 1);
	set_field_buffer(sl->field, 0, safe);
	free(safe);
	free(sl->value);
	sl->value = xstrdup(code);
	if (current_field(kf->form) == sl->field)
		kopform_move(kf, REQ_NEXT_FIELD);
}

static int kopform_pick(struct kopform *kf)
{
	kopform_sync(kf);
	struct kopform_slot *sl = &kf->slot[kf->cur];
	if (sl->n_items == 0) {
		ui_error(_("Tidak ada daftar pilihan untuk %s"), _(sl->fd->label));
		return H_REDRAW;
	}
	/* the picker starts on the item the typed text names */
	const char *v = sl->value ? sl->value : "";
	const char *selected = v;
	if (sl->fd->type == KT_REF && *v) {
		const struct kop_item *it =
			koperasi_list_match(koperasi_ref_list(kf->ref, sl->fd->list), v, NULL);
		if (it != NULL)
			selected = it->code;
	} else if (sl->fd->type == KT_CHOICE && *v) {
		const char *c = kopform_choice(sl->fd->id, v);
		if (c != NULL)
			selected = c;
	}
	kf->picking = kf->cur;
	ui_push(picker_new(_(sl->fd->label), sl->items, sl->n_items, 0, selected,
			   kopform_pick_done, kf));
	return H_REDRAW;
}

static void kopform_clear_errors(struct kopform *kf)
{
	for (size_t i = 0; i < KF_COUNT; i++) {
		free(kf->slot[i].err);
		kf->slot[i].err = NULL;
	}
	free(kf->gen_err);
	kf->gen_err = NULL;
	kf->n_err = 0;
}

/* Puts messages "key: reason" beside their fields and goes to the first bad one. */
static void kopform_set_errors(struct kopform *kf, const struct errs *e)
{
	kopform_clear_errors(kf);
	size_t first = KF_COUNT;
	for (size_t i = 0; i < e->n; i++) {
		const char *m = e->msg[i];
		const char *sep = strstr(m, ": ");
		const struct kop_fielddef *fd = NULL;
		if (sep != NULL) {
			char *key = xstrndup(m, (size_t)(sep - m));
			fd = koperasi_field(key);
			free(key);
		}
		if (fd == NULL) {
			char *t = kf->gen_err ? xasprintf("%s; %s", kf->gen_err, m) : xstrdup(m);
			free(kf->gen_err);
			kf->gen_err = t;
			continue;
		}
		struct kopform_slot *sl = &kf->slot[fd->id];
		if (sl->err == NULL) {
			sl->err = xstrdup(sep + 2);
			kf->n_err++;
		} else {
			char *t = xasprintf("%s; %s", sl->err, sep + 2);
			free(sl->err);
			sl->err = t;
		}
		if ((size_t)fd->id < first)
			first = fd->id;
	}
	if (kf->n_err == 0 && kf->gen_err != NULL)
		kf->n_err = 1;
	kopform_teardown(kf);
	if (first < KF_COUNT)
		kf->cur = first;
	kopform_build(kf);
}

/* Slot values from a stored record (display form). */
static void kopform_load(struct kopform *kf, const struct koperasi *k)
{
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct kopform_slot *sl = &kf->slot[i];
		const char *v = koperasi_get(k, sl->fd->id);
		free(sl->value);
		free(sl->initial);
		/* list fields keep their code (the hint shows the name); dates DD-MM-YYYY */
		if (sl->fd->type == KT_DATE)
			sl->value = koperasi_display(kf->ref, sl->fd->id, v);
		else
			sl->value = xstrdup(v ? v : "");
		sl->initial = xstrdup(sl->value);
	}
	free(kf->name);
	kf->name = xstrdup(k->nama);
	kf->version = k->version;
}

/* A store message "key: reason" goes beside its field, anything else on the help line. */
static void kopform_store_error(struct kopform *kf, const char *cause)
{
	struct errs e;
	errs_init(&e);
	errs_add(&e, "%s", cause ? cause : _("gagal menyimpan"));
	kopform_set_errors(kf, &e);
	errs_free(&e);
}

static int kopform_save(struct kopform *kf)
{
	struct app *a = ui_app();
	kopform_sync(kf);
	struct koperasi k;
	koperasi_init(&k);
	for (size_t i = 0; i < KF_COUNT; i++)
		koperasi_put(&k, kf->slot[i].fd->id, kf->slot[i].value);
	struct errs e;
	errs_init(&e);
	if (koperasi_normalize(kf->ref, &k, &e) != 0) {
		kopform_set_errors(kf, &e);
		errs_free(&e);
		koperasi_clear(&k);
		return H_REDRAW;
	}
	errs_free(&e);
	int had_errors = kf->n_err > 0;
	kopform_clear_errors(kf);
	if (had_errors) {
		kopform_teardown(kf);
		kopform_build(kf);
	}

	char *cause = NULL;
	int rc = H_REDRAW;
	if (kf->id == NULL) {
		if (store_koperasi_insert(a->st, &k, app_login(), NULL, NULL, &cause) != 0) {
			kopform_store_error(kf, cause);
		} else {
			ui_message(_("Tersimpan: koperasi %s"), k.nama);
			rc = H_POP;
		}
	} else {
		struct koperasi cur;
		int changed = 0;
		snprintf(k.id, sizeof k.id, "%s", kf->id);
		if (store_koperasi_update(a->st, &k, kf->version, app_login(), &cur, &changed,
					  &cause) == 0) {
			if (changed)
				ui_message(_("Perubahan tersimpan: koperasi %s"), k.nama);
			else
				ui_message(_("Tidak ada perubahan"));
			rc = H_POP;
		} else if (cur.version != 0 && cur.version != kf->version) {
			/* someone else saved first: the cause on the help line, the question below */
			free(kf->gen_err);
			kf->gen_err = xstrdup(cause ? cause : "");
			int load = ui_confirm(_("Muat versi terbaru (isian Anda dibuang)? (y/t)"));
			free(kf->gen_err);
			kf->gen_err = NULL;
			if (load) {
				kopform_teardown(kf);
				kopform_load(kf, &cur);
				kopform_build(kf);
				ui_message(_("Versi terbaru dimuat"));
			} else {
				kf->version = cur.version;
				ui_message(_("Tekan F2 lagi untuk menyimpan isian Anda di atasnya"));
			}
		} else {
			kopform_store_error(kf, cause);
		}
		koperasi_clear(&cur);
	}
	free(cause);
	koperasi_clear(&k);
	return rc;
}

static int kopform_cancel(struct kopform *kf)
{
	if (kopform_changed(kf) && !ui_confirm(_("Batalkan isian? (y/t)")))
		return H_REDRAW;
	return H_POP;
}

static int kopform_enter(struct kopform *kf)
{
	if (kopform_is_pick(kf->slot[kf->cur].fd))
		return kopform_pick(kf);
	kopform_move(kf, REQ_NEXT_FIELD);
	return H_REDRAW;
}

static int kopform_key(struct screen *s, int is_key, wint_t ch)
{
	struct kopform *kf = s->state;
	if (!is_key) {
		switch (ch) {
		case 27:
			return kopform_cancel(kf);
		case 19: /* Ctrl-S */
			return kopform_save(kf);
		case '\t':
			kopform_move(kf, REQ_NEXT_FIELD);
			return H_REDRAW;
		case '\r':
		case '\n':
			return kopform_enter(kf);
		case 127:
		case 8:
			form_driver(kf->form, REQ_DEL_PREV);
			return H_REDRAW;
		case 1: /* Ctrl-A */
			form_driver(kf->form, REQ_BEG_FIELD);
			return H_REDRAW;
		case 5: /* Ctrl-E */
			form_driver(kf->form, REQ_END_FIELD);
			return H_REDRAW;
		case 11: /* Ctrl-K */
			form_driver(kf->form, REQ_CLR_EOF);
			return H_REDRAW;
		case 21: /* Ctrl-U */
			form_driver(kf->form, REQ_CLR_FIELD);
			return H_REDRAW;
		default:
			break;
		}
		if (ch >= 32 && ch != 127 && iswprint(ch)) {
			form_driver_w(kf->form, OK, (wchar_t)ch);
			return H_REDRAW;
		}
		return H_NONE;
	}
	switch (ch) {
	case KEY_F(2):
		return kopform_save(kf);
	case KEY_F(10):
		return kopform_cancel(kf);
	case KEY_F(4):
		if (kopform_is_pick(kf->slot[kf->cur].fd))
			return kopform_pick(kf);
		return H_DONE;
	case KEY_ENTER:
		return kopform_enter(kf);
	case KEY_BTAB:
	case KEY_UP:
		kopform_move(kf, REQ_PREV_FIELD);
		return H_REDRAW;
	case KEY_DOWN:
		kopform_move(kf, REQ_NEXT_FIELD);
		return H_REDRAW;
	case KEY_PPAGE:
		kopform_jump(kf, 1);
		return H_REDRAW;
	case KEY_NPAGE:
		kopform_jump(kf, 0);
		return H_REDRAW;
	case KEY_LEFT:
		form_driver(kf->form, REQ_PREV_CHAR);
		return H_REDRAW;
	case KEY_RIGHT:
		form_driver(kf->form, REQ_NEXT_CHAR);
		return H_REDRAW;
	case KEY_HOME:
		form_driver(kf->form, REQ_BEG_FIELD);
		return H_REDRAW;
	case KEY_END:
		form_driver(kf->form, REQ_END_FIELD);
		return H_REDRAW;
	case KEY_BACKSPACE:
		form_driver(kf->form, REQ_DEL_PREV);
		return H_REDRAW;
	case KEY_DC:
		form_driver(kf->form, REQ_DEL_CHAR);
		return H_REDRAW;
	case KEY_IC:
		form_driver(kf->form, REQ_OVL_MODE);
		return H_REDRAW;
	default:
		return H_NONE;
	}
}

static void kopform_free(struct screen *s)
{
	struct kopform *kf = s->state;
	if (kf == NULL)
		return;
	kopform_teardown(kf);
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct kopform_slot *sl = &kf->slot[i];
		free(sl->value);
		free(sl->initial);
		free(sl->err);
		for (size_t j = 0; j < sl->n_items; j++) {
			free(sl->items[j].code);
			free(sl->items[j].label);
		}
		free(sl->items);
	}
	kopui_ref_put(kf->ref);
	free(kf->id);
	free(kf->name);
	free(kf->gen_err);
	free(kf);
	s->state = NULL;
}

/* Picker items of a list field: a choice's codes and labels, or a data list
 * (kab/kota: only the items under a province). */
static void kopform_items(struct kopform *kf, struct kopform_slot *sl)
{
	const struct kop_fielddef *fd = sl->fd;
	if (fd->type == KT_CHOICE) {
		const char *const *c = kopui_choices(fd->id);
		size_t n = 0;
		while (c[n] != NULL)
			n++;
		sl->items = xcalloc(n + 1, sizeof *sl->items);
		for (size_t i = 0; i < n; i++) {
			sl->items[i].code = xstrdup(c[i]);
			sl->items[i].label = koperasi_display(NULL, fd->id, c[i]);
		}
		sl->n_items = n;
		return;
	}
	if (fd->type != KT_REF)
		return;
	const struct kop_list *l = koperasi_ref_list(kf->ref, fd->list);
	if (l == NULL)
		return;
	sl->items = xcalloc(l->n + 1, sizeof *sl->items);
	for (size_t i = 0; i < l->n; i++) {
		const struct kop_item *it = &l->items[i];
		if (fd->id == KF_kabkota && (it->parent == NULL || *it->parent == '\0'))
			continue;
		struct refitem *ri = &sl->items[sl->n_items++];
		ri->code = xstrdup(it->code);
		ri->label = xstrdup(it->name ? it->name : it->code);
	}
}

static const struct screen_ops kopform_ops = {
	.name   = "kopform",
	.draw   = kopform_draw,
	.key    = kopform_key,
	.resize = kopform_resize,
	.resume = NULL,
	.free   = kopform_free,
	.fkeys  = N_("F1 Bantuan  F2 Simpan  F4 Pilih  F10 Batal"),
};

struct screen *kopform_new(const char *koperasi_id)
{
	struct app *a = ui_app();
	struct koperasi k;
	koperasi_init(&k);
	if (koperasi_id != NULL) {
		int r = store_koperasi_get(a->st, koperasi_id, &k);
		if (r != 1) {
			ui_error(r == 0 ? _("Koperasi tidak ditemukan") : _("Gagal membaca koperasi"));
			koperasi_clear(&k);
			return NULL;
		}
	}
	const struct kop_ref *ref = kopui_ref_get();
	if (ref == NULL) {
		koperasi_clear(&k);
		return NULL;
	}
	struct kopform *kf = xcalloc(1, sizeof *kf);
	kf->ref = ref;
	kf->id = xstrdup(koperasi_id);
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct kopform_slot *sl = &kf->slot[i];
		sl->fd = &koperasi_fields[i];
		sl->value = xstrdup("");
		sl->initial = xstrdup("");
		kopform_items(kf, sl);
	}
	if (koperasi_id != NULL)
		kopform_load(kf, &k);
	koperasi_clear(&k);
	kopform_build(kf);
	return ui_screen_new(&kopform_ops, kf, 0);
}
