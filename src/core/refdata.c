/* refdata.c: code lists from data/<name>.csv (code, label, optional parent) with lookup by code. */
#include <stdlib.h>
#include <string.h>

#include "refdata.h"
#include "csvio.h"
#include "util.h"

struct rl_load {
	const char     *path;
	struct reflist *l;
	long           *lines; /* line of each item, for messages */
	size_t          cap;
	int             header_seen;
	struct errs     errs;
};

static int rl_row(long line, char **f, size_t n, void *ctx)
{
	struct rl_load *L = ctx;
	if (!L->header_seen) {
		L->header_seen = 1;
		return 0;
	}
	if (n < 2) {
		errs_add(&L->errs, _("%s:%ld: harus paling sedikit 2 kolom (kode,nama), ada %zu"),
			 L->path, line, n);
		return 0;
	}
	char *code = str_trim(f[0]);
	char *label = str_trim(f[1]);
	char *parent = n > 2 ? str_trim(f[2]) : NULL;
	int ok = 1;
	if (*code == '\0') {
		errs_add(&L->errs, _("%s:%ld: kode kosong"), L->path, line);
		ok = 0;
	} else if (str_has_control(code, 0) || !str_utf8_valid(code)) {
		errs_add(&L->errs, _("%s:%ld: kode berisi karakter kendali atau UTF-8 tidak valid"), L->path, line);
		ok = 0;
	}
	if (*label == '\0') {
		errs_add(&L->errs, _("%s:%ld: nama kosong"), L->path, line);
		ok = 0;
	} else if (str_has_control(label, 0) || !str_utf8_valid(label)) {
		errs_add(&L->errs, _("%s:%ld: nama berisi karakter kendali atau UTF-8 tidak valid"), L->path, line);
		ok = 0;
	}
	if (!ok)
		return 0;
	struct reflist *l = L->l;
	if (l->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 64;
		l->items = xreallocarray(l->items, L->cap, sizeof *l->items);
		L->lines = xreallocarray(L->lines, L->cap, sizeof *L->lines);
	}
	l->items[l->n].code = xstrdup(code);
	l->items[l->n].label = xstrdup(label);
	l->items[l->n].parent = parent != NULL && *parent != '\0' ? xstrdup(parent) : NULL;
	L->lines[l->n] = line;
	l->n++;
	return 0;
}

/* qsort has no context argument: the list being sorted is kept here. */
static const struct reflist *sort_list;

static int by_code_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_list->items[x].code, sort_list->items[y].code);
	if (c != 0)
		return c;
	return x < y ? -1 : (x > y);
}

struct reflist *reflist_load(const char *data_dir, const char *name, char **cause)
{
	char *path = xasprintf("%s/%s.csv", data_dir, name);
	struct reflist *l = xcalloc(1, sizeof *l);
	l->name = xstrdup(name);
	struct rl_load L;
	memset(&L, 0, sizeof L);
	L.path = path;
	L.l = l;
	errs_init(&L.errs);

	char *why = NULL;
	if (csv_read_file(path, ',', rl_row, &L, &why) != 0) {
		errs_add(&L.errs, "%s", why);
		free(why);
	} else if (!L.header_seen) {
		errs_add(&L.errs, _("%s:1: berkas kosong, baris judul tidak ada"), path);
	}

	l->by_code = xcalloc(l->n ? l->n : 1, sizeof *l->by_code);
	for (size_t i = 0; i < l->n; i++)
		l->by_code[i] = i;
	sort_list = l;
	if (l->n > 1)
		qsort(l->by_code, l->n, sizeof *l->by_code, by_code_cmp);
	sort_list = NULL;

	/* Duplicates sit next to each other in by_code, in file order. */
	for (size_t i = 1; i < l->n; i++) {
		size_t a = l->by_code[i - 1], b = l->by_code[i];
		if (strcmp(l->items[a].code, l->items[b].code) == 0) {
			char *s = str_sanitize(l->items[b].code, 1);
			errs_add(&L.errs, _("%s:%ld: kode '%s' ganda (sudah ada di baris %ld)"),
				 path, L.lines[b], s, L.lines[a]);
			free(s);
		}
	}
	for (size_t i = 0; i < l->n; i++) {
		const char *p = l->items[i].parent;
		if (p != NULL && reflist_find(l, p) == NULL) {
			char *s = str_sanitize(p, 1);
			errs_add(&L.errs, _("%s:%ld: induk '%s' tidak ada dalam daftar"), path, L.lines[i], s);
			free(s);
		}
	}

	free(L.lines);
	free(path);
	if (L.errs.n > 0) {
		if (cause)
			*cause = errs_join(&L.errs, "\n");
		errs_free(&L.errs);
		reflist_free(l);
		return NULL;
	}
	errs_free(&L.errs);
	return l;
}

void reflist_free(struct reflist *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].code);
		free(l->items[i].label);
		free(l->items[i].parent);
	}
	free(l->items);
	free(l->by_code);
	free(l->name);
	free(l);
}

/* Binary search over by_code; the first item in file order when codes repeat. */
const struct refitem *reflist_find(const struct reflist *l, const char *code)
{
	if (l == NULL || code == NULL)
		return NULL;
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(l->items[l->by_code[mid]].code, code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->n && strcmp(l->items[l->by_code[lo]].code, code) == 0)
		return &l->items[l->by_code[lo]];
	return NULL;
}
