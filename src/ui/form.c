/* form.c: the case form screen: a form (formwidget.c) built from a kind, for new and existing cases. */
#include <stdlib.h>
#include <string.h>

#include "formwidget.h"
#include "date.h"
#include "koperasi.h"
#include "ui.h"
#include "util.h"

#define FORM_LT_ROWS   3  /* visible rows of a longtext field */
#define FORM_LABEL_MAX 28 /* widest label column (and at most a third of the screen) */

/* What a koperasi field last looked up in the registry: the value and the name
 * found (NULL: not in the registry), owned. */
struct form_kop {
	char *kop_for;
	char *kop_name;
};

struct form_state {
	struct fwidget     fw;          /* first: the form; slot i is kind field i */
	struct app        *a;
	const struct kind *k;
	char              *case_id;     /* NULL: a new case */
	long               version;     /* version of the loaded case */
	char              *number_text; /* office number of the loaded case, owned */
	struct form_kop   *kop;         /* one per slot */
	struct kop_ref    *kref;        /* registry lists, loaded for the serving-office rule */
	int                kref_tried;
};

static const struct screen_ops form_ops;

static const struct kfield *form_kf(const struct form_state *st, size_t i)
{
	return &st->k->fields[i];
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

/* ---- the widget's callbacks ---------------------------------------------------------- */

static void form_shape(void *ctx, size_t i, int avail, int *rows, int *w, int *dynamic,
		       int *grow)
{
	const struct form_state *st = ctx;
	const struct kfield *kf = form_kf(st, i);
	int maxlen = kf->max_len > 0 ? kf->max_len : 200;
	switch (kf->type) {
	case FT_DATE:
		*w = 10;
		break;
	case FT_NUMBER:
		*w = 12;
		*dynamic = 1;
		*grow = 40;
		break;
	case FT_CHOICE:
		*w = 3;
		for (size_t c = 0; c < kf->n_choices; c++) {
			int cw = str_width(kf->choices[c]) + 1;
			if (cw > *w)
				*w = cw;
		}
		*dynamic = 1;
		*grow = 100;
		break;
	case FT_REF:
		*w = form_ref_width(form_ref(st, kf)) + 1;
		*dynamic = 1;
		*grow = 100;
		break;
	case FT_MULTI:
		*w = avail < 40 ? avail : 40;
		*dynamic = 1;
		*grow = 0;
		break;
	case FT_KOPERASI:
		*w = KOPERASI_NIK_DIGITS + 1; /* a NIK; an id scrolls */
		*dynamic = 1;
		*grow = maxlen;
		break;
	case FT_LONGTEXT:
		*rows = FORM_LT_ROWS;
		*w = avail;
		*dynamic = 1;
		/* rows, not characters; generous so a maximal UTF-8 text fits */
		*grow = (maxlen * 2) / (avail > 0 ? avail : 1) + FORM_LT_ROWS + 2;
		break;
	case FT_TEXT:
	default:
		*w = kf->width > 0 ? kf->width : maxlen;
		if (*w < maxlen)
			*dynamic = 1;
		if (*w > avail) {
			*w = avail;
			*dynamic = 1;
		}
		*grow = maxlen;
		break;
	}
}

/* Text beside a field: the label of the chosen code, or a hint; the number of
 * the auto-number field. Caller frees; NULL for none. */
static char *form_hint(void *ctx, size_t i, int current)
{
	const struct form_state *st = ctx;
	const struct kfield *kf = form_kf(st, i);
	const struct form_kop *kop = &st->kop[i];
	const char *v = st->fw.slot[i].value ? st->fw.slot[i].value : "";
	if (kf->auto_number)
		return xstrdup(st->number_text ? st->number_text : _("(otomatis)"));
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
		if (*v != '\0' && kop->kop_for != NULL && strcmp(v, kop->kop_for) == 0)
			return xstrdup(kop->kop_name ? kop->kop_name : _("(tidak ada di registri)"));
		return current ? xstrdup(_("Enter/F4: cari di registri")) : NULL;
	default:
		return NULL;
	}
}

