/* store.c: open and migrate the SQLite store; transactions, backup, statement cache, positions, people. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"
#include "date.h"
#include "koperasi.h"

/* PRAGMA application_id of a berkas database ("BRKS"). */
#define STORE_APP_ID 0x42524B53

/*
 * Forward migrations: migrations[i] takes the schema from version i to i + 1.
 * Each script ends by setting PRAGMA user_version. They run in one
 * transaction at open. Never edit a released script: append a new one.
 */
/* The JSON array of the positions in a holder list ("a, b"), for json_each. */
#define HOLDER_JSON(h) \
	"'[\"' || replace(replace(replace(" h ", '\\', '\\\\'), '\"', '\\\"'), ', ', '\",\"')" \
	" || '\"]'"

/* The triggers that keep the FTS index, the counts and the inbox rows of
 * cases as cases are made and changed, which a bulk transaction lifts while it writes (store_begin) and puts back, text
 * for text, before its commit (store_bulk_flush). They are always the last
 * objects of the schema -- every migration ends by putting them back after
 * everything else -- so a database loaded in bulk has the same schema, in
 * the same order, as a new one. */
#define TRIGGER_FTS_INSERT \
	"CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN\n" \
	"  INSERT INTO case_fts(rowid, number_text, subject, party, letter_no, search_text)\n" \
	"  VALUES (new.rid, new.number_text, new.subject, new.party, new.letter_no," \
	" new.search_text);\n" \
	"END"
#define TRIGGER_FTS_UPDATE \
	"CREATE TRIGGER cases_fts_update AFTER UPDATE OF rid, number_text, subject, party," \
	" letter_no, search_text ON cases WHEN old.rid IS NOT new.rid" \
	" OR old.number_text IS NOT new.number_text" \
	" OR old.subject IS NOT new.subject OR old.party IS NOT new.party" \
	" OR old.letter_no IS NOT new.letter_no OR old.search_text IS NOT new.search_text BEGIN\n" \
	"  INSERT INTO case_fts(case_fts, rowid, number_text, subject, party, letter_no," \
	" search_text)\n" \
	"  VALUES ('delete', old.rid, old.number_text, old.subject, old.party, old.letter_no," \
	" old.search_text);\n" \
	"  INSERT INTO case_fts(rowid, number_text, subject, party, letter_no, search_text)\n" \
	"  VALUES (new.rid, new.number_text, new.subject, new.party, new.letter_no," \
	" new.search_text);\n" \
	"END"
#define TRIGGER_COUNT_INSERT \
	"CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN\n" \
	"  INSERT INTO case_count(kind, n) VALUES (new.kind, 1)" \
	" ON CONFLICT(kind) DO UPDATE SET n = n + 1;\n" \
	"END"
#define TRIGGER_HOLDING_INSERT \
	"CREATE TRIGGER cases_holding_insert AFTER INSERT ON cases" \
	" WHEN new.status = 'terbuka' AND new.holder IS NOT NULL BEGIN\n" \
	"  INSERT OR IGNORE INTO holding(pos, case_rid, received, numkey, dlkey, party)\n" \
	"  SELECT value, new.rid, new.received, new.year * 10000000000 + new.number," \
	" coalesce(new.deadline, '9999-12-31'), new.party FROM json_each(" HOLDER_JSON("new.holder") \
	");\n" \
	"END"
#define TRIGGER_HOLDING_UPDATE \
	"CREATE TRIGGER cases_holding_update AFTER UPDATE OF rid, holder, status, received, year," \
	" number, deadline, party ON cases WHEN old.rid IS NOT new.rid" \
	" OR old.holder IS NOT new.holder" \
	" OR old.status IS NOT new.status OR old.received IS NOT new.received" \
	" OR old.year IS NOT new.year OR old.number IS NOT new.number" \
	" OR old.deadline IS NOT new.deadline OR old.party IS NOT new.party BEGIN\n" \
	"  DELETE FROM holding WHERE case_rid = old.rid;\n" \
	"  INSERT OR IGNORE INTO holding(pos, case_rid, received, numkey, dlkey, party)\n" \
	"  SELECT value, new.rid, new.received, new.year * 10000000000 + new.number," \
	" coalesce(new.deadline, '9999-12-31'), new.party FROM json_each(" HOLDER_JSON("new.holder") \
	") WHERE new.status = 'terbuka' AND new.holder IS NOT NULL;\n" \
	"END"

