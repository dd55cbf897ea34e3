/* koperasi.h: the registry of cooperatives: record, validation, grade rules, serving office, store, CSV import/export, demo. */
#ifndef BERKAS_KOPERASI_H
#define BERKAS_KOPERASI_H

#include <stddef.h>
#include <stdio.h>
#include "app.h"
#include "csvio.h"
#include "store.h"
#include "util.h"

/* Position of the registry schema in the store's migration list: the script
 * store_koperasi_schema_sql ends with PRAGMA user_version = this. */
#define KOPERASI_SCHEMA_VERSION 2
/* Migration script creating the registry tables (store_koperasi.c). */
extern const char store_koperasi_schema_sql[];

#define KOPERASI_NIK_DIGITS 16 /* issue 3; see doc note: one NTT sample has 13 */

/* ---- fields ---------------------------------------------------------------- */

/* How a field is checked and stored. */
enum kop_type {
	KT_TEXT,   /* one line, trimmed, inner runs of spaces made one */
	KT_NIK,    /* KOPERASI_NIK_DIGITS digits; spaces, dots and dashes dropped */
	KT_DATE,   /* DD-MM-YYYY in (ISO accepted), ISO stored */
	KT_COUNT,  /* non-negative integer */
	KT_CHOICE, /* fixed code list in C (wilayah_keanggotaan, status) */
	KT_REF,    /* code from data/<list>.csv, matched on code, name or alias */
	KT_NAMES,  /* names separated by ';', stored "a; b" */
	KT_YEARS,  /* years separated by ';' ',' or space, stored sorted "2023;2025" */
	KT_PHONE,  /* digits with + - ( ) . / and spaces; 6..15 digits per number */
	KT_EMAIL   /* local@domain.tld */
};

/*
 * The registry fields in form and CSV order:
 * X(key, type, required, list, label, max characters).
 * key is the field key (CSV header, CLI key=value, column name).
 */
#define KOPERASI_FIELDS(X) \
	X(nik,                  KT_NIK,    0, NULL,             N_("NIK koperasi"),                 16) \
	X(nama,                 KT_TEXT,   1, NULL,             N_("Nama koperasi"),                200) \
	X(no_badan_hukum,       KT_TEXT,   0, NULL,             N_("Nomor badan hukum"),            100) \
	X(tanggal_badan_hukum,  KT_DATE,   0, NULL,             N_("Tanggal badan hukum"),          10) \
	X(no_perubahan_ad,      KT_TEXT,   0, NULL,             N_("Nomor perubahan AD terakhir"),  100) \
	X(tanggal_perubahan_ad, KT_DATE,   0, NULL,             N_("Tanggal perubahan AD terakhir"), 10) \
	X(alamat,               KT_TEXT,   0, NULL,             N_("Alamat"),                       300) \
	X(kelurahan,            KT_TEXT,   0, NULL,             N_("Kelurahan/desa"),               100) \
	X(kecamatan,            KT_TEXT,   0, NULL,             N_("Kecamatan"),                    100) \
	X(kabkota,              KT_REF,    0, "wilayah",        N_("Kabupaten/kota"),               10) \
	X(wilayah_keanggotaan,  KT_CHOICE, 0, NULL,             N_("Wilayah keanggotaan"),          10) \
	X(bentuk,               KT_REF,    0, "kop_bentuk",     N_("Bentuk koperasi"),              100) \
	X(jenis,                KT_REF,    0, "kop_jenis",      N_("Jenis koperasi"),               100) \
	X(kelompok,             KT_REF,    0, "kop_kelompok",   N_("Kelompok koperasi"),            100) \
	X(sektor_usaha,         KT_TEXT,   0, NULL,             N_("Sektor usaha"),                 200) \
	X(skala,                KT_REF,    0, "kop_skala",      N_("Skala usaha"),                  100) \
	X(pengurus,             KT_NAMES,  0, NULL,             N_("Pengurus"),                     2000) \
	X(pengawas,             KT_NAMES,  0, NULL,             N_("Pengawas"),                     2000) \
	X(anggota_pria,         KT_COUNT,  0, NULL,             N_("Anggota pria"),                 9) \
	X(anggota_wanita,       KT_COUNT,  0, NULL,             N_("Anggota wanita"),               9) \
	X(tahun_rat,            KT_YEARS,  0, NULL,             N_("Tahun RAT"),                    500) \
	X(rat_terakhir,         KT_DATE,   0, NULL,             N_("RAT terakhir"),                 10) \
	X(status_nik,           KT_REF,    0, "kop_status_nik", N_("Status NIK"),                   100) \
	X(no_sertifikat,        KT_TEXT,   0, NULL,             N_("Nomor sertifikat NIK"),         100) \
	X(tanggal_sertifikat,   KT_DATE,   0, NULL,             N_("Tanggal sertifikat NIK"),       10) \
	X(sertifikat_berlaku,   KT_DATE,   0, NULL,             N_("Sertifikat berlaku sampai"),    10) \
	X(grade,                KT_REF,    0, "grade_rat",      N_("Grade"),                        10) \
	X(status,               KT_CHOICE, 0, NULL,             N_("Status"),                       20) \
	X(telepon,              KT_PHONE,  0, NULL,             N_("Telepon"),                      100) \
	X(email,                KT_EMAIL,  0, NULL,             N_("Email"),                        200)

