/* kind.c: loads case kinds from forms/<kind>.ini, checks and normalises case values against them. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "date.h"
#include "kind.h"
#include "koperasi.h"

/* Minutes in one working day (07:30-16:00). */
#define KIND_WORKDAY_MINUTES 510L
#define KIND_MAX_STEPS 999
#define KIND_MAX_PAD 18
/* Default and greatest length of a koperasi value (registry id or NIK). */
#define KIND_KOPERASI_MAX 100

/* Everything one load needs; errors go to e with the path as given. */
struct kind_ctx {
	const char  *path;     /* file name as given, used in messages */
	const char  *data_dir; /* folder of the ref lists */
	dictionary  *d;
	struct errs *e;
	struct kind *k;
	char        *text;     /* file contents, for the line scan */
};

/* Set while iniparser_load runs: its error callback is global. */
static struct kind_ctx *kind_cb_ctx;
static int             *kind_cb_lines; /* physical lines iniparser rejected */
static size_t           kind_cb_n, kind_cb_cap;

static const char *const kind_type_names[] = {
	"text", "longtext", "date", "number", "choice", "multi", "ref", "koperasi"
};
static const char *const kind_role_names[] = {
	"", "number", "received", "party", "subject", "letter_no", "security", "urgency",
	"penting", "koperasi"
};
#define KIND_N_TYPES ((int)(sizeof kind_type_names / sizeof *kind_type_names))
#define KIND_N_ROLES ((int)(sizeof kind_role_names / sizeof *kind_role_names))
static const char *const kind_complete_names[] = { "manual", "register", "dispose", "followup" };

static const char *const kind_keys_kind[] = { "title", "short", "sop", NULL };
static const char *const kind_keys_numbering[] = { "format", "reset", NULL };
static const char *const kind_keys_service[] = { "days", "text", NULL };
static const char *const kind_keys_field[] = {
	"label", "type", "required", "role", "auto", "min", "max", "pattern",
	"pattern_message", "choices", "list", "default", "help", "width", NULL
};
static const char *const kind_keys_requirement[] = { "label", "required", NULL };
static const char *const kind_keys_list[] = { "columns", NULL };
static const char *const kind_keys_rules[] = {
	"kantor_layanan", "diteruskan", "surat_penerusan", "surat_masuk", NULL
};
/* [list] columns that are not fields: case columns */
static const char *const kind_case_columns[] = {
	"tahap", "posisi", "batas_waktu", "status", "jenis", NULL
};
static const char *const kind_keys_step[] = {
	"actor", "actor_label", "activity", "output", "time", "return_to", "complete",
	"pause", "when", NULL
};

