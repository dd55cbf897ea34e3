/* store_int.h: what the store_*.c files share: the store struct, the statement cache, binding and transaction helpers. */
#ifndef BERKAS_STORE_INT_H
#define BERKAS_STORE_INT_H

#include <sqlite3.h>

#include "store.h"
#include "calendar.h"
#include "util.h"

/* List statements are composed from static fragments and cached by the shape
 * of the query: view x sort x order x keyset x search x kind x limit. */
enum list_strategy { LS_MINE, LS_UNDISPOSED, LS_OVERDUE, LS_ALL, LS_COUNT };
/* LK_TEXT (plain words in asal/perihal) runs as an FTS5 column filter: either
 * as a membership test while the sort index is scanned (many matches), or, as
 * LK_TEXT_FTS, driving the query from the FTS matches and sorting them (few). */
enum limit_kind { LK_NONE, LK_SECURITY, LK_URGENCY, LK_PENTING, LK_STATUS, LK_YEAR, LK_KIND,
		  LK_TEXT, LK_TEXT_FTS, LK_COUNT };
#define LIST_STMTS  (LS_COUNT * SORT_COUNT * 2 * 2 * 2 * 2 * LK_COUNT)
#define COUNT_STMTS (LS_COUNT * 2 * 2 * LK_COUNT)

struct stmt_slot {
	const char   *sql;  /* key: address of a static SQL string */
	sqlite3_stmt *stmt; /* prepared once, reset after use */
};

/* One position of the cached org chart. */
struct chart_pos {
	char *code;
	char *parent; /* NULL for the top */
};

/* A set of strings (the words already in fts_term during bulk loading). */
struct strset {
	char   **v;    /* open addressing; NULL = free */
	size_t   cap;  /* a power of two, or 0 */
	size_t   n;
};

struct store {
	sqlite3               *db;
	char                  *path;        /* database file */
	char                  *unit_code;   /* {kode} in office numbers, "" by default */
	const struct calendar *cal;         /* for kind service_days deadlines, or NULL */
	int                    explicit_tx; /* store_begin is open */
	struct stmt_slot      *slots;       /* open-addressing table keyed by SQL pointer */
	size_t                 nslots;      /* capacity, a power of two */
	size_t                 nused;
	void                  *fts_tok;     /* FTS5 unicode61 tokenizer (Fts5Tokenizer *), or NULL */
	fts5_tokenizer         fts_tokapi;  /* its methods */
	int                    fts_tried;   /* tokenizer looked up already */
	sqlite3_stmt          *list_stmts[LIST_STMTS];
	sqlite3_stmt          *count_stmts[COUNT_STMTS];
	/* the org chart and the people, read once and again after a put here or
	 * a commit by another connection (PRAGMA data_version) */
	long long              cache_dv;
	struct chart_pos      *chart;
	size_t                 nchart;
	int                    chart_ok;
	struct person         *people;     /* by login */
	size_t                 npeople;
	int                    people_ok;
	/* bulk mode (store_bulk_begin): explicit transactions defer the derived
	 * rows of new cases (FTS, holding, fts_term) to their commit */
	int                    bulk;
	long long              bulk_from;   /* first pending rid in the open bulk transaction, 0 if none */
	int                    bulk_depth;  /* store_tx_begin nesting inside it (no savepoints) */
	long long              bulk_changes;/* sqlite3_total_changes64 when the outer call began */
	int                    bulk_failed; /* a call failed after writing: the commit refuses */
	long long             *bulk_touched;/* older cases it changed (store_bulk_touch) */
	size_t                 nbulk_touched, bulk_touched_cap;
	struct strset          bulk_terms;  /* words known to be in fts_term */
	/* a plain-text limit with at most this many matches is driven from the
	 * FTS matches (LK_TEXT_FTS); store_open sets it, tests may change it */
	long                   limit_fts_drive;
	/* issue 3: the loaded kinds (short titles of linked cases; not owned,
	 * may be NULL), the data/ folder and the registry lists and grade
	 * rules read from it on first need (store_koperasi_ref) */
	const struct kindset  *kinds;
	char                  *data_dir;
	struct kop_ref        *kop_ref;
};

/* store_open, but migrating only up to schema version (a test makes an
 * older database with it, then opens it with store_open to migrate it). */
int store_open_version(const char *path, int create, int version, struct store **out,
		       char **cause);

/* The cached statement for a static SQL string, prepared on first use. A
 * statement that fails to prepare is a programmer error: abort. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Prepares (persistent) sql or aborts. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);
/* Resets a statement and clears its bindings, ready for the next use. */
void store_reset(sqlite3_stmt *s);