static const char SCHEMA_V1[] =
	"PRAGMA application_id = 1112689491;\n"
	/* the org chart; ord keeps the order positions were loaded in */
	"CREATE TABLE position(\n"
	"  code   TEXT PRIMARY KEY NOT NULL,\n"
	"  name   TEXT NOT NULL,\n"
	"  parent TEXT,\n"
	"  ord    INTEGER NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE person(\n"
	"  login    TEXT PRIMARY KEY NOT NULL,\n"
	"  name     TEXT NOT NULL,\n"
	"  nip      TEXT,\n"
	"  position TEXT,\n"
	"  roles    TEXT NOT NULL DEFAULT ''\n"
	") STRICT;\n"
	"CREATE INDEX person_position ON person(position, login);\n"
	/* last office number given per kind and year (0 for reset = never) */
	"CREATE TABLE counter(\n"
	"  kind TEXT NOT NULL,\n"
	"  year INTEGER NOT NULL,\n"
	"  last INTEGER NOT NULL,\n"
	"  PRIMARY KEY (kind, year)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* cases: rid is the local row number (an INTEGER PRIMARY KEY, so VACUUM
	 * keeps it): the FTS content rowid, the inbox key and the keyset
	 * tie-breaker. id is the id that travels between machines. */
	"CREATE TABLE cases(\n"
	"  rid         INTEGER PRIMARY KEY,\n"
	"  id          TEXT NOT NULL UNIQUE,\n"
	"  kind        TEXT NOT NULL,\n"
	"  year        INTEGER NOT NULL,\n"
	"  number      INTEGER NOT NULL,\n"
	"  number_text TEXT NOT NULL,\n"
	"  received    TEXT NOT NULL,\n"
	"  party       TEXT NOT NULL DEFAULT '' COLLATE NOCASE,\n"
	"  subject     TEXT NOT NULL DEFAULT '',\n"
	"  letter_no   TEXT,\n"
	"  security    TEXT,\n"
	"  urgency     TEXT,\n"
	"  penting     TEXT,\n"
	"  status      TEXT NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'selesai')),\n"
	"  step        INTEGER NOT NULL DEFAULT 0,\n"
	"  step_actor  TEXT,\n"
	"  deadline    TEXT,\n"
	"  disposed    INTEGER NOT NULL DEFAULT 0 CHECK (disposed IN (0, 1)),\n"
	"  holder      TEXT,\n"
	"  version     INTEGER NOT NULL DEFAULT 1,\n"
	"  created_at  TEXT NOT NULL,\n"
	"  created_by  TEXT NOT NULL,\n"
	"  updated_at  TEXT NOT NULL,\n"
	"  updated_by  TEXT NOT NULL,\n"
	"  search_text TEXT NOT NULL DEFAULT '',\n"
	"  fields      TEXT NOT NULL DEFAULT '{}',\n"
	"  UNIQUE (kind, year, number)\n"
	") STRICT;\n"
	/* list pages: one index per sort, and per kind and sort (the unique
	 * (kind, year, number) index serves the number sort of one kind); the
	 * open-case views (belum didisposisi, terlambat) walk the same indexes */
	"CREATE INDEX cases_received ON cases(received);\n"
	"CREATE INDEX cases_number ON cases(year, number);\n"
	"CREATE INDEX cases_deadline ON cases(coalesce(deadline, '9999-12-31'));\n"
	"CREATE INDEX cases_party ON cases(party);\n"
	"CREATE INDEX cases_kind_received ON cases(kind, received);\n"
	"CREATE INDEX cases_kind_deadline ON cases(kind, coalesce(deadline, '9999-12-31'));\n"
	"CREATE INDEX cases_kind_party ON cases(kind, party);\n"
	/* counts of the open-case views read only this */
	"CREATE INDEX cases_open_flags ON cases(disposed, deadline) WHERE status = 'terbuka';\n"
	/* counts with a limit: sifat= seeks, the other keys scan this narrow copy */
	"CREATE INDEX cases_facets ON cases(security COLLATE NOCASE, urgency, penting, status, kind);\n"
	/* finding a case by its office number, or by the plain number */
	"CREATE INDEX cases_number_text ON cases(number_text);\n"
	"CREATE INDEX cases_number_year ON cases(number, year);\n"
	/* full text: external content, kept in step by triggers (also for sync);
	 * the triggers that bulk transactions lift come last in the schema */
	"CREATE VIRTUAL TABLE case_fts USING fts5(number_text, subject, party, letter_no,"
	" search_text, content = 'cases', content_rowid = 'rid',"
	" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');\n"
	"CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN\n"
	"  INSERT INTO case_fts(case_fts, rowid, number_text, subject, party, letter_no,"
	" search_text)\n"
	"  VALUES ('delete', old.rid, old.number_text, old.subject, old.party, old.letter_no,"
	" old.search_text);\n"
	"END;\n"
	/* cases per kind, kept by triggers: counts of all cases read this */
	"CREATE TABLE case_count(\n"
	"  kind TEXT PRIMARY KEY NOT NULL,\n"
	"  n    INTEGER NOT NULL\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN\n"
	"  UPDATE case_count SET n = n - 1 WHERE kind = old.kind;\n"
	"END;\n"
	"CREATE TRIGGER cases_count_kind AFTER UPDATE OF kind ON cases"
	" WHEN old.kind IS NOT new.kind BEGIN\n"
	"  UPDATE case_count SET n = n - 1 WHERE kind = old.kind;\n"
	"  INSERT INTO case_count(kind, n) VALUES (new.kind, 1)"
	" ON CONFLICT(kind) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	/* every indexed word of 4+ characters: prefix searches expand to them */
	"CREATE TABLE fts_term(term TEXT PRIMARY KEY NOT NULL) STRICT, WITHOUT ROWID;\n"
	/* inboxes: one row per open case and position in its holder list, with
	 * copies of the sort keys, kept by triggers (so also after sync) */
	"CREATE TABLE holding(\n"
	"  pos      TEXT NOT NULL,\n"
	"  case_rid INTEGER NOT NULL,\n"
	"  received TEXT NOT NULL,\n"
	"  numkey   INTEGER NOT NULL,\n"
	"  dlkey    TEXT NOT NULL,\n"
	"  party    TEXT NOT NULL COLLATE NOCASE,\n"
	"  PRIMARY KEY (pos, case_rid)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX holding_received ON holding(pos, received, case_rid);\n"
	"CREATE INDEX holding_number ON holding(pos, numkey, case_rid);\n"
	"CREATE INDEX holding_deadline ON holding(pos, dlkey, case_rid);\n"
	"CREATE INDEX holding_party ON holding(pos, party, case_rid);\n"
	"CREATE INDEX holding_case ON holding(case_rid);\n"
	"CREATE TRIGGER cases_holding_delete AFTER DELETE ON cases BEGIN\n"
	"  DELETE FROM holding WHERE case_rid = old.rid;\n"
	"END;\n"
	/* dispositions: a tree per case; state 0 baru, 1 dibaca, 2 diteruskan, 3 selesai.
	 * dispo, step and event are keyed by time-ordered ids (UUID v7), which
	 * also break ties of equal timestamps in creation order; they have no
	 * rowid to rely on. */
	"CREATE TABLE dispo(\n"
	"  id           TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id      TEXT NOT NULL REFERENCES cases(id),\n"
	"  parent_id    TEXT REFERENCES dispo(id),\n"
	"  from_pos     TEXT NOT NULL,\n"
	"  to_pos       TEXT NOT NULL,\n"
	"  instructions TEXT,\n"
	"  note         TEXT,\n"
	"  deadline     TEXT,\n"
	"  created_at   TEXT NOT NULL,\n"
	"  created_by   TEXT NOT NULL,\n"
	"  on_behalf    TEXT,\n"
	"  state        INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),\n"
	"  read_at      TEXT,\n"
	"  read_by      TEXT,\n"
	"  done_at      TEXT,\n"
	"  done_by      TEXT,\n"
	"  followup     TEXT,\n"
	"  depth        INTEGER NOT NULL DEFAULT 0\n"
	") STRICT, WITHOUT ROWID;\n"
	/* every query reads the few dispositions of one case */
	"CREATE INDEX dispo_case ON dispo(case_id, created_at);\n"
	/* steps of a case, copied from its kind when the case is made */
	/* keyed by case and number, as global as the case id: every query reads
	 * the steps of one case; id (UUID v7) names the row too */
	"CREATE TABLE step(\n"
	"  id          TEXT NOT NULL,\n"
	"  case_id     TEXT NOT NULL REFERENCES cases(id),\n"
	"  no          INTEGER NOT NULL,\n"
	"  actor       TEXT,\n"
	/* (an IN list of more than two values builds a table at every insert) */
	"  complete_on TEXT NOT NULL CHECK (complete_on = 'manual' OR complete_on = 'register'"
	" OR complete_on = 'dispose' OR complete_on = 'followup'),\n"
	"  started_at  TEXT,\n"
	"  done_at     TEXT,\n"
	"  done_by     TEXT,\n"
	"  skipped     INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),\n"
	"  PRIMARY KEY (case_id, no)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* the event log: append-only, enforced by the database */
	"CREATE TABLE event(\n"
	"  id        TEXT PRIMARY KEY NOT NULL,\n"
	"  case_id   TEXT NOT NULL REFERENCES cases(id),\n"
	"  at        TEXT NOT NULL,\n"
	"  actor     TEXT NOT NULL,\n"
	"  on_behalf TEXT,\n"
	"  action    TEXT NOT NULL,\n"
	"  field     TEXT,\n"
	"  old_value TEXT,\n"
	"  new_value TEXT\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX event_case ON event(case_id);\n"
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN\n"
	"  SELECT RAISE(ABORT, 'event log is append-only');\n"
	"END;\n"
	"CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN\n"
	"  SELECT RAISE(ABORT, 'event log is append-only');\n"
	"END;\n"
	/* (the FTS and inbox triggers of cases: see TRIGGER_FTS_INSERT) */
	"PRAGMA user_version = 1;\n";

/*
 * v3: the case workflow engine (issue 3). Cases link to a cooperative
 * (koperasi_id) and to the incoming letter that brought them (letter_id),
 * carry the service clock (paused_since, paused_days) and the serving-office
 * forward (forwarded_to); steps remember whether they stop the clock; each
 * requirement of a case has its tick (case_req). The open-case index gains
 * paused_since so the overdue count stays an index-only read.
 */