/* 1 if s matches [a-z][a-z0-9_]*. */
static int kind_ident_ok(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* Index of s in a table of n names, or -1. */
static int kind_lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Levenshtein distance of two short strings (keys), capped at 99. */
static int kind_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	int row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* ---- reading the file ------------------------------------------------- */

/* iniparser's error callback: records "path:line: ..." and the line. */
static int kind_ini_error(const char *fmt, ...)
{
	struct kind_ctx *c = kind_cb_ctx;
	va_list ap;
	va_start(ap, fmt);
	if (c == NULL) {
		va_end(ap);
		return 0;
	}
	int line = 0;
	if (strstr(fmt, "syntax error") != NULL) {
		(void)va_arg(ap, const char *);
		line = va_arg(ap, int);
		const char *text = va_arg(ap, const char *);
		char *safe = str_sanitize(text, 1);
		str_trim(safe);
		errs_add(c->e, _("%s:%d: baris tidak dikenali (bukan [bagian], kunci = nilai, "
				 "atau komentar): %s"), c->path, line, safe);
		free(safe);
	} else if (strstr(fmt, "too long") != NULL) {
		(void)va_arg(ap, const char *);
		line = va_arg(ap, int);
		errs_add(c->e, _("%s:%d: baris terlalu panjang (maksimal 1.000 byte)"), c->path, line);
	} else if (strstr(fmt, "cannot open") != NULL) {
		errs_add(c->e, _("%s: tidak dapat dibuka"), c->path);
	} else {
		char *m = xvasprintf(fmt, ap);
		str_trim(m);
		errs_add(c->e, "%s: %s", c->path, m);
		free(m);
	}
	va_end(ap);
	if (line > 0) {
		if (kind_cb_n == kind_cb_cap) {
			kind_cb_cap = kind_cb_cap ? kind_cb_cap * 2 : 8;
			kind_cb_lines = xreallocarray(kind_cb_lines, kind_cb_cap, sizeof *kind_cb_lines);
		}
		kind_cb_lines[kind_cb_n++] = line;
	}
	return 0;
}

/* iniparser_load with our error callback installed for the duration. */
static dictionary *kind_ini_load(struct kind_ctx *c, const char *file)
{
	kind_cb_ctx = c;
	iniparser_set_error_callback(kind_ini_error);
	dictionary *d = iniparser_load(file);
	iniparser_set_error_callback(NULL);
	kind_cb_ctx = NULL;
	return d;
}

/* Writes text with the rejected lines blanked to a temporary file and loads
 * that, so the rest of a file with syntax errors is still checked. */
static dictionary *kind_ini_load_rest(struct kind_ctx *c)
{
	const char *tmp = getenv("TMPDIR");
	char *name = xasprintf("%s/berkas-kind.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	dictionary *d = NULL;
	for (int round = 0; round < 100 && d == NULL; round++) {
		size_t before = kind_cb_n;
		struct buf b;
		buf_init(&b);
		int line = 1;
		for (const char *p = c->text; *p; line++) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			int blank = 0;
			for (size_t i = 0; i < kind_cb_n; i++)
				if (kind_cb_lines[i] == line)
					blank = 1;
			if (!blank)
				buf_add(&b, p, len);
			buf_addc(&b, '\n');
			p += len + (nl != NULL);
		}
		buf_add(&b, "", 0);
		strcpy(name + strlen(name) - 6, "XXXXXX");
		int fd = mkstemp(name);
		if (fd < 0) {
			buf_free(&b);
			break;
		}
		FILE *f = fdopen(fd, "w");
		if (f == NULL) {
			close(fd);
			unlink(name);
			buf_free(&b);
			break;
		}
		fwrite(b.s, 1, b.len, f);
		fclose(f);
		buf_free(&b);
		d = kind_ini_load(c, name);
		unlink(name);
		if (d == NULL && kind_cb_n == before)
			break; /* failed without naming a line: give up */
	}
	free(name);
	return d;
}

/* One key or section line seen by the line scan. */
struct kind_seen {
	char *sec; /* lower-cased section */
	char *key; /* lower-cased key, NULL for a section header */
	int   line;
};

static char *kind_lower_trim(const char *s, size_t n)
{
	char *r = xstrndup(s, n);
	str_trim(r);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/*
 * Scans the text the way iniparser reads it, for what iniparser does not
 * report: repeated sections and keys (it keeps the last), keys before any
 * section, and values cut by an unquoted ';' or '#' that is not preceded by
 * a space (iniparser takes it as a comment: "choices = a;b" gives "a").
 */
static void kind_scan_lines(struct kind_ctx *c)
{
	struct kind_seen *seen = NULL;
	size_t n = 0, cap = 0;
	char *sec = xstrdup("");
	char *text = c->text;
	int line = 0;
	char *p = text;
	while (*p) {
		/* join continuation lines ending in a backslash, as iniparser does */
		struct buf b;
		buf_init(&b);
		buf_add(&b, "", 0);
		int first = line + 1;
		for (;;) {
			char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			line++;
			char *part = xstrndup(p, len);
			p += len + (nl != NULL);
			size_t pl = strlen(part);
			while (pl > 0 && isspace((unsigned char)part[pl - 1]))
				part[--pl] = '\0';
			int cont = pl > 0 && part[pl - 1] == '\\';
			if (cont)
				part[--pl] = '\0';
			buf_adds(&b, part);
			free(part);
			if (!cont || *p == '\0')
				break;
		}
		char *ln = b.s;
		str_trim(ln);
		size_t len = strlen(ln);
		if (len == 0 || ln[0] == ';' || ln[0] == '#') {
			buf_free(&b);
			continue;
		}
		char *k = NULL;
		if (ln[0] == '[' && ln[len - 1] == ']') {
			free(sec);
			sec = kind_lower_trim(ln + 1, len - 2);
			if (strchr(sec, ':') != NULL)
				errs_add(c->e, _("%s:%d: [%s]: nama bagian tidak boleh memuat ':'"),
					 c->path, first, sec);
		} else if (strchr(ln, '=') != NULL) {
			char *eq = strchr(ln, '=');
			k = kind_lower_trim(ln, (size_t)(eq - ln));
			const char *val = eq + 1;
			while (*val == ' ' || *val == '\t')
				val++;
			if (*sec == '\0') {
				errs_add(c->e, _("%s:%d: %s: kunci di luar bagian (tulis [bagian] di "
						 "atasnya)"), c->path, first, k);
			} else if (*val == '"' || *val == '\'') {
				const char *close = strchr(val + 1, *val);
				if (close != NULL) {
					close++;
					while (*close == ' ' || *close == '\t')
						close++;
					if (*close != '\0' && *close != ';' && *close != '#')
						errs_add(c->e, _("%s:%d: [%s] %s: teks setelah tanda kutip "
								 "penutup diabaikan"), c->path, first, sec, k);
				}
			} else {
				const char *cut = strpbrk(val, ";#");
				if (cut != NULL && cut > val && cut[-1] != ' ' && cut[-1] != '\t')
					errs_add(c->e, _("%s:%d: [%s] %s: '%c' di dalam nilai memulai "
							 "komentar dan memotong nilai; apit nilai dengan "
							 "tanda kutip \"...\""), c->path, first, sec, k, *cut);
			}
		} else {
			buf_free(&b);
			continue; /* iniparser reports it */
		}
		for (size_t i = 0; i < n; i++) {
			if (strcmp(seen[i].sec, sec) != 0)
				continue;
			if (k == NULL && seen[i].key == NULL) {
				errs_add(c->e, _("%s:%d: [%s]: bagian ganda (sudah ada di baris %d)"),
					 c->path, first, sec, seen[i].line);
				break;
			}
			if (k != NULL && seen[i].key != NULL && strcmp(seen[i].key, k) == 0) {
				errs_add(c->e, _("%s:%d: [%s] %s: kunci ganda (sudah ada di baris %d)"),
					 c->path, first, sec, k, seen[i].line);
				break;
			}
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			seen = xreallocarray(seen, cap, sizeof *seen);
		}
		seen[n].sec = xstrdup(sec);
		seen[n].key = k;
		seen[n].line = first;
		n++;
		buf_free(&b);
	}
	for (size_t i = 0; i < n; i++) {
		free(seen[i].sec);
		free(seen[i].key);
	}
	free(seen);
	free(sec);
}

/* ---- values of one section -------------------------------------------- */

/* Value of sec:key, or NULL when the key is absent. */
static const char *kind_get(struct kind_ctx *c, const char *sec, const char *key)
{
	char *full = xasprintf("%s:%s", sec, key);
	const char *v = iniparser_getstring(c->d, full, NULL);
	free(full);
	return v;
}

/* Like kind_get, but an empty value counts as absent. */
static const char *kind_get_ne(struct kind_ctx *c, const char *sec, const char *key)
{
	const char *v = kind_get(c, sec, key);
	return v != NULL && *v != '\0' ? v : NULL;
}

/* Copy of a required value; reports it when absent or empty. */
static char *kind_need(struct kind_ctx *c, const char *sec, const char *key)
{
	const char *v = kind_get_ne(c, sec, key);
	if (v == NULL) {
		errs_add(c->e, _("%s: [%s] %s: wajib diisi"), c->path, sec, key);
		return NULL;
	}
	return xstrdup(v);
}

/* Reports every key of sec that is not in allowed. */
static void kind_check_keys(struct kind_ctx *c, const char *sec, const char *const *allowed)
{
	int n = iniparser_getsecnkeys(c->d, sec);
	if (n <= 0)
		return;
	const char **keys = xcalloc((size_t)n, sizeof *keys);
	if (iniparser_getseckeys(c->d, sec, keys) != NULL) {
		size_t sl = strlen(sec);
		for (int i = 0; i < n; i++) {
			const char *key = keys[i] + sl + 1;
			int ok = 0, best = 99;
			const char *near = NULL;
			for (const char *const *a = allowed; *a; a++) {
				if (strcmp(*a, key) == 0)
					ok = 1;
				int dist = kind_distance(*a, key);
				if (dist < best) {
					best = dist;
					near = *a;
				}
			}
			if (ok)
				continue;
			if (near != NULL && best <= 2)
				errs_add(c->e, _("%s: [%s] %s: kunci tidak dikenal (maksudnya '%s'?)"),
					 c->path, sec, key, near);
			else
				errs_add(c->e, _("%s: [%s] %s: kunci tidak dikenal"), c->path, sec, key);
		}
	}
	free(keys);
}

/* yes|no into *out (left alone when absent); -1 and a message when invalid. */
static int kind_yesno(struct kind_ctx *c, const char *sec, const char *key, int *out)
{
	const char *v = kind_get(c, sec, key);
	if (v == NULL)
		return 0;
	if (strcmp(v, "yes") == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(v, "no") == 0) {
		*out = 0;
		return 0;
	}
	errs_add(c->e, _("%s: [%s] %s: '%s' harus yes atau no"), c->path, sec, key, v);
	return -1;
}

/* Whole-string decimal integer; 0 and *out, or -1. */
static int kind_parse_long(const char *s, long *out)
{
	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return -1;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

/* Integer value in [lo, hi] into *out (left alone when absent); 1 when
 * present and valid, 0 when absent, -1 with a message when invalid. */
static int kind_long(struct kind_ctx *c, const char *sec, const char *key, long lo, long hi,
		     long *out)
{
	const char *v = kind_get(c, sec, key);
	if (v == NULL)
		return 0;
	long n;
	if (kind_parse_long(v, &n) < 0) {
		errs_add(c->e, _("%s: [%s] %s: '%s' bukan bilangan bulat"), c->path, sec, key, v);
		return -1;
	}
	if (n < lo || n > hi) {
		errs_add(c->e, _("%s: [%s] %s: %ld di luar batas %ld..%ld"), c->path, sec, key,
			 n, lo, hi);
		return -1;
	}
	*out = n;
	return 1;
}

/* ---- [kind], [numbering], [service] ---------------------------------- */

/* Checks a numbering format: {n}, {n:0W}, {yyyy}, {kode}; {n} required. */
static void kind_check_format(struct kind_ctx *c, const char *fmt)
{
	int has_n = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p == '}') {
			errs_add(c->e, _("%s: [numbering] format: '}' tanpa '{'"), c->path);
			return;
		}
		if (*p != '{')
			continue;
		const char *end = strchr(p, '}');
		if (end == NULL) {
			errs_add(c->e, _("%s: [numbering] format: '{' tanpa '}'"), c->path);
			return;
		}
		char *ph = xstrndup(p + 1, (size_t)(end - p - 1));
		long w;
		if (strcmp(ph, "n") == 0) {
			has_n = 1;
		} else if (strncmp(ph, "n:0", 3) == 0 && kind_parse_long(ph + 3, &w) == 0 &&
			   ph[3] != '-' && ph[3] != '+' && w >= 1 && w <= KIND_MAX_PAD) {
			has_n = 1;
		} else if (strcmp(ph, "yyyy") != 0 && strcmp(ph, "kode") != 0) {
			errs_add(c->e, _("%s: [numbering] format: '{%s}' tidak dikenal (pakai {n}, "
					 "{n:04}, {yyyy}, {kode})"), c->path, ph);
		}
		free(ph);
		p = end;
	}
	if (!has_n)
		errs_add(c->e, _("%s: [numbering] format: harus memuat {n} atau {n:0W}"), c->path);
}

static void kind_load_head(struct kind_ctx *c)
{
	struct kind *k = c->k;
	k->title = kind_need(c, "kind", "title");
	k->short_title = xstrdup(kind_get_ne(c, "kind", "short"));
	k->sop = xstrdup(kind_get_ne(c, "kind", "sop"));

	const char *fmt = kind_get_ne(c, "numbering", "format");
	k->number_format = xstrdup(fmt ? fmt : "{n}");
	kind_check_format(c, k->number_format);
	k->number_yearly = 1;
	const char *reset = kind_get(c, "numbering", "reset");
	if (reset != NULL) {
		if (strcmp(reset, "yearly") == 0)
			k->number_yearly = 1;
		else if (strcmp(reset, "never") == 0)
			k->number_yearly = 0;
		else
			errs_add(c->e, _("%s: [numbering] reset: '%s' harus yearly atau never"),
				 c->path, reset);
	}

	long days = 0;
	kind_long(c, "service", "days", 0, 3650, &days);
	k->service_days = (int)days;
	k->service_text = xstrdup(kind_get_ne(c, "service", "text"));
}

/* ---- [field.KEY] ------------------------------------------------------ */

/* Splits "a;b;C=Label" into the field's choices; reports empty and repeated
 * items. */
static void kind_parse_choices(struct kind_ctx *c, const char *sec, struct kfield *f,
			       const char *spec)
{
	size_t n = 1;
	for (const char *p = spec; *p; p++)
		n += *p == ';';
	f->choices = xcalloc(n, sizeof *f->choices);
	f->choice_labels = xcalloc(n, sizeof *f->choice_labels);
	const char *p = spec;
	for (;;) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		char *item = xstrndup(p, len);
		str_trim(item);
		char *eq = strchr(item, '=');
		char *label = NULL;
		if (eq != NULL) {
			*eq = '\0';
			label = xstrdup(eq + 1);
			str_trim(label);
			str_trim(item);
		}
		if (*item == '\0' || (label != NULL && *label == '\0')) {
			errs_add(c->e, _("%s: [%s] choices: pilihan kosong dalam '%s'"), c->path, sec,
				 spec);
			free(item);
			free(label);
		} else {
			int dup = 0;
			for (size_t i = 0; i < f->n_choices; i++)
				if (strcasecmp(f->choices[i], item) == 0)
					dup = 1;
			if (dup)
				errs_add(c->e, _("%s: [%s] choices: pilihan '%s' ganda"), c->path, sec,
					 item);
			f->choices[f->n_choices] = item;
			f->choice_labels[f->n_choices] = label;
			f->n_choices++;
		}
		if (semi == NULL)
			break;
		p = semi + 1;
	}
}