/* Binds by parameter name; an unknown name aborts (a typo in static SQL).
 * Text NULL binds SQL NULL. */
void store_bind_text(sqlite3_stmt *s, const char *name, const char *v);
void store_bind_int(sqlite3_stmt *s, const char *name, long long v);
/* Text bound without a copy: v must stay valid and unchanged until the
 * statement is reset (store_run, or store_reset after the last step). */
void store_bind_text_ref(sqlite3_stmt *s, const char *name, const char *v);
/* Same, but silently does nothing when the statement has no such parameter
 * (composed list statements). */
void store_bind_text_opt(sqlite3_stmt *s, const char *name, const char *v);
void store_bind_int_opt(sqlite3_stmt *s, const char *name, long long v);

/* Steps s once: SQLITE_ROW, SQLITE_DONE, or another code after which *cause
 * is set (when cause != NULL) and the statement has been reset. */
int  store_step(struct store *st, sqlite3_stmt *s, char **cause);
/* Runs s to completion and resets it: 0 or -1 with cause. */
int  store_run(struct store *st, sqlite3_stmt *s, char **cause);
/* *cause = a message from the last SQLite error ("basis data: ..."). */
void store_db_cause(struct store *st, char **cause);
/* Column as an allocated string, or NULL for SQL NULL. */
char *store_col_text(sqlite3_stmt *s, int col);
/* Column copied into a fixed id buffer ("" for NULL). */
void store_col_id(sqlite3_stmt *s, int col, char out[37]);
/* A JSON object column (the fields of a case) into v, which it initialises:
 * empty when the column is NULL or not a JSON object of strings. */
void store_col_values(sqlite3_stmt *s, int col, struct values *v);

/* One keyset page (store_list_page, store_koperasi_page): steps s (bound,
 * not reset here) for at most n rows of size bytes, each filled by read_row
 * in a zeroed array; the rows are turned around when backwards (the page was
 * queried the other way). 0 with *rows (NULL when none) and *k, or -1 on a
 * failed step, the rows read freed with free_rows: the caller then takes the
 * message from the statement and resets it. */
int  store_page_rows(sqlite3_stmt *s, int n, size_t size, int backwards,
		     void (*read_row)(sqlite3_stmt *s, void *row),
		     void (*free_rows)(void *rows, size_t n), void **rows, size_t *k);

/* A write transaction: BEGIN IMMEDIATE, or a savepoint inside an open
 * (store_begin) transaction, or nothing inside a bulk transaction (see
 * store_bulk_begin); *token says which, for store_tx_end. It commits or
 * releases (ok) or rolls back; 0, or -1 with cause when the commit fails. */
int  store_tx_begin(struct store *st, int *token, char **cause);
int  store_tx_end(struct store *st, int token, int ok, char **cause);
/* store_tx_end for a call that succeeded (ok) or failed with its cause set
 * (the rollback keeps it): 0, or -1 when the call failed or the commit did. */
int  store_tx_finish(struct store *st, int token, int ok, char **cause);
/* 1 if the statement (parameters bound) returns a row, 0 if not, -1 with
 * cause on error; the statement is reset. */
int  store_exists(struct store *st, sqlite3_stmt *s, char **cause);

/* A new id: a UUID version 7 (RFC 9562: 48-bit Unix time in ms, then random
 * bits), strictly increasing within the process (st is not used), so ids sort
 * in creation order and rows keyed by them are appended to their B-trees. */
void store_uuid(struct store *st, char out[37]);

/* The current time as a stored UTC timestamp. */
void store_now(char out[21]);

/* Appends one event to the log (store_dispo.c). */
int  store_event(struct store *st, const char *case_id, const char *at, const char *actor,
		 const char *on_behalf, const char *action, const char *field,
		 const char *old_value, const char *new_value, char **cause);
/* Runs an event query (parameters bound; columns at, actor, on_behalf,
 * action, field, old_value, new_value) into *out in its order; caller frees
 * with events_free. 0, or -1 (store_dispo.c). */
int  store_events_read(struct store *st, sqlite3_stmt *s, struct event **out, size_t *n);
/* "diubah oleh X pada ... (versi N)" from s, which selects (version,
 * updated_by, updated_at) of row :id; missing when there is none. Caller frees
 * (store_case.c). */
char *store_conflict_msg(struct store *st, sqlite3_stmt *s, const char *id, const char *missing);
/* The steps a new case gets and their state right after registering: the
 * steps that complete on register done (earlier ones skipped), the next one
 * started; step and actor are the current step (0, NULL: none), which the
 * case row takes at insert (store_dispo.c). */
