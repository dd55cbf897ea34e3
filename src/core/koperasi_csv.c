/* koperasi_csv.c: CSV import of the cooperative registry (validated, one transaction, all-or-nothing or skip-bad) and its export. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/stat.h>

#include "koperasi.h"
#include "csvio.h"
#include "date.h"
#include "util.h"

#define IMP_PROGRESS_EVERY 1000 /* rows between progress calls */
#define IMP_BYTES_PER_ROW  400  /* for guessing the rows of a file from its size */
#define IMP_PEND           64   /* new rows inserted together (store_koperasi_insert_many) */
#define IMP_IDLE_ROWS      512  /* rows whose events the writer adds while it waits */

/* ---- a small string -> line map for duplicates inside the file ---------------- */

#define KMAP_POOL (64 * 1024) /* bytes per block of keys */

struct kblock {
	struct kblock *prev;
	char           data[];
};

/* One entry: the hash is kept beside the key so that a probe reads one slot. */
struct kslot {
	uint64_t    hash;
	const char *key;   /* NULL: free */
	long        line;
};

struct kmap {
	struct kslot  *slot;
	size_t         cap;  /* power of two */
	size_t         n;
	struct kblock *pool; /* the block keys are copied into, linked to the earlier ones */
	size_t         left; /* bytes free at its end */
};

static unsigned char kmap_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

static uint64_t kmap_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ kmap_fold((unsigned char)*s)) * 1099511628211ULL;
	return h ^ (h >> 29);
}

/* The slot of key (hash h), or the free slot where it belongs. Keys compare
 * ASCII case-insensitively (badan hukum numbers do). */