static int kind_field_norm(const struct kfield *f, const char *in, char **out, char **msg);

static void kind_load_field(struct kind_ctx *c, const char *sec, struct kfield *f)
{
	struct kind *k = c->k;
	f->key = xstrdup(sec + strlen("field."));
	if (!kind_ident_ok(f->key))
		errs_add(c->e, _("%s: [%s]: nama isian harus huruf kecil, angka dan '_' dan diawali "
				 "huruf"), c->path, sec);
	kind_check_keys(c, sec, kind_keys_field);
	f->label = kind_need(c, sec, "label");
	f->help = xstrdup(kind_get_ne(c, sec, "help"));

	const char *type = kind_get(c, sec, "type");
	f->type = FT_TEXT;
	if (type == NULL || *type == '\0') {
		errs_add(c->e, _("%s: [%s] type: wajib diisi (text, longtext, date, number, "
				 "choice, multi, ref, koperasi)"), c->path, sec);
	} else {
		int t = kind_lookup(kind_type_names, KIND_N_TYPES, type);
		if (t < 0)
			errs_add(c->e, _("%s: [%s] type: jenis '%s' tidak dikenal (text, longtext, "
					 "date, number, choice, multi, ref, koperasi)"), c->path, sec,
				 type);
		else
			f->type = (enum ftype)t;
	}
	int is_text = f->type == FT_TEXT || f->type == FT_LONGTEXT;

	kind_yesno(c, sec, "required", &f->required);

	const char *role = kind_get(c, sec, "role");
	if (role != NULL) {
		int r = kind_lookup(kind_role_names, KIND_N_ROLES, role);
		if (r <= 0) {
			errs_add(c->e, _("%s: [%s] role: peran '%s' tidak dikenal (number, received, "
					 "party, subject, letter_no, security, urgency, penting, "
					 "koperasi)"), c->path, sec, role);
		} else {
			f->role = (enum frole)r;
			for (size_t i = 0; i < k->n_fields; i++)
				if (k->fields[i].role == f->role)
					errs_add(c->e, _("%s: [%s] role: peran '%s' sudah dipakai oleh "
							 "[field.%s]"), c->path, sec, role,
						 k->fields[i].key);
			if (f->role == FR_RECEIVED && f->type != FT_DATE)
				errs_add(c->e, _("%s: [%s] role: peran received harus jenis date"),
					 c->path, sec);
			if ((f->role == FR_SECURITY || f->role == FR_URGENCY ||
			     f->role == FR_PENTING) && f->type != FT_CHOICE)
				errs_add(c->e, _("%s: [%s] role: peran '%s' harus jenis choice"),
					 c->path, sec, role);
			if (f->role == FR_KOPERASI && f->type != FT_KOPERASI)
				errs_add(c->e, _("%s: [%s] role: peran koperasi harus jenis koperasi"),
					 c->path, sec);
		}
	}
	if (kind_yesno(c, sec, "auto", &f->auto_number) == 0 && f->auto_number &&
	    f->role != FR_NUMBER)
		errs_add(c->e, _("%s: [%s] auto: hanya untuk isian dengan role = number"),
			 c->path, sec);

	/* limits */
	f->min_len = 0;
	f->max_len = f->type == FT_LONGTEXT ? 4000
		   : f->type == FT_KOPERASI ? KIND_KOPERASI_MAX : 200;
	const char *lim[] = { "min", "max" };
	for (int i = 0; i < 2; i++) {
		if (kind_get(c, sec, lim[i]) == NULL)
			continue;
		long v = 0;
		if (is_text) {
			if (kind_long(c, sec, lim[i], 0, 1000000, &v) > 0) {
				if (i == 0)
					f->min_len = (int)v;
				else
					f->max_len = (int)v;
			}
		} else if (f->type == FT_NUMBER) {
			if (kind_long(c, sec, lim[i], LONG_MIN, LONG_MAX, &v) > 0) {
				if (i == 0) {
					f->min = v;
					f->has_min = 1;
				} else {
					f->max = v;
					f->has_max = 1;
				}
			}
		} else {
			errs_add(c->e, _("%s: [%s] %s: hanya untuk jenis text, longtext atau number"),
				 c->path, sec, lim[i]);
		}
	}
	if (is_text && f->min_len > f->max_len)
		errs_add(c->e, _("%s: [%s] min: %d lebih besar dari max %d"), c->path, sec,
			 f->min_len, f->max_len);
	if (f->has_min && f->has_max && f->min > f->max)
		errs_add(c->e, _("%s: [%s] min: %ld lebih besar dari max %ld"), c->path, sec,
			 f->min, f->max);

	/* pattern */
	const char *pat = kind_get(c, sec, "pattern");
	if (pat != NULL) {
		if (!is_text && f->type != FT_NUMBER) {
			errs_add(c->e, _("%s: [%s] pattern: hanya untuk jenis text, longtext atau "
					 "number"), c->path, sec);
		} else {
			char *anchored = xasprintf("^(%s)$", pat);
			int rc = regcomp(&f->re, anchored, REG_EXTENDED | REG_NOSUB);
			free(anchored);
			if (rc != 0) {
				char why[256];
				regerror(rc, &f->re, why, sizeof why);
				errs_add(c->e, _("%s: [%s] pattern: ekspresi '%s' tidak sah: %s"),
					 c->path, sec, pat, why);
			} else {
				f->pattern = xstrdup(pat);
			}
		}
	}
	f->pattern_msg = xstrdup(kind_get_ne(c, sec, "pattern_message"));
	if (f->pattern_msg != NULL && pat == NULL)
		errs_add(c->e, _("%s: [%s] pattern_message: tanpa pattern"), c->path, sec);

	/* choices */
	const char *choices = kind_get(c, sec, "choices");
	if (f->type == FT_CHOICE || f->type == FT_MULTI) {
		if (choices == NULL || *choices == '\0')
			errs_add(c->e, _("%s: [%s] choices: wajib diisi untuk jenis %s (mis. "
					 "choices = \"A;B;C\")"), c->path, sec, kind_type_names[f->type]);
		else
			kind_parse_choices(c, sec, f, choices);
	} else if (choices != NULL) {
		errs_add(c->e, _("%s: [%s] choices: hanya untuk jenis choice atau multi"), c->path,
			 sec);
	}

	/* list */
	const char *list = kind_get(c, sec, "list");
	if (f->type == FT_REF) {
		if (list == NULL || *list == '\0') {
			errs_add(c->e, _("%s: [%s] list: wajib diisi untuk jenis ref (nama berkas "
					 "data/<list>.csv)"), c->path, sec);
		} else if (!kind_ident_ok(list)) {
			errs_add(c->e, _("%s: [%s] list: nama daftar '%s' tidak sah"), c->path, sec,
				 list);
		} else {
			f->list = xstrdup(list);
			char *cause = NULL;
			f->ref = reflist_load(c->data_dir, list, &cause);
			if (f->ref == NULL)
				errs_add(c->e, _("%s: [%s] list: %s"), c->path, sec,
					 cause ? cause : _("daftar tidak dapat dimuat"));
			free(cause);
		}
	} else if (list != NULL) {
		errs_add(c->e, _("%s: [%s] list: hanya untuk jenis ref"), c->path, sec);
	}

	long width = 0;
	kind_long(c, sec, "width", 0, 1000, &width);
	f->width = (int)width;

	/* default: must itself be a valid value */
	const char *def = kind_get(c, sec, "default");
	if (def != NULL && *def != '\0') {
		f->defval = xstrdup(def);
		int skip = f->type == FT_DATE && strcmp(def, "today") == 0;
		skip |= f->type == FT_REF && f->ref == NULL;
		skip |= (f->type == FT_CHOICE || f->type == FT_MULTI) && f->n_choices == 0;
		char *norm = NULL, *msg = NULL;
		if (!skip && kind_field_norm(f, def, &norm, &msg) < 0)
			errs_add(c->e, _("%s: [%s] default: %s"), c->path, sec, msg);
		free(norm);
		free(msg);
	}
}