/* The help line text of a field. Caller frees. */
static char *form_help(void *ctx, size_t i)
{
	const struct kfield *kf = form_kf(ctx, i);
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

static int form_is_pick(void *ctx, size_t i)
{
	const struct kfield *kf = form_kf(ctx, i);
	return kf->type == FT_CHOICE || kf->type == FT_MULTI || kf->type == FT_REF ||
	       kf->type == FT_KOPERASI;
}

/* The slot of a field key, or (size_t)-1. */
static size_t form_slot_of(void *ctx, const char *key)
{
	const struct form_state *st = ctx;
	for (size_t j = 0; j < st->fw.n; j++)
		if (strcmp(form_kf(st, j)->key, key) == 0)
			return j;
	return (size_t)-1;
}

/* ---- the cooperative of a koperasi field ----------------------------------------------- */

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

/* Looks up the cooperative in koperasi slot i when its value changed: its
 * name for the hint and, for a kind with the serving-office rule, the message
 * for the clerk when another office serves it (with the fields to fill). name
 * (may be NULL) is the name already known from the picker. Returns 1 when the
 * note under the field changed (the form must be laid out again). */
static int form_kop_lookup(struct form_state *st, size_t i, const char *name)
{
	struct fw_slot *sl = &st->fw.slot[i];
	struct form_kop *kop = &st->kop[i];
	const char *v = sl->value ? sl->value : "";
	if (kop->kop_for != NULL && strcmp(kop->kop_for, v) == 0)
		return 0;
	free(kop->kop_for);
	free(kop->kop_name);
	kop->kop_for = xstrdup(v);
	kop->kop_name = NULL;
	char *note = NULL;
	if (*v != '\0') {
		struct koperasi k;
		koperasi_init(&k);
		if (store_koperasi_find(st->a->st, v, &k) == 1) {
			kop->kop_name = xstrdup(k.nama ? k.nama : name);
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
	for (size_t i = 0; i < st->fw.n; i++)
		if (form_kf(st, i)->type == FT_KOPERASI && st->fw.slot[i].field != NULL &&
		    i != st->fw.cur)
			changed |= form_kop_lookup(st, i, NULL);
	if (changed)
		fw_relayout(&st->fw);
}

/* The registry picker's answer: the NIK (or id) goes into the field, and the
 * serving-office message, if any, under it at once. */
static void form_kop_done(void *ctx, const char *value, const char *name)
{
	struct form_state *st = ctx;
	struct fwidget *fw = &st->fw;
	if (value == NULL || fw->form == NULL)
		return;
	size_t i = fw->picking;
	if (fw->slot[i].field == NULL)
		return;
	fw_set_value(fw, &fw->slot[i], value);
	if (form_kop_lookup(st, i, name))
		fw_relayout(fw);
	if (current_field(fw->form) == fw->slot[i].field)
		fw_move(fw, REQ_NEXT_FIELD);
	if (fw->slot[i].note != NULL)
		ui_message("%s", fw->slot[i].note);
}

/* Opens the picker over a choice/ref/koperasi field. */
static int form_pick(void *ctx, size_t i)
{
	struct form_state *st = ctx;
	struct fw_slot *sl = &st->fw.slot[i];
	const struct kfield *kf = form_kf(st, i);
	if (kf->type == FT_KOPERASI) {
		ui_push(regpick_new(kf->label, sl->value, form_kop_done, st));
		return H_REDRAW;
	}
	const struct refitem *items = sl->items;
	size_t n = sl->n_items;
	if (kf->type == FT_REF) {
		const struct reflist *l = form_ref(st, kf);
		items = l != NULL ? l->items : NULL;
		n = l != NULL ? l->n : 0;
	}
	if (n == 0) {
		ui_error(_("Tidak ada daftar pilihan untuk %s"), kf->label);
		return H_REDRAW;
	}
	struct screen *p = picker_new(kf->label, items, n, kf->type == FT_MULTI, sl->value,
				      fw_pick_done, &st->fw);
	if (p != NULL)
		ui_push(p);
	return H_REDRAW;
}

/* ---- saving ------------------------------------------------------------------------------ */

/* Loads values of a stored case into the slots (display form). */
static void form_load_values(void *ctx, const void *rec_)
{
	struct form_state *st = ctx;
	const struct case_rec *rec = rec_;
	for (size_t i = 0; i < st->fw.n; i++) {
		struct fw_slot *sl = &st->fw.slot[i];
		const char *v = values_get(&rec->fields, form_kf(st, i)->key);
		free(sl->value);
		free(sl->initial);
		sl->value = kind_display(form_kf(st, i), v);
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
			char *key = xstrndup(line, (size_t)(sep - line));
			size_t j = form_slot_of(st, key);
			if (j < st->fw.n && st->fw.slot[j].field != NULL)
				fields++;
			free(key);
		}
		errs_add(&e, "%s", line);
	}
	free(copy);
	if (fields > 0)
		fw_set_errors(&st->fw, &e);
	else
		ui_error("%s", cause);
	errs_free(&e);
}

static int form_save(void *ctx)
{
	struct form_state *st = ctx;
	struct app *a = st->a;
	fw_sync(&st->fw);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < st->fw.n; i++) {
		const struct fw_slot *sl = &st->fw.slot[i];
		if (form_kf(st, i)->auto_number)
			continue;
		values_set(&v, form_kf(st, i)->key, sl->value ? sl->value : "");
	}
	struct errs e;
	errs_init(&e);
	if (kind_normalize(st->k, &v, &e) != 0) {
		fw_set_errors(&st->fw, &e);
		errs_free(&e);
		values_free(&v);
		return H_REDRAW;
	}
	errs_free(&e);
	fw_accept(&st->fw);

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
			if (!fw_conflict(&st->fw, cause, form_load_values, &cur))
				st->version = cur.version;
		} else {
			form_store_error(st, cause);
		}
		case_clear(&cur);
	}
	free(cause);
	values_free(&v);
	return rc;
}