static struct kslot *kmap_slot(const struct kmap *m, const char *key, uint64_t h)
{
	size_t i = h & (m->cap - 1);
	while (m->slot[i].key != NULL &&
	       (m->slot[i].hash != h || strcasecmp(m->slot[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

/* Line of key, or 0. */
static long kmap_get(const struct kmap *m, const char *key)
{
	if (m->cap == 0)
		return 0;
	const struct kslot *e = kmap_slot(m, key, kmap_hash(key));
	return e->key != NULL ? e->line : 0;
}

/* A copy of key that lives as long as m: keys are packed into blocks. */
static char *kmap_copy(struct kmap *m, const char *key)
{
	size_t len = strlen(key) + 1;
	struct kblock *b;
	if (len > KMAP_POOL / 4) {
		/* a long key gets a block of its own, linked behind the current one */
		b = xmalloc(sizeof *b + len);
		if (m->pool != NULL) {
			b->prev = m->pool->prev;
			m->pool->prev = b;
		} else {
			b->prev = NULL;
			m->pool = b;
			m->left = 0;
		}
		memcpy(b->data, key, len);
		return b->data;
	}
	if (len > m->left) {
		b = xmalloc(sizeof *b + KMAP_POOL);
		b->prev = m->pool;
		m->pool = b;
		m->left = KMAP_POOL;
	}
	char *out = m->pool->data + (KMAP_POOL - m->left);
	memcpy(out, key, len);
	m->left -= len;
	return out;
}

/* Notes key at line unless it is there already. */
static void kmap_put(struct kmap *m, const char *key, long line)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 1024;
		struct kslot *g = xcalloc(cap, sizeof *g);
		for (size_t i = 0; i < m->cap; i++) {
			if (m->slot[i].key == NULL)
				continue;
			size_t j = m->slot[i].hash & (cap - 1);
			while (g[j].key != NULL)
				j = (j + 1) & (cap - 1);
			g[j] = m->slot[i];
		}
		free(m->slot);
		m->slot = g;
		m->cap = cap;
	}
	uint64_t h = kmap_hash(key);
	struct kslot *e = kmap_slot(m, key, h);
	if (e->key != NULL)
		return;
	e->key = kmap_copy(m, key);
	e->hash = h;
	e->line = line;
	m->n++;
}

static void kmap_free(struct kmap *m)
{
	while (m->pool != NULL) {
		struct kblock *prev = m->pool->prev;
		free(m->pool);
		m->pool = prev;
	}
	free(m->slot);
	memset(m, 0, sizeof *m);
}

/* ---- import state ---------------------------------------------------------------- */

#define COL_IGNORE (-1)

/* One import. With the second thread, the reader fills the header fields (and
 * the header's problems, and opens the skip-bad file) before it hands over any
 * row; after that it only reads them, and everything else is the writer's,
 * except nik and bh with parser_keys. */
struct imp {
	struct app                    *a;
	struct kop_ref                *ref;        /* lists and rules (read-only) */
	const struct kop_import_opts  *o;
	struct kop_import_report      *rep;
	const char                    *path;
	const char                    *actor;
	char                          *note;       /* event note: "impor <file>" */
	char                           delim;
	int                            header_done;
	size_t                         ncols;
	char                         **header;     /* as written */
	int                           *col;        /* field of each column, or COL_IGNORE */
	int                            has[KF_COUNT]; /* column index + 1 of each field, 0 = absent */
	struct kmap                    nik, bh;    /* first line of each key in the file */
	int                            parser_keys; /* the parser keeps nik and bh (see imp_prepare) */
	int                            defer;      /* new rows wait in pend (their jobs live on) */
	struct koperasi               *pend[IMP_PEND];
	size_t                         npend;
	int                            idle_work;  /* store_koperasi_bulk_step may have rows to do */
	int                            writing;    /* rows still go to the database */
	int                            lookups;    /* the registry had rows: look for duplicates there */
	struct kop_bulk               *bulk;
	FILE                          *badfp;      /* the skip-bad file */
	struct csvw                    badw;
	long                           bytes;      /* approximate bytes consumed */
	long                           total;      /* file size */
	int                            fatal;      /* stop: database error */
	long                           today;      /* clock_today() when the import began */
	size_t                         pcap;       /* problems allocated */
	struct pipe                   *pipe;       /* the reading thread's queue, or NULL */
	char                          *cause;
	/* the full-text index built on the side (store_koperasi_fts_side_new):
	 * the parser keeps the searched fields of each row that goes in, and a
	 * third thread indexes them while this one builds the table's indexes */
	struct kop_fts_side           *side;
	int                            side_keep;  /* the parser keeps rows (it may give up) */
	struct buf                     side_rows;  /* nama, kelurahan, kecamatan, pengurus, each NUL-ended */
	pthread_t                      side_thread;
	int                            side_live;  /* side_thread runs or awaits its join */
};

static void imp_problem(struct imp *m, long line, const char *column, const char *value,
			const char *reason)
{
	struct kop_import_report *r = m->rep;
	if (r->nproblems == m->pcap) {
		m->pcap = m->pcap ? m->pcap * 2 : 16;
		r->problems = xreallocarray(r->problems, m->pcap, sizeof *r->problems);
	}
	struct kop_problem *p = &r->problems[r->nproblems++];
	p->line = line;
	p->column = xstrdup(column ? column : "");
	p->value = str_sanitize(value ? value : "", 1);
	p->reason = xstrdup(reason);
}

/* Folds a header for matching: trimmed, lower case, runs of space - . / made '_'. */
static char *imp_fold(const char *s)
{
	char *t = xstrdup(s);
	str_trim(t);
	char *o = t;
	int sep = 0;
	for (const char *p = t; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '_') {
			sep = 1;
			continue;
		}
		if (sep && o != t)
			*o++ = '_';
		sep = 0;
		*o++ = (char)tolower(c);
	}
	*o = '\0';
	return t;
}

/* The field a header names: mapping first, then key, then label. -2 unknown. */
static int imp_header_field(const char *h, const char *map, char **maperr)
{
	char *fh = imp_fold(h);
	int found = -2;
	if (map != NULL) {
		char *copy = xstrdup(map);
		for (char *save = NULL, *it = strtok_r(copy, ",", &save); it != NULL && found == -2;
		     it = strtok_r(NULL, ",", &save)) {
			char *eq = strrchr(it, '=');
			if (eq == NULL)
				continue;
			*eq = '\0';
			char *from = imp_fold(it);
			char *to = str_trim(eq + 1);
			if (strcmp(from, fh) == 0) {
				const struct kop_fielddef *f = koperasi_field(to);
				if (strcmp(to, "-") == 0)
					found = COL_IGNORE;
				else if (f != NULL)
					found = (int)f->id;
				else
					*maperr = xasprintf(_("pemetaan '%s=%s': isian '%s' tidak dikenal"),
							    it, to, to);
			}
			free(from);
		}
		free(copy);
	}
	for (size_t i = 0; i < KF_COUNT && found == -2; i++) {
		char *label = imp_fold(koperasi_fields[i].label);
		char *tlabel = imp_fold(_(koperasi_fields[i].label));
		if (strcmp(fh, koperasi_fields[i].key) == 0 || strcmp(fh, label) == 0 ||
		    strcmp(fh, tlabel) == 0)
			found = (int)i;
		free(label);
		free(tlabel);
	}
	/* the columns a file of rejected rows adds */
	if (found == -2 && (strcmp(fh, "baris") == 0 || strcmp(fh, "alasan") == 0))
		found = COL_IGNORE;
	free(fh);
	return found;
}

static int imp_header(struct imp *m, long line, char **f, size_t n)
{
	m->header_done = 1;
	m->ncols = n;
	m->header = xcalloc(n, sizeof *m->header);
	m->col = xcalloc(n, sizeof *m->col);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		m->header[i] = xstrdup(str_trim(f[i]));
		char *maperr = NULL;
		int fid = imp_header_field(m->header[i], m->o->map, &maperr);
		m->col[i] = fid < 0 ? COL_IGNORE : fid;
		if (maperr != NULL) {
			imp_problem(m, line, m->header[i], m->header[i], maperr);
			free(maperr);
			bad = 1;
		} else if (fid == -2) {
			char *safe = str_sanitize(m->header[i], 1);
			char *why = xasprintf(_("kolom '%s' tidak dikenal; petakan dengan '%s=kunci'"
						" atau abaikan dengan '%s=-'"), safe, safe, safe);
			imp_problem(m, line, m->header[i], m->header[i], why);
			free(why);
			free(safe);
			bad = 1;
		} else if (fid >= 0 && m->has[fid]) {
			char *why = xasprintf(_("kolom untuk isian %s ganda (juga kolom %d)"),
					      koperasi_fields[fid].key, m->has[fid]);
			imp_problem(m, line, m->header[i], m->header[i], why);
			free(why);
			bad = 1;
		} else if (fid >= 0) {
			m->has[fid] = (int)i + 1;
		}
	}
	if (!m->has[KF_nama] && !m->o->update) {
		imp_problem(m, line, "nama", "", _("kolom nama tidak ada (wajib, kecuali untuk"
						   " pembaruan)"));
		bad = 1;
	}
	if (!m->has[KF_nik] && !m->has[KF_no_badan_hukum] && m->o->update) {
		imp_problem(m, line, "nik", "", _("pembaruan perlu kolom nik atau no_badan_hukum"));
		bad = 1;
	}
	if (bad) {
		m->cause = xasprintf(_("%s: baris judul salah; tidak ada yang diimpor"), m->path);
		return -1;
	}
	if (m->o->skip_bad != NULL) {
		m->badfp = fopen(m->o->skip_bad, "w");
		if (m->badfp == NULL) {
			m->cause = xasprintf(_("%s: tidak dapat dibuat: %s"), m->o->skip_bad,
					     strerror(errno));
			return -1;
		}
		struct csv_opts co = { m->delim, 0, 0 };
		csvw_init(&m->badw, m->badfp, &co);
		for (size_t i = 0; i < n; i++)
			csvw_field(&m->badw, m->header[i]);
		csvw_field(&m->badw, "baris");
		csvw_field(&m->badw, "alasan");
		csvw_end(&m->badw);
	}
	return 0;
}

/* The column header for a field key in a message ("key" if the file has none). */
static const char *imp_column(const struct imp *m, const char *key, const char **value,
			      char **f, size_t n)
{
	const struct kop_fielddef *d = koperasi_field(key);
	*value = "";
	if (d == NULL || !m->has[d->id])
		return key;
	size_t c = (size_t)m->has[d->id] - 1;
	if (c < n)
		*value = f[c];
	return m->header[c];
}

/* Turns "key: reason" messages of errs into problems of this row. */
static void imp_errs(struct imp *m, long line, const struct errs *e, char **f, size_t n)
{
	for (size_t i = 0; i < e->n; i++) {
		const char *msg = e->msg[i];
		const char *sep = strstr(msg, ": ");
		char *key = sep ? xstrndup(msg, (size_t)(sep - msg)) : xstrdup("");
		const char *value;
		const char *col = imp_column(m, key, &value, f, n);
		imp_problem(m, line, col, value, sep ? sep + 2 : msg);
		free(key);
	}
}

/* Writes a bad row with its reasons to the skip-bad file. */
static void imp_reject(struct imp *m, long line, char **f, size_t n, size_t first_problem)
{
	if (m->badfp == NULL)
		return;
	for (size_t i = 0; i < m->ncols; i++)
		csvw_field(&m->badw, i < n ? f[i] : "");
	char ln[24];
	snprintf(ln, sizeof ln, "%ld", line);
	csvw_field(&m->badw, ln);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = first_problem; i < m->rep->nproblems; i++) {
		const struct kop_problem *p = &m->rep->problems[i];
		if (b.len > 0)
			buf_adds(&b, "; ");
		if (*p->column)
			buf_printf(&b, "%s: ", p->column);
		buf_adds(&b, p->reason);
	}
	csvw_field(&m->badw, b.s);
	csvw_end(&m->badw);
	buf_free(&b);
}