/* ---- [requirement.KEY] ------------------------------------------------ */

static void kind_load_req(struct kind_ctx *c, const char *sec, struct kreq *r)
{
	r->key = xstrdup(sec + strlen("requirement."));
	if (!kind_ident_ok(r->key))
		errs_add(c->e, _("%s: [%s]: nama persyaratan harus huruf kecil, angka dan '_' dan "
				 "diawali huruf"), c->path, sec);
	kind_check_keys(c, sec, kind_keys_requirement);
	r->label = kind_need(c, sec, "label");
	r->required = 1;
	kind_yesno(c, sec, "required", &r->required);
}

/* ---- [step.N] --------------------------------------------------------- */

/* "5 menit", "1 jam", "3 hari", "3 hari kerja" into the step. */
static void kind_parse_time(struct kind_ctx *c, const char *sec, struct kstep *s,
			    const char *t)
{
	char *copy = xstrdup(t);
	char *num = strtok(copy, " \t");
	char *unit = strtok(NULL, " \t");
	char *extra = strtok(NULL, " \t");
	char *more = strtok(NULL, " \t");
	long v;
	int ok = num != NULL && unit != NULL && more == NULL &&
		 kind_parse_long(num, &v) == 0 && v >= 0 && v <= 100000;
	if (ok) {
		if (strcmp(unit, "menit") == 0 && extra == NULL) {
			s->unit = TU_MINUTE;
			s->std_minutes = v;
		} else if (strcmp(unit, "jam") == 0 && extra == NULL) {
			s->unit = TU_HOUR;
			s->std_minutes = v * 60;
		} else if (strcmp(unit, "hari") == 0 &&
			   (extra == NULL || strcmp(extra, "kerja") == 0)) {
			s->unit = TU_WORKDAY;
			s->std_minutes = v * KIND_WORKDAY_MINUTES;
		} else {
			ok = 0;
		}
		s->std_value = (int)v;
	}
	if (!ok) {
		s->std_value = 0;
		s->std_minutes = 0;
		errs_add(c->e, _("%s: [%s] time: '%s' tidak dikenali (mis. \"5 menit\", \"1 jam\", "
				 "\"3 hari kerja\")"), c->path, sec, t);
	}
	free(copy);
}

static void kind_load_step(struct kind_ctx *c, const char *sec, struct kstep *s, int no)
{
	s->no = no;
	kind_check_keys(c, sec, kind_keys_step);
	s->actor = kind_need(c, sec, "actor");
	if (s->actor != NULL && !kind_ident_ok(s->actor))
		errs_add(c->e, _("%s: [%s] actor: '%s' bukan kode jabatan (huruf kecil, angka, "
				 "'_')"), c->path, sec, s->actor);
	s->actor_label = xstrdup(kind_get_ne(c, sec, "actor_label"));
	s->activity = kind_need(c, sec, "activity");
	s->output = xstrdup(kind_get_ne(c, sec, "output"));
	const char *t = kind_get(c, sec, "time");
	if (t != NULL)
		kind_parse_time(c, sec, s, t);
	const char *comp = kind_get(c, sec, "complete");
	s->complete_on = CO_MANUAL;
	if (comp != NULL) {
		int i = kind_lookup(kind_complete_names, 4, comp);
		if (i < 0)
			errs_add(c->e, _("%s: [%s] complete: '%s' tidak dikenal (register, dispose, "
					 "followup, manual)"), c->path, sec, comp);
		else
			s->complete_on = (enum complete_on)i;
	}
	kind_yesno(c, sec, "pause", &s->pauses_clock);
	s->when = xstrdup(kind_get(c, sec, "when"));
	/* return_to and when are checked once every step and field is known */
}

