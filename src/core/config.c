/* config.c: config.ini through iniparser, over built-in defaults; every bad or unknown key is reported. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iniparser/iniparser.h>

#include "config.h"

static const char *const default_instructions[] = {
	"untuk diketahui", "untuk ditindaklanjuti", "tanggapan dan saran",
	"proses lebih lanjut", "koordinasikan", "siapkan jawaban", "arsipkan",
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* Known sections and their keys; a NULL-terminated key list per section. */
struct section {
	const char        *name;
	const char *const *keys;
};
static const char *const keys_kantor[] = { "nama", "kode_unit", "zona", "jam_kerja", NULL };
static const char *const keys_cetak[] = { "perintah", NULL };
static const char *const keys_disposisi[] = { "instruksi", NULL };
static const char *const keys_batas[] = { "biasa", "segera", "sangat_segera", NULL };
static const char *const keys_tampilan[] = {
	"warna", "warna_terlambat", "warna_jatuh_tempo", "warna_judul", NULL
};
static const char *const keys_jalur[] = { "data_dan_formulir", NULL };
static const struct section sections[] = {
	{ "kantor", keys_kantor },
	{ "cetak", keys_cetak },
	{ "disposisi", keys_disposisi },
	{ "batas_waktu", keys_batas },
	{ "tampilan", keys_tampilan },
	{ "jalur", keys_jalur },
};
#define N_SECTIONS (sizeof sections / sizeof sections[0])

static void set_instructions(struct config *c, const char *const *list, size_t n)
{
	for (size_t i = 0; i < c->n_instructions; i++)
		free(c->instructions[i]);
	free(c->instructions);
	c->instructions = xcalloc(n ? n : 1, sizeof *c->instructions);
	for (size_t i = 0; i < n; i++)
		c->instructions[i] = xstrdup(list[i]);
	c->n_instructions = n;
}

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->office_name = xstrdup("Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Nusa Tenggara Timur");
	c->unit_code = xstrdup("DKUKM");
	c->tz_name = xstrdup("WITA");
	c->utc_offset_min = 480;
	c->hours_start_min = 7 * 60 + 30;
	c->hours_end_min = 16 * 60;
	c->print_command = xstrdup("lp");
	set_instructions(c, default_instructions,
			 sizeof default_instructions / sizeof default_instructions[0]);
	c->deadline_days[URG_BIASA] = 5;
	c->deadline_days[URG_SEGERA] = 2;
	c->deadline_days[URG_SANGAT_SEGERA] = 1;
	c->color = -1;
	c->color_overdue = xstrdup("red");
	c->color_due = xstrdup("yellow");
	c->color_header = xstrdup("blue");
	c->share_dir = NULL;
	c->path = NULL;
}

void config_free(struct config *c)
{
	free(c->office_name);
	free(c->unit_code);
	free(c->tz_name);
	free(c->print_command);
	for (size_t i = 0; i < c->n_instructions; i++)
		free(c->instructions[i]);
	free(c->instructions);
	free(c->color_overdue);
	free(c->color_due);
	free(c->color_header);
	free(c->share_dir);
	free(c->path);
	memset(c, 0, sizeof *c);
}

char *config_default_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME");
	if (x != NULL && *x == '/')
		return xasprintf("%s/berkas/config.ini", x);
	const char *h = getenv("HOME");
	if (h == NULL || *h == '\0')
		h = ".";
	return xasprintf("%s/.config/berkas/config.ini", h);
}

int urgency_from_label(const char *label)
{
	if (label == NULL)
		return -1;
	if (strcasecmp(label, "Biasa") == 0)
		return URG_BIASA;
	if (strcasecmp(label, "Segera") == 0)
		return URG_SEGERA;
	if (strcasecmp(label, "Sangat Segera") == 0)
		return URG_SANGAT_SEGERA;
	return -1;
}

/* --- loading --- */

/* iniparser reports syntax errors through a callback without a context
 * pointer, so the list being filled is kept here during iniparser_load. */
static struct errs *cb_errs;

