/* store.h: the SQLite store: schema and migrations, people and positions, cases,
 * numbering, dispositions, steps, the append-only event log, FTS and list pages.
 * All SQL of berkas lives behind this header. Functions that can fail because of
 * the user or the data return -1 and set *cause to an allocated message (caller
 * frees); programmer errors abort. */
#ifndef BERKAS_STORE_H
#define BERKAS_STORE_H

#include <stddef.h>
#include <time.h>
#include "kind.h"

struct store;

/* Opens (create = 1: creates if missing) and migrates to the current schema:
 * WAL, foreign keys, busy_timeout 5000, STRICT tables. */
int  store_open(const char *path, int create, struct store **out, char **cause);
void store_close(struct store *st);
int  store_schema_version(struct store *st);

/* Explicit transactions for bulk work (demo, import). Calls that write open
 * their own BEGIN IMMEDIATE transaction unless one is already open. */
int  store_begin(struct store *st, char **cause);
int  store_commit(struct store *st, char **cause);
void store_rollback(struct store *st);

/* Bulk mode, for loading many cases (demo, import). While it is on, every
 * explicit transaction (store_begin .. store_commit) writes the derived rows
 * of the cases it creates -- full-text index, inbox rows, prefix words -- in
 * one pass at its commit instead of case by case. Each commit still leaves a
 * complete, consistent database (a crash loses only the open transaction);
 * other connections see no difference. Inside such a transaction a call does
 * not open its own savepoint: a call that fails before writing (a rule or a
 * check, the usual case) leaves the transaction as it was, but one that fails
 * after writing part of its changes makes store_commit roll everything back
 * and fail. store_bulk_end leaves bulk mode (no transaction may be open).
 * -1 with cause on error. */
int  store_bulk_begin(struct store *st, char **cause);
int  store_bulk_end(struct store *st, char **cause);

/* Online backup (sqlite3 backup API) to path. */
int  store_backup(struct store *st, const char *path, char **cause);

/* Settings the store cannot read from config itself. The unit code fills
 * {kode} in office numbers ("" until set); the calendar (not owned, may be
 * NULL) turns a kind's [service] days into a case deadline in working days. */
struct calendar;
void store_set_unit_code(struct store *st, const char *code);
void store_set_calendar(struct store *st, const struct calendar *cal);
/* The loaded kinds (not owned, may be NULL): their short titles name linked
 * cases (case_row.linked). The data/ folder (copied): the cooperative
 * registry's lists and grade rules are read from it on first need (serving
 * office, RAT grade; store_koperasi_ref in koperasi.h). */
struct kindset;
void store_set_kinds(struct store *st, const struct kindset *ks);
void store_set_data_dir(struct store *st, const char *dir);

/* ---- positions (org chart) and people ---------------------------------- */
struct position {
	char *code;   /* e.g. "kadis", "sekretaris", "kabid_kelembagaan" */
	char *name;   /* "Kepala Dinas" */
	char *parent; /* code of the position above, NULL for the top */
};
struct person {
	char *login;    /* Unix login */
	char *name;
	char *nip;
	char *position; /* position code */
	char *roles;    /* comma list: admin, pencatat */
};
int  store_position_put(struct store *st, const struct position *p, char **cause);
/* All positions in chart order (parents before children); caller frees with
 * positions_free. */
int  store_positions(struct store *st, struct position **out, size_t *n);
void positions_free(struct position *p, size_t n);
int  store_person_put(struct store *st, const struct person *p, char **cause);
/* 1 found, 0 not found, -1 error. Caller frees with person_clear. */
int  store_person_get(struct store *st, const char *login, struct person *out);
/* The person holding a position (first by login), 1/0/-1 as above. */
int  store_person_for_position(struct store *st, const char *position, struct person *out);
int  store_people(struct store *st, struct person **out, size_t *n);
void person_clear(struct person *p);
void people_free(struct person *p, size_t n);
long store_person_count(struct store *st);
int  person_has_role(const struct person *p, const char *role);
/* 1 if position `below` is under `above` in the chart (strictly). */
int  store_position_is_below(struct store *st, const char *below, const char *above);