/* Checks return_to and when against the other steps and the fields. */
static void kind_check_steps(struct kind_ctx *c)
{
	struct kind *k = c->k;
	for (size_t i = 0; i < k->n_steps; i++) {
		struct kstep *s = &k->steps[i];
		if (i == 0 && s->no != 1)
			errs_add(c->e, _("%s: [step.%d]: langkah tidak berurutan, [step.1] tidak ada"),
				 c->path, s->no);
		else if (i > 0 && s->no != k->steps[i - 1].no + 1)
			errs_add(c->e, _("%s: [step.%d]: langkah tidak berurutan, [step.%d] tidak ada"),
				 c->path, s->no, k->steps[i - 1].no + 1);
		char *sec = xasprintf("step.%d", s->no);
		long rt = 0;
		if (kind_long(c, sec, "return_to", 1, KIND_MAX_STEPS, &rt) > 0) {
			if (kind_step(k, (int)rt) == NULL)
				errs_add(c->e, _("%s: [%s] return_to: langkah %ld tidak ada"), c->path,
					 sec, rt);
			else if (rt == s->no)
				errs_add(c->e, _("%s: [%s] return_to: tidak boleh kembali ke langkah "
						 "itu sendiri"), c->path, sec);
			else
				s->return_to = (int)rt;
		}
		if (s->when != NULL) {
			const char *eq = strchr(s->when, '=');
			char *fk = eq ? xstrndup(s->when, (size_t)(eq - s->when)) : NULL;
			char *fv = eq ? xstrdup(eq + 1) : NULL;
			if (fk != NULL) {
				str_trim(fk);
				str_trim(fv);
			}
			const struct kfield *f = fk ? kind_field(k, fk) : NULL;
			if (fk == NULL || *fk == '\0' || *fv == '\0') {
				errs_add(c->e, _("%s: [%s] when: '%s' harus berbentuk isian=nilai"),
					 c->path, sec, s->when);
			} else if (f == NULL) {
				errs_add(c->e, _("%s: [%s] when: isian '%s' tidak ada"), c->path, sec,
					 fk);
			} else if (f->type == FT_CHOICE && f->n_choices > 0) {
				char *norm = NULL, *msg = NULL;
				if (kind_field_norm(f, fv, &norm, &msg) < 0)
					errs_add(c->e, _("%s: [%s] when: %s"), c->path, sec, msg);
				free(norm);
				free(msg);
			}
			free(fk);
			free(fv);
		}
		free(sec);
	}
}

static int kind_step_cmp(const void *a, const void *b)
{
	const struct kstep *x = a, *y = b;
	return (x->no > y->no) - (x->no < y->no);
}

/* Parses N of "step.N": 1..999 written without leading zeros; -1 if not. */
static int kind_step_no(const char *s)
{
	if (*s < '1' || *s > '9' || strlen(s) > 3)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atoi(s);
}

/* ---- [list], [rules], [registry] --------------------------------------- */

/* [list] columns = key, key, ...: field keys or case columns. */
static void kind_load_list(struct kind_ctx *c)
{
	struct kind *k = c->k;
	const char *v = kind_get(c, "list", "columns");
	if (v == NULL)
		return;
	char *copy = xstrdup(v);
	size_t cap = 0;
	for (char *save = NULL, *t = strtok_r(copy, ",", &save); t != NULL;
	     t = strtok_r(NULL, ",", &save)) {
		str_trim(t);
		if (*t == '\0') {
			errs_add(c->e, _("%s: [list] columns: kolom kosong (pisahkan kunci dengan koma)"),
				 c->path);
			continue;
		}
		int known = kind_field(k, t) != NULL;
		for (const char *const *a = kind_case_columns; !known && *a; a++)
			known = strcmp(*a, t) == 0;
		if (!known) {
			char *safe = str_sanitize(t, 1);
			errs_add(c->e, _("%s: [list] columns: '%s' bukan isian jenis ini dan bukan kolom"
					 " berkas (tahap, posisi, batas_waktu, status, jenis)"),
				 c->path, safe);
			free(safe);
			continue;
		}
		int dup = 0;
		for (size_t i = 0; i < k->n_columns; i++)
			dup |= strcmp(k->columns[i], t) == 0;
		if (dup) {
			errs_add(c->e, _("%s: [list] columns: '%s' disebut dua kali"), c->path, t);
			continue;
		}
		if (k->n_columns == cap) {
			cap = cap ? cap * 2 : 8;
			k->columns = xreallocarray(k->columns, cap, sizeof *k->columns);
		}
		k->columns[k->n_columns++] = xstrdup(t);
	}
	free(copy);
	if (k->n_columns == 0)
		errs_add(c->e, _("%s: [list] columns: wajib memuat sedikitnya satu kolom"), c->path);
}

/* The field named by [rules] key, checked to exist; a copy of its key, or NULL. */
static char *kind_rule_field(struct kind_ctx *c, const char *key)
{
	const char *v = kind_get_ne(c, "rules", key);
	if (v == NULL)
		return NULL;
	if (kind_field(c->k, v) == NULL) {
		char *safe = str_sanitize(v, 1);
		errs_add(c->e, _("%s: [rules] %s: isian '%s' tidak ada di jenis ini"), c->path, key,
			 safe);
		free(safe);
		return NULL;
	}
	return xstrdup(v);
}

/* [rules]: the rules written in C that the kind switches on. */
static void kind_load_rules(struct kind_ctx *c)
{
	struct kind *k = c->k;
	kind_yesno(c, "rules", "kantor_layanan", &k->serving_office);
	k->forward_field = kind_rule_field(c, "diteruskan");
	k->forward_letter_field = kind_rule_field(c, "surat_penerusan");
	k->letter_field = kind_rule_field(c, "surat_masuk");
	const struct kfield *f;
	if (k->letter_field != NULL && (f = kind_field(k, k->letter_field)) != NULL &&
	    f->type != FT_TEXT && f->type != FT_NUMBER)
		errs_add(c->e, _("%s: [rules] surat_masuk: isian '%s' harus bertipe text atau number"
				 " (nomor agenda surat masuk)"), c->path, k->letter_field);
	if (k->forward_field != NULL && (f = kind_field(k, k->forward_field)) != NULL) {
		/* its codes name the office a request goes to */
		if (f->type != FT_CHOICE)
			errs_add(c->e, _("%s: [rules] diteruskan: isian '%s' harus bertipe choice"
					 " (kabkota, nasional)"), c->path, k->forward_field);
		for (size_t i = 0; f->type == FT_CHOICE && i < f->n_choices; i++)
			if (strcmp(f->choices[i], "kabkota") != 0 &&
			    strcmp(f->choices[i], "nasional") != 0)
				errs_add(c->e, _("%s: [rules] diteruskan: pilihan '%s' isian '%s' tidak"
						 " dikenal (kabkota, nasional)"), c->path,
					 f->choices[i], k->forward_field);
	}
	if (k->serving_office) {
		if (kind_field_by_role(k, FR_KOPERASI) == NULL)
			errs_add(c->e, _("%s: [rules] kantor_layanan: jenis ini tidak punya isian"
					 " koperasi (role = koperasi)"), c->path);
		if (kind_get_ne(c, "rules", "diteruskan") == NULL)
			errs_add(c->e, _("%s: [rules] diteruskan: wajib diisi bila kantor_layanan = yes"),
				 c->path);
		if (kind_get_ne(c, "rules", "surat_penerusan") == NULL)
			errs_add(c->e, _("%s: [rules] surat_penerusan: wajib diisi bila"
					 " kantor_layanan = yes"), c->path);
	} else if (k->forward_field != NULL || k->forward_letter_field != NULL) {
		errs_add(c->e, _("%s: [rules] diteruskan, surat_penerusan: hanya berlaku dengan"
				 " kantor_layanan = yes"), c->path);
	}
}

