/* koperasi.c: the cooperative record, its reference lists and grade rules from data/, validation, grade and serving office. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "koperasi.h"
#include "csvio.h"
#include "date.h"
#include "util.h"

#define KOP_PROVINCE  "53"  /* Nusa Tenggara Timur: kabkota must lie in it */
#define KOP_NAME_MAX  200   /* characters per name in pengurus/pengawas */

/* ---- fields ------------------------------------------------------------------ */

#define KOP_X_DEF(key, type, req, list, label, max) { KF_##key, #key, type, req, list, label, max },
const struct kop_fielddef koperasi_fields[KF_COUNT] = { KOPERASI_FIELDS(KOP_X_DEF) };
#undef KOP_X_DEF

#define KOP_X_OFF(key, type, req, list, label, max) offsetof(struct koperasi, key),
static const size_t kop_offset[KF_COUNT] = { KOPERASI_FIELDS(KOP_X_OFF) };
#undef KOP_X_OFF

/* Codes and labels of the KT_CHOICE fields. */
struct kop_choice {
	enum kop_fid  f;
	const char   *code;
	const char   *label; /* untranslated */
};
static const struct kop_choice kop_choices[] = {
	{ KF_wilayah_keanggotaan, "kabkota",     N_("Kabupaten/Kota") },
	{ KF_wilayah_keanggotaan, "provinsi",    N_("Provinsi") },
	{ KF_wilayah_keanggotaan, "nasional",    N_("Nasional") },
	{ KF_status,              "aktif",       N_("Aktif") },
	{ KF_status,              "tidak_aktif", N_("Tidak aktif") },
};
#define KOP_NCHOICES (sizeof kop_choices / sizeof kop_choices[0])

/* The list files, in struct kop_ref lists[] order, and their extra column. */
static const struct {
	const char *name;
	const char *extra; /* column kept in kop_item.extra, or NULL */
} kop_list_files[] = {
	{ "wilayah",        "kode_bps" },
	{ "kop_bentuk",     "wilayah" },
	{ "kop_jenis",      NULL },
	{ "kop_kelompok",   NULL },
	{ "kop_skala",      NULL },
	{ "kop_status_nik", NULL },
};
#define KOP_NLISTS (sizeof kop_list_files / sizeof kop_list_files[0])

/* The field definition for a key, case-insensitive; NULL if unknown. */
const struct kop_fielddef *koperasi_field(const char *key)
{
	if (key == NULL)
		return NULL;
	for (size_t i = 0; i < KF_COUNT; i++)
		if (strcasecmp(koperasi_fields[i].key, key) == 0)
			return &koperasi_fields[i];
	return NULL;
}

/* Empties k without freeing (a fresh record). */
void koperasi_init(struct koperasi *k)
{
	memset(k, 0, sizeof *k);
}

/* Where field f of k lives, for generic code. */
char **koperasi_slot(struct koperasi *k, enum kop_fid f)
{
	return (char **)((char *)k + kop_offset[f]);
}

/* Field f of k, NULL when empty. */
const char *koperasi_get(const struct koperasi *k, enum kop_fid f)
{
	return *(char *const *)((const char *)k + kop_offset[f]);
}

/* Sets field f of k to a copy of v; NULL or "" empties it. */
void koperasi_put(struct koperasi *k, enum kop_fid f, const char *v)
{
	char **slot = koperasi_slot(k, f);
	free(*slot);
	*slot = v != NULL && *v != '\0' ? xstrdup(v) : NULL;
}

/* Frees every string of k and empties it. */
void koperasi_clear(struct koperasi *k)
{
	for (size_t i = 0; i < KF_COUNT; i++)
		free(*koperasi_slot(k, (enum kop_fid)i));
	free(k->created_at);
	free(k->created_by);
	free(k->updated_at);
	free(k->updated_by);
	koperasi_init(k);
}

/* Makes dst a deep copy of src (dst is not freed first). */
void koperasi_copy(struct koperasi *dst, const struct koperasi *src)
{
	koperasi_init(dst);
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->version = src->version;
	dst->created_at = xstrdup(src->created_at);
	dst->created_by = xstrdup(src->created_by);
	dst->updated_at = xstrdup(src->updated_at);
	dst->updated_by = xstrdup(src->updated_by);
	for (size_t i = 0; i < KF_COUNT; i++)
		*koperasi_slot(dst, (enum kop_fid)i) = xstrdup(koperasi_get(src, (enum kop_fid)i));
}

/* Sets a field by key; -1 with *cause (caller frees) for an unknown key. */
int koperasi_set(struct koperasi *k, const char *key, const char *v, char **cause)
{
	const struct kop_fielddef *f = koperasi_field(key);
	if (f == NULL) {
		char *safe = str_sanitize(key, 1);
		*cause = xasprintf(_("%s: isian tidak dikenal untuk koperasi"), safe);
		free(safe);
		return -1;
	}
	koperasi_put(k, f->id, v);
	return 0;
}

/* ---- text helpers ---------------------------------------------------------------- */

/* s trimmed of spaces, with runs of spaces made one space, into out (at
 * least strlen(s) + 1 bytes); its length. */
static size_t kop_squeeze_into(const char *s, char *out)
{
	char *o = out;
	int space = 0;
	for (; *s; s++) {
		if (*s == ' ') {
			space = 1;
			continue;
		}
		if (space && o != out)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return (size_t)(o - out);
}

/* Lookup form of a list value into buf: squeezed, ASCII lower case, a leading
 * "kop. " spelled "koperasi ". 0, or -1 when it does not fit. */
static int kop_fold_into(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	int space = 0;
	while (*s == ' ')
		s++;
	if ((s[0] | 0x20) == 'k' && (strncasecmp(s, "kop. ", 5) == 0 || strncasecmp(s, "kop ", 4) == 0) &&
	    size > 9) {
		memcpy(buf, "koperasi ", 9);
		o = 9;
		s += s[3] == '.' ? 5 : 4;
		while (*s == ' ')
			s++;
	}
	for (; *s; s++) {
		if (*s == ' ') {
			space = 1;
			continue;
		}
		if (o + 2 >= size)
			return -1;
		if (space && o > 0 && buf[o - 1] != ' ')
			buf[o++] = ' ';
		space = 0;
		unsigned char c = (unsigned char)*s;
		buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); /* ASCII only, as the keys */
	}
	buf[o] = '\0';
	return 0;
}

/* The same, allocated (for list keys). Caller frees. */
static char *kop_fold(const char *s)
{
	size_t size = strlen(s) + 16;
	char *buf = xmalloc(size);
	if (kop_fold_into(s, buf, size) != 0)
		buf[0] = '\0';
	return buf;
}

static int kop_all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int kop_current_year(void)
{
	int y, m, d;
	date_to_ymd(clock_today(), &y, &m, &d);
	return y;
}

/* ---- reference lists ----------------------------------------------------------------- */

struct kop_key {
	char   *key;  /* folded code, name or alias */
	size_t  item; /* index in the list */
};