static int config_ini_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (cb_errs == NULL) {
		va_end(ap);
		return 0;
	}
	if (strstr(fmt, "syntax error") != NULL) {
		const char *file = va_arg(ap, const char *);
		int line = va_arg(ap, int);
		const char *text = va_arg(ap, const char *);
		char *t = str_sanitize(text ? text : "", 1);
		str_trim(t);
		errs_add(cb_errs, _("%s:%d: baris tidak dapat dibaca (bukan [bagian] atau kunci = nilai): %s"),
			 file, line, t);
		free(t);
	} else if (strstr(fmt, "too long") != NULL) {
		const char *file = va_arg(ap, const char *);
		int line = va_arg(ap, int);
		errs_add(cb_errs, _("%s:%d: baris terlalu panjang"), file, line);
	} else if (strstr(fmt, "cannot open") != NULL) {
		const char *file = va_arg(ap, const char *);
		errs_add(cb_errs, _("%s: tidak dapat dibuka"), file);
	} else {
		char *m = xvasprintf(fmt, ap);
		char *t = str_sanitize(m, 1);
		str_trim(t);
		errs_add(cb_errs, "%s", t);
		free(t);
		free(m);
	}
	va_end(ap);
	return 0;
}

struct ld {
	const dictionary *d;
	const char       *path;
	struct errs      *errs;
	int               bad;
};

/* Value of section:key, or NULL when absent. */
static const char *get(struct ld *L, const char *sec, const char *key)
{
	char full[128];
	snprintf(full, sizeof full, "%s:%s", sec, key);
	return iniparser_getstring(L->d, full, NULL);
}

static void bad(struct ld *L, const char *sec, const char *key, const char *fmt, ...) PRINTFLIKE(4, 5);
static void bad(struct ld *L, const char *sec, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *why = xvasprintf(fmt, ap);
	va_end(ap);
	errs_add(L->errs, "%s: [%s] %s: %s", L->path, sec, key, why);
	free(why);
	L->bad = 1;
}

/* A non-empty text value replaces *dst; empty is an error. */
static void take_text(struct ld *L, const char *sec, const char *key, char **dst)
{
	const char *v = get(L, sec, key);
	if (v == NULL)
		return;
	char *t = xstrdup(v);
	str_trim(t);
	if (*t == '\0') {
		bad(L, sec, key, "%s", _("tidak boleh kosong"));
		free(t);
		return;
	}
	if (str_has_control(t, 0) || !str_utf8_valid(t)) {
		bad(L, sec, key, "%s", _("berisi karakter kendali atau UTF-8 tidak valid"));
		free(t);
		return;
	}
	free(*dst);
	*dst = t;
}