/* [registry] registry_field = case_field (or rat = case_field). */
static void kind_load_registry(struct kind_ctx *c)
{
	struct kind *k = c->k;
	int n = iniparser_getsecnkeys(c->d, "registry");
	if (n <= 0)
		return;
	if (kind_field_by_role(k, FR_KOPERASI) == NULL)
		errs_add(c->e, _("%s: [registry]: jenis ini tidak punya isian koperasi"
				 " (role = koperasi) yang menunjuk koperasinya"), c->path);
	const char **keys = xcalloc((size_t)n, sizeof *keys);
	k->registry = xcalloc((size_t)n, sizeof *k->registry);
	if (iniparser_getseckeys(c->d, "registry", keys) == NULL)
		n = 0;
	for (int i = 0; i < n; i++) {
		const char *key = keys[i] + strlen("registry:");
		const char *val = iniparser_getstring(c->d, keys[i], NULL);
		int rat = strcmp(key, "rat") == 0;
		const struct kop_fielddef *kd = rat ? NULL : koperasi_field(key);
		if (!rat && kd == NULL) {
			errs_add(c->e, _("%s: [registry] %s: bukan isian registri koperasi (mis."
					 " no_sertifikat, tanggal_sertifikat, sertifikat_berlaku,"
					 " status_nik, atau rat)"), c->path, key);
			continue;
		}
		if (val != NULL && *val == '=') {
			/* a fixed value: "status_nik = =Sudah Bersertifikat" */
			char *lit = str_trim(xstrdup(val + 1));
			if (rat || *lit == '\0') {
				errs_add(c->e, rat ? _("%s: [registry] %s: rat memerlukan isian tanggal,"
						       " bukan nilai tetap")
						   : _("%s: [registry] %s: nilai tetap kosong"), c->path, key);
				free(lit);
				continue;
			}
			k->registry[k->n_registry].kop_field = xstrdup(key);
			k->registry[k->n_registry].literal = lit;
			k->n_registry++;
			continue;
		}
		const struct kfield *f = val != NULL && *val ? kind_field(k, val) : NULL;
		if (val == NULL || *val == '\0') {
			errs_add(c->e, _("%s: [registry] %s: wajib diisi (kunci isian jenis ini)"),
				 c->path, key);
			continue;
		}
		if (f == NULL) {
			char *safe = str_sanitize(val, 1);
			errs_add(c->e, _("%s: [registry] %s: isian '%s' tidak ada di jenis ini"), c->path,
				 key, safe);
			free(safe);
			continue;
		}
		int kdate = rat || kd->type == KT_DATE;
		if (kdate != (f->type == FT_DATE)) {
			errs_add(c->e, kdate ? _("%s: [registry] %s: isian '%s' harus bertipe date")
					     : _("%s: [registry] %s: isian '%s' bertipe date, isian"
						 " registri ini bukan tanggal"),
				 c->path, key, val);
			continue;
		}
		for (size_t j = 0; j < k->n_registry; j++)
			if (strcmp(k->registry[j].kop_field, key) == 0)
				errs_add(c->e, _("%s: [registry] %s: disebut dua kali"), c->path, key);
		k->registry[k->n_registry].kop_field = xstrdup(key);
		k->registry[k->n_registry].case_field = xstrdup(val);
		k->n_registry++;
	}
	free(keys);
}

/* ---- the whole file --------------------------------------------------- */

/* Walks the sections: known shapes are loaded, others reported. */
static void kind_load_sections(struct kind_ctx *c)
{
	struct kind *k = c->k;
	int nsec = iniparser_getnsec(c->d);
	if (nsec < 0)
		nsec = 0;
	k->fields = xcalloc((size_t)nsec + 1, sizeof *k->fields);
	k->reqs = xcalloc((size_t)nsec + 1, sizeof *k->reqs);
	k->steps = xcalloc((size_t)nsec + 1, sizeof *k->steps);
	int have_kind = 0;
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(c->d, i);
		if (sec == NULL)
			continue;
		if (strcmp(sec, "kind") == 0) {
			have_kind = 1;
			kind_check_keys(c, sec, kind_keys_kind);
		} else if (strcmp(sec, "numbering") == 0) {
			kind_check_keys(c, sec, kind_keys_numbering);
		} else if (strcmp(sec, "service") == 0) {
			kind_check_keys(c, sec, kind_keys_service);
		} else if (strncmp(sec, "field.", 6) == 0 && sec[6] != '\0') {
			kind_load_field(c, sec, &k->fields[k->n_fields]);
			k->n_fields++;
		} else if (strncmp(sec, "requirement.", 12) == 0 && sec[12] != '\0') {
			kind_load_req(c, sec, &k->reqs[k->n_reqs]);
			k->n_reqs++;
		} else if (strncmp(sec, "step.", 5) == 0 && kind_step_no(sec + 5) > 0) {
			kind_load_step(c, sec, &k->steps[k->n_steps], kind_step_no(sec + 5));
			k->n_steps++;
		} else if (strcmp(sec, "list") == 0) {
			kind_check_keys(c, sec, kind_keys_list);
		} else if (strcmp(sec, "rules") == 0) {
			kind_check_keys(c, sec, kind_keys_rules);
		} else if (strcmp(sec, "registry") == 0) {
			/* its keys are registry fields: checked with the fields */
		} else {
			errs_add(c->e, _("%s: [%s]: bagian tidak dikenal (kind, numbering, service, "
					 "list, rules, registry, field.KUNCI, requirement.KUNCI, "
					 "step.N)"), c->path, sec);
		}
	}
	if (!have_kind)
		errs_add(c->e, _("%s: [kind]: bagian wajib tidak ada"), c->path);
	kind_load_head(c);
	if (k->n_fields == 0)
		errs_add(c->e, _("%s: tidak ada isian ([field.KUNCI])"), c->path);
	qsort(k->steps, k->n_steps, sizeof *k->steps, kind_step_cmp);
	kind_check_steps(c);
	kind_load_list(c);
	kind_load_rules(c);
	kind_load_registry(c);
}

/* File stem of path ("forms/surat_masuk.ini" -> "surat_masuk"); caller frees. */
static char *kind_stem(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	return xstrndup(base, n);
}

/* Loads one kind file. Returns 0 and *out (free with kind_free), or -1 with
 * *out NULL and every problem of the file appended to errs. */
int kind_load_file(const char *path, const char *data_dir, struct kind **out, struct errs *errs)
{
	struct errs local;
	errs_init(&local);
	struct kind_ctx c = { .path = path, .data_dir = data_dir, .e = &local };
	*out = NULL;
	c.k = xcalloc(1, sizeof *c.k);
	c.k->path = xstrdup(path);
	c.k->key = kind_stem(path);
	if (!kind_ident_ok(c.k->key))
		errs_add(&local, _("%s: nama jenis '%s' tidak sah (huruf kecil, angka dan '_', "
				   "diawali huruf)"), path, c.k->key);

	char *cause = NULL;
	c.text = file_read(path, NULL, &cause);
	if (c.text == NULL) {
		errs_add(&local, "%s", cause);
		free(cause);
		goto done;
	}
	kind_scan_lines(&c);
	kind_cb_n = 0;
	c.d = kind_ini_load(&c, path);
	if (c.d == NULL && kind_cb_n > 0)
		c.d = kind_ini_load_rest(&c);
	free(kind_cb_lines);
	kind_cb_lines = NULL;
	kind_cb_n = kind_cb_cap = 0;
	if (c.d == NULL) {
		if (local.n == 0)
			errs_add(&local, _("%s: tidak dapat dibaca"), path);
		goto done;
	}
	kind_load_sections(&c);
	iniparser_freedict(c.d);
done:
	free(c.text);
	if (local.n > 0) {
		kind_free(c.k);
		if (errs != NULL)
			for (size_t i = 0; i < local.n; i++)
				errs_add(errs, "%s", local.msg[i]);
		errs_free(&local);
		return -1;
	}
	errs_free(&local);
	*out = c.k;
	return 0;
}