static int kop_key_cmp(const void *a, const void *b)
{
	const struct kop_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c != 0)
		return c;
	return x->item < y->item ? -1 : x->item > y->item;
}

static void kop_list_key(struct kop_list *l, size_t *cap, const char *text, size_t item)
{
	if (text == NULL || *text == '\0')
		return;
	if (l->nkeys == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		l->keys = xreallocarray(l->keys, *cap, sizeof *l->keys);
	}
	l->keys[l->nkeys].key = kop_fold(text);
	l->keys[l->nkeys].item = item;
	l->nkeys++;
}

/* What one list file is read into. */
struct kop_load {
	const char      *path;
	struct kop_list *l;
	const char      *extra;      /* extra column's header */
	int              col[5];     /* kode, nama, induk, alias, extra; -1 if absent */
	int              header;     /* header seen */
	char           **aliases;    /* per item, raw alias text */
	size_t           cap;
	struct errs     *errs;
	int              bad;
};

static const char *kop_cell(char **f, size_t n, int col)
{
	if (col < 0 || (size_t)col >= n)
		return "";
	return str_trim(f[col]);
}

static int kop_load_row(long line, char **f, size_t n, void *ctx)
{
	struct kop_load *L = ctx;
	if (!L->header) {
		static const char *const names[4] = { "kode", "nama", "induk", "alias" };
		L->header = 1;
		for (int c = 0; c < 5; c++)
			L->col[c] = -1;
		for (size_t i = 0; i < n; i++) {
			const char *h = str_trim(f[i]);
			for (int c = 0; c < 4; c++)
				if (strcasecmp(h, names[c]) == 0)
					L->col[c] = (int)i;
			if (L->extra != NULL && strcasecmp(h, L->extra) == 0)
				L->col[4] = (int)i;
		}
		if (L->col[0] < 0 || L->col[1] < 0) {
			errs_add(L->errs, _("%s:%ld: baris judul harus memuat kolom kode dan nama"),
				 L->path, line);
			L->bad = 1;
			return 1;
		}
		return 0;
	}
	const char *code = kop_cell(f, n, L->col[0]);
	const char *name = kop_cell(f, n, L->col[1]);
	if (*code == '\0' && *name == '\0')
		return 0;
	if (*code == '\0' || *name == '\0' || !str_utf8_valid(code) || !str_utf8_valid(name) ||
	    str_has_control(code, 0) || str_has_control(name, 0)) {
		errs_add(L->errs, _("%s:%ld: kode dan nama wajib diisi dengan teks yang sah"),
			 L->path, line);
		L->bad = 1;
		return 0;
	}
	struct kop_list *l = L->l;
	for (size_t i = 0; i < l->n; i++) {
		if (strcmp(l->items[i].code, code) == 0) {
			errs_add(L->errs, _("%s:%ld: kode '%s' ganda"), L->path, line, code);
			L->bad = 1;
			return 0;
		}
	}
	if (l->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 16;
		l->items = xreallocarray(l->items, L->cap, sizeof *l->items);
		L->aliases = xreallocarray(L->aliases, L->cap, sizeof *L->aliases);
	}
	struct kop_item *it = &l->items[l->n];
	const char *parent = kop_cell(f, n, L->col[2]);
	const char *extra = kop_cell(f, n, L->col[4]);
	it->code = xstrdup(code);
	it->name = xstrdup(name);
	it->parent = *parent ? xstrdup(parent) : NULL;
	it->extra = *extra ? xstrdup(extra) : NULL;
	L->aliases[l->n] = xstrdup(kop_cell(f, n, L->col[3]));
	l->n++;
	return 0;
}

static void kop_list_free(struct kop_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].code);
		free(l->items[i].name);
		free(l->items[i].parent);
		free(l->items[i].extra);
	}
	for (size_t i = 0; i < l->nkeys; i++)
		free(l->keys[i].key);
	free(l->items);
	free(l->keys);
	free(l->name);
	memset(l, 0, sizeof *l);
}

/* Builds the sorted lookup keys: code, name and each ';'-separated alias. */
static void kop_list_index(struct kop_list *l, char **aliases)
{
	size_t cap = 0;
	for (size_t i = 0; i < l->n; i++) {
		kop_list_key(l, &cap, l->items[i].code, i);
		kop_list_key(l, &cap, l->items[i].name, i);
		if (aliases == NULL || aliases[i] == NULL)
			continue;
		char *copy = xstrdup(aliases[i]);
		for (char *save = NULL, *a = strtok_r(copy, ";", &save); a != NULL;
		     a = strtok_r(NULL, ";", &save))
			kop_list_key(l, &cap, str_trim(a), i);
		free(copy);
	}
	if (l->nkeys > 0)
		qsort(l->keys, l->nkeys, sizeof *l->keys, kop_key_cmp);
	/* drop repeats of one key for the same item (code equal to name) */
	size_t w = 0;
	for (size_t i = 0; i < l->nkeys; i++) {
		if (w > 0 && strcmp(l->keys[w - 1].key, l->keys[i].key) == 0 &&
		    l->keys[w - 1].item == l->keys[i].item) {
			free(l->keys[i].key);
			continue;
		}
		l->keys[w++] = l->keys[i];
	}
	l->nkeys = w;
}

/* Loads data_dir/name.csv into l; 0, or -1 with problems in errs. */
static int kop_list_load(const char *data_dir, const char *name, const char *extra,
			 struct kop_list *l, struct errs *errs)
{
	memset(l, 0, sizeof *l);
	l->name = xstrdup(name);
	char *path = xasprintf("%s/%s.csv", data_dir, name);
	struct kop_load L;
	memset(&L, 0, sizeof L);
	L.path = path;
	L.l = l;
	L.extra = extra;
	L.errs = errs;
	char *cause = NULL;
	int rc = csv_read_file(path, ',', kop_load_row, &L, &cause);
	if (rc != 0) {
		errs_add(errs, "%s", cause);
		free(cause);
		L.bad = 1;
	} else if (!L.header) {
		errs_add(errs, _("%s: berkas kosong"), path);
		L.bad = 1;
	}
	if (!L.bad)
		kop_list_index(l, L.aliases);
	for (size_t i = 0; i < l->n; i++)
		free(L.aliases[i]);
	free(L.aliases);
	free(path);
	return L.bad ? -1 : 0;
}

/* The item whose code, name or alias is text (folded); NULL if none or ambiguous. */
const struct kop_item *koperasi_list_match(const struct kop_list *l, const char *text,
					   int *ambiguous)
{
	if (ambiguous != NULL)
		*ambiguous = 0;
	if (l == NULL || text == NULL || l->nkeys == 0)
		return NULL;
	char key[256];
	if (kop_fold_into(text, key, sizeof key) != 0)
		return NULL;
	size_t lo = 0, hi = l->nkeys;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(l->keys[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	const struct kop_item *it = NULL;
	if (lo < l->nkeys && strcmp(l->keys[lo].key, key) == 0) {
		it = &l->items[l->keys[lo].item];
		if (lo + 1 < l->nkeys && strcmp(l->keys[lo + 1].key, key) == 0) {
			if (ambiguous != NULL)
				*ambiguous = 1;
			it = NULL;
		}
	}
	return it;
}

/* The item with exactly this code, or NULL. */
const struct kop_item *koperasi_list_find(const struct kop_list *l, const char *code)
{
	if (l == NULL || code == NULL)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].code, code) == 0)
			return &l->items[i];
	return NULL;
}