static const char SCHEMA_V3[] =
	"ALTER TABLE cases ADD COLUMN koperasi_id TEXT;\n"
	"ALTER TABLE cases ADD COLUMN letter_id TEXT;\n"
	"ALTER TABLE cases ADD COLUMN paused_since TEXT;\n"
	"ALTER TABLE cases ADD COLUMN paused_days INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE cases ADD COLUMN forwarded_to TEXT;\n"
	/* a cooperative's cases, newest first; the requests a letter brought */
	"CREATE INDEX cases_koperasi ON cases(koperasi_id, rid) WHERE koperasi_id IS NOT NULL;\n"
	"CREATE INDEX cases_letter ON cases(letter_id, rid) WHERE letter_id IS NOT NULL;\n"
	"DROP INDEX cases_open_flags;\n"
	"CREATE INDEX cases_open_flags ON cases(disposed, deadline, paused_since)"
	" WHERE status = 'terbuka';\n"
	"ALTER TABLE step ADD COLUMN pause INTEGER NOT NULL DEFAULT 0;\n"
	/* the requirement checklist of a case: one row per requirement ever
	 * ticked or unticked (absent = not ticked); keyed as globally as the case */
	"CREATE TABLE case_req(\n"
	"  case_id TEXT NOT NULL REFERENCES cases(id),\n"
	"  req_key TEXT NOT NULL,\n"
	"  done    INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),\n"
	"  note    TEXT,\n"
	"  by      TEXT,\n"
	"  at      TEXT,\n"
	"  PRIMARY KEY (case_id, req_key)\n"
	") STRICT, WITHOUT ROWID;\n"
	"PRAGMA user_version = 3;\n";

/*
 * v4: the registry's name index holds lower(nama), compared as bytes. It
 * sorts as the column's NOCASE does (both fold ASCII letters only), but an
 * import of 100,000 cooperatives builds it in half the time: NOCASE compares
 * the long common prefixes of names ("Koperasi Serba Usaha ...") a byte at a
 * time through a collating function; bytes go through memcmp.
 */
static const char SCHEMA_V4[] =
	"DROP INDEX koperasi_nama;\n"
	"CREATE INDEX koperasi_nama ON koperasi(lower(nama));\n"
	"PRAGMA user_version = 4;\n";

static const char *const migrations[] = {
	SCHEMA_V1,
	store_koperasi_schema_sql, /* v2: the cooperative registry */
	SCHEMA_V3,                 /* v3: workflow engine: links, clock, requirements */
	SCHEMA_V4,                 /* v4: registry name index on lower(nama) */
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT store_write";
static const char SQL_RELEASE[] = "RELEASE store_write";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO store_write";
static const char SQL_BULK_FROM[] = "SELECT coalesce(max(rid), 0) + 1 FROM cases";
static const char SQL_BULK_LIFT[] =
	"DROP TRIGGER IF EXISTS cases_fts_insert; DROP TRIGGER IF EXISTS cases_fts_update;"
	" DROP TRIGGER IF EXISTS cases_count_insert;"
	" DROP TRIGGER IF EXISTS cases_holding_insert; DROP TRIGGER IF EXISTS cases_holding_update;";
static const char SQL_BULK_RESTORE[] =
	TRIGGER_FTS_INSERT ";\n" TRIGGER_FTS_UPDATE ";\n" TRIGGER_COUNT_INSERT ";\n"
	TRIGGER_HOLDING_INSERT ";\n" TRIGGER_HOLDING_UPDATE ";\n";
static const char SQL_BULK_COUNT[] =
	"INSERT INTO case_count(kind, n) SELECT kind, count(*) FROM cases WHERE rid >= :from"
	" GROUP BY kind ON CONFLICT(kind) DO UPDATE SET n = n + excluded.n";
static const char SQL_BULK_FTS[] =
	"INSERT INTO case_fts(rowid, number_text, subject, party, letter_no, search_text)"
	" SELECT rid, number_text, subject, party, letter_no, search_text FROM cases"
	" WHERE rid >= :from ORDER BY rid";
static const char SQL_BULK_HOLDING[] =
	"INSERT OR IGNORE INTO holding(pos, case_rid, received, numkey, dlkey, party)"
	" SELECT j.value, c.rid, c.received, c.year * 10000000000 + c.number,"
	" coalesce(c.deadline, '9999-12-31'), c.party FROM cases c, json_each("
	HOLDER_JSON("c.holder") ") j"
	" WHERE c.rid >= :from AND c.rid <= :to AND c.status = 'terbuka' AND c.holder IS NOT NULL";
static const char SQL_BULK_UNHOLD[] = "DELETE FROM holding WHERE case_rid = :rid";
static const char SQL_BULK_FTS_DELETE[] =
	"INSERT INTO case_fts(case_fts, rowid, number_text, subject, party, letter_no, search_text)"
	" SELECT 'delete', rid, number_text, subject, party, letter_no, search_text FROM cases"
	" WHERE rid = :rid";
static const char SQL_BULK_FTS_ONE[] =
	"INSERT INTO case_fts(rowid, number_text, subject, party, letter_no, search_text)"
	" SELECT rid, number_text, subject, party, letter_no, search_text FROM cases"
	" WHERE rid = :rid";
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";
/* page cache: 8 MiB and no mmap, so a session stays small (RSS target 32 MB
 * on 1M cases); 256 MiB in bulk mode */
#define SQL_CACHE_NORMAL "PRAGMA cache_size = -8192"
#define SQL_CACHE_BULK   "PRAGMA cache_size = -262144"

static void store_chart_free(struct store *st);
static void store_people_free(struct store *st);

/* ---- statement cache and helpers ---------------------------------------- */

sqlite3_stmt *store_prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "berkas: store: cannot prepare: %s\n%s\n", sqlite3_errmsg(st->db), sql);
		abort();
	}
	return s;
}

static size_t store_slot_hash(const char *sql, size_t nslots)
{
	uint64_t h = (uint64_t)(uintptr_t)sql;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h & (nslots - 1);
}

/* Doubles the slot table. */
static void store_slots_grow(struct store *st)
{
	size_t n = st->nslots ? st->nslots * 2 : 64;
	struct stmt_slot *slots = xcalloc(n, sizeof *slots);
	for (size_t i = 0; i < st->nslots; i++) {
		if (st->slots[i].sql == NULL)
			continue;
		size_t j = store_slot_hash(st->slots[i].sql, n);
		while (slots[j].sql != NULL)
			j = (j + 1) & (n - 1);
		slots[j] = st->slots[i];
	}
	free(st->slots);
	st->slots = slots;
	st->nslots = n;
}

