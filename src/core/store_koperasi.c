/* store_koperasi.c: the cooperative registry in the store: schema, insert and update with events, lookups, keyset list pages. */
#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koperasi.h"
#include "store_int.h"
#include "date.h"

#define KOP_BULK_MIN 2000 /* rows from which a bulk write rebuilds the plain indexes */

#define KOP_STR2(x) #x
#define KOP_STR(x) KOP_STR2(x)

/*
 * Migration to KOPERASI_SCHEMA_VERSION: the registry, its full-text index and
 * its append-only history. Listed in store.c's migrations; never edit it once
 * released, append a new script instead.
 */
const char store_koperasi_schema_sql[] =
	"CREATE TABLE koperasi(\n"
	"  id                   TEXT PRIMARY KEY NOT NULL,\n"
	"  nik                  TEXT CHECK (nik IS NULL OR (length(nik) = "
	KOP_STR(KOPERASI_NIK_DIGITS) " AND nik NOT GLOB '*[^0-9]*')),\n"
	"  nama                 TEXT NOT NULL COLLATE NOCASE,\n"
	"  no_badan_hukum       TEXT COLLATE NOCASE,\n"
	"  tanggal_badan_hukum  TEXT,\n"
	"  no_perubahan_ad      TEXT,\n"
	"  tanggal_perubahan_ad TEXT,\n"
	"  alamat               TEXT,\n"
	"  kelurahan            TEXT,\n"
	"  kecamatan            TEXT,\n"
	"  kabkota              TEXT,\n"
	/* CHECKs compare with = ... OR: an IN list builds a temporary b-tree on
	 * every insert (a third of the cost of a bulk import) */
	"  wilayah_keanggotaan  TEXT CHECK (wilayah_keanggotaan = 'kabkota'"
	" OR wilayah_keanggotaan = 'provinsi' OR wilayah_keanggotaan = 'nasional'),\n"
	"  bentuk               TEXT,\n"
	"  jenis                TEXT,\n"
	"  kelompok             TEXT,\n"
	"  sektor_usaha         TEXT,\n"
	"  skala                TEXT,\n"
	"  pengurus             TEXT,\n"
	"  pengawas             TEXT,\n"
	"  anggota_pria         INTEGER CHECK (anggota_pria >= 0),\n"
	"  anggota_wanita       INTEGER CHECK (anggota_wanita >= 0),\n"
	"  tahun_rat            TEXT,\n"
	"  rat_terakhir         TEXT,\n"
	"  status_nik           TEXT,\n"
	"  no_sertifikat        TEXT,\n"
	"  tanggal_sertifikat   TEXT,\n"
	"  sertifikat_berlaku   TEXT,\n"
	"  grade                TEXT,\n"
	"  status               TEXT NOT NULL DEFAULT 'aktif'"
	" CHECK (status = 'aktif' OR status = 'tidak_aktif'),\n"
	"  telepon              TEXT,\n"
	"  email                TEXT,\n"
	"  version              INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at           TEXT NOT NULL,\n"
	"  created_by           TEXT NOT NULL,\n"
	"  updated_at           TEXT NOT NULL,\n"
	"  updated_by           TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE UNIQUE INDEX koperasi_nik ON koperasi(nik) WHERE nik IS NOT NULL;\n"
	"CREATE UNIQUE INDEX koperasi_bh ON koperasi(no_badan_hukum)"
	" WHERE no_badan_hukum IS NOT NULL;\n"
	/* one index per list sort; the expressions must match kop_page_sql
	 * (schema v4 in store.c puts koperasi_nama on lower(nama)) */
	"CREATE INDEX koperasi_nama ON koperasi(nama);\n"
	"CREATE INDEX koperasi_rat ON koperasi(coalesce(rat_terakhir, ''));\n"
	"CREATE INDEX koperasi_updated ON koperasi(updated_at);\n"
	/* kept by store_koperasi.c, not by triggers: an FTS5 write in a trigger makes
	 * every statement a savepoint, and FTS5 flushes its buffer at each one */
	"CREATE VIRTUAL TABLE koperasi_fts USING fts5(nama, kelurahan, kecamatan, pengurus,"
	" content = 'koperasi', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');\n"
	/* the history of each cooperative: append-only, like the case event log */
	"CREATE TABLE koperasi_event(\n"
	"  id          TEXT PRIMARY KEY NOT NULL,\n"
	"  koperasi_id TEXT NOT NULL REFERENCES koperasi(id),\n"
	"  at          TEXT NOT NULL,\n"
	"  actor       TEXT NOT NULL,\n"
	"  on_behalf   TEXT,\n"
	"  action      TEXT NOT NULL,\n"
	"  field       TEXT,\n"
	"  old_value   TEXT,\n"
	"  new_value   TEXT\n"
	") STRICT;\n"
	"CREATE INDEX koperasi_event_kop ON koperasi_event(koperasi_id, at);\n"
	"CREATE TRIGGER koperasi_event_no_update BEFORE UPDATE ON koperasi_event BEGIN\n"
	"  SELECT RAISE(ABORT, 'event log is append-only');\n"
	"END;\n"
	"CREATE TRIGGER koperasi_event_no_delete BEFORE DELETE ON koperasi_event BEGIN\n"
	"  SELECT RAISE(ABORT, 'event log is append-only');\n"
	"END;\n"
	"PRAGMA user_version = " KOP_STR(KOPERASI_SCHEMA_VERSION) ";\n";

/* ---- statements ---------------------------------------------------------------------- */

#define KOP_X_COL(key, type, req, list, label, max) #key ", "
#define KOP_X_PARAM(key, type, req, list, label, max) ":" #key ", "
#define KOP_X_SET(key, type, req, list, label, max) #key " = :" #key ", "

/* Columns of a full record: the fields in enum order, then these. */
#define KOP_COLS KOPERASI_FIELDS(KOP_X_COL) "id, version, created_at, created_by, updated_at, updated_by"
#define KOP_COL_ID      (KF_COUNT)
#define KOP_COL_VERSION (KF_COUNT + 1)

static const char SQL_INSERT[] =
	"INSERT INTO koperasi(" KOPERASI_FIELDS(KOP_X_COL)
	"id, version, created_at, created_by, updated_at, updated_by) VALUES ("
	KOPERASI_FIELDS(KOP_X_PARAM) ":id, 1, :now, :actor, :now, :actor)";
/* 64 or 16 rows in one statement (store_koperasi_insert_many): each row's
 * parameters are the fields, then id, now, actor, now, actor. */
#define KOP_X_Q(key, type, req, list, label, max) "?, "
#define KOP_ROW_Q    "(" KOPERASI_FIELDS(KOP_X_Q) "?, 1, ?, ?, ?, ?)"
#define KOP_ROW_NP   (KF_COUNT + 5)
#define KOP_ROWS_2   KOP_ROW_Q ", " KOP_ROW_Q
#define KOP_ROWS_4   KOP_ROWS_2 ", " KOP_ROWS_2
#define KOP_ROWS_8   KOP_ROWS_4 ", " KOP_ROWS_4
#define KOP_ROWS_16  KOP_ROWS_8 ", " KOP_ROWS_8
#define KOP_ROWS_32  KOP_ROWS_16 ", " KOP_ROWS_16
#define KOP_ROWS_64  KOP_ROWS_32 ", " KOP_ROWS_32
#define KOP_INSERT_INTO "INSERT INTO koperasi(" KOPERASI_FIELDS(KOP_X_COL) \
	"id, version, created_at, created_by, updated_at, updated_by) VALUES "