/* The loaded list called name ("wilayah", "kop_bentuk", ..., "grade_rat"), or NULL. */
const struct kop_list *koperasi_ref_list(const struct kop_ref *r, const char *name)
{
	if (r == NULL || name == NULL)
		return NULL;
	if (strcmp(name, "grade_rat") == 0)
		return &r->grades;
	for (size_t i = 0; i < KOP_NLISTS; i++)
		if (strcmp(r->lists[i].name, name) == 0)
			return &r->lists[i];
	return NULL;
}

/* ---- grade rules ------------------------------------------------------------------------ */

struct kop_rules_load {
	const char     *path;
	struct kop_ref *r;
	int             col[8];  /* kode nama induk tahun rat_min rat_max umur_min umur_max */
	int             header;
	size_t          cap;
	struct errs    *errs;
	int             bad;
};

/* Parses a small non-negative integer cell; empty gives dflt. 0 or -1. */
static int kop_rule_int(const char *s, int dflt, int *out)
{
	if (*s == '\0') {
		*out = dflt;
		return 0;
	}
	if (!kop_all_digits(s) || strlen(s) > 3)
		return -1;
	*out = atoi(s);
	return 0;
}

static int kop_rules_row(long line, char **f, size_t n, void *ctx)
{
	static const char *const names[8] = { "kode", "nama", "induk", "tahun", "rat_min",
					      "rat_max", "umur_min", "umur_max" };
	struct kop_rules_load *L = ctx;
	if (!L->header) {
		L->header = 1;
		for (int c = 0; c < 8; c++) {
			L->col[c] = -1;
			for (size_t i = 0; i < n; i++)
				if (strcasecmp(str_trim(f[i]), names[c]) == 0)
					L->col[c] = (int)i;
			if (L->col[c] < 0 && c != 2) {
				errs_add(L->errs, _("%s:%ld: kolom %s tidak ada"), L->path, line,
					 names[c]);
				L->bad = 1;
			}
		}
		return L->bad;
	}
	const char *code = kop_cell(f, n, L->col[0]);
	const char *name = kop_cell(f, n, L->col[1]);
	if (*code == '\0') {
		errs_add(L->errs, _("%s:%ld: kode kosong"), L->path, line);
		L->bad = 1;
		return 0;
	}
	struct kop_grade_rule g;
	memset(&g, 0, sizeof g);
	int ok = 1;
	/* tahun defaults to 3, umur_* to no bound; rat_min and rat_max are required */
	struct { int c; int dflt; int *dst; } cols[] = {
		{ 3, 3, &g.years }, { 4, -2, &g.rat_min }, { 5, -2, &g.rat_max },
		{ 6, -1, &g.age_min }, { 7, -1, &g.age_max },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		const char *cell = kop_cell(f, n, L->col[cols[i].c]);
		if (kop_rule_int(cell, cols[i].dflt, cols[i].dst) != 0 || *cols[i].dst == -2) {
			errs_add(L->errs, _("%s:%ld: %s: '%s' bukan bilangan bulat"), L->path, line,
				 names[cols[i].c], cell);
			ok = 0;
		}
	}
	if (ok && (g.years < 1 || g.rat_min > g.rat_max || g.rat_max > g.years ||
		   (g.age_min >= 0 && g.age_max >= 0 && g.age_min > g.age_max))) {
		errs_add(L->errs, _("%s:%ld: aturan grade %s tidak masuk akal (tahun >= 1,"
				    " rat_min <= rat_max <= tahun, umur_min <= umur_max)"),
			 L->path, line, code);
		ok = 0;
	}
	if (!ok) {
		L->bad = 1;
		return 0;
	}
	struct kop_ref *r = L->r;
	if (r->nrules == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 8;
		r->rules = xreallocarray(r->rules, L->cap, sizeof *r->rules);
	}
	g.grade = xstrdup(code);
	g.name = xstrdup(*name ? name : code);
	r->rules[r->nrules++] = g;
	return 0;
}

/* Loads data_dir/grade_rat.csv into r->rules and the grade list. */
static int kop_rules_load(const char *data_dir, struct kop_ref *r, struct errs *errs)
{
	char *path = xasprintf("%s/grade_rat.csv", data_dir);
	struct kop_rules_load L;
	memset(&L, 0, sizeof L);
	L.path = path;
	L.r = r;
	L.errs = errs;
	char *cause = NULL;
	if (csv_read_file(path, ',', kop_rules_row, &L, &cause) != 0) {
		errs_add(errs, "%s", cause);
		free(cause);
		L.bad = 1;
	} else if (r->nrules == 0 && !L.bad) {
		errs_add(errs, _("%s: tidak ada aturan grade"), path);
		L.bad = 1;
	}
	/* the grade list: one item per distinct grade, in rule order */
	struct kop_list *l = &r->grades;
	memset(l, 0, sizeof *l);
	l->name = xstrdup("grade_rat");
	l->items = xcalloc(r->nrules + 1, sizeof *l->items);
	for (size_t i = 0; i < r->nrules; i++) {
		if (koperasi_list_find(l, r->rules[i].grade) != NULL)
			continue;
		l->items[l->n].code = xstrdup(r->rules[i].grade);
		l->items[l->n].name = xstrdup(r->rules[i].name);
		l->n++;
	}
	kop_list_index(l, NULL);
	free(path);
	return L.bad ? -1 : 0;
}

/* Loads the lists and grade rules of data_dir; NULL with every problem in errs. */
struct kop_ref *koperasi_ref_load(const char *data_dir, struct errs *errs)
{
	struct kop_ref *r = xcalloc(1, sizeof *r);
	int bad = 0;
	for (size_t i = 0; i < KOP_NLISTS; i++)
		if (kop_list_load(data_dir, kop_list_files[i].name, kop_list_files[i].extra,
				  &r->lists[i], errs) != 0)
			bad = 1;
	if (kop_rules_load(data_dir, r, errs) != 0)
		bad = 1;
	if (bad) {
		koperasi_ref_free(r);
		return NULL;
	}
	return r;
}

/* Frees what koperasi_ref_load returned (NULL is fine). */
void koperasi_ref_free(struct kop_ref *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < KOP_NLISTS; i++)
		kop_list_free(&r->lists[i]);
	for (size_t i = 0; i < r->nrules; i++) {
		free(r->rules[i].grade);
		free(r->rules[i].name);
	}
	free(r->rules);
	kop_list_free(&r->grades);
	free(r);
}

/* ---- validation ------------------------------------------------------------------------------ */