#define KOP_X_ENUM(key, type, req, list, label, max) KF_##key,
enum kop_fid { KOPERASI_FIELDS(KOP_X_ENUM) KF_COUNT };
#undef KOP_X_ENUM

/* Description of one field, for forms, CSV headers and messages. */
struct kop_fielddef {
	enum kop_fid  id;
	const char   *key;      /* "nik" */
	enum kop_type type;
	int           required;
	const char   *list;     /* KT_REF: data/<list>.csv, else NULL */
	const char   *label;    /* untranslated; show with _() */
	int           max_len;  /* characters */
};
extern const struct kop_fielddef koperasi_fields[KF_COUNT];
/* The field with this key (ASCII case-insensitive), or NULL. */
const struct kop_fielddef *koperasi_field(const char *key);

/* One cooperative. Every field is text (NULL = empty): raw user input before
 * koperasi_normalize, stored form after it and when read from the store. */
#define KOP_X_MEMBER(key, type, req, list, label, max) char *key;
struct koperasi {
	char  id[37];      /* UUID v4; "" until inserted */
	long  version;     /* bumped on every change; 0 until inserted */
	char *created_at;  /* UTC timestamps and logins, set by the store */
	char *created_by;
	char *updated_at;
	char *updated_by;
	KOPERASI_FIELDS(KOP_X_MEMBER)
};
#undef KOP_X_MEMBER

void   koperasi_init(struct koperasi *k);
void   koperasi_clear(struct koperasi *k);       /* frees all and re-inits */
void   koperasi_copy(struct koperasi *dst, const struct koperasi *src); /* dst is overwritten */
/* The slot of field f in k (for generic code: forms, CSV, SQL binding). */
char **koperasi_slot(struct koperasi *k, enum kop_fid f);
const char *koperasi_get(const struct koperasi *k, enum kop_fid f);
/* Replaces field f with a copy of v (NULL or "" clears). */
void   koperasi_put(struct koperasi *k, enum kop_fid f, const char *v);
/* Sets a field by key ("nik=..." from the CLI); -1 with *cause for an unknown key. */
int    koperasi_set(struct koperasi *k, const char *key, const char *v, char **cause);
/* A stored value as shown to people (dates DD-MM-YYYY, list codes with their
 * names, wilayah/status labels); ref may be NULL (codes only). Caller frees. */
struct kop_ref;
char  *koperasi_display(const struct kop_ref *ref, enum kop_fid f, const char *stored);

/* ---- reference lists and grade rules (data/) --------------------------------- */

struct kop_item {
	char *code;    /* stored value */
	char *name;    /* label shown */
	char *parent;  /* parent code or NULL (wilayah: province of a kab/kota) */
	char *extra;   /* wilayah: BPS code; kop_bentuk: wilayah keanggotaan; or NULL */
};

struct kop_list {
	char            *name;   /* file stem, e.g. "kop_kelompok" */
	struct kop_item *items;  /* in file order */
	size_t           n;
	struct kop_key  *keys;   /* lower-cased code, name and aliases, sorted */
	size_t           nkeys;
};