static const char SQL_INSERT_64[] = KOP_INSERT_INTO KOP_ROWS_64;
static const char SQL_INSERT_16[] = KOP_INSERT_INTO KOP_ROWS_16;
static const char SQL_UPDATE[] =
	"UPDATE koperasi SET " KOPERASI_FIELDS(KOP_X_SET)
	"version = version + 1, updated_at = :now, updated_by = :actor"
	" WHERE id = :id AND version = :version";
static const char SQL_GET[] = "SELECT " KOP_COLS " FROM koperasi WHERE id = :id";
static const char SQL_BY_NIK[] = "SELECT " KOP_COLS " FROM koperasi WHERE nik = :nik";
static const char SQL_BY_BH[] =
	"SELECT " KOP_COLS " FROM koperasi WHERE no_badan_hukum = :bh";
/* lower(nama): the index of schema v4 (the order of the column's NOCASE) */
static const char SQL_EACH[] =
	"SELECT " KOP_COLS " FROM koperasi ORDER BY lower(nama), rowid";
static const char SQL_VERSION[] =
	"SELECT version, updated_by, updated_at FROM koperasi WHERE id = :id";
static const char SQL_EVENT_INSERT[] =
	"INSERT INTO koperasi_event(id, koperasi_id, at, actor, on_behalf, action, field,"
	" old_value, new_value) VALUES (:id, :kid, :at, :actor, NULL, :action, :field, :old, :new)";
static const char SQL_ROWID[] = "SELECT rowid FROM koperasi WHERE id = :id";
static const char SQL_FTS_INSERT[] =
	"INSERT INTO koperasi_fts(rowid, nama, kelurahan, kecamatan, pengurus)"
	" VALUES (:rowid, :nama, :kelurahan, :kecamatan, :pengurus)";
static const char SQL_FTS_DELETE[] =
	"INSERT INTO koperasi_fts(koperasi_fts, rowid, nama, kelurahan, kecamatan, pengurus)"
	" VALUES ('delete', :rowid, :nama, :kelurahan, :kecamatan, :pengurus)";
static const char SQL_FTS_REBUILD[] = "INSERT INTO koperasi_fts(koperasi_fts) VALUES ('rebuild')";
static const char SQL_EVENTS[] =
	"SELECT at, actor, on_behalf, action, field, old_value, new_value FROM koperasi_event"
	" WHERE koperasi_id = :kid"
	/* a bulk write logs the creation last: within one second it still comes first */
	" ORDER BY at, action NOT IN ('dibuat', 'diimpor'), rowid";

/* ---- binding and reading ---------------------------------------------------------------- */

/* Binds the fields of k to parameters base + 1 .. base + KF_COUNT. */
static void kop_bind_at(sqlite3_stmt *s, int base, const struct koperasi *k)
{
	for (int i = 0; i < KF_COUNT; i++) {
		const struct kop_fielddef *f = &koperasi_fields[i];
		const char *v = koperasi_get(k, f->id);
		if (v == NULL)
			sqlite3_bind_null(s, base + i + 1);
		else if (f->type == KT_COUNT)
			sqlite3_bind_int64(s, base + i + 1, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(s, base + i + 1, v, -1, SQLITE_STATIC); /* k outlives the step */
	}
}

/* Binds the fields of k to :nik ... :email, which are parameters 1..KF_COUNT
 * of SQL_INSERT and SQL_UPDATE (the X-macro puts them first, in enum order). */
static void kop_bind_fields(sqlite3_stmt *s, const struct koperasi *k)
{
	/* the first use of each statement checks the order once */
	static sqlite3_stmt *checked[2];
	if (s != checked[0] && s != checked[1]) {
		for (int i = 0; i < KF_COUNT; i++)
			assert(strcmp(sqlite3_bind_parameter_name(s, i + 1) + 1,
				      koperasi_fields[i].key) == 0);
		checked[checked[0] != NULL] = s;
	}
	kop_bind_at(s, 0, k);
}

static void kop_read(sqlite3_stmt *s, struct koperasi *k)
{
	koperasi_init(k);
	for (size_t i = 0; i < KF_COUNT; i++)
		*koperasi_slot(k, (enum kop_fid)i) = store_col_text(s, (int)i);
	store_col_id(s, KOP_COL_ID, k->id);
	k->version = (long)sqlite3_column_int64(s, KOP_COL_VERSION);
	k->created_at = store_col_text(s, KOP_COL_VERSION + 1);
	k->created_by = store_col_text(s, KOP_COL_VERSION + 2);
	k->updated_at = store_col_text(s, KOP_COL_VERSION + 3);
	k->updated_by = store_col_text(s, KOP_COL_VERSION + 4);
}

/* Runs a one-row lookup bound by the caller: 1 found, 0 not, -1 error. */
static int kop_one(struct store *st, sqlite3_stmt *s, struct koperasi *out)
{
	koperasi_init(out);
	int rc = store_step(st, s, NULL);
	if (rc == SQLITE_ROW) {
		kop_read(s, out);
		store_reset(s);
		return 1;
	}
	if (rc == SQLITE_DONE) {
		store_reset(s);
		return 0;
	}
	return -1;
}

/* Reads the cooperative with this id: 1 found (caller clears out), 0 not, -1 error. */
int store_koperasi_get(struct store *st, const char *id, struct koperasi *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_GET);
	store_bind_text(s, ":id", id);
	return kop_one(st, s, out);
}

/* Reads the cooperative with this NIK: 1/0/-1 as store_koperasi_get. */
int store_koperasi_find_nik(struct store *st, const char *nik, struct koperasi *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_BY_NIK);
	store_bind_text(s, ":nik", nik);
	return kop_one(st, s, out);
}

/* Reads the cooperative with this badan hukum number (any case): 1/0/-1. */
int store_koperasi_find_bh(struct store *st, const char *no_badan_hukum, struct koperasi *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_BY_BH);
	store_bind_text(s, ":bh", no_badan_hukum);
	return kop_one(st, s, out);
}

/* Reads by id, NIK (spaces and dots allowed) or badan hukum number: 1/0/-1. */
int store_koperasi_find(struct store *st, const char *what, struct koperasi *out)
{
	koperasi_init(out);
	if (what == NULL || *what == '\0')
		return 0;
	int r = store_koperasi_get(st, what, out);
	if (r != 0)
		return r;
	/* a NIK as typed, possibly with spaces or dots */
	char digits[64];
	size_t n = 0;
	int only = 1;
	for (const char *p = what; *p && n + 1 < sizeof digits; p++) {
		if (isdigit((unsigned char)*p))
			digits[n++] = *p;
		else if (*p != ' ' && *p != '.' && *p != '-')
			only = 0;
	}
	digits[n] = '\0';
	if (only && n == KOPERASI_NIK_DIGITS) {
		r = store_koperasi_find_nik(st, digits, out);
		if (r != 0)
			return r;
	}
	return store_koperasi_find_bh(st, what, out);
}

/* ---- bulk writes ------------------------------------------------------------------------------ */

static const char SQL_COUNT_ALL[] = "SELECT count(*), coalesce(max(rowid), 0) FROM koperasi";
static const char SQL_CACHE_GET[] = "PRAGMA cache_size";
static const char SQL_CACHE_BIG[] = "PRAGMA cache_size = -131072"; /* 128 MiB */
/* the indexes of the registry as the database has them (the primary key's has
 * no sql); the unique ones only when :unique is 1 */
static const char SQL_BULK_INDEXES[] =
	"SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'koperasi'"
	" AND sql IS NOT NULL AND (:unique OR sql NOT LIKE 'CREATE UNIQUE%') ORDER BY name";
/* what store_koperasi_insert leaves to the end of a bulk write */
static const char SQL_BULK_FTS[] =
	"INSERT INTO koperasi_fts(rowid, nama, kelurahan, kecamatan, pengurus)"
	" SELECT rowid, nama, kelurahan, kecamatan, pengurus FROM koperasi WHERE rowid > :after";