/* Cached statement for a static SQL string (see store_int.h); never finalize it. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	if (st->nslots == 0 || (st->nused + 1) * 2 > st->nslots)
		store_slots_grow(st);
	size_t j = store_slot_hash(sql, st->nslots);
	while (st->slots[j].sql != NULL) {
		if (st->slots[j].sql == sql)
			return st->slots[j].stmt;
		j = (j + 1) & (st->nslots - 1);
	}
	st->slots[j].sql = sql;
	st->slots[j].stmt = store_prepare(st, sql);
	st->nused++;
	return st->slots[j].stmt;
}

/* Resets s and clears its bindings. */
void store_reset(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Parameter numbers by (statement, name): a small cache in front of
 * sqlite3_bind_parameter_index, which compares every name of the statement.
 * A hit is confirmed by the parameter's name, so a statement freed and
 * another made at the same address cannot be confused. One thread. */
static struct {
	const sqlite3_stmt *s;
	const char         *name;
	int                 i;
} param_cache[1 << 10];

static int store_param(sqlite3_stmt *s, const char *name, int loud)
{
	uint64_t h = (uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ULL ^
		     (uint64_t)(uintptr_t)name * 0xc2b2ae3d27d4eb4fULL;
	h >>= 54; /* the top 10 bits: 1024 entries */
	if (param_cache[h].s == s && param_cache[h].name == name) {
		const char *pn = sqlite3_bind_parameter_name(s, param_cache[h].i);
		if (pn != NULL && strcmp(pn, name) == 0)
			return param_cache[h].i;
	}
	int i = sqlite3_bind_parameter_index(s, name);
	if (i != 0) {
		param_cache[h].s = s;
		param_cache[h].name = name;
		param_cache[h].i = i;
	}
	if (i == 0 && loud) {
		fprintf(stderr, "berkas: store: no parameter %s in\n%s\n", name, sqlite3_sql(s));
		abort();
	}
	return i;
}

/* Binds text (NULL: SQL NULL) to a named parameter; unknown names abort. */
void store_bind_text(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = store_param(s, name, 1);
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds text that stays valid and unchanged until the statement is reset,
 * without copying it (NULL: SQL NULL); unknown names abort. */
void store_bind_text_ref(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = store_param(s, name, 1);
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Binds an integer to a named parameter; unknown names abort. */
void store_bind_int(sqlite3_stmt *s, const char *name, long long v)
{
	sqlite3_bind_int64(s, store_param(s, name, 1), v);
}

/* Binds text to a named parameter when the statement has it. */
void store_bind_text_opt(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = store_param(s, name, 0);
	if (i == 0)
		return;
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds an integer to a named parameter when the statement has it. */
void store_bind_int_opt(sqlite3_stmt *s, const char *name, long long v)
{
	int i = store_param(s, name, 0);
	if (i != 0)
		sqlite3_bind_int64(s, i, v);
}

/* Sets *cause (caller frees) from the last SQLite error of the store. */
void store_db_cause(struct store *st, char **cause)
{
	if (cause == NULL)
		return;
	int rc = sqlite3_errcode(st->db) & 0xff;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		*cause = xstrdup(_("basis data sedang dipakai pengguna lain; coba lagi sebentar lagi"));
	else
		*cause = xasprintf(_("basis data: %s"), sqlite3_errmsg(st->db));
}

/* One sqlite3_step; on error sets *cause and resets s. */
int store_step(struct store *st, sqlite3_stmt *s, char **cause)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	store_db_cause(st, cause);
	store_reset(s);
	return rc;
}

/* Steps s to the end and resets it: 0, or -1 with *cause. */
int store_run(struct store *st, sqlite3_stmt *s, char **cause)
{
	int rc;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return 0;
}

/* Column text as a new string (caller frees), NULL for SQL NULL. */
char *store_col_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Column text copied into an id buffer ("" for NULL). */
void store_col_id(sqlite3_stmt *s, int col, char out[37])
{
	const unsigned char *t = sqlite3_column_text(s, col);
	snprintf(out, 37, "%s", t ? (const char *)t : "");
}

/* Column JSON object read into v (initialised here; empty for NULL or bad JSON). */
void store_col_values(sqlite3_stmt *s, int col, struct values *v)
{
	const char *json = (const char *)sqlite3_column_text(s, col);
	values_init(v);
	if (json != NULL && values_from_json(json, v) != 0) {
		values_free(v);
		values_init(v);
	}
}

int store_page_rows(sqlite3_stmt *s, int n, size_t size, int backwards,
		    void (*read_row)(sqlite3_stmt *s, void *row),
		    void (*free_rows)(void *rows, size_t n), void **rows, size_t *k)
{
	char *out = xcalloc((size_t)n, size);
	int rc = SQLITE_DONE;
	*rows = NULL;
	*k = 0;
	while (*k < (size_t)n && (rc = sqlite3_step(s)) == SQLITE_ROW)
		read_row(s, out + (*k)++ * size);
	if (*k < (size_t)n && rc != SQLITE_DONE) {
		free_rows(out, *k);
		*k = 0;
		return -1;
	}
	if (backwards && *k > 1) {
		char *t = xmalloc(size);
		for (size_t i = 0; i < *k / 2; i++) {
			memcpy(t, out + i * size, size);
			memcpy(out + i * size, out + (*k - 1 - i) * size, size);
			memcpy(out + (*k - 1 - i) * size, t, size);
		}
		free(t);
	}
	if (*k == 0)
		free(out);
	else
		*rows = out;
	return 0;
}

/* The program clock as a stored UTC timestamp. */
void store_now(char out[21])
{
	ts_fmt_utc(clock_now(), out);
}

/* The id generator: one per process, so that ids made through different
 * connections of one process still increase (berkas uses one thread). */
static struct {
	unsigned long long ms;       /* timestamp of the last id */
	unsigned long long hi, lo;   /* its 12 + 62 bits after the timestamp */
	unsigned char      rnd[256]; /* random bytes from getrandom */
	size_t             pos;      /* next unused byte of rnd */
} uuid_gen = { .pos = sizeof uuid_gen.rnd };

/* n random bytes from the pool. */
static void uuid_random(void *buf, size_t n)
{
	unsigned char *b = buf;
	while (n > 0) {
		if (uuid_gen.pos >= sizeof uuid_gen.rnd) {
			size_t got = 0;
			while (got < sizeof uuid_gen.rnd) {
				ssize_t r = getrandom(uuid_gen.rnd + got, sizeof uuid_gen.rnd - got, 0);
				if (r < 0) {
					if (errno == EINTR)
						continue;
					fprintf(stderr, "berkas: getrandom: %s\n", strerror(errno));
					abort();
				}
				got += (size_t)r;
			}
			uuid_gen.pos = 0;
		}
		size_t k = sizeof uuid_gen.rnd - uuid_gen.pos;
		if (k > n)
			k = n;
		memcpy(b, uuid_gen.rnd + uuid_gen.pos, k);
		memset(uuid_gen.rnd + uuid_gen.pos, 0, k);
		uuid_gen.pos += k;
		b += k;
		n -= k;
	}
}

/* A UUID version 7 (see store_int.h). Within one millisecond, or when the
 * clock goes back, the 74 bits after the timestamp count up from the last id
 * (RFC 9562 6.2, method 2); a new millisecond starts them at a random value
 * whose top bit is clear, leaving room to count. */
void store_uuid(struct store *st, char out[37])
{
	(void)st;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long long ms = (unsigned long long)ts.tv_sec * 1000ULL +
				(unsigned long long)ts.tv_nsec / 1000000ULL;
	if (ms > uuid_gen.ms) {
		unsigned long long r[2];
		uuid_random(r, sizeof r);
		uuid_gen.ms = ms;
		uuid_gen.hi = r[0] & 0x7ffULL;
		uuid_gen.lo = r[1] & ((1ULL << 62) - 1);
	} else if ((++uuid_gen.lo >> 62) != 0) {
		uuid_gen.lo = 0;
		if (++uuid_gen.hi > 0xfffULL) {
			uuid_gen.ms++;
			uuid_gen.hi = 0;
		}
	}
	unsigned char u[16];
	for (int i = 0; i < 6; i++)
		u[i] = (unsigned char)(uuid_gen.ms >> (40 - 8 * i));
	u[6] = (unsigned char)(0x70 | (uuid_gen.hi >> 8));
	u[7] = (unsigned char)(uuid_gen.hi & 0xff);
	u[8] = (unsigned char)(0x80 | (uuid_gen.lo >> 56));
	for (int i = 9; i < 16; i++)
		u[i] = (unsigned char)((uuid_gen.lo >> (8 * (15 - i))) & 0xff);
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (size_t i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 0x0f];
	}
	out[o] = '\0';
}

/* FNV-1a of n bytes. */
static size_t strset_hash(const char *w, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)w[i];
		h *= 0x100000001b3ULL;
	}
	return (size_t)h;
}

/* Adds a copy of the n bytes at w: 1 if new, 0 if present. */
int strset_add(struct strset *s, const char *w, size_t n)
{
	if (s->cap == 0 || (s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		char **v = xcalloc(cap, sizeof *v);
		for (size_t i = 0; i < s->cap; i++) {
			if (s->v[i] == NULL)
				continue;
			size_t j = strset_hash(s->v[i], strlen(s->v[i])) & (cap - 1);
			while (v[j] != NULL)
				j = (j + 1) & (cap - 1);
			v[j] = s->v[i];
		}
		free(s->v);
		s->v = v;
		s->cap = cap;
	}
	size_t j = strset_hash(w, n) & (s->cap - 1);
	while (s->v[j] != NULL) {
		if (strncmp(s->v[j], w, n) == 0 && s->v[j][n] == '\0')
			return 0;
		j = (j + 1) & (s->cap - 1);
	}
	s->v[j] = xstrndup(w, n);
	s->n++;
	return 1;
}

void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Runs one static statement with no parameters: 0 or -1 with cause. */
static int store_exec1(struct store *st, const char *sql, char **cause)
{
	return store_run(st, store_stmt(st, sql), cause);
}

/* Opens a write transaction or, inside one, a savepoint (*token says which). */
int store_tx_begin(struct store *st, int *token, char **cause)
{
	if (!sqlite3_get_autocommit(st->db)) {
		if (store_bulk_pending(st)) {
			/* bulk: no savepoint per call; store_tx_end notes a call that
			 * fails after writing, and the commit then refuses */
			if (st->bulk_depth++ == 0)
				st->bulk_changes = sqlite3_total_changes64(st->db);
			*token = 3;
			return 0;
		}
		*token = 2;
		return store_exec1(st, SQL_SAVEPOINT, cause);
	}
	*token = 1;
	return store_exec1(st, SQL_BEGIN, cause);
}

/* Commits/releases (ok) or rolls back what store_tx_begin opened. */
int store_tx_end(struct store *st, int token, int ok, char **cause)
{
	if (!ok) /* the caches may hold what is rolled back */
		st->chart_ok = st->people_ok = 0;
	if (token == 3) {
		if (--st->bulk_depth == 0 && !ok &&
		    sqlite3_total_changes64(st->db) != st->bulk_changes)
			st->bulk_failed = 1;
		return 0;
	}
	if (token == 2) {
		if (ok)
			return store_exec1(st, SQL_RELEASE, cause);
		store_exec1(st, SQL_ROLLBACK_TO, NULL);
		store_exec1(st, SQL_RELEASE, NULL);
		return 0;
	}
	if (ok) {
		if (store_exec1(st, SQL_COMMIT, cause) == 0)
			return 0;
		if (!sqlite3_get_autocommit(st->db))
			store_exec1(st, SQL_ROLLBACK, NULL);
		return -1;
	}
	if (!sqlite3_get_autocommit(st->db))
		store_exec1(st, SQL_ROLLBACK, NULL);
	return 0;
}

int store_str_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

int store_tx_finish(struct store *st, int token, int ok, char **cause)
{
	if (store_tx_end(st, token, ok, ok ? cause : NULL) != 0)
		return -1;
	return ok ? 0 : -1;
}

/* 1 if the statement (parameters bound) returns a row, 0 if not, -1 on error. */
int store_exists(struct store *st, sqlite3_stmt *s, char **cause)
{
	int rc = store_step(st, s, cause);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return rc == SQLITE_ROW;
}

/* ---- open, migrate, close ----------------------------------------------- */

/* Reads an integer pragma (static text); -1 on error. */
static long store_pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	long v = -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Brings the schema to version target (the newest: N_MIGRATIONS) in one
 * transaction. */
static int store_migrate(struct store *st, long target, char **cause)
{
	long v = store_pragma_int(st, "PRAGMA user_version");
	if (v == target)
		return 0;
	char *err = NULL;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf(_("%s: tidak dapat memulai migrasi: %s"), st->path,
				   err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		return -1;
	}
	v = store_pragma_int(st, "PRAGMA user_version"); /* another process may have migrated */
	if (v < 0) {
		store_db_cause(st, cause);
		goto fail;
	}
	if (v > N_MIGRATIONS) {
		*cause = xasprintf(_("%s: skema basis data versi %ld lebih baru dari program ini"
				     " (versi %d); perbarui berkas"), st->path, v, N_MIGRATIONS);
		goto fail;
	}
	if (v == 0 && store_pragma_int(st, "SELECT count(*) FROM sqlite_schema") > 0) {
		*cause = xasprintf(_("%s: bukan basis data berkas"), st->path);
		goto fail;
	}
	if (v > 0 && store_pragma_int(st, "PRAGMA application_id") != STORE_APP_ID) {
		*cause = xasprintf(_("%s: bukan basis data berkas"), st->path);
		goto fail;
	}
	for (long i = v; i < target; i++) {
		if (sqlite3_exec(st->db, migrations[i], NULL, NULL, &err) != SQLITE_OK) {
			*cause = xasprintf(_("%s: migrasi skema ke versi %ld gagal: %s"), st->path,
					   i + 1, err ? err : sqlite3_errmsg(st->db));
			sqlite3_free(err);
			goto fail;
		}
	}
	/* the lifted triggers of cases go (back) after everything else */
	if (sqlite3_exec(st->db, SQL_BULK_LIFT, NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_exec(st->db, SQL_BULK_RESTORE, NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf(_("%s: migrasi skema gagal: %s"), st->path,
				   err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		goto fail;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf(_("%s: migrasi skema gagal: %s"), st->path,
				   err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		goto fail;
	}
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Opens (or creates) and migrates the database; *out is freed with store_close. */
int store_open(const char *path, int create, struct store **out, char **cause)
{
	return store_open_version(path, create, N_MIGRATIONS, out, cause);
}

/* store_open, migrating only up to schema version (tests of migrations). */
int store_open_version(const char *path, int create, int version, struct store **out,
		       char **cause)
{
	*out = NULL;
	if (!create && access(path, F_OK) != 0) {
		*cause = xasprintf(_("basis data %s tidak ditemukan; buat dengan 'berkas init'"), path);
		return -1;
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->unit_code = xstrdup("");
	/* A plain-text limit with at most this many matches is read from the FTS
	 * matches and sorted; with more, the sort index is walked and each row
	 * tested against the matches (cheaper than fetching and sorting them
	 * all: about 2 us per match fetched against 0.1 us per index entry). */
	st->limit_fts_drive = 2000;
	/* one thread uses each connection: no mutexes, and no memory statistics
	 * (their global mutex is taken on every allocation). The setting only
	 * takes before SQLite initializes; later calls fail harmlessly. */
	static int configured;
	if (!configured) {
		configured = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: tidak dapat dibuka: %s"), path,
				   st->db ? sqlite3_errmsg(st->db) : strerror(ENOMEM));
		store_close(st);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 5000);
	char *err = NULL;
	/* A new database gets 16 KiB pages (SQLite's default is 4 KiB; an
	 * existing file keeps its own, and the pragma then does nothing). Rows of
	 * the registry and of cases are 300-500 bytes with several indexes and a
	 * full-text index beside them: an import of 100,000 cooperatives commits
	 * its 100 MB in a quarter as many page writes and runs about 15% faster,
	 * while list and search on 100,000 letters measure the same (tests/bench).
	 * It must come before WAL mode, which fixes the size. */
	if (create)
		sqlite3_exec(st->db, "PRAGMA page_size = 16384", NULL, NULL, NULL);
	/* statement journals in memory; a small page cache and no mmap keep a
	 * session's memory small (SQL_CACHE_NORMAL) */
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
			 " PRAGMA journal_mode = WAL; " SQL_CACHE_NORMAL ";"
			 " PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 0;",
			 NULL, NULL, &err) != SQLITE_OK) {
		int notadb = (sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB;
		*cause = notadb ? xasprintf(_("%s: bukan basis data berkas"), path)
				: xasprintf(_("%s: %s"), path, err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		store_close(st);
		return -1;
	}
	if (store_migrate(st, version < N_MIGRATIONS ? version : N_MIGRATIONS, cause) != 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

/* Finalizes every cached statement and closes the database; NULL is fine. */
void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->nslots; i++)
		sqlite3_finalize(st->slots[i].stmt);
	for (size_t i = 0; i < LIST_STMTS; i++)
		sqlite3_finalize(st->list_stmts[i]);
	for (size_t i = 0; i < COUNT_STMTS; i++)
		sqlite3_finalize(st->count_stmts[i]);
	if (st->fts_tok != NULL)
		st->fts_tokapi.xDelete(st->fts_tok);
	if (st->db != NULL) {
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(st->db);
	}
	store_chart_free(st);
	store_people_free(st);
	strset_free(&st->bulk_terms);
	free(st->bulk_touched);
	free(st->slots);
	free(st->path);
	free(st->unit_code);
	free(st->data_dir);
	koperasi_ref_free(st->kop_ref);
	free(st);
}

/* The schema version (PRAGMA user_version), -1 on error. */
int store_schema_version(struct store *st)
{
	return (int)store_pragma_int(st, "PRAGMA user_version");
}

/* Sets the {kode} of office numbers (copied). */
void store_set_unit_code(struct store *st, const char *code)
{
	free(st->unit_code);
	st->unit_code = xstrdup(code ? code : "");
}

/* Sets the calendar for service-standard deadlines (not owned). */
void store_set_calendar(struct store *st, const struct calendar *cal)
{
	st->cal = cal;
}

/* Sets the kinds that name linked cases (not owned). */
void store_set_kinds(struct store *st, const struct kindset *ks)
{
	st->kinds = ks;
}

/* Sets the data folder of the registry lists; a loaded set is dropped. */
void store_set_data_dir(struct store *st, const char *dir)
{
	free(st->data_dir);
	st->data_dir = xstrdup(dir);
	koperasi_ref_free(st->kop_ref);
	st->kop_ref = NULL;
}

/* ---- explicit transactions and backup ------------------------------------ */

int store_begin(struct store *st, char **cause)
{
	if (!sqlite3_get_autocommit(st->db)) {
		*cause = xstrdup(_("transaksi sudah terbuka"));
		return -1;
	}
	if (store_exec1(st, SQL_BEGIN, cause) != 0)
		return -1;
	st->explicit_tx = 1;
	st->bulk_from = 0;
	st->bulk_failed = 0;
	st->bulk_depth = 0;
	st->nbulk_touched = 0;
	if (st->bulk) {
		/* the cases from here on get their FTS and inbox rows at the
		 * commit; the triggers that would write them row by row are lifted
		 * inside this transaction only */
		sqlite3_stmt *s = store_stmt(st, SQL_BULK_FROM);
		if (store_step(st, s, cause) != SQLITE_ROW) {
			store_rollback(st);
			return -1;
		}
		long long from = sqlite3_column_int64(s, 0);
		store_reset(s);
		char *err = NULL;
		if (sqlite3_exec(st->db, SQL_BULK_LIFT, NULL, NULL, &err) != SQLITE_OK) {
			*cause = xasprintf(_("basis data: %s"), err ? err : sqlite3_errmsg(st->db));
			sqlite3_free(err);
			store_rollback(st);
			return -1;
		}
		st->bulk_from = from;
	}
	return 0;
}

/* 1 while a bulk transaction defers the derived rows of new cases. */
int store_bulk_pending(const struct store *st)
{
	return st->bulk_from > 0 && !sqlite3_get_autocommit(st->db);
}

/* In a bulk transaction, notes a case made before it (rid < bulk_from) whose
 * inbox rows the commit must write again; other cases need nothing. */
void store_bulk_touch(struct store *st, long long rid)
{
	if (!store_bulk_pending(st) || rid >= st->bulk_from)
		return;
	for (size_t i = 0; i < st->nbulk_touched; i++)
		if (st->bulk_touched[i] == rid)
			return;
	if (st->nbulk_touched == st->bulk_touched_cap) {
		st->bulk_touched_cap = st->bulk_touched_cap ? st->bulk_touched_cap * 2 : 16;
		st->bulk_touched = xreallocarray(st->bulk_touched, st->bulk_touched_cap,
						 sizeof *st->bulk_touched);
	}
	st->bulk_touched[st->nbulk_touched++] = rid;
}

/* In a bulk transaction, takes a case made before it out of the FTS index
 * (del = 1, before its indexed columns change) or puts it back (del = 0). */
int store_bulk_fts(struct store *st, long long rid, int del, char **cause)
{
	if (!store_bulk_pending(st) || rid >= st->bulk_from)
		return 0;
	sqlite3_stmt *s = store_stmt(st, del ? SQL_BULK_FTS_DELETE : SQL_BULK_FTS_ONE);
	store_bind_int(s, ":rid", rid);
	return store_run(st, s, cause);
}

/* Writes the inbox rows of cases rid from..to from their row. */
static int store_bulk_hold(struct store *st, long long from, long long to, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_BULK_HOLDING);
	store_bind_int(s, ":from", from);
	store_bind_int(s, ":to", to);
	return store_run(st, s, cause);
}

/* Writes the FTS rows, inbox rows and prefix words of the cases made in the
 * open bulk transaction, the inbox rows of older cases it changed, and puts
 * the triggers back. */
static int store_bulk_flush(struct store *st, char **cause)
{
	long long from = st->bulk_from;
	sqlite3_stmt *s = store_stmt(st, SQL_BULK_FTS);
	store_bind_int(s, ":from", from);
	if (store_run(st, s, cause) != 0)
		return -1;
	if (store_bulk_hold(st, from, INT64_MAX, cause) != 0)
		return -1;
	s = store_stmt(st, SQL_BULK_COUNT);
	store_bind_int(s, ":from", from);
	if (store_run(st, s, cause) != 0)
		return -1;
	for (size_t i = 0; i < st->nbulk_touched; i++) {
		s = store_stmt(st, SQL_BULK_UNHOLD);
		store_bind_int(s, ":rid", st->bulk_touched[i]);
		if (store_run(st, s, cause) != 0 ||
		    store_bulk_hold(st, st->bulk_touched[i], st->bulk_touched[i], cause) != 0)
			return -1;
	}
	if (store_terms_flush(st, from, cause) != 0)
		return -1;
	char *err = NULL;
	if (sqlite3_exec(st->db, SQL_BULK_RESTORE, NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf(_("basis data: %s"), err ? err : sqlite3_errmsg(st->db));
		sqlite3_free(err);
		return -1;
	}
	st->bulk_from = 0;
	st->nbulk_touched = 0;
	return 0;
}

/* Commits the store_begin transaction: 0, or -1 with *cause (rolled back). */
int store_commit(struct store *st, char **cause)
{
	st->explicit_tx = 0;
	if (sqlite3_get_autocommit(st->db)) {
		st->bulk_from = 0;
		if (st->bulk_failed) {
			st->bulk_failed = 0;
			*cause = xstrdup(_("transaksi dibatalkan: sebuah perubahan gagal di tengah jalan"));
			return -1;
		}
		return 0;
	}
	if (st->bulk_failed) {
		*cause = xstrdup(_("transaksi dibatalkan: sebuah perubahan gagal di tengah jalan"));
	} else if ((st->bulk_from == 0 || store_bulk_flush(st, cause) == 0) &&
		   store_exec1(st, SQL_COMMIT, cause) == 0) {
		st->bulk_from = 0;
		return 0;
	}
	st->bulk_from = 0;
	st->bulk_failed = 0;
	st->chart_ok = st->people_ok = 0;
	if (!sqlite3_get_autocommit(st->db))
		store_exec1(st, SQL_ROLLBACK, NULL);
	return -1;
}

/* Rolls back the store_begin transaction, if any. */
void store_rollback(struct store *st)
{
	st->explicit_tx = 0;
	st->bulk_failed = 0;
	st->chart_ok = st->people_ok = 0;
	st->bulk_from = 0;
	if (!sqlite3_get_autocommit(st->db))
		store_exec1(st, SQL_ROLLBACK, NULL);
}

/* Enters bulk mode (see store.h). */
int store_bulk_begin(struct store *st, char **cause)
{
	if (!sqlite3_get_autocommit(st->db)) {
		*cause = xstrdup(_("transaksi sudah terbuka"));
		return -1;
	}
	/* a bulk transaction dirties pages all over the random-order indexes
	 * (asal, nomor): keep them in memory until the commit instead of
	 * spilling them to the WAL half-way */
	if (sqlite3_exec(st->db, SQL_CACHE_BULK, NULL, NULL, NULL) != SQLITE_OK) {
		store_db_cause(st, cause);
		return -1;
	}
	st->bulk = 1;
	return 0;
}

/* Leaves bulk mode and merges the FTS segments the bulk commits left. */
int store_bulk_end(struct store *st, char **cause)
{
	if (!st->bulk)
		return 0;
	if (!sqlite3_get_autocommit(st->db)) {
		*cause = xstrdup(_("transaksi masih terbuka"));
		return -1;
	}
	st->bulk = 0;
	strset_free(&st->bulk_terms);
	if (sqlite3_exec(st->db, SQL_CACHE_NORMAL, NULL, NULL, NULL) != SQLITE_OK) {
		store_db_cause(st, cause);
		return -1;
	}
	return 0;
}

/* Copies the database to path through a temporary file: 0 or -1 with *cause. */
int store_backup(struct store *st, const char *path, char **cause)
{
	char *tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	unlink(tmp);
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("%s: tidak dapat dibuat: %s"), path,
				   dst ? sqlite3_errmsg(dst) : strerror(ENOMEM));
		goto fail;
	}
	sqlite3_busy_timeout(dst, 5000);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
	if (b == NULL) {
		*cause = xasprintf(_("%s: cadangan gagal: %s"), path, sqlite3_errmsg(dst));
		goto fail;
	}
	/* one step copies everything from one consistent snapshot */
	int tries = 0;
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(100);
	} while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 100);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cadangan gagal: %s"), path, sqlite3_errstr(rc));
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cadangan gagal: %s"), path, sqlite3_errmsg(dst));
		dst = NULL;
		goto fail;
	}
	dst = NULL;
	if (rename(tmp, path) != 0) {
		*cause = xasprintf(_("%s: tidak dapat ditulis: %s"), path, strerror(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (dst != NULL)
		sqlite3_close_v2(dst);
	unlink(tmp);
	free(tmp);
	return -1;
}

/* ---- positions ------------------------------------------------------------- */

static const char SQL_POSITION_GET[] =
	"SELECT code, name, parent FROM position WHERE code = :code";
static const char SQL_POSITION_CYCLE[] =
	"WITH RECURSIVE up(code) AS ("
	"  SELECT :parent"
	"  UNION SELECT p.parent FROM position p JOIN up ON p.code = up.code"
	"  WHERE p.parent IS NOT NULL)"
	" SELECT 1 FROM up WHERE code = :code LIMIT 1";
static const char SQL_POSITION_PUT[] =
	"INSERT INTO position(code, name, parent, ord)"
	" VALUES (:code, :name, :parent, (SELECT coalesce(max(ord), 0) + 1 FROM position))"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, parent = excluded.parent";
static const char SQL_POSITIONS[] =
	"SELECT code, name, parent FROM position ORDER BY ord, code";

/* 1 if the position code exists, 0 if not, -1 on error. */
static int store_position_exists(struct store *st, const char *code, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_POSITION_GET);
	store_bind_text(s, ":code", code);
	return store_exists(st, s, cause);
}

/* Adds or renames a position; its parent must exist and not be below it. */
int store_position_put(struct store *st, const struct position *p, char **cause)
{
	if (p->code == NULL || *p->code == '\0') {
		*cause = xstrdup(_("kode jabatan: wajib diisi"));
		return -1;
	}
	if (p->name == NULL || *p->name == '\0') {
		*cause = xasprintf(_("jabatan %s: nama wajib diisi"), p->code);
		return -1;
	}
	const char *parent = p->parent && *p->parent ? p->parent : NULL;
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	if (parent != NULL) {
		int e = store_position_exists(st, parent, cause);
		if (e < 0)
			goto done;
		if (e == 0) {
			*cause = xasprintf(_("jabatan %s: induk '%s' tidak dikenal"), p->code, parent);
			goto done;
		}
		sqlite3_stmt *s = store_stmt(st, SQL_POSITION_CYCLE);
		store_bind_text(s, ":parent", parent);
		store_bind_text(s, ":code", p->code);
		e = store_exists(st, s, cause);
		if (e < 0)
			goto done;
		if (e == 1) {
			*cause = xasprintf(_("jabatan %s: induk '%s' membuat lingkaran pada bagan"),
					   p->code, parent);
			goto done;
		}
	}
	sqlite3_stmt *s = store_stmt(st, SQL_POSITION_PUT);
	store_bind_text(s, ":code", p->code);
	store_bind_text(s, ":name", p->name);
	store_bind_text(s, ":parent", parent);
	ok = store_run(st, s, cause) == 0;
done:
	st->chart_ok = 0;
	return store_tx_finish(st, tok, ok, cause);
}

/* Appends to out, depth first, the positions of rows whose parent is parent. */
static void store_positions_walk(struct position *rows, size_t n, char *used, const char *parent,
				 struct position *out, size_t *k)
{
	for (size_t i = 0; i < n; i++) {
		if (used[i])
			continue;
		int child = parent == NULL ? rows[i].parent == NULL
					   : rows[i].parent != NULL && strcmp(rows[i].parent, parent) == 0;
		if (!child)
			continue;
		used[i] = 1;
		out[(*k)++] = rows[i];
		store_positions_walk(rows, n, used, rows[i].code, out, k);
	}
}

/* All positions in chart order; caller frees with positions_free. */
int store_positions(struct store *st, struct position **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_POSITIONS);
	struct position *rows = NULL;
	size_t nr = 0, cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (nr == cap) {
			cap = cap ? cap * 2 : 16;
			rows = xreallocarray(rows, cap, sizeof *rows);
		}
		rows[nr].code = store_col_text(s, 0);
		rows[nr].name = store_col_text(s, 1);
		rows[nr].parent = store_col_text(s, 2);
		nr++;
	}
	if (rc != SQLITE_DONE) {
		positions_free(rows, nr);
		return -1;
	}
	store_reset(s);
	if (nr == 0)
		return 0;
	/* chart order: roots in load order, each followed by its subtree */
	char *used = xcalloc(nr, 1);
	struct position *sorted = xcalloc(nr, sizeof *sorted);
	size_t k = 0;
	store_positions_walk(rows, nr, used, NULL, sorted, &k);
	for (size_t i = 0; i < nr; i++) /* orphans (parent missing) keep load order */
		if (!used[i])
			sorted[k++] = rows[i];
	free(used);
	free(rows);
	*out = sorted;
	*n = k;
	return 0;
}

/* Frees an array from store_positions. */
void positions_free(struct position *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].code);
		free(p[i].name);
		free(p[i].parent);
	}
	free(p);
}