static char *kop_choice_list(enum kop_fid f)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < KOP_NCHOICES; i++) {
		if (kop_choices[i].f != f)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, kop_choices[i].code);
	}
	return buf_steal(&b);
}

static const struct kop_choice *kop_choice_match(enum kop_fid f, const char *in)
{
	for (size_t i = 0; i < KOP_NCHOICES; i++)
		if (kop_choices[i].f == f && (strcasecmp(in, kop_choices[i].code) == 0 ||
					      strcasecmp(in, kop_choices[i].label) == 0 ||
					      strcasecmp(in, _(kop_choices[i].label)) == 0))
			return &kop_choices[i];
	/* common spellings of "kabkota" */
	if (f == KF_wilayah_keanggotaan &&
	    (strcasecmp(in, "kab/kota") == 0 || strcasecmp(in, "kabupaten/kota") == 0))
		return &kop_choices[0];
	return NULL;
}

/* Digit count of a number token; -1 when it has characters a phone number cannot. */
static int kop_phone_digits(const char *s)
{
	int digits = 0;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (!strchr(" +-().", *s))
			return -1;
	}
	return digits;
}

/* 1 if s holds phone numbers; s is cut up (strtok) on the way. */
static int kop_phone_ok(char *s)
{
	int ok = 1, any = 0;
	for (char *save = NULL, *t = strtok_r(s, "/;,", &save); t != NULL;
	     t = strtok_r(NULL, "/;,", &save)) {
		int d = kop_phone_digits(t);
		if (d < 0 || (d == 0 && *str_trim(t) != '\0') || (d > 0 && (d < 6 || d > 15)))
			ok = 0;
		if (d > 0)
			any = 1;
		const char *plus = strchr(t, '+');
		if (plus != NULL && (plus != str_trim(t) || strchr(plus + 1, '+') != NULL))
			ok = 0;
	}
	return ok && any;
}

static int kop_email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	for (const char *p = s; p < at; p++) {
		unsigned char c = (unsigned char)*p;
		if (!isalnum(c) && !strchr(".!#$%&'*+/=?^_`{|}~-", c))
			return 0;
	}
	if (s[0] == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return 0;
	const char *d = at + 1;
	size_t label = 0, labels = 0, tld_alpha = 1;
	for (const char *p = d;; p++) {
		if (*p == '.' || *p == '\0') {
			if (label == 0 || p[-1] == '-' || (p - label)[0] == '-')
				return 0;
			labels++;
			if (*p == '\0')
				break;
			label = 0;
			tld_alpha = 1;
			continue;
		}
		unsigned char c = (unsigned char)*p;
		if (!isalnum(c) && c != '-')
			return 0;
		if (!isalpha(c))
			tld_alpha = 0;
		label++;
	}
	return labels >= 2 && label >= 2 && tld_alpha;
}

/* Parses "1.250" (dot thousands groups) or "1250" into a count; 0 or -1. */
static int kop_parse_count(const char *s, long *out)
{
	long v = 0;
	int digits = 0, group = -1;
	for (const char *p = s; *p; p++) {
		if (*p == '.') {
			if (digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
				return -1;
			group = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return -1;
		if (++digits > 9)
			return -1;
		if (group >= 0)
			group++;
		v = v * 10 + (*p - '0');
	}
	if (digits == 0 || (group >= 0 && group != 3))
		return -1;
	*out = v;
	return 0;
}

static int kop_int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Parses a list of years (';' ',' or space separated). Returns the count, or
 * -1 with *bad the offending token (caller frees). *years is allocated. */
static long kop_parse_years(const char *s, int **years, char **bad)
{
	*years = NULL;
	*bad = NULL;
	char *copy = xstrdup(s);
	size_t n = 0, cap = 0;
	for (char *save = NULL, *t = strtok_r(copy, ";, ", &save); t != NULL;
	     t = strtok_r(NULL, ";, ", &save)) {
		if (strlen(t) != 4 || !kop_all_digits(t) || atoi(t) < 1900) {
			*bad = xstrdup(t);
			free(copy);
			free(*years);
			*years = NULL;
			return -1;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*years = xreallocarray(*years, cap, sizeof **years);
		}
		(*years)[n++] = atoi(t);
	}
	free(copy);
	if (n > 1)
		qsort(*years, n, sizeof **years, kop_int_cmp);
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (w == 0 || (*years)[w - 1] != (*years)[i])
			(*years)[w++] = (*years)[i];
	return (long)w;
}

#define KOP_YEARS_LOCAL 64 /* years kept on the stack by kop_years_scan's callers */

/*
 * kop_parse_years without allocating: the years of s, sorted and distinct, into
 * y (room for cap). Returns their count; -1 with *bad and *badlen the offending
 * token (inside s); -2 when s holds more than cap years (use kop_parse_years).
 */
static long kop_years_scan(const char *s, int *y, size_t cap, const char **bad, size_t *badlen)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		if (*p == ';' || *p == ',' || *p == ' ') {
			p++;
			continue;
		}
		const char *t = p;
		while (*p && *p != ';' && *p != ',' && *p != ' ')
			p++;
		size_t len = (size_t)(p - t);
		int v = 0, digits = len == 4;
		for (size_t i = 0; i < len && digits; i++) {
			digits = isdigit((unsigned char)t[i]) != 0;
			v = v * 10 + (t[i] - '0');
		}
		if (!digits || v < 1900) {
			*bad = t;
			*badlen = len;
			return -1;
		}
		if (n == cap)
			return -2;
		y[n++] = v;
	}
	if (n > 1)
		qsort(y, n, sizeof *y, kop_int_cmp);
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (w == 0 || y[w - 1] != y[i])
			y[w++] = y[i];
	return (long)w;
}

/* Decimal text of a non-negative v into out (at least 21 bytes); its length. */
static size_t kop_utoa(unsigned long v, char *out)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
	return n;
}

/* "2023;2025": years of 4 digits (1900..9999). Caller frees. */
static char *kop_years_text(const int *y, size_t n)
{
	char *out = xmalloc(n * 5 + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			*o++ = ';';
		o += kop_utoa((unsigned long)y[i], o);
	}
	*o = '\0';
	return out;
}

/* Appends "2023;2025" and its NUL to b. */
static void kop_years_add(struct buf *b, const int *y, size_t n)
{
	char num[24];
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, ';');
		buf_add(b, num, kop_utoa((unsigned long)y[i], num));
	}
	buf_addc(b, '\0');
}

/* The value as it may appear in a message (sanitised, single line). Caller frees. */
static char *kop_safe(const char *v)
{
	return str_sanitize(v, 1);
}

/* What one pass over a value tells about it. */
struct kop_scan {
	size_t len;
	int    kind;   /* 0 blank (only spaces, tabs and line breaks), 2 to be trimmed
		        * first (such characters at either end, or tabs and line
		        * breaks inside), 1 fine as it is */
	int    ascii;  /* printable ASCII only: valid UTF-8 without control characters */
	int    spaces; /* spaces to squeeze: leading, trailing or two in a row */
};