/* A cell as the user meant it: the apostrophe export puts before = + - @ removed. */
static const char *imp_cell(const char *s)
{
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@", s[1]) != NULL)
		return s + 1;
	return s;
}

/* Inserts the rows waiting in pend; 0, or -1 with m->fatal. */
static int imp_flush(struct imp *m)
{
	if (m->npend == 0)
		return 0;
	char *why = NULL;
	int rc = store_koperasi_insert_many(m->a->st, m->pend, m->npend, m->actor, "diimpor",
					    m->note, &why);
	m->npend = 0;
	if (rc != 0) {
		m->fatal = 1;
		m->cause = why;
		return -1;
	}
	m->idle_work = 1;
	return 0;
}

/* Finds the record a row duplicates in the database: 1 (out filled), 0, or -1
 * with a problem recorded (two different records) or m->fatal set. */
static int imp_existing(struct imp *m, long line, const struct koperasi *k, struct koperasi *out,
			char **f, size_t n)
{
	struct store *st = m->a->st;
	struct koperasi a, b;
	koperasi_init(out);
	int ra = k->nik ? store_koperasi_find_nik(st, k->nik, &a) : 0;
	int rb = k->no_badan_hukum ? store_koperasi_find_bh(st, k->no_badan_hukum, &b) : 0;
	int ret = 0;
	if (ra < 0 || rb < 0) {
		m->fatal = 1;
		m->cause = xstrdup(_("basis data: koperasi tidak dapat dibaca"));
		ret = -1;
	} else if (ra == 1 && rb == 1 && strcmp(a.id, b.id) != 0) {
		const char *value;
		const char *col = imp_column(m, "no_badan_hukum", &value, f, n);
		char *why = xasprintf(_("NIK milik %s, nomor badan hukum milik %s: dua koperasi"
					" berbeda"), a.nama, b.nama);
		imp_problem(m, line, col, value, why);
		free(why);
		ret = -1;
	} else if (ra == 1) {
		*out = a;
		koperasi_init(&a);
		ret = 1;
	} else if (rb == 1) {
		*out = b;
		koperasi_init(&b);
		ret = 1;
	}
	if (ra == 1)
		koperasi_clear(&a);
	if (rb == 1)
		koperasi_clear(&b);
	return ret;
}

