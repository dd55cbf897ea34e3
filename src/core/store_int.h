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
enum limit_kind { LK_NONE, LK_SECURITY, LK_URGENCY, LK_PENTING, LK_STATUS, LK_YEAR, LK_KIND,
		  LK_TEXT, LK_COUNT };
#define LIST_STMTS  (LS_COUNT * SORT_COUNT * 2 * 2 * 2 * 2 * LK_COUNT)
#define COUNT_STMTS (LS_COUNT * 2 * 2 * LK_COUNT)

struct stmt_slot {
	const char   *sql;  /* key: address of a static SQL string */
	sqlite3_stmt *stmt; /* prepared once, reset after use */
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
};

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

/* A write transaction: BEGIN IMMEDIATE, or a savepoint inside an open
 * (store_begin) transaction; *token says which, for store_tx_end. It commits
 * or releases (ok) or rolls back; 0, or -1 with cause when the commit fails. */
int  store_tx_begin(struct store *st, int *token, char **cause);
int  store_tx_end(struct store *st, int token, int ok, char **cause);

/* The current time as a stored UTC timestamp. */
void store_now(char out[21]);

/* Appends one event to the log (store_dispo.c). */
int  store_event(struct store *st, const char *case_id, const char *at, const char *actor,
		 const char *on_behalf, const char *action, const char *field,
		 const char *old_value, const char *new_value, char **cause);
/* Creates the step rows of a new case from its kind, completes the steps
 * that complete on register and starts the next one (store_dispo.c). */
int  store_steps_create(struct store *st, const struct kind *k, const char *case_id,
			const struct values *v, const char *at, const char *actor, char **cause);
/* Recomputes the workflow columns of a case (step, step_actor, disposed,
 * holder) from its steps and dispositions (store_dispo.c). */
int  store_case_refresh(struct store *st, const char *case_id, char **cause);
/* Role check for a person (store.c): 1 if the comma list has role. */
int  store_roles_have(const char *roles, const char *role);

#endif