/* Forgets the cached org chart. */
static void store_chart_free(struct store *st)
{
	for (size_t i = 0; i < st->nchart; i++) {
		free(st->chart[i].code);
		free(st->chart[i].parent);
	}
	free(st->chart);
	st->chart = NULL;
	st->nchart = 0;
	st->chart_ok = 0;
}

/* Forgets the cached people. */
static void store_people_free(struct store *st)
{
	people_free(st->people, st->npeople);
	st->people = NULL;
	st->npeople = 0;
	st->people_ok = 0;
}

/* Drops the caches when another connection committed since they were read. */
static int store_cache_check(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DATA_VERSION);
	if (store_step(st, s, NULL) != SQLITE_ROW)
		return -1;
	long long dv = sqlite3_column_int64(s, 0);
	store_reset(s);
	if (dv != st->cache_dv) {
		store_chart_free(st);
		store_people_free(st);
		st->cache_dv = dv;
	}
	return 0;
}

/* The org chart in memory: 0, or -1. */
static int store_chart(struct store *st)
{
	if (store_cache_check(st) != 0)
		return -1;
	if (st->chart_ok)
		return 0;
	store_chart_free(st);
	sqlite3_stmt *s = store_stmt(st, SQL_POSITIONS);
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (st->nchart == cap) {
			cap = cap ? cap * 2 : 32;
			st->chart = xreallocarray(st->chart, cap, sizeof *st->chart);
		}
		st->chart[st->nchart].code = store_col_text(s, 0);
		st->chart[st->nchart].parent = store_col_text(s, 2);
		st->nchart++;
	}
	if (rc != SQLITE_DONE) {
		store_chart_free(st);
		return -1;
	}
	store_reset(s);
	st->chart_ok = 1;
	return 0;
}