static void kop_scan(const char *s, struct kop_scan *sc)
{
	const unsigned char *p = (const unsigned char *)s;
	int text = 0, breaks = 0, ascii = 1, spaces = 0;
	unsigned char prev = ' '; /* a leading space counts as a run */
	for (;;) {
		/* the usual characters: printable ASCII but the space */
		const unsigned char *q = p;
		while ((unsigned char)(*p - 0x21) < 0x5e)
			p++;
		if (p != q) {
			text = 1;
			prev = p[-1];
		}
		unsigned char c = *p;
		if (c == '\0')
			break;
		if (c == ' ') {
			spaces |= prev == ' ';
		} else if (c == '\t' || c == '\r' || c == '\n') {
			breaks = 1;
			ascii = 0;
		} else {
			text = 1; /* another control character, DEL or beyond ASCII */
			ascii = 0;
		}
		prev = c;
		p++;
	}
	sc->len = (size_t)(p - (const unsigned char *)s);
	sc->ascii = ascii;
	sc->spaces = spaces || (sc->len > 0 && prev == ' ');
	sc->kind = !text ? 0 : breaks || s[0] == ' ' || prev == ' ' ? 2 : 1;
}

/* The list of a KT_REF field, as koperasi_ref_list gives it but without
 * comparing names when (as compilers do) the equal string constants of
 * koperasi_fields and kop_list_files are one. */
static const struct kop_list *kop_field_list(const struct kop_ref *r, const struct kop_fielddef *f)
{
	for (size_t i = 0; i < KOP_NLISTS; i++)
		if (kop_list_files[i].name == f->list)
			return &r->lists[i];
	return koperasi_ref_list(r, f->list);
}

/* Appends v and its NUL to b. */
static void kop_val(struct buf *b, const char *v, size_t n)
{
	buf_add(b, v, n);
	buf_addc(b, '\0');
}

/*
 * Checks one non-empty trimmed value of field f (sc: kop_scan of it) and
 * appends its stored form and a NUL to out. year is the current year (for
 * tahun_rat). Returns 0; 1 when the value holds nothing to store (only
 * separators); -1 with *msg (the reason without the key; caller frees) and out
 * unchanged.
 */
static int kop_norm_into(const struct kop_ref *r, const struct kop_fielddef *f, const char *in,
			 const struct kop_scan *sc, int year, struct buf *out, char **msg)
{
	*msg = NULL;
	int ascii = sc->ascii;
	if (!ascii && !str_utf8_valid(in)) {
		*msg = xstrdup(_("bukan teks UTF-8 yang sah"));
		return -1;
	}
	if (!ascii && str_has_control(in, 0)) {
		*msg = xstrdup(_("mengandung karakter kendali"));
		return -1;
	}
	/* the squeezed value: in itself when there is nothing to squeeze and
	 * the check does not cut it up, else a copy, on the stack unless long */
	char local[512];
	size_t inlen = sc->len;
	int cuts = f->type == KT_NIK || f->type == KT_NAMES || f->type == KT_PHONE;
	char *v, *own = NULL;
	size_t vlen;
	if (ascii && !sc->spaces && !cuts) {
		v = (char *)in; /* read only below */
		vlen = inlen;
	} else {
		v = inlen < sizeof local ? local : (own = xmalloc(inlen + 1));
		vlen = kop_squeeze_into(in, v);
	}
	size_t start = out->len;
	int none = 0;
	char *safe = NULL;
	switch (f->type) {
	case KT_TEXT: {
		size_t chars = ascii ? vlen : str_utf8_chars(v);
		if (chars > (size_t)f->max_len)
			*msg = xasprintf(_("terlalu panjang (%zu karakter, maksimal %d)"), chars,
					 f->max_len);
		else
			kop_val(out, v, vlen);
		break;
	}
	case KT_NIK: {
		char *o = v;
		for (const char *q = v; *q; q++)
			if (*q != ' ' && *q != '.' && *q != '-')
				*o++ = *q;
		*o = '\0';
		if (!kop_all_digits(v) || (size_t)(o - v) != KOPERASI_NIK_DIGITS) {
			safe = kop_safe(in);
			*msg = xasprintf(_("'%s' bukan NIK koperasi (harus %d angka)"), safe,
					 KOPERASI_NIK_DIGITS);
		} else {
			kop_val(out, v, (size_t)(o - v));
		}
		break;
	}
	case KT_DATE: {
		day_t day;
		if (date_parse_dmy(v, &day) == 0 || (vlen == 10 && date_parse_iso(v, &day) == 0)) {
			char iso[11];
			date_fmt_iso(day, iso);
			kop_val(out, iso, 10);
		} else {
			safe = kop_safe(v);
			*msg = xasprintf(_("tanggal tidak valid '%s' (format DD-MM-YYYY)"), safe);
		}
		break;
	}
	case KT_COUNT: {
		long n;
		if (kop_parse_count(v, &n) != 0) {
			safe = kop_safe(v);
			*msg = xasprintf(_("'%s' bukan bilangan bulat tidak negatif"), safe);
		} else {
			char num[24];
			kop_val(out, num, kop_utoa((unsigned long)n, num));
		}
		break;
	}
	case KT_CHOICE: {
		const struct kop_choice *c = kop_choice_match(f->id, v);
		if (c == NULL) {
			char *list = kop_choice_list(f->id);
			safe = kop_safe(v);
			*msg = xasprintf(_("'%s' bukan pilihan (%s)"), safe, list);
			free(list);
		} else {
			kop_val(out, c->code, strlen(c->code));
		}
		break;
	}
	case KT_REF: {
		const struct kop_list *l = kop_field_list(r, f);
		int amb = 0;
		const struct kop_item *it = koperasi_list_match(l, v, &amb);
		if (amb || it == NULL || (f->id == KF_kabkota &&
		    (it->parent == NULL || strcmp(it->parent, KOP_PROVINCE) != 0)))
			safe = kop_safe(v);
		if (amb)
			*msg = xasprintf(_("'%s' cocok dengan lebih dari satu isi daftar %s;"
					   " tulis kodenya"), safe, f->list);
		else if (it == NULL)
			*msg = xasprintf(_("'%s' tidak ada dalam daftar %s"), safe, f->list);
		else if (safe != NULL)
			*msg = xasprintf(_("'%s' bukan kabupaten/kota di Nusa Tenggara Timur"), safe);
		else
			kop_val(out, it->code, strlen(it->code));
		break;
	}
	case KT_NAMES: {
		/* "a; b" straight into out, taken back on an error */
		for (char *save = NULL, *t = strtok_r(v, ";", &save); t != NULL;
		     t = strtok_r(NULL, ";", &save)) {
			str_trim(t);
			if (*t == '\0')
				continue;
			if ((ascii ? strlen(t) : str_utf8_chars(t)) > KOP_NAME_MAX) {
				*msg = xasprintf(_("nama terlalu panjang (maksimal %d karakter"
						   " per nama)"), KOP_NAME_MAX);
				break;
			}
			if (out->len > start)
				buf_add(out, "; ", 2);
			buf_adds(out, t);
		}
		if (*msg == NULL && out->len > start &&
		    (ascii ? out->len - start : str_utf8_chars(out->s + start)) > (size_t)f->max_len)
			*msg = xasprintf(_("terlalu panjang (maksimal %d karakter)"), f->max_len);
		if (*msg == NULL && out->len > start)
			buf_addc(out, '\0');
		else if (*msg == NULL)
			none = 1;
		break;
	}
	case KT_YEARS: {
		int local_years[KOP_YEARS_LOCAL], *years = local_years;
		const char *badtok = NULL;
		size_t badlen = 0;
		char *badcopy = NULL;
		long n = kop_years_scan(v, years, KOP_YEARS_LOCAL, &badtok, &badlen);
		if (n == -2) {
			n = kop_parse_years(v, &years, &badcopy);
		} else if (n == -1) {
			badcopy = xstrndup(badtok, badlen);
		}
		if (n < 0) {
			safe = kop_safe(badcopy);
			*msg = xasprintf(_("'%s' bukan tahun (YYYY; beberapa tahun dipisah ';')"), safe);
		} else if (n > 0 && years[n - 1] > year) {
			*msg = xasprintf(_("tahun %d belum tiba"), years[n - 1]);
		} else if (n > 0) {
			kop_years_add(out, years, (size_t)n);
		} else {
			none = 1;
		}
		if (years != local_years)
			free(years);
		free(badcopy);
		break;
	}
	case KT_PHONE:
		/* the value goes out first: the check cuts v up */
		kop_val(out, v, vlen);
		if (vlen > (size_t)f->max_len || !kop_phone_ok(v)) {
			safe = kop_safe(out->s + start);
			*msg = xasprintf(_("'%s' bukan nomor telepon (6-15 angka; beberapa nomor"
					   " dipisah '/')"), safe);
		}
		break;
	case KT_EMAIL:
		if (vlen > (size_t)f->max_len || !kop_email_ok(v)) {
			safe = kop_safe(v);
			*msg = xasprintf(_("'%s' bukan alamat email"), safe);
		} else {
			kop_val(out, v, vlen);
		}
		break;
	}
	free(safe);
	free(own);
	if (*msg != NULL) {
		out->len = start;
		if (out->s != NULL)
			out->s[start] = '\0';
		return -1;
	}
	return none;
}