static const char SQL_BULK_EVENTS[] =
	"INSERT INTO koperasi_event(id, koperasi_id, at, actor, on_behalf, action, field,"
	" old_value, new_value) SELECT berkas_koperasi_id(), id, created_at, created_by, NULL,"
	" :action, NULL, NULL, :note FROM koperasi WHERE rowid > :after AND rowid <= :upto"
	" ORDER BY rowid";
/* FTS5's automerge setting (absent: its default, 4) */
#define KOP_FTS_AUTOMERGE 4
static const char SQL_FTS_MERGE_GET[] =
	"SELECT v FROM koperasi_fts_config WHERE k = 'automerge'";
static const char SQL_FTS_MERGE_OFF[] =
	"INSERT INTO koperasi_fts(koperasi_fts, rank) VALUES ('automerge', 0)";
static const char SQL_FTS_MERGE_SET[] =
	"INSERT INTO koperasi_fts(koperasi_fts, rank) VALUES ('automerge', :n)";
static const char SQL_BULK_LAST[] = "SELECT coalesce(max(rowid), 0) FROM koperasi";

struct kop_bulk {
	struct store *st;
	long          existing;   /* rows before the bulk write */
	long long     after;      /* largest rowid before: newer rows are this write's */
	long long     events;     /* rows up to this rowid have their first event (bulk_step) */
	long          cache_size; /* PRAGMA cache_size to restore */
	char         *action;     /* event of each new row */
	char         *note;
	char        **sql;        /* CREATE INDEX of each index dropped */
	size_t        n;
	struct kop_fts_side *(*fts_wait)(void *ctx); /* the side index (bulk_fts_from) */
	void         *fts_ctx;
};

/* The bulk write in progress (one at a time: it lives inside one transaction). */
static struct kop_bulk *kop_bulk_now;

/* 1 if the row at rowid was inserted by the bulk write in progress on st: its
 * full-text entry and first event come at the end. */
static int kop_bulk_row(const struct store *st, long long rowid)
{
	return kop_bulk_now != NULL && kop_bulk_now->st == st && rowid > kop_bulk_now->after;
}

/* SQL berkas_koperasi_id(): a new id from the store (user data). */
static void kop_id_sql(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	char id[37];
	store_uuid(sqlite3_user_data(c), id);
	sqlite3_result_text(c, id, -1, SQLITE_TRANSIENT);
}

/* Rows the registry held when the bulk write began. */
long store_koperasi_bulk_existing(const struct kop_bulk *b)
{
	return b->existing;
}

/* Starts a bulk write inside the caller's transaction; 0, or -1 with *cause. */
int store_koperasi_bulk_begin(struct store *st, long expected_rows, int flags, const char *action,
			      const char *note, struct kop_bulk **out, char **cause)
{
	*out = NULL;
	if (sqlite3_get_autocommit(st->db) || kop_bulk_now != NULL) {
		*cause = xstrdup(_("penulisan massal harus di dalam satu transaksi"));
		return -1;
	}
	struct kop_bulk *b = xcalloc(1, sizeof *b);
	b->st = st;
	b->action = xstrdup(action ? action : "dibuat");
	b->note = xstrdup(note);
	b->cache_size = -2000;
	int cache_set = 0;
	if (sqlite3_create_function(st->db, "berkas_koperasi_id", 0, SQLITE_UTF8, st,
				    kop_id_sql, NULL, NULL) != SQLITE_OK) {
		store_db_cause(st, cause);
		goto fail;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_COUNT_ALL);
	if (store_step(st, s, cause) != SQLITE_ROW)
		goto fail;
	b->existing = (long)sqlite3_column_int64(s, 0);
	b->after = sqlite3_column_int64(s, 1);
	b->events = b->after;
	store_reset(s);
	s = store_stmt(st, SQL_CACHE_GET);
	if (store_step(st, s, cause) != SQLITE_ROW)
		goto fail;
	b->cache_size = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	if (store_run(st, store_stmt(st, SQL_CACHE_BIG), cause) != 0)
		goto fail;
	cache_set = 1;
	if (expected_rows >= KOP_BULK_MIN && expected_rows >= b->existing / 2) {
		/* building an index once at the end is several times cheaper than
		 * putting each key at a random place; a rollback undoes the drop */
		size_t cap = 0;
		char **names = NULL;
		s = store_stmt(st, SQL_BULK_INDEXES);
		/* an empty registry filled by a caller that keeps the keys unique
		 * itself needs no unique index until the end either */
		store_bind_int(s, ":unique", (flags & KOP_BULK_NO_LOOKUPS) && b->existing == 0);
		int rc;
		while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
			if (b->n == cap) {
				cap = cap ? cap * 2 : 8;
				b->sql = xreallocarray(b->sql, cap, sizeof *b->sql);
				names = xreallocarray(names, cap, sizeof *names);
			}
			names[b->n] = store_col_text(s, 0);
			b->sql[b->n++] = store_col_text(s, 1);
		}
		if (rc == SQLITE_DONE)
			store_reset(s);
		for (size_t i = 0; i < b->n && rc == SQLITE_DONE; i++) {
			/* DDL takes no parameters; %w quotes the name read from the schema */
			char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
			if (sqlite3_exec(st->db, drop, NULL, NULL, NULL) != SQLITE_OK) {
				store_db_cause(st, cause);
				rc = SQLITE_ERROR;
			}
			sqlite3_free(drop);
		}
		for (size_t i = 0; i < b->n; i++)
			free(names[i]);
		free(names);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	kop_bulk_now = b;
	*out = b;
	return 0;
fail:
	if (!cache_set)
		b->cache_size = 0; /* nothing to restore */
	kop_bulk_now = b;
	store_koperasi_bulk_end(st, b, 0, NULL);
	return -1;
}

/*
 * Writing a big bulk write straight into the database file. In WAL mode every
 * page is written twice: into the WAL at the commit and again into the file
 * at the checkpoint that follows (for 100,000 cooperatives that is 100 MB of
 * each, a third of the import). A rollback journal writes the new pages once,
 * and journals only the few pages that existed before. SQLite lets a
 * connection leave WAL mode only when no other has the database open, so this
 * is tried without waiting and otherwise the write goes through the WAL.
 */
static const char SQL_DIRECT_JOURNAL[] = "PRAGMA journal_mode = DELETE";
static const char SQL_DIRECT_WAL[] = "PRAGMA journal_mode = WAL";
static const char SQL_BUSY_GET[] = "PRAGMA busy_timeout";
static const char SQL_SYNC_GET[] = "PRAGMA synchronous";
static const char SQL_FK_GET[] = "PRAGMA foreign_keys";
static const char SQL_TEMP_GET[] = "PRAGMA temp_store";

/* The settings store_koperasi_bulk_prepare changed (one bulk write at a time). */
static struct {
	struct store *st;   /* NULL when nothing is changed */
	long          busy; /* PRAGMA busy_timeout, synchronous and foreign_keys to restore */
	long          sync;
	long          fk;
} kop_direct;

/* Runs a one-row PRAGMA or query (static text): its number, or -1. */
static long kop_pragma(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	long v = -1;
	if (store_step(st, s, NULL) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	return v;
}

/* Runs "PRAGMA journal_mode = ..." (static text): 1 if the mode is now want. */
static int kop_journal(struct store *st, const char *sql, const char *want)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int ok = 0;
	if (store_step(st, s, NULL) == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(s, 0);
		ok = mode != NULL && strcmp(mode, want) == 0;
	}
	store_reset(s);
	return ok;
}

/* Sets an integer PRAGMA; the name is static text, the value a number. */
static void kop_pragma_set(struct store *st, const char *name, long v)
{
	char *sql = sqlite3_mprintf("PRAGMA %s = %ld", name, v);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
}