/* Notes the keys of a row that went in (or was a duplicate of one that did). */
static void imp_keys_put(struct imp *m, const struct koperasi *k, long line)
{
	if (k->nik)
		kmap_put(&m->nik, k->nik, line);
	if (k->no_badan_hukum)
		kmap_put(&m->bh, k->no_badan_hukum, line);
}

/* One data row on its way from the parser to the database. Its two buffers
 * stay with it when a batch of jobs is used again. */
struct job {
	long            line;
	size_t          n;          /* cells */
	char          **cells;      /* one buffer: the pointers, then the text */
	size_t          cells_cap;  /* its bytes */
	long            bytes;      /* size in the file, roughly */
	int             shape_ok;   /* as many cells as the header */
	int             fields_ok;  /* the fields passed koperasi_normalize_block */
	int             check_ok;   /* and so did the row alone (koperasi_check) */
	struct koperasi k;          /* the row normalized: its fields in block, its stamps its own */
	char           *block;
	size_t          block_cap;
	long            dl;         /* with parser_keys: line of an earlier good row with its key */
	struct errs     ef, ec;     /* problems of the fields, of the whole row */
};

/* Frees what one row put in j, keeping its buffers. */
static void imp_job_clear(struct job *j)
{
	free(j->k.created_at);
	free(j->k.created_by);
	free(j->k.updated_at);
	free(j->k.updated_by);
	errs_free(&j->ef);
	errs_free(&j->ec);
}

static void imp_job_free(struct job *j)
{
	imp_job_clear(j);
	free(j->cells);
	free(j->block);
}

/* The parser's half of a row (safe in the parsing thread: it reads only the
 * header mapping and the reference lists). The record is copied whole. j is
 * cleared or new (zeroed). */
static void imp_prepare(struct imp *m, struct job *j, const struct csv_record *r)
{
	size_t n = r->n;
	char **cells = j->cells, *block = j->block;
	size_t cells_cap = j->cells_cap, block_cap = j->block_cap;
	memset(j, 0, sizeof *j);
	size_t need = n * sizeof *cells + r->size;
	if (need > cells_cap) {
		free(cells);
		cells_cap = need < 1024 ? 1024 : need;
		cells = xmalloc(cells_cap);
	}
	j->cells = cells;
	j->cells_cap = cells_cap;
	j->block = block;
	j->block_cap = block_cap;
	j->line = r->line;
	j->n = n;
	j->bytes = (long)r->size + 1;
	char *t = (char *)(j->cells + n);
	memcpy(t, r->text, r->size);
	for (size_t i = 0; i < n; i++)
		j->cells[i] = t + (r->field[i] - r->text);
	errs_init(&j->ef);
	errs_init(&j->ec);
	koperasi_init(&j->k);
	j->shape_ok = n == m->ncols;
	if (!j->shape_ok)
		return;
	struct koperasi raw; /* borrows the cells */
	koperasi_init(&raw);
	for (size_t i = 0; i < n; i++)
		if (m->col[i] >= 0)
			*koperasi_slot(&raw, (enum kop_fid)m->col[i]) = (char *)imp_cell(j->cells[i]);
	int rc = koperasi_normalize_block(m->ref, &raw, m->today, &j->k, &j->block, &j->block_cap,
					  &j->ef, &j->ec);
	j->fields_ok = rc != 1;
	j->check_ok = rc == 0;
	if (m->parser_keys && j->fields_ok) {
		const struct koperasi *k = &j->k;
		j->dl = k->nik ? kmap_get(&m->nik, k->nik) : 0;
		if (j->dl == 0 && k->no_badan_hukum)
			j->dl = kmap_get(&m->bh, k->no_badan_hukum);
		/* imp_apply_row writes or skips exactly the rows that passed */
		if (j->check_ok)
			imp_keys_put(m, k, j->line);
	}
}

/* The database's half of a row: duplicates, then insert or update. Returns 0
 * (written, skipped or only validated), 1 for a bad row (problems recorded),
 * -1 with m->fatal. */