/* Shows an ISO date as DD-MM-YYYY in out. */
static void kop_dmy(const char *iso, char out[11])
{
	day_t d;
	if (iso != NULL && date_parse_iso(iso, &d) == 0)
		date_fmt_dmy(d, out);
	else
		snprintf(out, 11, "%s", iso ? iso : "");
}

/* The value of raw to check, and its scan in sc: NULL when raw is NULL or
 * blank; raw itself; or a trimmed copy in *trimmed (caller frees). */
static const char *kop_value(const char *raw, struct kop_scan *sc, char **trimmed)
{
	*trimmed = NULL;
	if (raw == NULL)
		return NULL;
	kop_scan(raw, sc);
	if (sc->kind == 0)
		return NULL;
	if (sc->kind == 2) {
		*trimmed = xstrdup(raw);
		raw = str_trim(*trimmed);
		kop_scan(raw, sc);
	}
	return raw;
}

static int kop_year_of(day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return y;
}

/* Checks each non-empty field of in; stored forms into out (always set, caller clears). 0 or -1. */
int koperasi_normalize_fields(const struct kop_ref *r, const struct koperasi *in,
			      struct koperasi *out, struct errs *errs)
{
	koperasi_init(out);
	int bad = 0, year = kop_current_year();
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		struct kop_scan sc;
		char *trimmed, *msg = NULL;
		const char *raw = kop_value(koperasi_get(in, f->id), &sc, &trimmed);
		if (raw == NULL)
			continue;
		b.len = 0;
		int rc = kop_norm_into(r, f, raw, &sc, year, &b, &msg);
		if (rc < 0) {
			errs_add(errs, "%s: %s", f->key, msg);
			bad = 1;
		} else if (rc == 0) {
			*koperasi_slot(out, f->id) = xstrdup(b.s);
		}
		free(msg);
		free(trimmed);
	}
	buf_free(&b);
	memcpy(out->id, in->id, sizeof out->id);
	out->version = in->version;
	out->created_at = xstrdup(in->created_at);
	out->created_by = xstrdup(in->created_by);
	out->updated_at = xstrdup(in->updated_at);
	out->updated_by = xstrdup(in->updated_by);
	return bad ? -1 : 0;
}

/*
 * koperasi_check without changing n: the checks against today. Returns -1
 * with messages in errs; 1 when tahun_rat must become the text (and NUL) it
 * appended to yt, the year of rat_terakhir added; else 0. Appending is the
 * last thing it does, so n may point into yt.
 */
static int kop_check_at(const struct koperasi *n, day_t today, struct errs *errs, struct buf *yt)
{
	int bad = 0;
	char todays[11], a[11];
	date_fmt_iso(today, todays);
	for (size_t i = 0; i < KF_COUNT; i++) {
		if (koperasi_fields[i].required && koperasi_get(n, (enum kop_fid)i) == NULL) {
			errs_add(errs, _("%s: wajib diisi"), koperasi_fields[i].key);
			bad = 1;
		}
	}
	static const enum kop_fid past[] = { KF_tanggal_badan_hukum, KF_tanggal_perubahan_ad,
					     KF_rat_terakhir, KF_tanggal_sertifikat };
	for (size_t i = 0; i < sizeof past / sizeof past[0]; i++) {
		const char *d = koperasi_get(n, past[i]);
		if (d != NULL && strcmp(d, todays) > 0) {
			kop_dmy(d, a);
			errs_add(errs, _("%s: tanggal %s belum tiba"), koperasi_fields[past[i]].key, a);
			bad = 1;
		}
	}
	if (n->tanggal_perubahan_ad && n->tanggal_badan_hukum &&
	    strcmp(n->tanggal_perubahan_ad, n->tanggal_badan_hukum) < 0) {
		kop_dmy(n->tanggal_badan_hukum, a);
		errs_add(errs, _("tanggal_perubahan_ad: sebelum tanggal badan hukum (%s)"), a);
		bad = 1;
	}
	if (n->sertifikat_berlaku && n->tanggal_sertifikat &&
	    strcmp(n->sertifikat_berlaku, n->tanggal_sertifikat) < 0) {
		kop_dmy(n->tanggal_sertifikat, a);
		errs_add(errs, _("sertifikat_berlaku: sebelum tanggal sertifikat (%s)"), a);
		bad = 1;
	}
	/* the year of the last RAT belongs to the RAT years, and none is later;
	 * the years are on the stack unless there are very many */
	int local_years[KOP_YEARS_LOCAL + 1], *years = local_years;
	const char *badtok = NULL;
	size_t badlen = 0;
	char *badcopy = NULL;
	long cnt = 0;
	if (n->tahun_rat != NULL) {
		cnt = kop_years_scan(n->tahun_rat, years, KOP_YEARS_LOCAL, &badtok, &badlen);
		if (cnt == -2)
			cnt = kop_parse_years(n->tahun_rat, &years, &badcopy);
		else if (cnt == -1)
			badcopy = xstrndup(badtok, badlen);
	}
	int add = 0;
	if (cnt < 0) {
		char *safe = kop_safe(badcopy);
		errs_add(errs, _("tahun_rat: '%s' bukan tahun"), safe);
		free(safe);
		bad = 1;
	} else if (n->rat_terakhir != NULL) {
		int y = atoi(n->rat_terakhir);
		if (cnt > 0 && years[cnt - 1] > y) {
			kop_dmy(n->rat_terakhir, a);
			errs_add(errs, _("rat_terakhir: %s lebih lama dari RAT tahun %d pada"
					 " tahun_rat"), a, years[cnt - 1]);
			bad = 1;
		} else if (cnt == 0 || years[cnt - 1] != y) {
			if (years != local_years)
				years = xreallocarray(years, (size_t)cnt + 1, sizeof *years);
			years[cnt++] = y; /* local_years has room for one more */
			add = 1;
		}
	}
	if (!bad && add)
		kop_years_add(yt, years, (size_t)cnt);
	if (years != local_years)
		free(years);
	free(badcopy);
	return bad ? -1 : add;
}

