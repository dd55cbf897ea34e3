/* kopform.c: the cooperative form: a form (formwidget.c) over KOPERASI_FIELDS with pickers for
 * the list fields, checked by koperasi_normalize; inserts or updates the registry. It looks and
 * behaves like the case form (form.c). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formwidget.h"
#include "kop.h"
#include "util.h"

#define KF_LABEL_MAX 30 /* widest label column (and at most two fifths of the screen) */

struct kopform {
	struct fwidget        fw;       /* first: the form; slot i is koperasi_fields[i] */
	const struct kop_ref *ref;
	char                 *id;       /* NULL: a new cooperative */
	long                  version;  /* version of the loaded record */
	char                 *name;     /* name of the loaded record, for the title */
};

static const struct kop_fielddef *kopform_fd(size_t i)
{
	return &koperasi_fields[i];
}

/* ---- the widget's callbacks ---------------------------------------------------------- */

/* Columns a field gets, and the characters it may grow to (0: no growth). */
static void kopform_width(const struct fw_slot *sl, const struct kop_fielddef *fd, int avail,
			  int *w, int *grow)
{
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

static void kopform_shape(void *ctx, size_t i, int avail, int *rows, int *w, int *dynamic,
			  int *grow)
{
	const struct kopform *kf = ctx;
	kopform_width(&kf->fw.slot[i], kopform_fd(i), avail, w, grow);
	*dynamic = *grow > *w;
}

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
static char *kopform_hint(void *ctx, size_t i, int current)
{
	const struct kopform *kf = ctx;
	const struct kop_fielddef *fd = kopform_fd(i);
	const char *v = kf->fw.slot[i].value ? kf->fw.slot[i].value : "";
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

static const char *kopform_help_text(const struct kop_fielddef *fd)
{
	switch (fd->type) {
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

static char *kopform_help(void *ctx, size_t i)
{
	return xstrdup(kopform_help_text(kopform_fd(i)));
}

static int kopform_is_pick(void *ctx, size_t i)
{
	return kopform_fd(i)->type == KT_REF || kopform_fd(i)->type == KT_CHOICE;
}

static int kopform_pick(void *ctx, size_t i)
{
	struct kopform *kf = ctx;
	const struct fw_slot *sl = &kf->fw.slot[i];
	const struct kop_fielddef *fd = kopform_fd(i);
	if (sl->n_items == 0) {
		ui_error(_("Tidak ada daftar pilihan untuk %s"), _(fd->label));
		return H_REDRAW;
	}
	/* the picker starts on the item the typed text names */
	const char *v = sl->value ? sl->value : "";
	const char *selected = v;
	if (fd->type == KT_REF && *v) {
		const struct kop_item *it =
			koperasi_list_match(koperasi_ref_list(kf->ref, fd->list), v, NULL);
		if (it != NULL)
			selected = it->code;
	} else if (fd->type == KT_CHOICE && *v) {
		const char *c = kopform_choice(fd->id, v);
		if (c != NULL)
			selected = c;
	}
	ui_push(picker_new(_(fd->label), sl->items, sl->n_items, 0, selected, fw_pick_done,
			   &kf->fw));
	return H_REDRAW;
}

/* The slot of a field key ("nik", "kabkota"), or (size_t)-1. */
static size_t kopform_slot_of(void *ctx, const char *key)
{
	const struct kop_fielddef *fd = koperasi_field(key);
	return fd != NULL ? (size_t)fd->id : (size_t)-1;
}

/* ---- saving ------------------------------------------------------------------------------- */

/* Slot values from a stored record (display form). */
static void kopform_load(void *ctx, const void *rec)
{
	struct kopform *kf = ctx;
	const struct koperasi *k = rec;
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct fw_slot *sl = &kf->fw.slot[i];
		const struct kop_fielddef *fd = kopform_fd(i);
		const char *v = koperasi_get(k, fd->id);
		free(sl->value);
		free(sl->initial);
		/* list fields keep their code (the hint shows the name); dates DD-MM-YYYY */
		if (fd->type == KT_DATE)
			sl->value = koperasi_display(kf->ref, fd->id, v);
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
	fw_set_errors(&kf->fw, &e);
	errs_free(&e);
}

static int kopform_save(void *ctx)
{
	struct kopform *kf = ctx;
	struct app *a = ui_app();
	fw_sync(&kf->fw);
	struct koperasi k;
	koperasi_init(&k);
	for (size_t i = 0; i < KF_COUNT; i++)
		koperasi_put(&k, kopform_fd(i)->id, kf->fw.slot[i].value);
	struct errs e;
	errs_init(&e);
	if (koperasi_normalize(kf->ref, &k, &e) != 0) {
		fw_set_errors(&kf->fw, &e);
		errs_free(&e);
		koperasi_clear(&k);
		return H_REDRAW;
	}
	errs_free(&e);
	fw_accept(&kf->fw);

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
			/* someone else saved first */
			if (!fw_conflict(&kf->fw, cause, kopform_load, &cur))
				kf->version = cur.version;
		} else {
			kopform_store_error(kf, cause);
		}
		koperasi_clear(&cur);
	}
	free(cause);
	koperasi_clear(&k);
	return rc;
}

/* ---- the screen ------------------------------------------------------------------------------ */

static void kopform_draw(struct screen *s)
{
	struct kopform *kf = s->state;
	fw_prepare(&kf->fw);
	char *title = kf->id != NULL
		? xasprintf(_("Ubah koperasi: %s"), kf->name ? kf->name : "")
		: xstrdup(_("Koperasi baru: isian"));
	fw_draw(&kf->fw, title, _("Registri koperasi"));
	free(title);
}

static void kopform_free(struct screen *s)
{
	struct kopform *kf = s->state;
	if (kf == NULL)
		return;
	fw_free(&kf->fw);
	kopui_ref_put(kf->ref);
	free(kf->id);
	free(kf->name);
	free(kf);
	s->state = NULL;
}

/* Picker items of a list field: a choice's codes and labels, or a data list
 * (kab/kota: only the items under a province). */
static void kopform_items(struct kopform *kf, struct fw_slot *sl, const struct kop_fielddef *fd)
{
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

static const struct fw_ops kopform_fw_ops = {
	.shape   = kopform_shape,
	.hint    = kopform_hint,
	.help    = kopform_help,
	.is_pick = kopform_is_pick,
	.pick    = kopform_pick,
	.slot_of = kopform_slot_of,
	.save    = kopform_save,
};

static const struct screen_ops kopform_ops = {
	.name   = "kopform",
	.draw   = kopform_draw,
	.key    = fw_screen_key,
	.resize = fw_screen_resize,
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
	fw_init(&kf->fw, &kopform_fw_ops, kf, KF_COUNT, KF_LABEL_MAX, 2, 5);
	for (size_t i = 0; i < KF_COUNT; i++) {
		struct fw_slot *sl = &kf->fw.slot[i];
		const struct kop_fielddef *fd = kopform_fd(i);
		sl->label = _(fd->label);
		sl->required = fd->required;
		sl->value = xstrdup("");
		sl->initial = xstrdup("");
		kopform_items(kf, sl, fd);
	}
	if (koperasi_id != NULL)
		kopform_load(kf, &k);
	koperasi_clear(&k);
	fw_build(&kf->fw);
	return ui_screen_new(&kopform_ops, kf, 0);
}