static int imp_apply_row(struct imp *m, struct job *j)
{
	struct kop_import_report *rep = m->rep;
	struct koperasi *k = &j->k, old, merged;
	long line = j->line;
	if (!j->shape_ok) {
		char *why = xasprintf(_("baris memuat %zu kolom, baris judul %zu"), j->n, m->ncols);
		imp_problem(m, line, "", "", why);
		free(why);
		return 1;
	}
	if (!j->fields_ok) {
		imp_errs(m, line, &j->ef, j->cells, j->n);
		return 1;
	}
	long dl = j->dl; /* an earlier row with the same key */
	if (!m->parser_keys) {
		dl = k->nik ? kmap_get(&m->nik, k->nik) : 0;
		if (dl == 0 && k->no_badan_hukum)
			dl = kmap_get(&m->bh, k->no_badan_hukum);
	}
	/* an empty registry holds no duplicates but those of this file, and a
	 * repeat of an earlier row is skipped without looking (update = 0) */
	int look = m->o->update ? (m->lookups || dl > 0) : (m->lookups && dl == 0);
	/* a lookup can find a row still waiting in pend only when an earlier row
	 * of the file has one of its keys: those go in first */
	if (look && dl > 0 && imp_flush(m) != 0)
		return -1;
	int exists = look ? imp_existing(m, line, k, &old, j->cells, j->n) : 0;
	if (exists < 0)
		return m->fatal ? -1 : 1;
	int ok = j->check_ok;
	struct errs e;
	errs_init(&e);
	if (exists && m->o->update) {
		/* the file's columns replace the stored values; the others stay */
		koperasi_copy(&merged, &old);
		for (size_t i = 0; i < KF_COUNT; i++)
			if (m->has[i])
				koperasi_put(&merged, (enum kop_fid)i, koperasi_get(k, (enum kop_fid)i));
		k = &merged;
		ok = koperasi_check(k, &e) == 0;
	} else if (!ok) {
		imp_errs(m, line, &j->ec, j->cells, j->n);
	}
	int ret = 0;
	if (!ok) {
		imp_errs(m, line, &e, j->cells, j->n);
		ret = 1;
	} else if ((exists || dl > 0) && !m->o->update) {
		rep->duplicates++;            /* update nothing */
	} else if (!m->writing || (dl > 0 && !exists)) {
		/* validated only: an earlier row went wrong (all-or-nothing) */
	} else if (exists) {
		int changed = 0;
		char *why = NULL;
		if (store_koperasi_update(m->a->st, k, old.version, m->actor, NULL, &changed,
					  &why) != 0) {
			m->fatal = 1;
			m->cause = why;
			ret = -1;
		} else if (changed) {
			rep->updated++;
		} else {
			rep->unchanged++;
		}
	} else if (m->defer) {
		/* k is the job's, which lives until imp_flush at the end of its batch */
		m->pend[m->npend++] = k;
		rep->inserted++;
		if (m->npend == IMP_PEND && imp_flush(m) != 0)
			ret = -1;
	} else {
		char *why = NULL;
		if (store_koperasi_insert(m->a->st, k, m->actor, "diimpor", m->note, &why) != 0) {
			m->fatal = 1;
			m->cause = why;
			ret = -1;
		} else {
			rep->inserted++;
		}
	}
	if (ret == 0 && !m->parser_keys)
		imp_keys_put(m, k, line);
	errs_free(&e);
	if (exists > 0)
		koperasi_clear(&old);
	if (k == &merged)
		koperasi_clear(&merged);
	return ret;
}

/* Counts a row, reports progress, applies it and files it as bad if it is.
 * 0, or -1 after a fatal error. */
static int imp_apply(struct imp *m, struct job *j)
{
	struct kop_import_report *rep = m->rep;
	rep->rows++;
	m->bytes += j->bytes;
	if (m->o->progress != NULL && rep->rows % IMP_PROGRESS_EVERY == 0 && m->total > 0)
		m->o->progress(m->bytes >= m->total ? 1.0 : (double)m->bytes / (double)m->total,
			       m->o->progress_ctx);
	size_t first_problem = rep->nproblems;
	int r = imp_apply_row(m, j);
	if (r < 0)
		return -1;
	if (r > 0) {
		rep->bad_rows++;
		if (m->badfp != NULL)
			imp_reject(m, j->line, j->cells, j->n, first_problem);
		else
			m->writing = 0;
	}
	return 0;
}

static int imp_is_blank(const struct csv_record *r)
{
	return r->n == 1 && r->len[0] == 0;
}

/* Reading and writing in one thread (small files). */
static int imp_row_inline(struct csv_record *r, void *ctx)
{
	struct imp *m = ctx;
	if (!m->header_done)
		return imp_header(m, r->line, r->field, r->n) != 0;
	if (imp_is_blank(r))
		return 0;
	struct job j;
	memset(&j, 0, sizeof j);
	imp_prepare(m, &j, r);
	int rc = imp_apply(m, &j);
	imp_job_free(&j);
	return rc != 0;
}

/* ---- reading in a second thread (big files) ------------------------------------- */

/*
 * For a big file the parsing and checking of rows runs in a second thread
 * while this one writes: batches of rows pass through a small queue. The
 * parser never touches the database or the report after the header. The
 * writer inserts new rows of a batch 64 at a time (all of them before the
 * batch goes back), and while it waits for a batch it writes the events of
 * rows already in (imp_idle).
 */
#define IMP_BATCH   256
#define IMP_QUEUE   8
#define IMP_THREADED_BYTES (256 * 1024) /* files from this size use the second thread */

struct batch {
	struct job    job[IMP_BATCH];
	size_t        n;
	struct batch *next;  /* in the list of spent batches */
};

struct pipe {
	pthread_mutex_t  mu;
	pthread_cond_t   cv;
	struct batch    *q[IMP_QUEUE];
	size_t           head, len;
	struct batch    *cur;          /* being filled by the parser */
	int              header_state; /* 0 pending, 1 read, -1 bad */
	int              done;         /* the parser has finished */
	int              stop;         /* the writer asks the parser to stop */
	int              rc;           /* csv_read_each's result */
	char            *cause;        /* and its message */
	struct batch    *spent;        /* written batches, for the parser to free and reuse */
};