/* Before the transaction of a bulk write of expected_rows: see koperasi.h. */
int store_koperasi_bulk_prepare(struct store *st, long expected_rows)
{
	if (expected_rows < KOP_BULK_MIN || !sqlite3_get_autocommit(st->db) ||
	    kop_direct.st != NULL)
		return 0;
	long busy = kop_pragma(st, SQL_BUSY_GET);
	long sync = kop_pragma(st, SQL_SYNC_GET);
	long fk = kop_pragma(st, SQL_FK_GET);
	if (busy < 0 || sync < 0 || fk < 0)
		return 0;
	/* another connection makes the switch fail at once: no waiting for it */
	kop_pragma_set(st, "busy_timeout", 0);
	int direct = kop_journal(st, SQL_DIRECT_JOURNAL, "delete");
	kop_pragma_set(st, "busy_timeout", busy);
	if (!direct)
		return 0;
	kop_direct.st = st;
	kop_direct.busy = busy;
	kop_direct.sync = sync;
	kop_direct.fk = fk;
	/* a rollback journal is safe from power loss only with FULL */
	kop_pragma_set(st, "synchronous", 2);
	/* the bulk write's events refer to its own rows: no lookup for each */
	kop_pragma_set(st, "foreign_keys", 0);
	return 1;
}

/* After the commit or rollback of a prepared bulk write: WAL again. */
void store_koperasi_bulk_finish(struct store *st)
{
	if (st == NULL || kop_direct.st != st)
		return;
	kop_direct.st = NULL;
	kop_pragma_set(st, "foreign_keys", kop_direct.fk);
	kop_pragma_set(st, "busy_timeout", 0);
	int wal = kop_journal(st, SQL_DIRECT_WAL, "wal");
	kop_pragma_set(st, "busy_timeout", kop_direct.busy);
	/* if someone opened the database meanwhile, it stays in rollback mode
	 * (with FULL sync) until the next store_open puts it back in WAL mode */
	if (wal)
		kop_pragma_set(st, "synchronous", kop_direct.sync);
}

/* Writes the first events of up to max rows the bulk write has inserted
 * since the last call (bulk_end writes the rest): 1, 0 when there were none,
 * or -1 with *cause. */
int store_koperasi_bulk_step(struct store *st, struct kop_bulk *b, long max, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_BULK_LAST);
	if (store_step(st, s, cause) != SQLITE_ROW)
		return -1;
	long long last = sqlite3_column_int64(s, 0);
	store_reset(s);
	if (last <= b->events)
		return 0;
	long long upto = last - b->events > max ? b->events + max : last;
	s = store_stmt(st, SQL_BULK_EVENTS);
	store_bind_int(s, ":after", b->events);
	store_bind_int(s, ":upto", upto);
	store_bind_text(s, ":action", b->action);
	store_bind_text(s, ":note", b->note);
	if (store_run(st, s, cause) != 0)
		return -1;
	b->events = upto;
	return 1;
}

/* ---- a full-text index built on the side ---------------------------------------------- */

struct kop_fts_side {
	sqlite3      *db;     /* in memory */
	sqlite3_stmt *ins;
	long long     first;  /* rowid of the first row added: the bulk write's first */
	long long     next;   /* rowid of the next */
	int           failed; /* an add failed: the side is not used */
	int           done;   /* fts_side_done committed it */
};

static const char SQL_FTS_DEF[] =
	"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'koperasi_fts'";
/* 1 when the index has no entries: no segment pages and no segment index rows
 * (FTS5 keeps its averages and structure records at ids 1 and 10) */
static const char SQL_FTS_EMPTY[] =
	"SELECT NOT EXISTS (SELECT 1 FROM koperasi_fts_data WHERE id > 10)"
	" AND NOT EXISTS (SELECT 1 FROM koperasi_fts_idx)";
static const char SQL_BULK_NEW[] =
	"SELECT count(*), coalesce(max(rowid), 0) FROM koperasi WHERE rowid > :after";
static const char SQL_FTS_DATA_CLEAR[] = "DELETE FROM koperasi_fts_data";
static const char SQL_FTS_IDX_CLEAR[] = "DELETE FROM koperasi_fts_idx";
static const char SQL_FTS_DATA_READ[] = "SELECT id, block FROM koperasi_fts_data";
static const char SQL_FTS_DATA_PUT[] = "INSERT INTO koperasi_fts_data(id, block) VALUES (?, ?)";
static const char SQL_FTS_IDX_READ[] = "SELECT segid, term, pgno FROM koperasi_fts_idx";
static const char SQL_FTS_IDX_PUT[] =
	"INSERT INTO koperasi_fts_idx(segid, term, pgno) VALUES (?, ?, ?)";

/*
 * Tokenizing is most of the cost of a registry's full-text index (a third of
 * an import of 100,000 cooperatives), and the one part of a bulk write that
 * needs nothing of the database: another thread builds the same index in an
 * in-memory database while this one builds the table's indexes, and the
 * finished index (its few thousand pages of FTS5 data) is copied in. The
 * table is created from the database's own definition, so both agree.
 */
/* The CREATE VIRTUAL TABLE of the registry's full-text index as the database
 * has it; NULL with *cause (when cause is not NULL). Caller frees. */
static char *kop_fts_def(struct store *st, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FTS_DEF);
	int rc = store_step(st, s, cause);
	char *def = rc == SQLITE_ROW ? store_col_text(s, 0) : NULL;
	if (rc == SQLITE_DONE && cause != NULL)
		*cause = xstrdup(_("tabel pencarian koperasi_fts tidak ada di basis data"));
	store_reset(s);
	return def;
}

