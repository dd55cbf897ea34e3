/* refdata.h: code lists shipped in data/<name>.csv (first column code, second label, optional third parent). */
#ifndef BERKAS_REFDATA_H
#define BERKAS_REFDATA_H

#include <stddef.h>

struct refitem {
	char *code;   /* e.g. "000.1.2" */
	char *label;  /* e.g. "Perjalanan Dinas Dalam Negeri" */
	char *parent; /* parent code or NULL */
};

struct reflist {
	char           *name;  /* list name = file stem, e.g. "klasifikasi" */
	struct refitem *items; /* in file order */
	size_t          n;
	size_t         *by_code; /* indexes sorted by code, for lookups */
};

/* Loads data_dir/<name>.csv with libcsv. NULL with *cause naming file and line. */
struct reflist *reflist_load(const char *data_dir, const char *name, char **cause);
void reflist_free(struct reflist *l);
const struct refitem *reflist_find(const struct reflist *l, const char *code);

#endif