/* Hands the batch being filled to the writer; 0, or -1 when told to stop. */
static int imp_push(struct imp *m, struct pipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->len == IMP_QUEUE && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	int stop = p->stop;
	if (!stop) {
		p->q[(p->head + p->len) % IMP_QUEUE] = p->cur;
		p->len++;
		p->cur = NULL;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return stop ? -1 : 0;
}

/* Frees a batch and the buffers of all its jobs, used now or earlier. */
static void imp_batch_free(struct batch *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < IMP_BATCH; i++) {
		if (i < b->n)
			imp_job_clear(&b->job[i]);
		free(b->job[i].cells);
		free(b->job[i].block);
	}
	free(b);
}

#define IMP_SIDE_MAX ((size_t)256 << 20) /* bytes of kept fields before the side is given up */

static void imp_side_field(struct buf *b, const char *v)
{
	buf_add(b, v ? v : "", (v ? strlen(v) : 0) + 1);
}

/* Keeps the fields of a row that goes in for the side index (parser thread). */
static void imp_side_keep(struct imp *m, const struct koperasi *k)
{
	if (m->side_rows.len > IMP_SIDE_MAX) {
		m->side_keep = 0; /* bulk_end indexes them itself */
		return;
	}
	imp_side_field(&m->side_rows, k->nama);
	imp_side_field(&m->side_rows, k->kelurahan);
	imp_side_field(&m->side_rows, k->kecamatan);
	imp_side_field(&m->side_rows, k->pengurus);
}

/* The third thread: indexes the kept rows in the side database. */
static void *imp_side_build(void *arg)
{
	struct imp *m = arg;
	const char *t = m->side_rows.s, *end = t + m->side_rows.len;
	struct koperasi k;
	koperasi_init(&k); /* only borrows: never cleared */
	while (t != NULL && t < end) {
		char **f[] = { &k.nama, &k.kelurahan, &k.kecamatan, &k.pengurus };
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			*f[i] = *t ? (char *)t : NULL;
			t += strlen(t) + 1;
		}
		if (store_koperasi_fts_side_add(m->side, &k) != 0)
			break;
	}
	store_koperasi_fts_side_done(m->side);
	return NULL;
}

/* bulk_end's wait for the side index (store_koperasi_bulk_fts_from). */
static struct kop_fts_side *imp_side_wait(void *ctx)
{
	struct imp *m = ctx;
	if (!m->side_live)
		return NULL;
	pthread_join(m->side_thread, NULL);
	m->side_live = 0;
	return m->side;
}

/* Starts indexing the kept rows on the side, if the parser kept them all. */
static void imp_side_start(struct imp *m)
{
	if (m->side == NULL || !m->side_keep)
		return;
	if (pthread_create(&m->side_thread, NULL, imp_side_build, m) != 0)
		return;
	m->side_live = 1;
	store_koperasi_bulk_fts_from(m->bulk, imp_side_wait, m);
}

static int imp_row_parse(struct csv_record *r, void *ctx)
{
	struct imp *m = ctx;
	struct pipe *p = m->pipe;
	if (!m->header_done) {
		int bad = imp_header(m, r->line, r->field, r->n) != 0;
		pthread_mutex_lock(&p->mu);
		p->header_state = bad ? -1 : 1;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		return bad;
	}
	if (imp_is_blank(r))
		return 0;
	if (p->cur == NULL) {
		/* the writer's spent batches are emptied here, off its thread */
		pthread_mutex_lock(&p->mu);
		struct batch *b = p->spent;
		if (b != NULL)
			p->spent = b->next;
		pthread_mutex_unlock(&p->mu);
		if (b != NULL) {
			for (size_t i = 0; i < b->n; i++)
				imp_job_clear(&b->job[i]);
			b->n = 0;
			b->next = NULL;
		}
		p->cur = b != NULL ? b : xcalloc(1, sizeof *p->cur);
	}
	struct job *j = &p->cur->job[p->cur->n++];
	imp_prepare(m, j, r);
	/* with parser_keys a row goes in exactly when it is good and new */
	if (m->side_keep && j->shape_ok && j->check_ok && j->dl == 0)
		imp_side_keep(m, &j->k);
	if (p->cur->n == IMP_BATCH && imp_push(m, p) != 0)
		return 1;
	return 0;
}