struct kop_fts_side *store_koperasi_fts_side_new(struct store *st, const struct kop_bulk *b)
{
	if (b == NULL || b->existing != 0 || kop_pragma(st, SQL_FTS_EMPTY) != 1)
		return NULL;
	char *def = kop_fts_def(st, NULL);
	if (def == NULL)
		return NULL;
	struct kop_fts_side *side = xcalloc(1, sizeof *side);
	/* no merging while it is built, as in bulk_end (kop_bulk_fts) */
	int ok = sqlite3_open_v2(":memory:", &side->db, SQLITE_OPEN_READWRITE |
				 SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
		 sqlite3_exec(side->db, def, NULL, NULL, NULL) == SQLITE_OK &&
		 sqlite3_exec(side->db, SQL_FTS_MERGE_OFF, NULL, NULL, NULL) == SQLITE_OK &&
		 sqlite3_exec(side->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
		 sqlite3_prepare_v2(side->db, SQL_FTS_INSERT, -1, &side->ins, NULL) == SQLITE_OK;
	free(def);
	if (!ok) {
		store_koperasi_fts_side_free(side);
		return NULL;
	}
	side->first = side->next = b->after + 1;
	return side;
}

/* Adds the entry of the next record the bulk write inserts; 0 or -1. */
int store_koperasi_fts_side_add(struct kop_fts_side *side, const struct koperasi *k)
{
	if (side->failed)
		return -1;
	sqlite3_stmt *s = side->ins;
	/* the parameters of SQL_FTS_INSERT: rowid, nama, kelurahan, kecamatan, pengurus */
	sqlite3_bind_int64(s, 1, side->next);
	sqlite3_bind_text(s, 2, k->nama, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, k->kelurahan, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, k->kecamatan, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, k->pengurus, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		side->failed = 1;
		return -1;
	}
	side->next++;
	return 0;
}

/* The other thread is done adding: the index is written out. */
void store_koperasi_fts_side_done(struct kop_fts_side *side)
{
	if (!side->failed && sqlite3_exec(side->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		side->failed = 1;
	side->done = 1;
}

void store_koperasi_fts_side_free(struct kop_fts_side *side)
{
	if (side == NULL)
		return;
	sqlite3_finalize(side->ins);
	sqlite3_close(side->db);
	free(side);
}

void store_koperasi_bulk_fts_from(struct kop_bulk *b, struct kop_fts_side *(*wait)(void *ctx),
				  void *ctx)
{
	b->fts_wait = wait;
	b->fts_ctx = ctx;
}

/* Copies the rows of one FTS5 shadow table from the side; 0 or -1. */
static int kop_fts_copy(struct store *st, sqlite3 *from, const char *read, const char *put,
			int ncols, char **cause)
{
	sqlite3_stmt *r;
	if (sqlite3_prepare_v2(from, read, -1, &r, NULL) != SQLITE_OK) {
		*cause = xstrdup(sqlite3_errmsg(from));
		return -1;
	}
	sqlite3_stmt *w = store_stmt(st, put);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(r)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			sqlite3_bind_value(w, i + 1, sqlite3_column_value(r, i)); /* copied */
		ret = store_run(st, w, cause);
	}
	if (ret == 0 && rc != SQLITE_DONE) {
		*cause = xstrdup(sqlite3_errmsg(from));
		ret = -1;
	}
	sqlite3_finalize(r);
	return ret;
}

/* Puts the side's index in place of the (empty) registry index when it holds
 * exactly the rows the bulk write inserted: 1; 0 when it does not (nothing
 * changed); -1 with *cause. */
static int kop_fts_adopt(struct store *st, const struct kop_bulk *b, struct kop_fts_side *side,
			 char **cause)
{
	if (side->failed || !side->done || side->first != b->after + 1 ||
	    kop_pragma(st, SQL_FTS_EMPTY) != 1)
		return 0;
	sqlite3_stmt *s = store_stmt(st, SQL_BULK_NEW);
	store_bind_int(s, ":after", b->after);
	if (store_step(st, s, cause) != SQLITE_ROW)
		return -1;
	long long n = sqlite3_column_int64(s, 0), last = sqlite3_column_int64(s, 1);
	store_reset(s);
	/* rowids are unique: n rows after `after` up to after + n are all of them */
	if (n != side->next - side->first || (n > 0 && last != side->next - 1))
		return 0;
	/* FTS5 keeps what it last read of its index for as long as the connection
	 * sees no other connection's commit: an index copied under it would stay
	 * unseen. A table made anew (from the database's own definition) reads it
	 * afresh; the drop is undone with the transaction. */
	char *def = kop_fts_def(st, cause);
	if (def == NULL)
		return -1;
	int made = sqlite3_exec(st->db, "DROP TABLE koperasi_fts", NULL, NULL, NULL) == SQLITE_OK &&
		   sqlite3_exec(st->db, def, NULL, NULL, NULL) == SQLITE_OK;
	free(def);
	if (!made) {
		store_db_cause(st, cause);
		return -1;
	}
	if (store_run(st, store_stmt(st, SQL_FTS_DATA_CLEAR), cause) != 0 ||
	    store_run(st, store_stmt(st, SQL_FTS_IDX_CLEAR), cause) != 0 ||
	    kop_fts_copy(st, side->db, SQL_FTS_DATA_READ, SQL_FTS_DATA_PUT, 2, cause) != 0 ||
	    kop_fts_copy(st, side->db, SQL_FTS_IDX_READ, SQL_FTS_IDX_PUT, 3, cause) != 0)
		return -1;
	return 1;
}

/*
 * The full-text entries of the rows a bulk write inserted: the side's index
 * when there is one, else built here. FTS5 writes a segment each time its
 * buffer fills (1 MB) and merges them as they come; for 100,000 rows that
 * merging is about a third of the work. The segments of one bulk write stay
 * apart instead, and later writes merge them a little at a time; the
 * automerge setting is written again at the end. 0 or -1.
 */
static int kop_bulk_fts(struct store *st, struct kop_bulk *b, char **cause)
{
	long merge = kop_pragma(st, SQL_FTS_MERGE_GET);
	struct kop_fts_side *side = b->fts_wait != NULL ? b->fts_wait(b->fts_ctx) : NULL;
	int adopted = side != NULL ? kop_fts_adopt(st, b, side, cause) : 0;
	if (adopted < 0)
		return -1;
	if (!adopted) {
		if (store_run(st, store_stmt(st, SQL_FTS_MERGE_OFF), cause) != 0)
			return -1;
		sqlite3_stmt *s = store_stmt(st, SQL_BULK_FTS);
		store_bind_int(s, ":after", b->after);
		if (store_run(st, s, cause) != 0)
			return -1;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_FTS_MERGE_SET);
	store_bind_int(s, ":n", merge >= 0 ? merge : KOP_FTS_AUTOMERGE);
	return store_run(st, s, cause);
}

/* Ends a bulk write: with ok, indexes, search entries and events; frees b. 0 or -1. */
int store_koperasi_bulk_end(struct store *st, struct kop_bulk *b, int ok, char **cause)
{
	if (b == NULL)
		return 0;
	int ret = 0;
	if (ok) {
		sqlite3_stmt *s = store_stmt(st, SQL_BULK_EVENTS);
		store_bind_int(s, ":after", b->events);
		store_bind_int(s, ":upto", INT64_MAX);
		store_bind_text(s, ":action", b->action);
		store_bind_text(s, ":note", b->note);
		ret = store_run(st, s, cause);
	}
	/* With temporary storage in memory SQLite's sorter allocates each key on
	 * its own; with files it packs them into big buffers (and writes a file
	 * only beyond the page cache's size): the index builds take half the time.
	 * Not for the whole bulk write: statement journals would go to files. The
	 * setting cannot change in a transaction that has used the temporary
	 * database, which berkas does not; then the builds are only slower. */
	long temp = ok && ret == 0 && b->n > 0 ? kop_pragma(st, SQL_TEMP_GET) : -1;
	if (temp >= 0)
		kop_pragma_set(st, "temp_store", 1);
	for (size_t i = 0; i < b->n; i++) {
		if (ok && ret == 0 && sqlite3_exec(st->db, b->sql[i], NULL, NULL, NULL) != SQLITE_OK) {
			store_db_cause(st, cause);
			ret = -1;
		}
		free(b->sql[i]);
	}
	if (temp >= 0)
		kop_pragma_set(st, "temp_store", temp);
	/* the full-text index last: another thread may still be building it */
	if (ok && ret == 0)
		ret = kop_bulk_fts(st, b, cause);
	if (b->cache_size != 0) {
		/* PRAGMA takes no parameters; this is a number read from it */
		char *restore = sqlite3_mprintf("PRAGMA cache_size = %ld", b->cache_size);
		sqlite3_exec(st->db, restore, NULL, NULL, NULL);
		sqlite3_free(restore);
	}
	if (kop_bulk_now == b)
		kop_bulk_now = NULL;
	free(b->sql);
	free(b->action);
	free(b->note);
	free(b);
	return ret;
}

/* ---- insert and update ---------------------------------------------------------------------- */

static int kop_event(struct store *st, const char *kid, const char *at, const char *actor,
		     const char *action, const char *field, const char *old_value,
		     const char *new_value, char **cause)
{
	char id[37];
	store_uuid(st, id);
	sqlite3_stmt *s = store_stmt(st, SQL_EVENT_INSERT);
	store_bind_text(s, ":id", id);
	store_bind_text(s, ":kid", kid);
	store_bind_text(s, ":at", at);
	store_bind_text(s, ":actor", actor ? actor : "?");
	store_bind_text(s, ":action", action);
	store_bind_text(s, ":field", field);
	store_bind_text(s, ":old", old_value);
	store_bind_text(s, ":new", new_value);
	return store_run(st, s, cause);
}

/* The message for a unique constraint hit by k: which field, and whose. */
static char *kop_dup_cause(struct store *st, const struct koperasi *k)
{
	struct koperasi o;
	char *m = NULL;
	if (k->nik != NULL && store_koperasi_find_nik(st, k->nik, &o) == 1) {
		if (strcmp(o.id, k->id) != 0)
			m = xasprintf(_("nik: NIK %s sudah dipakai oleh %s"), k->nik, o.nama);
		koperasi_clear(&o);
	}
	if (m == NULL && k->no_badan_hukum != NULL &&
	    store_koperasi_find_bh(st, k->no_badan_hukum, &o) == 1) {
		if (strcmp(o.id, k->id) != 0)
			m = xasprintf(_("no_badan_hukum: nomor badan hukum %s sudah dipakai oleh %s"),
				      k->no_badan_hukum, o.nama);
		koperasi_clear(&o);
	}
	return m;
}

/* Runs an insert or update statement; a unique violation becomes a field message. */
static int kop_write(struct store *st, sqlite3_stmt *s, const struct koperasi *k, char **cause)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		store_reset(s);
		return 0;
	}
	int unique = (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE);
	char *why = NULL;
	store_db_cause(st, &why);
	store_reset(s);
	char *dup = unique ? kop_dup_cause(st, k) : NULL;
	if (dup != NULL) {
		free(why);
		why = dup;
	}
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return -1;
}

/*
 * A write transaction of its own when none is open. Inside the caller's
 * transaction (store_begin: import, demo) no savepoint is taken: a savepoint
 * makes FTS5 flush its buffer, once per row. A failed single-row statement
 * leaves nothing behind; a failure after it means the caller rolls back.
 */
static int kop_tx_begin(struct store *st, int *tok, char **cause)
{
	if (!sqlite3_get_autocommit(st->db)) {
		*tok = 0;
		return 0;
	}
	return store_tx_begin(st, tok, cause);
}

static int kop_tx_end(struct store *st, int tok, int ok, char **cause)
{
	return tok == 0 ? 0 : store_tx_end(st, tok, ok, cause);
}

/* Adds (del = 0) or removes (del = 1) the full-text entry of k at rowid. */
static int kop_fts(struct store *st, long long rowid, const struct koperasi *k, int del,
		   char **cause)
{
	sqlite3_stmt *s = store_stmt(st, del ? SQL_FTS_DELETE : SQL_FTS_INSERT);
	store_bind_int(s, ":rowid", rowid);
	store_bind_text(s, ":nama", k->nama);
	store_bind_text(s, ":kelurahan", k->kelurahan);
	store_bind_text(s, ":kecamatan", k->kecamatan);
	store_bind_text(s, ":pengurus", k->pengurus);
	return store_run(st, s, cause);
}

/* Rebuilds the full-text index from the table; 0 or -1 with *cause. */
int store_koperasi_fts_rebuild(struct store *st, char **cause)
{
	return store_run(st, store_stmt(st, SQL_FTS_REBUILD), cause);
}

/* Inserts a normalized record and its "dibuat" event; 0, or -1 with *cause. */
int store_koperasi_insert(struct store *st, struct koperasi *k, const char *actor,
			  const char *action, const char *note, char **cause)
{
	char now[21];
	store_now(now);
	if (k->id[0] == '\0')
		store_uuid(st, k->id);
	int tok;
	if (kop_tx_begin(st, &tok, cause) != 0)
		return -1;
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT);
	kop_bind_fields(s, k);
	/* :id :now :actor follow the fields (by number: a name costs a search) */
	static sqlite3_stmt *checked;
	if (s != checked) {
		assert(strcmp(sqlite3_bind_parameter_name(s, KF_COUNT + 1), ":id") == 0);
		assert(strcmp(sqlite3_bind_parameter_name(s, KF_COUNT + 2), ":now") == 0);
		assert(strcmp(sqlite3_bind_parameter_name(s, KF_COUNT + 3), ":actor") == 0);
		checked = s;
	}
	sqlite3_bind_text(s, KF_COUNT + 1, k->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, KF_COUNT + 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, KF_COUNT + 3, actor ? actor : "?", -1, SQLITE_STATIC);
	int ok = kop_write(st, s, k, cause) == 0;
	long long rowid = sqlite3_last_insert_rowid(st->db);
	if (ok && !kop_bulk_row(st, rowid))
		ok = kop_fts(st, rowid, k, 0, cause) == 0 &&
		     kop_event(st, k->id, now, actor, action ? action : "dibuat", NULL, NULL, note,
			       cause) == 0;
	if (kop_tx_end(st, tok, ok, ok ? cause : NULL) != 0 || !ok)
		return -1;
	k->version = 1;
	free(k->created_at);
	free(k->created_by);
	free(k->updated_at);
	free(k->updated_by);
	k->created_at = xstrdup(now);
	k->updated_at = xstrdup(now);
	k->created_by = xstrdup(actor ? actor : "?");
	k->updated_by = xstrdup(actor ? actor : "?");
	return 0;
}