/* One row of data/grade_rat.csv: the first rule (file order) that matches gives the grade. */
struct kop_grade_rule {
	char *grade;    /* "A" */
	char *name;     /* description */
	int   years;    /* window: the last `years` calendar years up to the current one */
	int   rat_min;  /* distinct years with a RAT inside the window, inclusive */
	int   rat_max;
	int   age_min;  /* current year - founding year, inclusive; -1 = no bound */
	int   age_max;
};

/* Everything validation needs from data/: the lists and the grade rules. */
struct kop_ref {
	struct kop_list        lists[6];  /* wilayah, kop_bentuk, kop_jenis, kop_kelompok, kop_skala, kop_status_nik */
	struct kop_grade_rule *rules;     /* data/grade_rat.csv */
	size_t                 nrules;
	struct kop_list        grades;    /* grade codes from the rules */
};

/* Loads the lists and rules from data_dir. Returns NULL with every problem
 * (file:line: cause) in errs. Free with koperasi_ref_free. */
struct kop_ref *koperasi_ref_load(const char *data_dir, struct errs *errs);
void koperasi_ref_free(struct kop_ref *r);
/* The list a KT_REF field uses, or NULL. */
const struct kop_list *koperasi_ref_list(const struct kop_ref *r, const char *name);
/* Item by code, name or alias (case-insensitive), or NULL; *ambiguous set to 1
 * (when not NULL) if the text names more than one item. */
const struct kop_item *koperasi_list_match(const struct kop_list *l, const char *text,
					   int *ambiguous);
const struct kop_item *koperasi_list_find(const struct kop_list *l, const char *code);

/* ---- validation --------------------------------------------------------------- */

/* Checks k (raw text) and rewrites it into stored form: dates DD-MM-YYYY ->
 * ISO, list values to their codes, NIK digits only, names "a; b", RAT years
 * sorted (the year of rat_terakhir added), status default "aktif". The same
 * rules serve the form, the CLI and the import. Returns 0, or -1 with one
 * message per bad field in errs, each "<key>: <reason>" in Indonesian;
 * on error k is unchanged. */
int koperasi_normalize(const struct kop_ref *r, struct koperasi *k, struct errs *errs);
/* The two halves of koperasi_normalize, for the import. The first checks each
 * non-empty field of in (not modified; its strings may be borrowed) and writes
 * the stored forms into out (always initialised; free with koperasi_clear);
 * 0 or -1. The second checks the record as a whole (required fields, dates not
 * in the future, dates in order, RAT years) and, when all is well, adds the
 * year of rat_terakhir to tahun_rat and the default status; 0 or -1. */
int koperasi_normalize_fields(const struct kop_ref *r, const struct koperasi *in,
			      struct koperasi *out, struct errs *errs);
int koperasi_check(struct koperasi *k, struct errs *errs);
/* Both halves at once for a bulk import, without an allocation per field: the
 * stored strings of out all lie in one buffer, *block of *cap bytes (NULL and
 * 0 the first time; a buffer from an earlier call is used again, and may
 * move, which invalidates the record that call gave). The caller frees *block
 * at the end and never koperasi_clear()s out; out's stamps stay NULL. Dates
 * are checked against today (clock_today(), day_t of date.h). Returns 0 when
 * the record is good; 1 when a field is bad (messages in ef, out incomplete);
 * 2 when the fields are good but the record is not (messages in ec; out holds
 * the stored fields as koperasi_normalize_fields gives them). */
int koperasi_normalize_block(const struct kop_ref *r, const struct koperasi *in, long today,
			     struct koperasi *out, char **block, size_t *cap, struct errs *ef,
			     struct errs *ec);
/* A list limit as typed ("kabkota=Ende", "grade=c1", "wilayah=Provinsi") with
 * the value rewritten into its stored code, for store_koperasi_page. Anything
 * else is returned as it is. Caller frees. */
char *koperasi_limit_normalize(const struct kop_ref *r, const char *limit);

/* ---- grade from the RAT history ------------------------------------------------- */

/* Grade for a cooperative founded in founded_year (0 = unknown) with RATs in
 * the given years, in current_year, by the rules (file order, first match).
 * Returns the grade code (owned by r) or NULL when no rule matches (e.g. a rule
 * needs the age and the founding year is unknown). */