static int kind_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every forms_dir/<name>.ini, sorted by key. Returns 0, or -1 with ks
 * empty and every problem of every file in errs. */
int kind_load_dir(const char *forms_dir, const char *data_dir, struct kindset *ks,
		  struct errs *errs)
{
	ks->kinds = NULL;
	ks->n = 0;
	DIR *dir = opendir(forms_dir);
	if (dir == NULL) {
		if (errs != NULL)
			errs_add(errs, _("%s: folder jenis berkas tidak dapat dibuka: %s"), forms_dir,
				 strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 4 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dir);
	if (n == 0) {
		if (errs != NULL)
			errs_add(errs, _("%s: tidak ada berkas jenis (*.ini)"), forms_dir);
		free(names);
		return -1;
	}
	qsort(names, n, sizeof *names, kind_name_cmp);
	int bad = 0;
	ks->kinds = xcalloc(n, sizeof *ks->kinds);
	for (size_t i = 0; i < n; i++) {
		size_t dl = strlen(forms_dir);
		char *path = dl > 0 && forms_dir[dl - 1] == '/'
			   ? xasprintf("%s%s", forms_dir, names[i])
			   : xasprintf("%s/%s", forms_dir, names[i]);
		struct kind *k;
		if (kind_load_file(path, data_dir, &k, errs) < 0)
			bad = 1;
		else
			ks->kinds[ks->n++] = k;
		free(path);
		free(names[i]);
	}
	free(names);
	if (bad) {
		kindset_free(ks);
		return -1;
	}
	return 0;
}

void kind_free(struct kind *k)
{
	if (k == NULL)
		return;
	for (size_t i = 0; i < k->n_fields; i++) {
		struct kfield *f = &k->fields[i];
		free(f->key);
		free(f->label);
		free(f->help);
		if (f->pattern != NULL)
			regfree(&f->re);
		free(f->pattern);
		free(f->pattern_msg);
		for (size_t j = 0; j < f->n_choices; j++) {
			free(f->choices[j]);
			free(f->choice_labels[j]);
		}
		free(f->choices);
		free(f->choice_labels);
		free(f->list);
		if (f->ref != NULL)
			reflist_free(f->ref);
		free(f->defval);
	}
	free(k->fields);
	for (size_t i = 0; i < k->n_reqs; i++) {
		free(k->reqs[i].key);
		free(k->reqs[i].label);
	}
	free(k->reqs);
	for (size_t i = 0; i < k->n_steps; i++) {
		struct kstep *s = &k->steps[i];
		free(s->actor);
		free(s->actor_label);
		free(s->activity);
		free(s->output);
		free(s->when);
	}
	free(k->steps);
	for (size_t i = 0; i < k->n_columns; i++)
		free(k->columns[i]);
	free(k->columns);
	free(k->forward_field);
	free(k->forward_letter_field);
	free(k->letter_field);
	for (size_t i = 0; i < k->n_registry; i++) {
		free(k->registry[i].kop_field);
		free(k->registry[i].case_field);
		free(k->registry[i].literal);
	}
	free(k->registry);
	free(k->key);
	free(k->title);
	free(k->short_title);
	free(k->sop);
	free(k->number_format);
	free(k->service_text);
	free(k->path);
	free(k);
}

void kindset_free(struct kindset *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		kind_free(ks->kinds[i]);
	free(ks->kinds);
	ks->kinds = NULL;
	ks->n = 0;
}

/* Kind with this key, or NULL. */
const struct kind *kindset_find(const struct kindset *ks, const char *key)
{
	for (size_t i = 0; i < ks->n; i++)
		if (strcmp(ks->kinds[i]->key, key) == 0)
			return ks->kinds[i];
	return NULL;
}

/* Field with this key, or NULL. */
const struct kfield *kind_field(const struct kind *k, const char *key)
{
	for (size_t i = 0; i < k->n_fields; i++)
		if (strcmp(k->fields[i].key, key) == 0)
			return &k->fields[i];
	return NULL;
}

/* The field playing this role, or NULL. */
const struct kfield *kind_field_by_role(const struct kind *k, enum frole role)
{
	if (role == FR_NONE)
		return NULL;
	for (size_t i = 0; i < k->n_fields; i++)
		if (k->fields[i].role == role)
			return &k->fields[i];
	return NULL;
}

/* Step number no (1-based), or NULL. */
const struct kstep *kind_step(const struct kind *k, int no)
{
	for (size_t i = 0; i < k->n_steps; i++)
		if (k->steps[i].no == no)
			return &k->steps[i];
	return NULL;
}

/* ---- values against a kind -------------------------------------------- */

/* Index of the choice whose code or label equals s (ASCII case-insensitive). */
static long kind_choice_find(const struct kfield *f, const char *s)
{
	for (size_t i = 0; i < f->n_choices; i++)
		if (strcasecmp(f->choices[i], s) == 0)
			return (long)i;
	for (size_t i = 0; i < f->n_choices; i++)
		if (f->choice_labels[i] != NULL && strcasecmp(f->choice_labels[i], s) == 0)
			return (long)i;
	return -1;
}

/* "Biasa, Segera" or "P (Penting), B (Biasa)"; caller frees. */
static char *kind_choice_list(const struct kfield *f)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < f->n_choices; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, f->choices[i]);
		if (f->choice_labels[i] != NULL)
			buf_printf(&b, " (%s)", f->choice_labels[i]);
	}
	return buf_steal(&b);
}

static char *kind_not_choice(const struct kfield *f, const char *s)
{
	char *list = kind_choice_list(f);
	char *safe = str_sanitize(s, 1);
	char *m = xasprintf(_("'%s' bukan pilihan (%s)"), safe, list);
	free(safe);
	free(list);
	return m;
}

/*
 * Checks one non-empty trimmed value of f and gives its stored form in *out.
 * Returns 0, or -1 with *msg (without the field key; caller frees).
 */