/*
 * Runs SQL_INSERT_64 or SQL_INSERT_16 (rows records) for k[0..rows): 0, 1 when
 * the statement failed and changed nothing, -1 with *cause when the failure
 * ended the transaction (disk full).
 */
static int kop_insert_rows(struct store *st, const char *sql, int rows, struct koperasi *const *k,
			   const char *now, const char *who, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	assert(sqlite3_bind_parameter_count(s) == rows * KOP_ROW_NP);
	for (int r = 0; r < rows; r++) {
		struct koperasi *row = k[r];
		int base = r * KOP_ROW_NP;
		if (row->id[0] == '\0')
			store_uuid(st, row->id);
		kop_bind_at(s, base, row);
		sqlite3_bind_text(s, base + KF_COUNT + 1, row->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, base + KF_COUNT + 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, base + KF_COUNT + 3, who, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, base + KF_COUNT + 4, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, base + KF_COUNT + 5, who, -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && sqlite3_get_autocommit(st->db)) {
		store_db_cause(st, cause);
		store_reset(s);
		return -1;
	}
	/* store_reset would clear the bindings; the caller does that once */
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return 1;
	for (int r = 0; r < rows; r++)
		k[r]->version = 1;
	return 0;
}

/*
 * Inserts n records in a bulk write, 64 or 16 to a statement: a statement per
 * row costs as much again as the row. A statement that fails changes nothing;
 * its rows are then inserted one by one for the message of the one at fault.
 */
int store_koperasi_insert_many(struct store *st, struct koperasi *const *k, size_t n,
			       const char *actor, const char *action, const char *note,
			       char **cause)
{
	size_t i = 0;
	if (kop_bulk_now != NULL && kop_bulk_now->st == st && !sqlite3_get_autocommit(st->db)) {
		char now[21];
		store_now(now);
		const char *who = actor ? actor : "?";
		int rc = 0, used64 = 0, used16 = 0;
		while (rc == 0 && n - i >= 64) {
			used64 = 1;
			if ((rc = kop_insert_rows(st, SQL_INSERT_64, 64, k + i, now, who, cause)) == 0)
				i += 64;
		}
		while (rc == 0 && n - i >= 16) {
			used16 = 1;
			if ((rc = kop_insert_rows(st, SQL_INSERT_16, 16, k + i, now, who, cause)) == 0)
				i += 16;
		}
		/* no pointer into k stays bound */
		if (used64)
			sqlite3_clear_bindings(store_stmt(st, SQL_INSERT_64));
		if (used16)
			sqlite3_clear_bindings(store_stmt(st, SQL_INSERT_16));
		if (rc < 0)
			return -1;
		/* after a failed statement (rc 1) the rows from i on go one by one */
	}
	for (; i < n; i++)
		if (store_koperasi_insert(st, k[i], actor, action, note, cause) != 0)
			return -1;
	return 0;
}

static int kop_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* 1 if a column of the full-text index differs between a and b. */
static int kop_fts_changed(const struct koperasi *a, const struct koperasi *b)
{
	return !kop_same(a->nama, b->nama) ||
	       !kop_same(a->kelurahan, b->kelurahan) || !kop_same(a->kecamatan, b->kecamatan) ||
	       !kop_same(a->pengurus, b->pengurus);
}

/* Writes k over the stored version expected_version with one event per change; 0 or -1. */
int store_koperasi_update(struct store *st, struct koperasi *k, long expected_version,
			  const char *actor, struct koperasi *current, int *changed, char **cause)
{
	if (current != NULL)
		koperasi_init(current);
	if (changed != NULL)
		*changed = 0;
	int tok;
	if (kop_tx_begin(st, &tok, cause) != 0)
		return -1;
	struct koperasi old;
	int ok = 0, diff = 0, r = store_koperasi_get(st, k->id, &old);
	char now[21];
	store_now(now);
	if (r < 0) {
		store_db_cause(st, cause);
		goto out;
	}
	if (r == 0 || old.version != expected_version) {
		*cause = store_conflict_msg(st, store_stmt(st, SQL_VERSION), k->id,
					    _("koperasi tidak ditemukan"));
		if (r == 1 && current != NULL)
			koperasi_copy(current, &old);
		goto out;
	}
	for (size_t i = 0; i < KF_COUNT && !diff; i++)
		diff = !kop_same(koperasi_get(&old, (enum kop_fid)i), koperasi_get(k, (enum kop_fid)i));
	if (!diff) {
		ok = 1;
		goto out;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_UPDATE);
	kop_bind_fields(s, k);
	store_bind_text(s, ":id", k->id);
	store_bind_int(s, ":version", expected_version);
	store_bind_text(s, ":now", now);
	store_bind_text(s, ":actor", actor ? actor : "?");
	if (kop_write(st, s, k, cause) != 0)
		goto out;
	if (kop_fts_changed(&old, k)) {
		sqlite3_stmt *q = store_stmt(st, SQL_ROWID);
		store_bind_text(q, ":id", k->id);
		int rc = store_step(st, q, cause); /* sets *cause on an error */
		if (rc != SQLITE_ROW) {
			if (rc == SQLITE_DONE) {
				store_reset(q);
				*cause = xstrdup(_("koperasi tidak ditemukan"));
			}
			goto out;
		}
		long long rowid = sqlite3_column_int64(q, 0);
		store_reset(q);
		if (!kop_bulk_row(st, rowid) &&
		    (kop_fts(st, rowid, &old, 1, cause) != 0 || kop_fts(st, rowid, k, 0, cause) != 0))
			goto out;
	}
	ok = 1;
	for (size_t i = 0; i < KF_COUNT && ok; i++) {
		const char *a = koperasi_get(&old, (enum kop_fid)i);
		const char *b = koperasi_get(k, (enum kop_fid)i);
		if (!kop_same(a, b))
			ok = kop_event(st, k->id, now, actor, "diubah", koperasi_fields[i].key, a, b,
				       cause) == 0;
	}
out:
	koperasi_clear(&old);
	if (kop_tx_end(st, tok, ok, ok ? cause : NULL) != 0 || !ok)
		return -1;
	if (diff) {
		k->version = expected_version + 1;
		free(k->updated_at);
		free(k->updated_by);
		k->updated_at = xstrdup(now);
		k->updated_by = xstrdup(actor ? actor : "?");
		if (changed != NULL)
			*changed = 1;
	}
	return 0;
}

/* Calls fn for every cooperative by name until it returns non-zero; 0 or -1. */
int store_koperasi_each(struct store *st, int (*fn)(const struct koperasi *k, void *ctx),
			void *ctx, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EACH);
	int rc;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		struct koperasi k;
		kop_read(s, &k);
		int stop = fn(&k, ctx);
		koperasi_clear(&k);
		if (stop) {
			store_reset(s);
			return 0;
		}
	}
	if (rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return 0;
}