const char *koperasi_grade(const struct kop_ref *r, int founded_year, const int *rat_years,
			   size_t n, int current_year);
/* The same for a stored record: founding year from tanggal_badan_hukum, years
 * from tahun_rat (plus rat_terakhir). */
const char *koperasi_grade_of(const struct kop_ref *r, const struct koperasi *k, int current_year);

/* Records a RAT held on date (DD-MM-YYYY or ISO) on the stored record k, as
 * penerimaan_rat does: its year joins tahun_rat, rat_terakhir moves when the
 * date is newer, and the grade follows the rules in the current year (left as
 * it was when no rule applies). 0, or -1 with "rat_terakhir: ..." in errs. */
int koperasi_record_rat(const struct kop_ref *r, struct koperasi *k, const char *date,
			struct errs *errs);

/* ---- serving office (seed 000: Sertifikat NIK) ------------------------------------ */

enum kop_office {
	KOP_OFFICE_UNKNOWN,   /* wilayah keanggotaan not known */
	KOP_OFFICE_KABKOTA,   /* Dinas of the kab/kota */
	KOP_OFFICE_PROVINSI,  /* Dinas of the province: this office */
	KOP_OFFICE_KEMENTERIAN
};
/* Which office serves a NIK certificate request of k: from wilayah_keanggotaan,
 * or when empty from the wilayah of its bentuk. *msg (when msg != NULL) gets the
 * message for the clerk when the request does not belong to this office
 * (the provincial Dinas), else NULL; caller frees. r may be NULL (no names). */
enum kop_office koperasi_office(const struct kop_ref *r, const struct koperasi *k, char **msg);
const char *koperasi_office_label(enum kop_office o); /* "Dinas kabupaten/kota", ... (translated) */

/* ---- store (store_koperasi.c) --------------------------------------------------------- */

/* Inserts k (normalized). Sets id (when ""), version 1 and the created and
 * updated stamps in k; writes the event "dibuat" (action, e.g. "diimpor", may
 * be NULL for "dibuat"; note goes to the event's new_value). -1 with cause
 * naming the field for a duplicate NIK or badan hukum number. Inside
 * store_begin no savepoint is taken per call (it would make FTS5 flush): a
 * duplicate leaves nothing behind; after any other failure the caller must
 * roll back. store_koperasi_update likewise. */
int  store_koperasi_insert(struct store *st, struct koperasi *k, const char *actor,
			   const char *action, const char *note, char **cause);
/* store_koperasi_insert for n records at once, much cheaper per record in a
 * bulk write (store_koperasi_bulk_begin): sets each id (when "") and version,
 * but not the stamps. 0, or -1 with cause for the first record that could not
 * be inserted (those before it are; the caller rolls back). */
int  store_koperasi_insert_many(struct store *st, struct koperasi *const *k, size_t n,
				const char *actor, const char *action, const char *note,
				char **cause);
/* Replaces the fields of k->id if its version is still expected_version;
 * otherwise -1 with cause "diubah oleh X pada ..." and *current (when not NULL)
 * filled with the stored record. Writes one event per changed field; bumps
 * k->version and the updated stamps. A record with no change is left alone
 * (returns 0, *changed = 0). changed may be NULL. */
int  store_koperasi_update(struct store *st, struct koperasi *k, long expected_version,
			   const char *actor, struct koperasi *current, int *changed, char **cause);
/* 1 found (out filled, free with koperasi_clear), 0 not found, -1 error. */
int  store_koperasi_get(struct store *st, const char *id, struct koperasi *out);
int  store_koperasi_find_nik(struct store *st, const char *nik, struct koperasi *out);
int  store_koperasi_find_bh(struct store *st, const char *no_badan_hukum, struct koperasi *out);
/* Finds by id, NIK or badan hukum number (in that order). 1/0/-1. */
int  store_koperasi_find(struct store *st, const char *what, struct koperasi *out);
/* The registry lists and grade rules the store uses (store_set_data_dir),
 * loaded on first call and owned by the store; NULL with cause (every problem
 * joined) when no data folder is set or the files are bad. */
const struct kop_ref *store_koperasi_ref(struct store *st, char **cause);
/* Calls fn for every cooperative by name; fn returns non-zero to stop. */
int  store_koperasi_each(struct store *st, int (*fn)(const struct koperasi *k, void *ctx),
			 void *ctx, char **cause);