/* Checks the record as a whole and completes it (RAT year, status); 0 or -1 with messages. */
int koperasi_check(struct koperasi *n, struct errs *errs)
{
	struct buf yt;
	buf_init(&yt);
	int rc = kop_check_at(n, clock_today(), errs, &yt);
	if (rc < 0) {
		buf_free(&yt);
		return -1;
	}
	if (rc == 1) {
		free(n->tahun_rat);
		n->tahun_rat = buf_steal(&yt);
	}
	buf_free(&yt);
	if (n->status == NULL)
		n->status = xstrdup("aktif");
	return 0;
}

/* Points the fields of k at their offsets in block (SIZE_MAX: empty). */
static void kop_block_point(struct koperasi *k, char *block, const size_t off[KF_COUNT])
{
	for (size_t i = 0; i < KF_COUNT; i++)
		*koperasi_slot(k, (enum kop_fid)i) = off[i] == SIZE_MAX ? NULL : block + off[i];
}

/* koperasi_normalize_fields then koperasi_check, the stored strings in one block. */
int koperasi_normalize_block(const struct kop_ref *r, const struct koperasi *in, day_t today,
			     struct koperasi *out, char **block, size_t *cap, struct errs *ef,
			     struct errs *ec)
{
	size_t off[KF_COUNT];
	struct buf b;
	b.s = *block;
	b.cap = *cap;
	if (b.s == NULL || b.cap == 0) {
		b.cap = 1024; /* most records; it grows for longer ones */
		b.s = xreallocarray(b.s, b.cap, 1);
	}
	b.len = 0;
	b.s[0] = '\0';
	int bad = 0, year = kop_year_of(today);
	for (size_t i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		off[i] = SIZE_MAX;
		struct kop_scan sc;
		char *trimmed, *msg = NULL;
		const char *raw = kop_value(koperasi_get(in, f->id), &sc, &trimmed);
		if (raw == NULL)
			continue;
		size_t at = b.len;
		int rc = kop_norm_into(r, f, raw, &sc, year, &b, &msg);
		if (rc < 0) {
			errs_add(ef, "%s: %s", f->key, msg);
			bad = 1;
		} else if (rc == 0) {
			off[i] = at;
		}
		free(msg);
		free(trimmed);
	}
	koperasi_init(out);
	memcpy(out->id, in->id, sizeof out->id);
	out->version = in->version;
	kop_block_point(out, b.s, off);
	int ret = 0;
	if (bad) {
		ret = 1;
	} else {
		size_t at = b.len;
		int rc = kop_check_at(out, today, ec, &b);
		if (rc < 0) {
			ret = 2;
		} else {
			if (rc == 1)
				off[KF_tahun_rat] = at;
			if (off[KF_status] == SIZE_MAX) {
				off[KF_status] = b.len;
				kop_val(&b, "aktif", 5);
			}
			kop_block_point(out, b.s, off);
		}
	}
	*block = b.s;
	*cap = b.cap;
	return ret;
}

/* Checks k and rewrites it into stored form; 0, or -1 with messages and k unchanged. */
int koperasi_normalize(const struct kop_ref *r, struct koperasi *k, struct errs *errs)
{
	struct koperasi n;
	if (koperasi_normalize_fields(r, k, &n, errs) != 0 || koperasi_check(&n, errs) != 0) {
		koperasi_clear(&n);
		return -1;
	}
	koperasi_clear(k);
	*k = n;
	return 0;
}

/* A stored value as people read it; caller frees. */
char *koperasi_display(const struct kop_ref *ref, enum kop_fid f, const char *stored)
{
	if (stored == NULL)
		return xstrdup("");
	const struct kop_fielddef *d = &koperasi_fields[f];
	char dmy[11];
	switch (d->type) {
	case KT_DATE:
		kop_dmy(stored, dmy);
		return xstrdup(dmy);
	case KT_CHOICE:
		for (size_t i = 0; i < KOP_NCHOICES; i++)
			if (kop_choices[i].f == f && strcmp(kop_choices[i].code, stored) == 0)
				return xstrdup(_(kop_choices[i].label));
		break;
	case KT_REF: {
		const struct kop_item *it = koperasi_list_find(koperasi_ref_list(ref, d->list), stored);
		if (it != NULL && strcmp(it->code, it->name) != 0)
			return f == KF_grade ? xasprintf("%s (%s)", it->code, it->name)
					     : xstrdup(it->name);
		break;
	}
	default:
		break;
	}
	return xstrdup(stored);
}

/* ---- grade ---------------------------------------------------------------------------------- */

/* The grade of the first rule matching the RAT history; NULL when none does. */
const char *koperasi_grade(const struct kop_ref *r, int founded_year, const int *rat_years,
			   size_t n, int current_year)
{
	int age = founded_year > 0 ? current_year - founded_year : -1;
	for (size_t i = 0; i < r->nrules; i++) {
		const struct kop_grade_rule *g = &r->rules[i];
		int first = current_year - g->years + 1;
		int count = 0;
		for (size_t j = 0; j < n; j++) {
			int dup = 0;
			for (size_t k = 0; k < j && !dup; k++)
				dup = rat_years[k] == rat_years[j];
			if (!dup && rat_years[j] >= first && rat_years[j] <= current_year)
				count++;
		}
		if (count < g->rat_min || count > g->rat_max)
			continue;
		if (g->age_min >= 0 && (age < 0 || age < g->age_min))
			continue;
		if (g->age_max >= 0 && (age < 0 || age > g->age_max))
			continue;
		return g->grade;
	}
	return NULL;
}