/* The history of a cooperative, oldest first (caller frees with events_free); 0 or -1. */
int store_koperasi_events(struct store *st, const char *id, struct event **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVENTS);
	store_bind_text(s, ":kid", id);
	return store_events_read(st, s, out, n);
}

/* ---- list pages ------------------------------------------------------------------------------ */

/* Sort keys; each matches an index expression of the schema. */
#define KOP_E_NAMA    "lower(k.nama)" /* schema v4; the order of NOCASE */
#define KOP_E_RAT     "coalesce(k.rat_terakhir, '')"
#define KOP_E_DIUBAH  "k.updated_at"

#define KOP_ROW_COLS \
	"SELECT k.rowid, k.id, k.nik, k.nama, k.no_badan_hukum, k.kabkota, k.jenis, k.kelompok," \
	" k.grade, k.status, k.rat_terakhir, "
/* Search and limit are parameters (NULL = none), so the statement's shape is
 * only sort x direction x keyset. */
#define KOP_FILTER \
	" FROM koperasi k WHERE (:q IS NULL OR k.rowid IN" \
	" (SELECT rowid FROM koperasi_fts WHERE koperasi_fts MATCH :q)" \
	" OR k.nik LIKE :qn ESCAPE '\\' OR k.no_badan_hukum LIKE :qb ESCAPE '\\')" \
	" AND (:lk IS NULL OR (CASE :lk WHEN 'kabkota' THEN k.kabkota" \
	" WHEN 'wilayah_keanggotaan' THEN k.wilayah_keanggotaan WHEN 'bentuk' THEN k.bentuk" \
	" WHEN 'jenis' THEN k.jenis WHEN 'kelompok' THEN k.kelompok WHEN 'skala' THEN k.skala" \
	" WHEN 'grade' THEN k.grade WHEN 'status' THEN k.status" \
	" WHEN 'status_nik' THEN k.status_nik END) = :lv COLLATE NOCASE)" \
	" AND (:lt IS NULL OR k.nama LIKE :lt ESCAPE '\\' OR k.no_badan_hukum LIKE :lt ESCAPE '\\')"
#define KOP_PAGE(e, dir, ks) \
	KOP_ROW_COLS e KOP_FILTER ks " ORDER BY " e " " dir ", k.rowid " dir " LIMIT :n"
#define KOP_KS_ASC(e)  " AND " e " >= :sv AND (" e " > :sv OR k.rowid > :rid)"
#define KOP_KS_DESC(e) " AND " e " <= :sv AND (" e " < :sv OR k.rowid < :rid)"
#define KOP_SORT_SQL(e) { KOP_PAGE(e, "ASC", ""), KOP_PAGE(e, "ASC", KOP_KS_ASC(e)), \
			  KOP_PAGE(e, "DESC", ""), KOP_PAGE(e, "DESC", KOP_KS_DESC(e)) }

/* [sort][desc * 2 + keyset] */
static const char *const kop_page_sql[KSORT_COUNT][4] = {
	KOP_SORT_SQL(KOP_E_NAMA),
	KOP_SORT_SQL(KOP_E_RAT),
	KOP_SORT_SQL(KOP_E_DIUBAH),
};
static const char SQL_COUNT[] = "SELECT count(*)" KOP_FILTER;

/* Natural direction of each sort: 1 = newest first. */
static const int kop_sort_desc[KSORT_COUNT] = { 0, 1, 1 };

static const char *const kop_limit_keys[] = {
	"kabkota", "wilayah_keanggotaan", "bentuk", "jenis", "kelompok", "skala", "grade",
	"status", "status_nik",
};

/* A parsed query: bound values for :q :qn :qb :lk :lv :lt. */
struct kop_parts {
	char *fts;
	char *qn, *qb; /* the search as a NIK prefix and inside a badan hukum number */
	char *lk, *lv, *lt;
};