/* Rebuilds the full-text index from the table: needed after rows were changed
 * other than through these functions (e.g. a sync changeset), since the index
 * is kept by this code and not by triggers. */
int  store_koperasi_fts_rebuild(struct store *st, char **cause);
/* Bulk writes (import, demo) inside store_begin: bulk_begin counts the rows
 * already there and enlarges the page cache; when expected_rows is large (also
 * against what is there) it drops the plain indexes, and with
 * KOP_BULK_NO_LOOKUPS on an empty registry the unique ones too: the caller
 * then keeps NIK and badan hukum numbers unique itself and looks nothing up
 * by them until bulk_end. Until bulk_end, rows that store_koperasi_insert
 * adds get their full-text entry and their first event (action, note) only at
 * bulk_end (ok = 1), which also builds the indexes again, before the commit.
 * A rollback undoes everything; call bulk_end with ok = 0 then. One bulk write
 * at a time; b is freed by bulk_end. */
#define KOP_BULK_NO_LOOKUPS 1
struct kop_bulk;
int  store_koperasi_bulk_begin(struct store *st, long expected_rows, int flags,
			       const char *action, const char *note, struct kop_bulk **b,
			       char **cause);
int  store_koperasi_bulk_end(struct store *st, struct kop_bulk *b, int ok, char **cause);
long store_koperasi_bulk_existing(const struct kop_bulk *b); /* rows before bulk_begin */
/* Optional, while waiting for more rows: writes the first events of up to max
 * rows inserted so far, which bulk_end would otherwise write. 1 when it wrote
 * some, 0 when there were none to write, -1 with cause. */
int  store_koperasi_bulk_step(struct store *st, struct kop_bulk *b, long max, char **cause);
/*
 * The full-text index of a bulk write into an empty registry, built on the
 * side by another thread: fts_side_new (this thread, after bulk_begin) makes
 * an in-memory copy of the index's table, or returns NULL when the registry
 * or its index is not empty (or on any error: then bulk_end builds it as
 * usual). The other thread then adds, in insert order, each record the bulk
 * write inserts (fts_side_add; 0, or -1 and the side is given up) and
 * finishes with fts_side_done. bulk_fts_from tells bulk_end to call wait(ctx)
 * once the table's own indexes are built: it returns the side when the other
 * thread has finished with it (or NULL), and bulk_end copies it in when it
 * holds exactly the rows the bulk write inserted, else builds the index
 * itself. The caller frees the side after bulk_end.
 */
struct kop_fts_side;
struct kop_fts_side *store_koperasi_fts_side_new(struct store *st, const struct kop_bulk *b);
int  store_koperasi_fts_side_add(struct kop_fts_side *side, const struct koperasi *k);
void store_koperasi_fts_side_done(struct kop_fts_side *side);
void store_koperasi_fts_side_free(struct kop_fts_side *side);
void store_koperasi_bulk_fts_from(struct kop_bulk *b, struct kop_fts_side *(*wait)(void *ctx),
				  void *ctx);
/* Optional, around the transaction of a bulk write of expected_rows (before
 * store_begin; finish after its commit or rollback). When the write is large
 * and no other connection has the database open, prepare switches it from
 * WAL to a rollback journal with full sync, so that the new pages are written
 * once into the database file instead of into the WAL and again at the
 * checkpoint, and turns foreign-key checks off (the events a bulk write adds
 * refer to its own rows); returns 1 then, else 0 and changes nothing. Others
 * starting meanwhile wait for the commit (busy timeout). finish puts back WAL
 * and the settings. */
int  store_koperasi_bulk_prepare(struct store *st, long expected_rows);
void store_koperasi_bulk_finish(struct store *st);
/* History of a cooperative, oldest first; free with events_free. */
int  store_koperasi_events(struct store *st, const char *id, struct event **out, size_t *n);

/* List pages, as store_list_page. */
enum kop_sort { KSORT_NAMA, KSORT_RAT, KSORT_DIUBAH, KSORT_COUNT };