static int kind_field_norm(const struct kfield *f, const char *in, char **out, char **msg)
{
	*out = NULL;
	*msg = NULL;
	if (!str_utf8_valid(in)) {
		*msg = xstrdup(_("bukan teks UTF-8 yang sah"));
		return -1;
	}
	if (str_has_control(in, f->type == FT_LONGTEXT)) {
		*msg = xstrdup(_("mengandung karakter kendali"));
		return -1;
	}
	char *safe = str_sanitize(in, 1);
	int rc = -1;
	switch (f->type) {
	case FT_TEXT:
	case FT_LONGTEXT: {
		size_t n = str_utf8_chars(in);
		if (n > (size_t)f->max_len)
			*msg = xasprintf(_("terlalu panjang (%zu karakter, maksimal %d)"), n,
					 f->max_len);
		else if (n < (size_t)f->min_len)
			*msg = xasprintf(_("terlalu pendek (%zu karakter, minimal %d)"), n,
					 f->min_len);
		else if (f->pattern != NULL && regexec(&f->re, in, 0, NULL, 0) != 0)
			*msg = f->pattern_msg ? xstrdup(f->pattern_msg)
					      : xasprintf(_("'%s' tidak sesuai format"), safe);
		else {
			*out = xstrdup(in);
			rc = 0;
		}
		break;
	}
	case FT_DATE: {
		day_t d;
		if (date_parse_dmy(in, &d) == 0 ||
		    (strlen(in) == 10 && date_parse_iso(in, &d) == 0)) {
			*out = xmalloc(11);
			date_fmt_iso(d, *out);
			rc = 0;
		} else {
			*msg = xasprintf(_("tanggal tidak valid '%s' (format DD-MM-YYYY)"), safe);
		}
		break;
	}
	case FT_NUMBER: {
		long n;
		const char *p = kind_parse_long(in, &n) == 0 ? in : NULL;
		if (p == NULL)
			*msg = xasprintf(_("'%s' bukan bilangan bulat"), safe);
		else if (f->has_min && n < f->min)
			*msg = xasprintf(_("terlalu kecil (%ld, minimal %ld)"), n, f->min);
		else if (f->has_max && n > f->max)
			*msg = xasprintf(_("terlalu besar (%ld, maksimal %ld)"), n, f->max);
		else if (f->pattern != NULL && regexec(&f->re, in, 0, NULL, 0) != 0)
			*msg = f->pattern_msg ? xstrdup(f->pattern_msg)
					      : xasprintf(_("'%s' tidak sesuai format"), safe);
		else {
			*out = xasprintf("%ld", n);
			rc = 0;
		}
		break;
	}
	case FT_CHOICE: {
		long i = kind_choice_find(f, in);
		if (i < 0) {
			*msg = kind_not_choice(f, in);
		} else {
			*out = xstrdup(f->choices[i]);
			rc = 0;
		}
		break;
	}
	case FT_MULTI: {
		struct buf b;
		buf_init(&b);
		buf_add(&b, "", 0);
		char *copy = xstrdup(in);
		unsigned char *used = xcalloc(f->n_choices + 1, 1);
		rc = 0;
		for (char *save = NULL, *item = strtok_r(copy, ";", &save); item != NULL;
		     item = strtok_r(NULL, ";", &save)) {
			str_trim(item);
			if (*item == '\0')
				continue;
			long i = kind_choice_find(f, item);
			if (i < 0) {
				*msg = kind_not_choice(f, item);
				rc = -1;
				break;
			}
			if (used[i])
				continue;
			used[i] = 1;
			if (b.len > 0)
				buf_addc(&b, ';');
			buf_adds(&b, f->choices[i]);
		}
		free(used);
		free(copy);
		if (rc == 0)
			*out = buf_steal(&b);
		else
			buf_free(&b);
		break;
	}
	case FT_KOPERASI: {
		/* Only the form of the value here: the store checks that it names a
		 * cooperative of the registry. */
		size_t n = str_utf8_chars(in);
		if (n > (size_t)f->max_len) {
			*msg = xasprintf(_("terlalu panjang (%zu karakter, maksimal %d)"), n,
					 f->max_len);
		} else {
			*out = xstrdup(in);
			str_trim(*out);
			rc = 0;
		}
		break;
	}
	case FT_REF:
		if (f->ref == NULL || reflist_find(f->ref, in) == NULL) {
			*msg = xasprintf(_("kode '%s' tidak ada dalam daftar %s"), safe,
					 f->list ? f->list : "?");
		} else {
			*out = xstrdup(in);
			rc = 0;
		}
		break;
	}
	free(safe);
	return rc;
}

/* Checks v against k and rewrites it into stored form (see kind.h). The
 * auto-number field is left as it is. On error v is unchanged. */
int kind_normalize(const struct kind *k, struct values *v, struct errs *errs)
{
	struct values out;
	values_init(&out);
	int bad = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (kind_field(k, v->key[i]) == NULL) {
			char *safe = str_sanitize(v->key[i], 1);
			if (errs != NULL)
				errs_add(errs, _("%s: isian tidak dikenal untuk jenis %s"), safe, k->key);
			free(safe);
			bad = 1;
		}
	}
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct kfield *f = &k->fields[i];
		const char *raw = values_get(v, f->key);
		if (f->auto_number) {
			if (raw != NULL)
				values_set(&out, f->key, raw);
			continue;
		}
		char *val = xstrdup(raw ? raw : "");
		str_trim(val);
		if (*val == '\0' && f->defval != NULL) {
			free(val);
			if (f->type == FT_DATE && strcmp(f->defval, "today") == 0) {
				val = xmalloc(11);
				date_fmt_iso(clock_today(), val);
			} else {
				val = xstrdup(f->defval);
			}
		}
		if (*val == '\0') {
			if (f->required) {
				if (errs != NULL)
					errs_add(errs, _("%s: wajib diisi"), f->key);
				bad = 1;
			}
			free(val);
			continue;
		}
		char *norm = NULL, *msg = NULL;
		if (kind_field_norm(f, val, &norm, &msg) < 0) {
			if (errs != NULL)
				errs_add(errs, "%s: %s", f->key, msg);
			bad = 1;
		} else {
			values_set(&out, f->key, norm);
		}
		free(norm);
		free(msg);
		free(val);
	}
	if (bad) {
		values_free(&out);
		return -1;
	}
	values_free(v);
	*v = out;
	return 0;
}

/* Stored value as shown to people: dates DD-MM-YYYY, others unchanged.
 * Caller frees. */
char *kind_display(const struct kfield *f, const char *stored)
{
	if (stored == NULL)
		return xstrdup("");
	day_t d;
	if (f != NULL && f->type == FT_DATE && date_parse_iso(stored, &d) == 0) {
		char *s = xmalloc(11);
		date_fmt_dmy(d, s);
		return s;
	}
	return xstrdup(stored);
}

/* Like kind_display, but a coded value also names its meaning: a list code
 * as "500.3 - Perekonomian", a labelled choice as "P - Penting". For screens
 * and sheets; exports keep the bare codes. Caller frees. */
char *kind_display_long(const struct kfield *f, const char *stored)
{
	if (stored == NULL || f == NULL)
		return kind_display(f, stored);
	if (f->type == FT_REF && f->ref != NULL) {
		const struct refitem *it = reflist_find(f->ref, stored);
		if (it != NULL && it->label != NULL)
			return xasprintf("%s - %s", stored, it->label);
	}
	if (f->type == FT_CHOICE && f->choice_labels != NULL) {
		for (size_t i = 0; i < f->n_choices; i++)
			if (f->choice_labels[i] != NULL && strcmp(f->choices[i], stored) == 0)
				return xasprintf("%s - %s", stored, f->choice_labels[i]);
	}
	return kind_display(f, stored);
}

/* Office number n of year in k's format; unit_code fills {kode} (NULL = "").
 * Caller frees. */
char *kind_format_number(const struct kind *k, long n, int year, const char *unit_code)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	const char *fmt = k->number_format ? k->number_format : "{n}";
	for (const char *p = fmt; *p; p++) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		if (end == NULL) {
			buf_addc(&b, *p);
			continue;
		}
		size_t len = (size_t)(end - p - 1);
		long w;
		char *ph = xstrndup(p + 1, len);
		if (strcmp(ph, "n") == 0)
			buf_printf(&b, "%ld", n);
		else if (strncmp(ph, "n:0", 3) == 0 && kind_parse_long(ph + 3, &w) == 0 &&
			 w >= 1 && w <= KIND_MAX_PAD)
			buf_printf(&b, "%0*ld", (int)w, n);
		else if (strcmp(ph, "yyyy") == 0)
			buf_printf(&b, "%04d", year);
		else if (strcmp(ph, "kode") == 0)
			buf_adds(&b, unit_code ? unit_code : "");
		else
			buf_add(&b, p, len + 2);
		free(ph);
		p = end;
	}
	return buf_steal(&b);
}