static void kop_parts_free(struct kop_parts *p)
{
	free(p->fts);
	free(p->qn);
	free(p->qb);
	free(p->lk);
	free(p->lv);
	free(p->lt);
}

/* The user's words as a safe FTS5 query: each word quoted, the last a prefix,
 * all required; NULL when there are none. Caller frees. */
static char *kop_fts_query(const char *words)
{
	if (words == NULL)
		return NULL;
	struct buf b;
	buf_init(&b);
	int any = 0;
	for (const char *p = words; *p;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		if (any)
			buf_addc(&b, ' ');
		buf_addc(&b, '"');
		for (; *p && !isspace((unsigned char)*p); p++) {
			if (*p == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *p);
		}
		buf_addc(&b, '"');
		any = 1;
	}
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	buf_addc(&b, '*');
	return buf_steal(&b);
}

/* s for LIKE with \\ % _ escaped, "%" before it when lead and after it. Caller frees. */
static char *kop_like_pat(const char *s, int lead)
{
	struct buf b;
	buf_init(&b);
	if (lead)
		buf_addc(&b, '%');
	for (; *s; s++) {
		if (*s == '\\' || *s == '%' || *s == '_')
			buf_addc(&b, '\\');
		buf_addc(&b, *s);
	}
	buf_addc(&b, '%');
	return buf_steal(&b);
}

/* "%text%" for LIKE. Caller frees. */
static char *kop_like(const char *s)
{
	return kop_like_pat(s, 1);
}

static int kop_parse(const struct kop_query *q, struct kop_parts *p, char **cause)
{
	memset(p, 0, sizeof *p);
	if (q == NULL)
		return 0;
	p->fts = kop_fts_query(q->search);
	if (p->fts != NULL) {
		char *t = xstrdup(q->search);
		str_trim(t);
		p->qn = kop_like_pat(t, 0);
		p->qb = kop_like_pat(t, 1);
		free(t);
	}
	if (q->limit == NULL)
		return 0;
	char *copy = xstrdup(q->limit);
	char *t = str_trim(copy);
	char *eq = strchr(t, '=');
	int ret = 0;
	if (*t == '\0') {
		/* no limit */
	} else if (eq == NULL) {
		p->lt = kop_like(t);
	} else {
		*eq = '\0';
		char *key = str_trim(t), *val = str_trim(eq + 1);
		for (char *c = key; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		if (strcmp(key, "wilayah") == 0)
			key = "wilayah_keanggotaan";
		size_t i;
		for (i = 0; i < sizeof kop_limit_keys / sizeof kop_limit_keys[0]; i++)
			if (strcmp(key, kop_limit_keys[i]) == 0)
				break;
		if (i == sizeof kop_limit_keys / sizeof kop_limit_keys[0]) {
			char *safe = str_sanitize(key, 1);
			*cause = xasprintf(_("batasi: kunci '%s' tidak dikenal (kabkota, wilayah, bentuk,"
					     " jenis, kelompok, skala, grade, status, status_nik)"), safe);
			free(safe);
			ret = -1;
		} else if (*val == '\0') {
			*cause = xasprintf(_("batasi: nilai untuk '%s' kosong"), key);
			ret = -1;
		} else {
			p->lk = xstrdup(kop_limit_keys[i]);
			p->lv = xstrdup(val);
		}
	}
	free(copy);
	return ret;
}

static void kop_bind_parts(sqlite3_stmt *s, const struct kop_parts *p)
{
	store_bind_text(s, ":q", p->fts);
	store_bind_text(s, ":qn", p->qn);
	store_bind_text(s, ":qb", p->qb);
	store_bind_text(s, ":lk", p->lk);
	store_bind_text(s, ":lv", p->lv);
	store_bind_text(s, ":lt", p->lt);
}

static void kop_cause(struct store *st, const struct kop_parts *p, char **cause)
{
	if (p->fts != NULL)
		*cause = xasprintf(_("cari: %s"), sqlite3_errmsg(st->db));
	else
		store_db_cause(st, cause);
}

/* Frees n list rows and the array. */
void kop_rows_free(struct kop_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].nik);
		free(rows[i].nama);
		free(rows[i].no_badan_hukum);
		free(rows[i].kabkota);
		free(rows[i].jenis);
		free(rows[i].kelompok);
		free(rows[i].grade);
		free(rows[i].status);
		free(rows[i].rat_terakhir);
		free(rows[i].sortval);
	}
	free(rows);
}

/* Reads a list row (a struct kop_row; store_page_rows). */
static void kop_row_read(sqlite3_stmt *s, void *row)
{
	struct kop_row *r = row;
	r->rowid = (long)sqlite3_column_int64(s, 0);
	store_col_id(s, 1, r->id);
	r->nik = store_col_text(s, 2);
	r->nama = store_col_text(s, 3);
	r->no_badan_hukum = store_col_text(s, 4);
	r->kabkota = store_col_text(s, 5);
	r->jenis = store_col_text(s, 6);
	r->kelompok = store_col_text(s, 7);
	r->grade = store_col_text(s, 8);
	r->status = store_col_text(s, 9);
	r->rat_terakhir = store_col_text(s, 10);
	r->sortval = store_col_text(s, 11);
	if (r->sortval == NULL)
		r->sortval = xstrdup("");
}

static void kop_rows_free_any(void *rows, size_t n)
{
	kop_rows_free(rows, n);
}

/* One list page in display order (caller frees with kop_rows_free); 0 or -1. */
int store_koperasi_page(struct store *st, const struct kop_query *q, const struct kop_row *from,
			int backwards, int n, struct kop_row **rows, size_t *nrows, char **cause)
{
	*rows = NULL;
	*nrows = 0;
	struct kop_parts p;
	if (kop_parse(q, &p, cause) != 0) {
		kop_parts_free(&p);
		return -1;
	}
	if (n <= 0) {
		kop_parts_free(&p);
		return 0;
	}
	enum kop_sort sort = q != NULL && q->sort < KSORT_COUNT ? q->sort : KSORT_NAMA;
	int desc = kop_sort_desc[sort];
	if (q != NULL && q->reverse)
		desc = !desc;
	if (backwards)
		desc = !desc;
	sqlite3_stmt *s = store_stmt(st, kop_page_sql[sort][desc * 2 + (from != NULL)]);
	kop_bind_parts(s, &p);
	if (from != NULL) {
		store_bind_text(s, ":sv", from->sortval ? from->sortval : "");
		store_bind_int(s, ":rid", from->rowid);
	}
	store_bind_int(s, ":n", n);
	void *page;
	int ret = store_page_rows(s, n, sizeof(struct kop_row), backwards, kop_row_read,
				  kop_rows_free_any, &page, nrows);
	if (ret != 0)
		kop_cause(st, &p, cause);
	store_reset(s);
	kop_parts_free(&p);
	*rows = page;
	return ret;
}

/* Cooperatives matching q (NULL: all), or -1 with *cause. */
long store_koperasi_count(struct store *st, const struct kop_query *q, char **cause)
{
	struct kop_parts p;
	if (kop_parse(q, &p, cause) != 0) {
		kop_parts_free(&p);
		return -1;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_COUNT);
	kop_bind_parts(s, &p);
	long n = -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	else
		kop_cause(st, &p, cause);
	store_reset(s);
	kop_parts_free(&p);
	return n;
}

/* Name of a sort for the status line; not to be freed. */
const char *kop_sort_label(enum kop_sort s)
{
	switch (s) {
	case KSORT_RAT:
		return _("RAT terakhir");
	case KSORT_DIUBAH:
		return _("diubah");
	default:
		return _("nama");
	}
}