/* The chart entry of code, or NULL. */
static const struct chart_pos *store_chart_find(const struct store *st, const char *code)
{
	for (size_t i = 0; i < st->nchart; i++)
		if (strcmp(st->chart[i].code, code) == 0)
			return &st->chart[i];
	return NULL;
}

/* 1 if the position exists, 0 if not, -1 on error. */
int store_position_known(struct store *st, const char *code)
{
	if (store_chart(st) != 0)
		return -1;
	return code != NULL && store_chart_find(st, code) != NULL;
}

static int person_login_cmp(const void *key, const void *p)
{
	return strcmp(key, ((const struct person *)p)->login);
}

/* The person with login from the cached people, or NULL. */
const struct person *store_person_cached(struct store *st, const char *login, int *err)
{
	*err = 0;
	if (store_cache_check(st) != 0) {
		*err = 1;
		return NULL;
	}
	if (!st->people_ok) {
		store_people_free(st);
		if (store_people(st, &st->people, &st->npeople) != 0) {
			*err = 1;
			return NULL;
		}
		st->people_ok = 1;
	}
	if (login == NULL || st->npeople == 0)
		return NULL;
	return bsearch(login, st->people, st->npeople, sizeof *st->people, person_login_cmp);
}

/* 1 if below is strictly under above in the chart, else 0. */
int store_position_is_below(struct store *st, const char *below, const char *above)
{
	if (below == NULL || above == NULL || store_chart(st) != 0)
		return 0;
	const struct chart_pos *p = store_chart_find(st, below);
	/* at most one step per position: a cycle cannot loop */
	for (size_t steps = 0; p != NULL && p->parent != NULL && steps < st->nchart; steps++) {
		if (strcmp(p->parent, above) == 0)
			return 1;
		p = store_chart_find(st, p->parent);
	}
	return 0;
}