struct kop_query {
	const char   *search;  /* words (FTS5 over nama, kelurahan, kecamatan, pengurus; the last
			        * word a prefix), or the start of a NIK, or part of a badan
			        * hukum number; NULL */
	const char   *limit;   /* "key=value" on kabkota, wilayah, bentuk, jenis, kelompok, skala,
			        * grade, status, status_nik; or text matched in nama and badan hukum; NULL */
	enum kop_sort sort;
	int           reverse; /* 0: natural order (nama A-Z; rat, diubah newest first) */
};

struct kop_row {
	long  rowid;        /* keyset key, with sortval */
	char  id[37];
	char *nik;
	char *nama;
	char *no_badan_hukum;
	char *kabkota;      /* code */
	char *jenis;
	char *kelompok;
	char *grade;
	char *status;
	char *rat_terakhir; /* ISO */
	char *sortval;      /* the sort key's value, for keyset paging */
};
void kop_rows_free(struct kop_row *rows, size_t n);

/* One page of n rows after (backwards = 1: before) row `from` (NULL: from the
 * start, or from the end when backwards), in display order. -1 with cause for
 * a bad limit or search. */
int  store_koperasi_page(struct store *st, const struct kop_query *q, const struct kop_row *from,
			 int backwards, int n, struct kop_row **rows, size_t *nrows, char **cause);
/* Rows matching q (NULL: all); -1 with cause on error. */
long store_koperasi_count(struct store *st, const struct kop_query *q, char **cause);
const char *kop_sort_label(enum kop_sort s); /* "nama", "RAT terakhir", "diubah" */

/* ---- CSV import and export (koperasi_csv.c) -------------------------------------------- */

struct kop_import_opts {
	char        delim;     /* ',' or ';'; 0 = guess from the header line */
	const char *map;       /* "header=key,header2=key2"; key "-" ignores the column; NULL */
	int         update;    /* 1: a row whose NIK or badan hukum number exists updates it */
	const char *skip_bad;  /* NULL: all-or-nothing; else import good rows, bad ones to this file */
	const char *actor;     /* login written in the events */
	void      (*progress)(double done, void *ctx); /* 0..1, or NULL */
	void       *progress_ctx;
};

/* One problem of one row. */
struct kop_problem {
	long  line;    /* line where the row starts in the file (header is line 1) */
	char *column;  /* header as written in the file, or "" for the whole row */
	char *value;   /* the cell as read */
	char *reason;  /* Indonesian text without the key */
};

struct kop_import_report {
	long                rows;      /* data rows read */
	long                inserted;
	long                updated;
	long                unchanged; /* duplicates with update = 1 and nothing new */
	long                duplicates;/* duplicates skipped (update = 0) */
	long                bad_rows;  /* rows with at least one problem */
	struct kop_problem *problems;  /* every problem, in file order */
	size_t              nproblems;
	int                 committed; /* 1 if anything was written to the database */
};
void koperasi_import_report_free(struct kop_import_report *r);
/* Lines of the report for people ("baris 17, kolom nik, '123': NIK harus ...").
 * Caller frees. */
char *koperasi_import_report_text(const struct kop_import_report *r, size_t max_problems);

/* Imports the CSV at path in one transaction (see struct kop_import_opts).
 * Header problems (unknown or repeated column) return -1 with cause and import
 * nothing. Bad rows: all-or-nothing returns -1 with cause "N baris salah; tidak
 * ada yang diimpor" and every problem in report; with skip_bad the good rows
 * are imported, the bad ones written with columns baris and alasan, and 0 is
 * returned. */
int  koperasi_import(struct app *a, const char *path, const struct kop_import_opts *opts,
		     struct kop_import_report *report, char **cause);
/* Writes every cooperative as CSV (header of field keys, dates DD-MM-YYYY) that
 * koperasi_import reads back unchanged. *rows (when not NULL) gets the count. */
int  koperasi_export(struct app *a, FILE *fp, const struct csv_opts *o, long *rows, char **cause);

/* ---- demo ---------------------------------------------------------------------------------- */

/* Adds n realistic NTT cooperatives (KSP Kopdit, KUD, KPRI, ... in the real
 * kab/kota), deterministic for a seed, in one transaction. */
int  koperasi_demo(struct app *a, long n, unsigned seed,
		   void (*progress)(double done, void *ctx), void *ctx, char **cause);

#endif