/* ---- cases -------------------------------------------------------------- */
struct case_rec {
	char    id[37];
	char   *kind;        /* kind key */
	int     year;        /* numbering year */
	long    number;      /* sequence within kind and year */
	char   *number_text; /* formatted office number */
	char   *received;    /* ISO date */
	char   *party;       /* asal surat / pemohon */
	char   *subject;     /* perihal */
	char   *letter_no;   /* nomor surat */
	char   *security;    /* sifat */
	char   *urgency;     /* urgensi */
	char   *penting;     /* "P" / "B" / NULL */
	char   *status;      /* "terbuka" or "selesai" */
	int     step;        /* current step number, 0 when done */
	char   *deadline;    /* ISO date or NULL */
	long    version;     /* bumped on every change */
	char   *created_at;  /* UTC timestamp */
	char   *created_by;  /* login */
	struct values fields;/* every field in stored form, including the number */
	/* service clock (schema v3): while the current step is a pause step
	 * (waiting on the applicant) the clock stands; the deadline moves on by
	 * the working days it stood when the step is left. */
	char   *paused_since;/* ISO date the clock stopped, NULL when running */
	int     paused_days; /* working days the clock stood, finished pauses */
	char   *koperasi_id; /* linked cooperative (FR_KOPERASI field), or NULL */
	char   *koperasi_name;
	char   *letter_id;   /* linked incoming letter (kind letter_field), or NULL */
	char   *forwarded_to;/* serving-office rule: "kabkota"/"nasional" when forwarded, else NULL */
};
void case_clear(struct case_rec *c);

/* Inserts a case whose values passed kind_normalize. Assigns the next number
 * for (kind, year of the received date or today) in the same transaction, sets
 * the number field in fields, writes the event "dibuat", marks the steps that
 * complete on register done and computes the deadline (kind service_days, or
 * for letters the urgency default passed in default_deadline, ISO or NULL).
 * Fills *out. */
int  store_case_insert(struct store *st, const struct kind *k, const struct values *v,
		       const char *actor, const char *default_deadline, struct case_rec *out,
		       char **cause);
/* Updates the fields of a case if its version is still expected_version;
 * otherwise -1 with cause "diubah oleh X pada ..." and *current filled with the
 * stored case (when current != NULL). Writes one event per changed field. */
int  store_case_update(struct store *st, const struct kind *k, const char *id,
		       long expected_version, const struct values *v, const char *actor,
		       struct case_rec *current, char **cause);
/* 1 found, 0 not found, -1 error. */
int  store_case_get(struct store *st, const char *id, struct case_rec *out);
/* Finds by office number text or plain number in year (year 0: latest year).
 * kind NULL: any kind. 1/0/-1. */
int  store_case_find(struct store *st, const char *kind, const char *number, int year,
		     struct case_rec *out);
long store_case_count(struct store *st, const char *kind);
/* Calls fn for every case of kind with received date in [from, to] (ISO, NULL =
 * open), ordered by year and number. fn returns non-zero to stop. */
int  store_case_each(struct store *st, const char *kind, const char *from, const char *to,
		     int (*fn)(const struct case_rec *c, void *ctx), void *ctx, char **cause);

/* ---- list pages (inbox) ------------------------------------------------- */
enum view { VIEW_MINE, VIEW_UNDISPOSED, VIEW_OVERDUE, VIEW_ALL, VIEW_COUNT };
enum sort { SORT_RECEIVED, SORT_NUMBER, SORT_DEADLINE, SORT_PARTY, SORT_COUNT };

struct list_query {
	enum view   view;
	const char *kind;     /* NULL: all kinds */
	const char *position; /* VIEW_MINE: the position whose inbox this is */
	const char *search;   /* full-text (FTS5) words, NULL for none */
	const char *limit;    /* "key=value" on sifat/urgensi/penting/status/tahun/jenis, or
			       * words matched in asal/perihal as by search (the FTS index:
			       * whole words, the last one also as a prefix); NULL. The
			       * sort stays the list's. */
	enum sort   sort;
	int         reverse;  /* 0: newest/soonest first as natural for the sort */
	const char *today;    /* ISO date, for VIEW_OVERDUE */
};