struct step_plan {
	const struct kstep *ks;
	int                 started, done, skipped;
};
struct steps_init {
	struct step_plan *s;       /* the steps that apply, in kind order */
	size_t            n;
	struct step_plan *closes;  /* the steps closed, in the order they close */
	size_t            nclose;
	int               step;
	const char       *actor;
	int               paused;  /* the current step stops the service clock */
};
/* reqs_missing > 0: the required requirements are not all ticked, so a pause
 * step that completes on register stays open (the case waits there, its
 * clock standing). */
void store_steps_plan(const struct kind *k, const struct values *v, int reqs_missing,
		      struct steps_init *p);
void store_steps_plan_free(struct steps_init *p);
/* Writes the step rows of a new case from its plan and logs ("tahap") the
 * steps registering closed (store_dispo.c). */
int  store_steps_create(struct store *st, const struct steps_init *p, const char *case_id,
			const char *at, const char *actor, char **cause);
/* Recomputes the workflow columns of a case (step, step_actor, disposed,
 * holder) from its steps and dispositions (store_dispo.c). */
int  store_case_refresh(struct store *st, const char *case_id, char **cause);
/* Bulk commit (store_case.c): records in fts_term the words of the cases with
 * rid >= from. */
int  store_terms_flush(struct store *st, long long from, char **cause);
/* 1 inside a bulk transaction: the FTS and inbox triggers on cases are
 * lifted, and the commit writes the FTS rows, inbox rows and fts_term words
 * of the cases from rid bulk_from on (store.c). Code that changes a case
 * made before (rid < bulk_from) calls store_bulk_touch after changing its
 * inbox columns, and store_bulk_fts around changing its indexed columns
 * (both do nothing outside bulk transactions and for new cases). */
int  store_bulk_pending(const struct store *st);
void store_bulk_touch(struct store *st, long long rid);
int  store_bulk_fts(struct store *st, long long rid, int del, char **cause);
void strset_free(struct strset *s);
/* Adds a copy of w; 1 if it was new, 0 if already there. */
int  strset_add(struct strset *s, const char *w, size_t n);

/* From the cached chart and people (store.c): 1 if the position exists, 0
 * if not, -1 on error; the person with login, or NULL (not registered or an
 * error: *err = 1). The person stays valid until the next store call. */
int  store_position_known(struct store *st, const char *code);
const struct person *store_person_cached(struct store *st, const char *login, int *err);

/* 1 if two optional strings differ (one NULL and not the other, or both
 * given and not equal) (store.c). */
int  store_str_differs(const char *a, const char *b);

/* Role check for a person (store.c): 1 if the comma list has role. */
int  store_roles_have(const char *roles, const char *role);

/* ---- issue 3: links, serving office, registry write-back (store_flow.c) ---- */

struct koperasi;
/* What the fields of a case being saved link to and cause, checked before
 * anything is written (store_flow_prepare), applied after the case row is
 * written (store_flow_apply). */
struct flow_plan {
	char             kop_id[37];     /* linked cooperative, "" none */
	char            *kop_name;
	char             letter_id[37];  /* linked incoming letter, "" none */
	char            *forward_to;     /* forwarded on this save: office code, else NULL */
	char            *forward_text;   /* event text: office and forwarding letter */
	struct koperasi *writeback;      /* the cooperative with the [registry] fields
					  * applied, when they change it; else NULL */
};
void store_flow_plan_free(struct flow_plan *fp);
/* Resolves the koperasi and letter fields of v (stored form; the koperasi
 * value is rewritten to the cooperative's NIK, or its id), applies the
 * serving-office rule and prepares the registry write-back. old is the stored
 * case on update (its links stand while their field is unchanged), NULL on
 * insert. 0, or -1 with cause naming the field. Nothing is written. */
int  store_flow_prepare(struct store *st, const struct kind *k, struct values *v,
			const struct case_rec *old, struct flow_plan *fp, char **cause);
/* After the case row is written: the forward (event "diteruskan", steps
 * closed, case done) and the registry write-back (history naming the case). */
int  store_flow_apply(struct store *st, const struct kind *k, const char *case_id,
		      const char *number_text, struct flow_plan *fp, const char *now,
		      const char *actor, char **cause);
/* Closes the open steps of a case and marks it done ("selesai"), as a last
 * follow-up does (store_dispo.c). */
int  store_case_finish(struct store *st, const char *case_id, const char *now,
		       const char *actor, char **cause);
/* Reads a list row: ROW_COLS then the sort value (store_case.c). */
void store_row_read(sqlite3_stmt *s, struct case_row *r);
/* Fills the linked text of each row (the page's rows only). */
int  store_rows_linked(struct store *st, struct case_row *rows, size_t n, char **cause);

#endif