/* Parses "HH:MM" (hours 0..24, 24:00 only as an end) into minutes; -1 if bad. */
static int parse_hhmm(const char *s, size_t len)
{
	if (len != 5 || s[2] != ':')
		return -1;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int h = (s[0] - '0') * 10 + (s[1] - '0');
	int m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

static void load_kantor(struct ld *L, struct config *c)
{
	take_text(L, "kantor", "nama", &c->office_name);
	take_text(L, "kantor", "kode_unit", &c->unit_code);

	const char *v = get(L, "kantor", "zona");
	if (v != NULL) {
		static const struct { const char *name; int off; } zones[] = {
			{ "WIB", 420 }, { "WITA", 480 }, { "WIT", 540 },
		};
		char *t = xstrdup(v);
		str_trim(t);
		size_t i;
		for (i = 0; i < 3; i++)
			if (strcasecmp(t, zones[i].name) == 0)
				break;
		if (i == 3) {
			char *s = str_sanitize(t, 1);
			bad(L, "kantor", "zona", _("nilai '%s' tidak dikenal (WIB, WITA, WIT)"), s);
			free(s);
		} else {
			free(c->tz_name);
			c->tz_name = xstrdup(zones[i].name);
			c->utc_offset_min = zones[i].off;
		}
		free(t);
	}

	v = get(L, "kantor", "jam_kerja");
	if (v != NULL) {
		char *t = xstrdup(v);
		str_trim(t);
		const char *dash = strchr(t, '-');
		int a = -1, b = -1;
		if (dash != NULL) {
			char *l = xstrndup(t, (size_t)(dash - t));
			char *r = xstrdup(dash + 1);
			str_trim(l);
			str_trim(r);
			a = parse_hhmm(l, strlen(l));
			b = parse_hhmm(r, strlen(r));
			free(l);
			free(r);
		}
		if (a < 0 || b < 0 || a >= b || a >= 24 * 60) {
			char *s = str_sanitize(t, 1);
			bad(L, "kantor", "jam_kerja",
			    _("nilai '%s' tidak valid (JJ:MM-JJ:MM, mis. 07:30-16:00)"), s);
			free(s);
		} else {
			c->hours_start_min = a;
			c->hours_end_min = b;
		}
		free(t);
	}
}

static void load_disposisi(struct ld *L, struct config *c)
{
	const char *v = get(L, "disposisi", "instruksi");
	if (v == NULL)
		return;
	char *copy = xstrdup(v);
	const char **items = xcalloc(strlen(copy) / 2 + 2, sizeof *items);
	size_t n = 0;
	char *save = NULL;
	for (char *tok = strtok_r(copy, ";", &save); tok != NULL; tok = strtok_r(NULL, ";", &save)) {
		str_trim(tok);
		if (*tok != '\0')
			items[n++] = tok;
	}
	int ok = 1;
	if (n == 0) {
		bad(L, "disposisi", "instruksi", "%s",
		    _("tidak boleh kosong (daftar dipisah ';' dalam tanda kutip)"));
		ok = 0;
	}
	for (size_t i = 0; i < n && ok; i++) {
		if (str_has_control(items[i], 0) || !str_utf8_valid(items[i])) {
			bad(L, "disposisi", "instruksi", "%s",
			    _("berisi karakter kendali atau UTF-8 tidak valid"));
			ok = 0;
		}
	}
	if (ok)
		set_instructions(c, items, n);
	free(items);
	free(copy);
}

static void load_batas(struct ld *L, struct config *c)
{
	static const char *const keys[URG_COUNT] = { "biasa", "segera", "sangat_segera" };
	for (int u = 0; u < URG_COUNT; u++) {
		const char *v = get(L, "batas_waktu", keys[u]);
		if (v == NULL)
			continue;
		char *t = xstrdup(v);
		str_trim(t);
		char *end = NULL;
		errno = 0;
		long n = strtol(t, &end, 10);
		if (*t == '\0' || *end != '\0' || errno != 0 || n < 0 || n > 365 ||
		    (*t < '0' || *t > '9')) {
			char *s = str_sanitize(t, 1);
			bad(L, "batas_waktu", keys[u],
			    _("nilai '%s' tidak valid (bilangan bulat hari kerja 0..365)"), s);
			free(s);
		} else {
			c->deadline_days[u] = (int)n;
		}
		free(t);
	}
}

static void load_colour(struct ld *L, const char *key, char **dst)
{
	const char *v = get(L, "tampilan", key);
	if (v == NULL)
		return;
	char *t = xstrdup(v);
	str_trim(t);
	for (size_t i = 0; i < sizeof colour_names / sizeof colour_names[0]; i++) {
		if (strcasecmp(t, colour_names[i]) == 0) {
			free(*dst);
			*dst = xstrdup(colour_names[i]);
			free(t);
			return;
		}
	}
	char *s = str_sanitize(t, 1);
	bad(L, "tampilan", key,
	    _("nilai '%s' tidak dikenal (black, red, green, yellow, blue, magenta, cyan, white)"), s);
	free(s);
	free(t);
}

static void load_tampilan(struct ld *L, struct config *c)
{
	const char *v = get(L, "tampilan", "warna");
	if (v != NULL) {
		char *t = xstrdup(v);
		str_trim(t);
		if (strcasecmp(t, "auto") == 0) {
			c->color = -1;
		} else if (strcasecmp(t, "ya") == 0) {
			c->color = 1;
		} else if (strcasecmp(t, "tidak") == 0) {
			c->color = 0;
		} else {
			char *s = str_sanitize(t, 1);
			bad(L, "tampilan", "warna", _("nilai '%s' tidak dikenal (auto, ya, tidak)"), s);
			free(s);
		}
		free(t);
	}
	load_colour(L, "warna_terlambat", &c->color_overdue);
	load_colour(L, "warna_jatuh_tempo", &c->color_due);
	load_colour(L, "warna_judul", &c->color_header);
}

/* Reports sections and keys the program does not know (typos). */
static void check_unknown(struct ld *L)
{
	int ns = iniparser_getnsec(L->d);
	for (int i = 0; i < ns; i++) {
		const char *sec = iniparser_getsecname(L->d, i);
		if (sec == NULL)
			continue;
		const struct section *known = NULL;
		for (size_t k = 0; k < N_SECTIONS; k++)
			if (strcmp(sec, sections[k].name) == 0)
				known = &sections[k];
		char *ssec = str_sanitize(sec, 1);
		if (known == NULL) {
			errs_add(L->errs, _("%s: [%s]: bagian tidak dikenal"), L->path, ssec);
			L->bad = 1;
			free(ssec);
			continue;
		}
		int nk = iniparser_getsecnkeys(L->d, sec);
		if (nk > 0) {
			const char **keys = xcalloc((size_t)nk, sizeof *keys);
			iniparser_getseckeys(L->d, sec, keys);
			size_t sl = strlen(sec);
			for (int j = 0; j < nk; j++) {
				const char *key = keys[j];
				if (key == NULL)
					continue;
				if (strncmp(key, sec, sl) == 0 && key[sl] == ':')
					key += sl + 1;
				int ok = 0;
				for (const char *const *kk = known->keys; *kk; kk++)
					if (strcmp(key, *kk) == 0)
						ok = 1;
				if (!ok) {
					char *skey = str_sanitize(key, 1);
					errs_add(L->errs, _("%s: [%s] %s: kunci tidak dikenal"),
						 L->path, ssec, skey);
					free(skey);
					L->bad = 1;
				}
			}
			free(keys);
		}
		free(ssec);
	}
	/* Keys written before any section are stored by iniparser as ":key";
	 * no section lists them, so look at the dictionary itself. */
	for (ssize_t i = 0; i < L->d->size; i++) {
		const char *key = L->d->key[i];
		if (key == NULL || key[0] != ':')
			continue;
		char *skey = str_sanitize(key + 1, 1);
		errs_add(L->errs, _("%s: %s: kunci di luar bagian [...]"), L->path, skey);
		free(skey);
		L->bad = 1;
	}
}

/*
 * Resets *c to the defaults (freeing what it held; it may also be zeroed
 * memory) and applies path over them. Bad values keep their default.
 */
int config_load(const char *path, struct config *c, struct errs *errs)
{
	if (c->office_name != NULL || c->instructions != NULL)
		config_free(c);
	config_defaults(c);
	if (path == NULL)
		return 0;

	FILE *f = fopen(path, "r");
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		errs_add(errs, _("%s: tidak dapat dibuka: %s"), path, strerror(errno));
		return -1;
	}
	fclose(f);

	size_t before = errs->n;
	cb_errs = errs;
	iniparser_set_error_callback(config_ini_error);
	dictionary *d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	cb_errs = NULL;
	if (d == NULL) {
		if (errs->n == before)
			errs_add(errs, _("%s: tidak dapat dibaca"), path);
		return -1;
	}
	c->path = xstrdup(path);

	struct ld L = { d, path, errs, 0 };
	check_unknown(&L);
	load_kantor(&L, c);
	take_text(&L, "cetak", "perintah", &c->print_command);
	load_disposisi(&L, c);
	load_batas(&L, c);
	load_tampilan(&L, c);
	const char *v = get(&L, "jalur", "data_dan_formulir");
	if (v != NULL) {
		char *t = xstrdup(v);
		str_trim(t);
		if (*t == '\0') {
			free(t);
		} else {
			free(c->share_dir);
			c->share_dir = t;
		}
	}
	iniparser_freedict(d);
	return L.bad ? -1 : 0;
}