struct case_row {
	long  rowid;          /* keyset key, with the sort value */
	char  id[37];
	char *kind;
	char *number_text;
	char *received;       /* ISO date */
	char *party;
	char *subject;
	char *security;
	char *urgency;
	char *penting;
	char *status;
	int   step;
	char *holder;         /* positions now holding it, "sekretaris, kabid_x", or the step actor */
	char *deadline;       /* ISO date or NULL */
	char *sortval;        /* the sort column's value, for keyset paging */
	int   paused;         /* 1: service clock stopped (waiting on the applicant) */
	char *linked;         /* short text of linked cases: for a letter the requests
			       * it brought ("SNIK 0001/SNIK/2026"), for a request its
			       * letter ("SM 12/2026"); NULL when none */
	char *koperasi_name;  /* linked cooperative's name, or NULL */
	struct values fields; /* the case's stored fields, for kind columns */
	char *koperasi_id;    /* linked cooperative's registry id, or NULL */
	char *letter_id;      /* linked incoming letter's case id, or NULL */
};
void case_rows_free(struct case_row *rows, size_t n);

/* One page of n rows after (or, backwards = 1, before) the row `from`
 * (NULL: from the start, or from the end when backwards). Rows always come back
 * in display order. Reads only the rows returned (index keyset paging).
 * With a search the order is newest registered first (rowid; sortval is the
 * rowid), whatever the sort; reverse still flips it.
 * -1 with cause for a bad limit expression or search syntax. */
int  store_list_page(struct store *st, const struct list_query *q, const struct case_row *from,
		     int backwards, int n, struct case_row **rows, size_t *nrows, char **cause);
/* Number of rows the query matches; -1 on error. With a search or a word
 * limit (the full-text index) counting stops past STORE_COUNT_CAP: a result
 * above it means "more than STORE_COUNT_CAP" (show store_count_text). */
#define STORE_COUNT_CAP 10000
#define STORE_COUNT_CAP_SQL "10001"
/* "123", or "10000+" for a count past the cap, into out. */
void store_count_text(long n, char out[24]);
long store_list_count(struct store *st, const struct list_query *q, char **cause);
const char *view_label(enum view v); /* "Untuk saya", "Belum didisposisi", "Terlambat", "Semua" */
const char *sort_label(enum sort s); /* "diterima", "nomor", "batas waktu", "asal" */

/* ---- dispositions -------------------------------------------------------- */
enum dispo_state { DS_NEW, DS_READ, DS_FORWARDED, DS_DONE };

struct dispo {
	char    id[37];
	char    case_id[37];
	char    parent_id[37];  /* "" for a top disposition */
	char   *from_pos;
	char   *to_pos;
	char   *instructions;   /* "untuk diketahui; arsipkan" */
	char   *note;
	char   *deadline;       /* ISO date or NULL */
	char   *created_at;
	char   *created_by;     /* login that typed it */
	char   *on_behalf;      /* login of the official it was recorded for, or NULL */
	enum dispo_state state;
	char   *read_at, *read_by;
	char   *done_at, *done_by;
	char   *followup;       /* tindak lanjut note */
	int     depth;          /* 0 for top */
};
void dispos_free(struct dispo *d, size_t n);
const char *dispo_state_label(enum dispo_state s); /* "baru", "dibaca", "diteruskan", "selesai" */

/* Creates one disposition per recipient from from_pos. parent_id is NULL for a
 * disposition on the case itself, or the disposition to from_pos that is being
 * passed further down (it becomes "diteruskan"). Rules: every recipient is
 * below from_pos in the chart; the actor holds from_pos, or has the role
 * pencatat/admin and on_behalf names the person holding from_pos (the event
 * names both); the parent is addressed to from_pos and not done. */
int  store_dispose(struct store *st, const char *case_id, const char *parent_id,
		   const char *from_pos, const char *const *to_pos, size_t n_to,
		   const char *instructions, const char *note, const char *deadline,
		   const char *actor, const char *on_behalf, char **cause);
/* Recipient marks read. */
int  store_dispo_read(struct store *st, const char *dispo_id, const char *actor, char **cause);
/* Recipient reports follow-up; a forwarded disposition is done when all its
 * children are; the case is done ("selesai") when every top disposition is done. */
int  store_dispo_followup(struct store *st, const char *dispo_id, const char *note,
			  const char *actor, const char *on_behalf, char **cause);
/* All dispositions of a case in tree order (depth-first, by time). */
int  store_case_dispos(struct store *st, const char *case_id, struct dispo **out, size_t *n);
/* Open dispositions of a case addressed to position (state new or read). */
int  store_dispos_for(struct store *st, const char *case_id, const char *position,
		      struct dispo **out, size_t *n);