/* ---- the screen ---------------------------------------------------------------------------- */

static void form_draw(struct screen *s)
{
	struct form_state *st = s->state;
	fw_prepare(&st->fw);
	form_kop_refresh(st);
	char *title;
	if (st->case_id != NULL)
		title = xasprintf(_("%s no. %s: ubah"), st->k->title,
				  st->number_text ? st->number_text : "?");
	else
		title = xasprintf(_("%s: isian baru"), st->k->title);
	fw_draw(&st->fw, title, st->k->title);
	free(title);
}

static void form_free(struct screen *s)
{
	struct form_state *st = s->state;
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->fw.n; i++) {
		free(st->kop[i].kop_for);
		free(st->kop[i].kop_name);
	}
	fw_free(&st->fw);
	free(st->kop);
	free(st->case_id);
	free(st->number_text);
	koperasi_ref_free(st->kref);
	free(st);
	s->state = NULL;
}

/* Picker items of a choice or multi field. */
static void form_choice_items(struct fw_slot *sl, const struct kfield *kf)
{
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

static const struct fw_ops form_fw_ops = {
	.shape   = form_shape,
	.hint    = form_hint,
	.help    = form_help,
	.is_pick = form_is_pick,
	.pick    = form_pick,
	.slot_of = form_slot_of,
	.save    = form_save,
};

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
	fw_init(&st->fw, &form_fw_ops, st, k->n_fields, FORM_LABEL_MAX, 1, 3);
	st->kop = xcalloc(k->n_fields + 1, sizeof *st->kop);
	for (size_t i = 0; i < k->n_fields; i++) {
		struct fw_slot *sl = &st->fw.slot[i];
		const struct kfield *kf = &k->fields[i];
		sl->label = kf->label;
		sl->required = kf->required;
		sl->fixed = kf->auto_number;
		form_choice_items(sl, kf);
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
	for (size_t i = 0; i < k->n_fields; i++) {
		if (!k->fields[i].auto_number) {
			st->fw.cur = i;
			break;
		}
	}
	fw_build(&st->fw);
	return ui_screen_new(&form_ops, st, 0);
}

static const struct screen_ops form_ops = {
	.name = "form",
	.draw = form_draw,
	.key = fw_screen_key,
	.resize = fw_screen_resize,
	.resume = NULL,
	.free = form_free,
	.fkeys = N_("F1 Bantuan  F2 Simpan  F4 Pilih  F10 Batal"),
};