static void *imp_parser(void *arg)
{
	struct imp *m = arg;
	struct pipe *p = m->pipe;
	char *why = NULL;
	int rc = csv_read_each(m->path, m->delim, imp_row_parse, m, &why);
	if (p->cur != NULL && p->cur->n > 0 && imp_push(m, p) != 0) {
		imp_batch_free(p->cur);
		p->cur = NULL;
	}
	imp_batch_free(p->cur);
	p->cur = NULL;
	pthread_mutex_lock(&p->mu);
	p->rc = rc;
	p->cause = why;
	p->done = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* The writer's work while the parser has no rows for it: the events of rows
 * already inserted (store_koperasi_bulk_step). Sets m->fatal on an error. */
static void imp_idle(struct imp *m)
{
	char *why = NULL;
	int r = store_koperasi_bulk_step(m->a->st, m->bulk, IMP_IDLE_ROWS, &why);
	if (r <= 0)
		m->idle_work = 0;
	if (r < 0) {
		m->fatal = 1;
		m->cause = why;
	}
}

/* Runs the parser thread and writes what it hands over. Returns csv_read_each's
 * result (with *why) as the one-thread reading does. */
static int imp_run_threaded(struct imp *m, char **why)
{
	struct pipe p;
	memset(&p, 0, sizeof p);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	m->pipe = &p;
	pthread_t t;
	if (pthread_create(&t, NULL, imp_parser, m) != 0) {
		m->pipe = NULL;
		pthread_cond_destroy(&p.cv);
		pthread_mutex_destroy(&p.mu);
		return csv_read_each(m->path, m->delim, imp_row_inline, m, why);
	}
	pthread_mutex_lock(&p.mu);
	while (p.header_state == 0 && !p.done)
		pthread_cond_wait(&p.cv, &p.mu);
	if (p.header_state < 0)
		p.stop = 1;
	m->defer = 1; /* a batch of jobs lives until it is all applied */
	for (;;) {
		while (p.len == 0 && !p.done) {
			if (m->idle_work && !m->fatal) {
				/* nothing to write yet: do some of bulk_end's work now */
				pthread_mutex_unlock(&p.mu);
				imp_idle(m);
				pthread_mutex_lock(&p.mu);
				if (m->fatal && !p.stop) {
					p.stop = 1;
					pthread_cond_broadcast(&p.cv);
				}
				continue;
			}
			pthread_cond_wait(&p.cv, &p.mu);
		}
		if (p.len == 0)
			break;
		struct batch *b = p.q[p.head];
		p.head = (p.head + 1) % IMP_QUEUE;
		p.len--;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		int failed = 0;
		for (size_t i = 0; i < b->n && !m->fatal; i++)
			if (imp_apply(m, &b->job[i]) != 0)
				failed = 1;
		/* the batch goes back to the parser: its rows must be in */
		if (m->fatal)
			m->npend = 0; /* the import fails: they need not */
		else if (imp_flush(m) != 0)
			failed = 1;
		pthread_mutex_lock(&p.mu);
		b->next = p.spent;
		p.spent = b;
		if (failed && !p.stop) {
			p.stop = 1;
			pthread_cond_broadcast(&p.cv);
		}
	}
	pthread_mutex_unlock(&p.mu);
	pthread_join(t, NULL);
	while (p.spent != NULL) {
		struct batch *b = p.spent;
		p.spent = b->next;
		imp_batch_free(b);
	}
	m->header_done = p.header_state != 0;
	m->pipe = NULL;
	m->defer = 0;
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	*why = p.cause;
	return p.rc;
}

/* ',' or ';': whichever appears more often outside quotes in the first line. */
static char imp_guess_delim(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return ',';
	int c, q = 0;
	long commas = 0, semis = 0;
	while ((c = getc(fp)) != EOF) {
		if (c == '"')
			q = !q;
		else if (!q && c == '\n')
			break;
		else if (!q && c == ',')
			commas++;
		else if (!q && c == ';')
			semis++;
	}
	fclose(fp);
	return semis > commas ? ';' : ',';
}

/* Frees the problems of a report and empties it. */
void koperasi_import_report_free(struct kop_import_report *r)
{
	for (size_t i = 0; i < r->nproblems; i++) {
		free(r->problems[i].column);
		free(r->problems[i].value);
		free(r->problems[i].reason);
	}
	free(r->problems);
	memset(r, 0, sizeof *r);
}

/* The first max_problems problems as lines for people; caller frees. */
char *koperasi_import_report_text(const struct kop_import_report *r, size_t max_problems)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < r->nproblems && i < max_problems; i++) {
		const struct kop_problem *p = &r->problems[i];
		buf_printf(&b, _("baris %ld"), p->line);
		if (*p->column)
			buf_printf(&b, _(", kolom %s"), p->column);
		if (*p->value)
			buf_printf(&b, ", '%s'", p->value);
		buf_printf(&b, ": %s\n", p->reason);
	}
	if (r->nproblems > max_problems)
		buf_printf(&b, _("... dan %zu masalah lain\n"), r->nproblems - max_problems);
	return buf_steal(&b);
}

/* Imports a registry CSV in one transaction; 0, or -1 with *cause and the report. */
int koperasi_import(struct app *a, const char *path, const struct kop_import_opts *opts,
		    struct kop_import_report *report, char **cause)
{
	memset(report, 0, sizeof *report);
	struct kop_import_opts none;
	memset(&none, 0, sizeof none);
	struct imp m;
	memset(&m, 0, sizeof m);
	m.a = a;
	m.o = opts ? opts : &none;
	m.rep = report;
	m.path = path;
	m.actor = m.o->actor ? m.o->actor : (a->me.login ? a->me.login : app_login());
	const char *base = strrchr(path, '/');
	m.note = xasprintf("impor %s", base ? base + 1 : path);
	m.delim = m.o->delim ? m.o->delim : imp_guess_delim(path);
	m.writing = 1;
	m.today = clock_today();
	struct stat sb, sk;
	m.total = stat(path, &sb) == 0 ? (long)sb.st_size : 0;
	if (m.o->skip_bad != NULL && m.total > 0 && stat(m.o->skip_bad, &sk) == 0 &&
	    sk.st_dev == sb.st_dev && sk.st_ino == sb.st_ino) {
		*cause = xasprintf(_("%s: berkas baris salah tidak boleh berkas yang diimpor"),
				   m.o->skip_bad);
		free(m.note);
		return -1;
	}