/* The grade of a stored record in current_year; NULL when no rule matches. */
const char *koperasi_grade_of(const struct kop_ref *r, const struct koperasi *k, int current_year)
{
	int *years = NULL;
	char *bad = NULL;
	long n = k->tahun_rat ? kop_parse_years(k->tahun_rat, &years, &bad) : 0;
	if (n < 0)
		n = 0;
	if (k->rat_terakhir != NULL && strlen(k->rat_terakhir) >= 4) {
		years = xreallocarray(years, (size_t)n + 1, sizeof *years);
		years[n++] = atoi(k->rat_terakhir);
	}
	int founded = k->tanggal_badan_hukum ? atoi(k->tanggal_badan_hukum) : 0;
	const char *g = koperasi_grade(r, founded, years, (size_t)n, current_year);
	free(years);
	free(bad);
	return g;
}

/* Adds a RAT to a stored record and regrades it; 0, or -1 with a message in errs. */
int koperasi_record_rat(const struct kop_ref *r, struct koperasi *k, const char *date,
			struct errs *errs)
{
	day_t d;
	char iso[11];
	if (date == NULL || (date_parse_dmy(date, &d) != 0 &&
			     (strlen(date) != 10 || date_parse_iso(date, &d) != 0))) {
		char *safe = kop_safe(date ? date : "");
		errs_add(errs, _("rat_terakhir: tanggal tidak valid '%s' (format DD-MM-YYYY)"), safe);
		free(safe);
		return -1;
	}
	if (d > clock_today()) {
		date_fmt_dmy(d, iso);
		errs_add(errs, _("rat_terakhir: tanggal %s belum tiba"), iso);
		return -1;
	}
	date_fmt_iso(d, iso);
	int *years = NULL;
	char *bad = NULL;
	long n = k->tahun_rat ? kop_parse_years(k->tahun_rat, &years, &bad) : 0;
	if (n < 0)
		n = 0;
	int y = atoi(iso);
	int seen = 0;
	for (long i = 0; i < n; i++)
		seen |= years[i] == y;
	if (!seen) {
		years = xreallocarray(years, (size_t)n + 1, sizeof *years);
		years[n++] = y;
		qsort(years, (size_t)n, sizeof *years, kop_int_cmp);
	}
	free(k->tahun_rat);
	k->tahun_rat = kop_years_text(years, (size_t)n);
	free(years);
	free(bad);
	if (k->rat_terakhir == NULL || strcmp(iso, k->rat_terakhir) > 0)
		koperasi_put(k, KF_rat_terakhir, iso);
	const char *g = koperasi_grade_of(r, k, kop_current_year());
	if (g != NULL)
		koperasi_put(k, KF_grade, g);
	return 0;
}

/* ---- serving office ------------------------------------------------------------------------- */

/* Name of an office, translated; not to be freed. */
const char *koperasi_office_label(enum kop_office o)
{
	switch (o) {
	case KOP_OFFICE_KABKOTA:
		return _("Dinas kabupaten/kota");
	case KOP_OFFICE_PROVINSI:
		return _("Dinas provinsi");
	case KOP_OFFICE_KEMENTERIAN:
		return _("Kementerian Koperasi dan UKM");
	default:
		return _("belum diketahui");
	}
}

/* The office serving a NIK certificate request of k, and the clerk's message (caller frees). */
enum kop_office koperasi_office(const struct kop_ref *r, const struct koperasi *k, char **msg)
{
	if (msg != NULL)
		*msg = NULL;
	const char *w = k->wilayah_keanggotaan;
	if (w == NULL && k->bentuk != NULL) {
		const struct kop_item *b = koperasi_list_find(koperasi_ref_list(r, "kop_bentuk"),
							      k->bentuk);
		if (b != NULL)
			w = b->extra;
	}
	enum kop_office o = KOP_OFFICE_UNKNOWN;
	if (w != NULL && strcmp(w, "kabkota") == 0)
		o = KOP_OFFICE_KABKOTA;
	else if (w != NULL && strcmp(w, "provinsi") == 0)
		o = KOP_OFFICE_PROVINSI;
	else if (w != NULL && strcmp(w, "nasional") == 0)
		o = KOP_OFFICE_KEMENTERIAN;
	if (msg == NULL || o == KOP_OFFICE_PROVINSI)
		return o;
	if (o == KOP_OFFICE_KABKOTA) {
		const struct kop_item *kk = koperasi_list_find(koperasi_ref_list(r, "wilayah"),
							       k->kabkota);
		const char *where = kk ? kk->name : k->kabkota;
		if (where != NULL)
			*msg = xasprintf(_("Wilayah keanggotaan koperasi ini hanya satu kabupaten/kota:"
					   " permohonan sertifikat NIK dilayani Dinas yang membidangi"
					   " koperasi di %s, bukan Dinas Provinsi. Teruskan permohonan"
					   " ke sana dengan surat pengantar."), where);
		else
			*msg = xstrdup(_("Wilayah keanggotaan koperasi ini hanya satu kabupaten/kota:"
					 " permohonan sertifikat NIK dilayani Dinas kabupaten/kota yang"
					 " membidangi koperasi, bukan Dinas Provinsi. Teruskan"
					 " permohonan ke sana dengan surat pengantar."));
	} else if (o == KOP_OFFICE_KEMENTERIAN) {
		*msg = xstrdup(_("Wilayah keanggotaan koperasi ini lintas provinsi: permohonan"
				 " sertifikat NIK dilayani Kementerian Koperasi dan UKM, bukan Dinas"
				 " Provinsi. Teruskan permohonan ke sana dengan surat pengantar."));
	} else {
		*msg = xstrdup(_("Wilayah keanggotaan koperasi belum diisi (kabkota, provinsi atau"
				 " nasional): kantor yang melayani sertifikat NIK belum dapat"
				 " ditentukan."));
	}
	return o;
}

/* A typed list limit with its value made a stored code; caller frees. */
char *koperasi_limit_normalize(const struct kop_ref *r, const char *limit)
{
	if (limit == NULL)
		return NULL;
	const char *eq = strchr(limit, '=');
	if (eq == NULL)
		return xstrdup(limit);
	char *key = xstrndup(limit, (size_t)(eq - limit));
	char *val = xstrdup(eq + 1);
	str_trim(key);
	str_trim(val);
	const struct kop_fielddef *f = strcasecmp(key, "wilayah") == 0
		? &koperasi_fields[KF_wilayah_keanggotaan] : koperasi_field(key);
	char *out = NULL;
	if (f != NULL && f->type == KT_REF) {
		const struct kop_item *it = koperasi_list_match(koperasi_ref_list(r, f->list), val, NULL);
		if (it != NULL)
			out = xasprintf("%s=%s", f->key, it->code);
	} else if (f != NULL && f->type == KT_CHOICE) {
		const struct kop_choice *c = kop_choice_match(f->id, val);
		if (c != NULL)
			out = xasprintf("%s=%s", f->key, c->code);
	}
	free(key);
	free(val);
	return out != NULL ? out : xstrdup(limit);
}