/* ---- people ------------------------------------------------------------------ */

#define PERSON_COLS "login, name, nip, position, roles"
static const char SQL_PERSON_PUT[] =
	"INSERT INTO person(" PERSON_COLS ") VALUES (:login, :name, :nip, :position, :roles)"
	" ON CONFLICT(login) DO UPDATE SET name = excluded.name, nip = excluded.nip,"
	" position = excluded.position, roles = excluded.roles";
static const char SQL_PERSON_GET[] =
	"SELECT " PERSON_COLS " FROM person WHERE login = :login";
static const char SQL_PERSON_FOR_POSITION[] =
	"SELECT " PERSON_COLS " FROM person WHERE position = :position ORDER BY login LIMIT 1";
static const char SQL_PEOPLE[] =
	"SELECT " PERSON_COLS " FROM person ORDER BY login";
static const char SQL_PERSON_COUNT[] = "SELECT count(*) FROM person";

static void store_person_read(sqlite3_stmt *s, struct person *p)
{
	p->login = store_col_text(s, 0);
	p->name = store_col_text(s, 1);
	p->nip = store_col_text(s, 2);
	p->position = store_col_text(s, 3);
	p->roles = store_col_text(s, 4);
}

/* Adds or updates a person; the position, when given, must exist. */
int store_person_put(struct store *st, const struct person *p, char **cause)
{
	if (p->login == NULL || *p->login == '\0') {
		*cause = xstrdup(_("login: wajib diisi"));
		return -1;
	}
	if (strpbrk(p->login, " \t\n,") != NULL || str_has_control(p->login, 0)) {
		*cause = xasprintf(_("login: tidak valid '%s'"), p->login);
		return -1;
	}
	if (p->name == NULL || *p->name == '\0') {
		*cause = xasprintf(_("pegawai %s: nama wajib diisi"), p->login);
		return -1;
	}
	const char *pos = p->position && *p->position ? p->position : NULL;
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	if (pos != NULL) {
		int e = store_position_exists(st, pos, cause);
		if (e < 0)
			goto done;
		if (e == 0) {
			*cause = xasprintf(_("pegawai %s: jabatan '%s' tidak dikenal"), p->login, pos);
			goto done;
		}
	}
	sqlite3_stmt *s = store_stmt(st, SQL_PERSON_PUT);
	store_bind_text(s, ":login", p->login);
	store_bind_text(s, ":name", p->name);
	store_bind_text(s, ":nip", p->nip && *p->nip ? p->nip : NULL);
	store_bind_text(s, ":position", pos);
	store_bind_text(s, ":roles", p->roles ? p->roles : "");
	ok = store_run(st, s, cause) == 0;
done:
	st->people_ok = 0;
	return store_tx_finish(st, tok, ok, cause);
}