	struct errs e;
	errs_init(&e);
	m.ref = koperasi_ref_load(a->data_dir, &e);
	if (m.ref == NULL) {
		*cause = errs_join(&e, "; ");
		errs_free(&e);
		free(m.note);
		return -1;
	}
	errs_free(&e);
	int ret = -1;
	store_koperasi_bulk_prepare(a->st, m.total / IMP_BYTES_PER_ROW);
	if (store_begin(a->st, cause) != 0)
		goto out;
	if (store_koperasi_bulk_begin(a->st, m.total / IMP_BYTES_PER_ROW,
				      m.o->update ? 0 : KOP_BULK_NO_LOOKUPS, "diimpor", m.note,
				      &m.bulk, cause) != 0) {
		store_rollback(a->st);
		goto out;
	}
	m.lookups = store_koperasi_bulk_existing(m.bulk) > 0;
	/* without lookups in the database or updates, whether a row goes in
	 * depends on the row alone: the parser thread can keep the keys seen */
	m.parser_keys = !m.lookups && !m.o->update;
	int threaded = m.total >= IMP_THREADED_BYTES;
	buf_init(&m.side_rows);
	if (threaded && m.parser_keys) {
		m.side = store_koperasi_fts_side_new(a->st, m.bulk);
		m.side_keep = m.side != NULL;
	}
	char *why = NULL;
	int rc = threaded ? imp_run_threaded(&m, &why)
			  : csv_read_each(path, m.delim, imp_row_inline, &m, &why);
	if (rc == 0 && !m.header_done)
		why = xasprintf(_("%s: berkas kosong"), path);
	if (rc != 0 || why != NULL || m.cause != NULL) {
		store_rollback(a->st);
		*cause = m.cause ? m.cause : why;
		if (m.cause)
			free(why);
		m.cause = NULL;
		report->inserted = report->updated = report->unchanged = 0;
		goto out;
	}
	if (report->bad_rows > 0 && m.badfp == NULL) {
		store_rollback(a->st);
		*cause = xasprintf(_("%s: %ld baris salah; tidak ada yang diimpor"), path,
				   report->bad_rows);
		report->inserted = report->updated = report->unchanged = 0;
		goto out;
	}
	if (m.badfp != NULL && (fflush(m.badfp) != 0 || ferror(m.badfp))) {
		store_rollback(a->st);
		*cause = xasprintf(_("%s: gagal menulis: %s"), opts->skip_bad, strerror(errno));
		report->inserted = report->updated = report->unchanged = 0;
		goto out;
	}
	imp_side_start(&m);
	int built = store_koperasi_bulk_end(a->st, m.bulk, 1, cause);
	m.bulk = NULL;
	if (built != 0) {
		store_rollback(a->st);
		report->inserted = report->updated = report->unchanged = 0;
		goto out;
	}
	if (store_commit(a->st, cause) != 0) {
		report->inserted = report->updated = report->unchanged = 0;
		goto out;
	}
	report->committed = report->inserted + report->updated > 0;
	if (m.o->progress != NULL)
		m.o->progress(1.0, m.o->progress_ctx);
	ret = 0;
out:
	if (m.bulk != NULL) {
		/* the transaction was rolled back, which restored the indexes */
		store_koperasi_bulk_end(a->st, m.bulk, 0, NULL);
	}
	store_koperasi_bulk_finish(a->st);
	imp_side_wait(&m); /* when bulk_end did not get to it */
	store_koperasi_fts_side_free(m.side);
	buf_free(&m.side_rows);
	if (m.badfp != NULL)
		fclose(m.badfp);
	for (size_t i = 0; i < m.ncols; i++)
		free(m.header[i]);
	free(m.header);
	free(m.col);
	kmap_free(&m.nik);
	kmap_free(&m.bh);
	koperasi_ref_free(m.ref);
	free(m.note);
	free(m.cause);
	return ret;
}

/* ---- export ----------------------------------------------------------------------------------- */

struct exp {
	struct csvw *w;
	long         rows;
};

static int exp_row(const struct koperasi *k, void *ctx)
{
	struct exp *x = ctx;
	for (size_t i = 0; i < KF_COUNT; i++) {
		const char *v = koperasi_get(k, (enum kop_fid)i);
		char dmy[11];
		day_t d;
		if (v != NULL && koperasi_fields[i].type == KT_DATE && date_parse_iso(v, &d) == 0) {
			date_fmt_dmy(d, dmy);
			v = dmy;
		}
		csvw_field(x->w, v);
	}
	csvw_end(x->w);
	x->rows++;
	return 0;
}

/* Writes the registry as CSV that koperasi_import reads back unchanged; 0 or -1. */
int koperasi_export(struct app *a, FILE *fp, const struct csv_opts *o, long *rows, char **cause)
{
	struct csvw w;
	csvw_init(&w, fp, o);
	for (size_t i = 0; i < KF_COUNT; i++)
		csvw_field(&w, koperasi_fields[i].key);
	csvw_end(&w);
	struct exp x = { &w, 0 };
	int rc = store_koperasi_each(a->st, exp_row, &x, cause);
	if (rows != NULL)
		*rows = x.rows;
	if (rc != 0)
		return -1;
	if (fflush(fp) != 0 || ferror(fp)) {
		*cause = xasprintf(_("gagal menulis CSV: %s"), strerror(errno));
		return -1;
	}
	return 0;
}