/* ---- steps and events ----------------------------------------------------- */
struct step_rec {
	int   no;
	char *started_at;   /* UTC timestamps or NULL */
	char *done_at;
	char *done_by;
	int   skipped;      /* completed implicitly by a later step */
};
int  store_case_steps(struct store *st, const char *case_id, struct step_rec **out, size_t *n);
void steps_free(struct step_rec *s, size_t n);
/* Marks the current step done by hand (manual steps). The actor holds the
 * step's position or has the role admin/pencatat. A pause step, or a
 * verification step (one with return_to), cannot be done while a required
 * requirement is missing: -1 with cause "persyaratan belum lengkap: LABEL; ...". */
int  store_step_done(struct store *st, const struct kind *k, const char *case_id,
		     const char *actor, char **cause);
/* "Tidak disetujui": the current step must have return_to; the case goes back
 * to that step (it and the steps after it open again), the reason (required,
 * non-empty) is recorded in the event "dikembalikan" (field: the step number
 * returned from, old: the step returned to, new: the reason). Entering a pause
 * step stops the service clock. */
int  store_step_return(struct store *st, const struct kind *k, const char *case_id,
		       const char *reason, const char *actor, char **cause);

/* ---- requirements (the kind's [requirement.*] checklist) ----------------- */
struct req_rec {
	const struct kreq *req; /* the kind's requirement (not owned) */
	int   done;             /* 1 ticked (ada), 0 missing */
	char *note;             /* NULL when none */
	char *by;               /* login that ticked/unticked last, or NULL */
	char *at;               /* UTC timestamp of that, or NULL */
};
/* One record per requirement of k, in k's order. Free with reqs_free. */
int  store_case_reqs(struct store *st, const struct kind *k, const char *case_id,
		     struct req_rec **out, size_t *n, char **cause);
void reqs_free(struct req_rec *r, size_t n);
/* Ticks (done = 1) or unticks a requirement with an optional note; event
 * "persyaratan" (field: key, old/new: "belum"/"ada", the note appended to new
 * after ": "). When the last required item is ticked while the current step is
 * a pause step that completes on register, that step completes (the clock runs
 * again). -1 with cause for an unknown key or a closed case. */
int  store_req_set(struct store *st, const struct kind *k, const char *case_id,
		   const char *key, int done, const char *note, const char *actor,
		   char **cause);
/* Required requirements still missing: count, and (when labels != NULL) their
 * labels joined by "; " (caller frees). -1 on error. */
int  store_reqs_missing(struct store *st, const struct kind *k, const char *case_id,
			char **labels);

/* ---- links ------------------------------------------------------------------ */
struct case_link {
	char  id[37];
	char *kind;
	char *number_text;
	char *subject;
	char *status;
	char *text;       /* as list rows show it: "SM 12/2026", "0001/NIK/2026" */
	int   incoming;   /* 1: the other case points at this one (a request this
			   * letter brought); 0: this case points at it (its letter) */
};
/* The cases linked to case_id, both ways. Free with links_free. */
int  store_case_links(struct store *st, const char *case_id, struct case_link **out, size_t *n);
void links_free(struct case_link *l, size_t n);
/* Cases of every kind linked to the cooperative, newest first. */
int  store_koperasi_cases(struct store *st, const char *koperasi_id, struct case_row **rows,
			  size_t *n, char **cause);

/* Events in order of time. What each action puts in field / old / new:
 *   dibuat            -, -, office number
 *   diubah            field key, old value, new value
 *   disposisi         "kepada", from position, to position
 *   diteruskan        position of the forwarded disposition, its old state, "diteruskan"
 *   dibaca            recipient position, "baru", "dibaca"
 *   tindak_lanjut     recipient position, its old state, the follow-up note
 *   disposisi_selesai position of a forwarded disposition whose children are done,
 *                     "diteruskan", "selesai"
 *   tahap             step number, -, "selesai" or "dilewati" (skipped)
 *   selesai           "status", "terbuka", "selesai" */
struct event {
	char *at;        /* UTC timestamp */
	char *actor;     /* login */
	char *on_behalf; /* login or NULL */
	char *action;    /* dibuat, diubah, disposisi, dibaca, tindak_lanjut, tahap, selesai */
	char *field;     /* for diubah */
	char *old_value;
	char *new_value;
};
int  store_case_events(struct store *st, const char *case_id, struct event **out, size_t *n);
void events_free(struct event *e, size_t n);

#endif