/* Runs a one-person query (parameter already bound): 1/0/-1. */
static int store_person_one(struct store *st, sqlite3_stmt *s, struct person *out)
{
	memset(out, 0, sizeof *out);
	int rc = store_step(st, s, NULL);
	if (rc == SQLITE_ROW)
		store_person_read(s, out);
	else if (rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return rc == SQLITE_ROW;
}

/* Looks a person up by login: 1/0/-1; clear with person_clear. */
int store_person_get(struct store *st, const char *login, struct person *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_PERSON_GET);
	store_bind_text(s, ":login", login);
	return store_person_one(st, s, out);
}

/* The first person (by login) holding position: 1/0/-1. */
int store_person_for_position(struct store *st, const char *position, struct person *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_PERSON_FOR_POSITION);
	store_bind_text(s, ":position", position);
	return store_person_one(st, s, out);
}

/* Everyone by login; caller frees with people_free. */
int store_people(struct store *st, struct person **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_PEOPLE);
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		store_person_read(s, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		people_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	store_reset(s);
	return 0;
}

/* Frees the strings of p and zeroes it. */
void person_clear(struct person *p)
{
	free(p->login);
	free(p->name);
	free(p->nip);
	free(p->position);
	free(p->roles);
	memset(p, 0, sizeof *p);
}

/* Frees an array from store_people. */
void people_free(struct person *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		person_clear(&p[i]);
	free(p);
}

/* Number of people, -1 on error. */
long store_person_count(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, SQL_PERSON_COUNT);
	if (store_step(st, s, NULL) != SQLITE_ROW)
		return -1;
	long n = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	return n;
}

/* 1 if the comma list roles contains role. */
int store_roles_have(const char *roles, const char *role)
{
	if (roles == NULL || role == NULL || *role == '\0')
		return 0;
	size_t rl = strlen(role);
	const char *p = roles;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		const char *e = p;
		while (*e && *e != ',')
			e++;
		const char *t = e;
		while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if ((size_t)(t - p) == rl && strncmp(p, role, rl) == 0)
			return 1;
		p = e;
	}
	return 0;
}

/* 1 if p has role in its comma list of roles. */
int person_has_role(const struct person *p, const char *role)
{
	return p != NULL && store_roles_have(p->roles, role);
}
