/* store_case.c: cases: numbering, insert and update with events, lookups, search, keyset list pages. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store_int.h"
#include "date.h"

#define CASE_COLS \
	"id, kind, year, number, number_text, received, party, subject, letter_no, security," \
	" urgency, penting, status, step, deadline, version, created_at, created_by, fields," \
	" paused_since, paused_days, koperasi_id," \
	" (SELECT nama FROM koperasi WHERE koperasi.id = cases.koperasi_id), letter_id," \
	" forwarded_to"

static const char SQL_COUNTER_NEXT[] =
	"INSERT INTO counter(kind, year, last) VALUES (:kind, :year,"
	" coalesce((SELECT max(number) FROM cases WHERE kind = :kind AND year = :year), 0) + 1)"
	" ON CONFLICT(kind, year) DO UPDATE SET last = max(last + 1, excluded.last)"
	" RETURNING last";
static const char SQL_CASE_INSERT[] =
	"INSERT INTO cases(id, kind, year, number, number_text, received, party, subject,"
	" letter_no, security, urgency, penting, status, step, step_actor, deadline, disposed,"
	" holder, version,"
	" created_at, created_by, updated_at, updated_by, search_text, fields,"
	" koperasi_id, letter_id, paused_since)"
	" VALUES (:id, :kind, :year, :number, :number_text, :received, :party, :subject,"
	" :letter_no, :security, :urgency, :penting, 'terbuka', :step, :step_actor, :deadline, 0,"
	" :holder, 1,"
	" :now, :actor, :now, :actor, :search_text, :fields,"
	" :koperasi_id, :letter_id, :paused_since)";
static const char SQL_CASE_UPDATE[] =
	"UPDATE cases SET received = :received, party = :party, subject = :subject,"
	" letter_no = :letter_no, security = :security, urgency = :urgency, penting = :penting,"
	" search_text = :search_text, fields = :fields, version = version + 1,"
	" updated_at = :now, updated_by = :actor, koperasi_id = :koperasi_id,"
	" letter_id = :letter_id"
	" WHERE id = :id AND version = :version";
static const char SQL_CASE_GET[] =
	"SELECT " CASE_COLS " FROM cases WHERE id = :id";
static const char SQL_CASE_RID[] = "SELECT rid FROM cases WHERE id = :id";
static const char SQL_CASE_CHANGED[] =
	"SELECT version, updated_by, updated_at FROM cases WHERE id = :id";
static const char SQL_CASE_FIND_TEXT[] =
	"SELECT " CASE_COLS " FROM cases WHERE number_text = :t"
	" AND (:kind IS NULL OR kind = :kind) AND (:year = 0 OR year = :year)"
	" ORDER BY year DESC, rid DESC LIMIT 1";
static const char SQL_CASE_FIND_NUMBER[] =
	"SELECT " CASE_COLS " FROM cases WHERE number = :n"
	" AND (:kind IS NULL OR kind = :kind) AND (:year = 0 OR year = :year)"
	" ORDER BY year DESC, rid DESC LIMIT 1";
static const char SQL_CASE_COUNT[] = "SELECT coalesce(sum(n), 0) FROM case_count";
static const char SQL_CASE_COUNT_KIND[] =
	"SELECT coalesce((SELECT n FROM case_count WHERE kind = :kind), 0)";
static const char SQL_CASE_EACH_KIND[] =
	"SELECT " CASE_COLS " FROM cases WHERE kind = :kind"
	" AND received >= coalesce(:from, '') AND received <= coalesce(:to, '9999-12-31')"
	" ORDER BY year, number";
static const char SQL_CASE_EACH_ALL[] =
	"SELECT " CASE_COLS " FROM cases"
	" WHERE received >= coalesce(:from, '') AND received <= coalesce(:to, '9999-12-31')"
	" ORDER BY year, number, rid";

/* ---- case records ---------------------------------------------------------- */

void case_clear(struct case_rec *c)
{
	if (c == NULL)
		return;
	free(c->kind);
	free(c->number_text);
	free(c->received);
	free(c->party);
	free(c->subject);
	free(c->letter_no);
	free(c->security);
	free(c->urgency);
	free(c->penting);
	free(c->status);
	free(c->deadline);
	free(c->created_at);
	free(c->created_by);
	free(c->paused_since);
	free(c->koperasi_id);
	free(c->koperasi_name);
	free(c->letter_id);
	free(c->forwarded_to);
	values_free(&c->fields);
	memset(c, 0, sizeof *c);
	values_init(&c->fields);
}

/* Fills c from a row of CASE_COLS. */
static void store_case_read(sqlite3_stmt *s, struct case_rec *c)
{
	memset(c, 0, sizeof *c);
	store_col_id(s, 0, c->id);
	c->kind = store_col_text(s, 1);
	c->year = sqlite3_column_int(s, 2);
	c->number = (long)sqlite3_column_int64(s, 3);
	c->number_text = store_col_text(s, 4);
	c->received = store_col_text(s, 5);
	c->party = store_col_text(s, 6);
	c->subject = store_col_text(s, 7);
	c->letter_no = store_col_text(s, 8);
	c->security = store_col_text(s, 9);
	c->urgency = store_col_text(s, 10);
	c->penting = store_col_text(s, 11);
	c->status = store_col_text(s, 12);
	c->step = sqlite3_column_int(s, 13);
	c->deadline = store_col_text(s, 14);
	c->version = (long)sqlite3_column_int64(s, 15);
	c->created_at = store_col_text(s, 16);
	c->created_by = store_col_text(s, 17);
	store_col_values(s, 18, &c->fields);
	c->paused_since = store_col_text(s, 19);
	c->paused_days = sqlite3_column_int(s, 20);
	c->koperasi_id = store_col_text(s, 21);
	c->koperasi_name = store_col_text(s, 22);
	c->letter_id = store_col_text(s, 23);
	c->forwarded_to = store_col_text(s, 24);
}

/* Runs a one-case query (parameters bound): 1 found, 0 not, -1 error. */
static int store_case_one(struct store *st, sqlite3_stmt *s, struct case_rec *out)
{
	int rc = store_step(st, s, NULL);
	if (rc == SQLITE_ROW) {
		if (out != NULL)
			store_case_read(s, out);
	} else if (rc != SQLITE_DONE) {
		return -1;
	}
	store_reset(s);
	return rc == SQLITE_ROW;
}

/* Loads a case by id: 1/0/-1; clear with case_clear. */
int store_case_get(struct store *st, const char *id, struct case_rec *out)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_GET);
	store_bind_text(s, ":id", id);
	return store_case_one(st, s, out);
}

/* 1 if s is a plain decimal number (digits only) that fits a long. */
static int store_is_number(const char *s, long *n)
{
	if (s == NULL || *s == '\0' || strlen(s) > 15)
		return 0;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	*n = strtol(s, NULL, 10);
	return 1;
}

/* Finds a case by office number text, or plain number: 1/0/-1. */
int store_case_find(struct store *st, const char *kind, const char *number, int year,
		    struct case_rec *out)
{
	if (number == NULL)
		return 0;
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_FIND_TEXT);
	store_bind_text(s, ":t", number);
	store_bind_text(s, ":kind", kind);
	store_bind_int(s, ":year", year);
	int r = store_case_one(st, s, out);
	long n;
	if (r != 0 || !store_is_number(number, &n))
		return r;
	s = store_stmt(st, SQL_CASE_FIND_NUMBER);
	store_bind_int(s, ":n", n);
	store_bind_text(s, ":kind", kind);
	store_bind_int(s, ":year", year);
	return store_case_one(st, s, out);
}

/* Number of cases of kind (NULL: all), -1 on error. */
long store_case_count(struct store *st, const char *kind)
{
	sqlite3_stmt *s = store_stmt(st, kind ? SQL_CASE_COUNT_KIND : SQL_CASE_COUNT);
	if (kind)
		store_bind_text(s, ":kind", kind);
	if (store_step(st, s, NULL) != SQLITE_ROW)
		return -1;
	long n = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	return n;
}

/* Calls fn for each case of kind received in [from, to], by year and number. */
int store_case_each(struct store *st, const char *kind, const char *from, const char *to,
		    int (*fn)(const struct case_rec *c, void *ctx), void *ctx, char **cause)
{
	const char *sql = kind ? SQL_CASE_EACH_KIND : SQL_CASE_EACH_ALL;
	sqlite3_stmt *s = store_stmt(st, sql);
	int own = 0;
	if (sqlite3_stmt_busy(s)) { /* fn of an outer walk called us again */
		s = store_prepare(st, sql);
		own = 1;
	}
	if (kind)
		store_bind_text(s, ":kind", kind);
	store_bind_text(s, ":from", from);
	store_bind_text(s, ":to", to);
	int rc, ret = 0;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		struct case_rec c;
		store_case_read(s, &c);
		int stop = fn(&c, ctx);
		case_clear(&c);
		if (stop)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = -1;
	if (own)
		sqlite3_finalize(s);
	else
		store_reset(s);
	return ret;
}

/* ---- FTS words --------------------------------------------------------------- */

/* Prefix searches expand the last word to the indexed words that start with
 * it (from fts_term), so FTS5 iterates them lazily instead of merging every
 * matching doclist; shorter prefixes use the FTS5 prefix index (2, 3). */
#define TERM_MIN 4       /* shortest word kept in fts_term */
#define TERM_EXPAND 64   /* most words a prefix expands to */

static const char SQL_TERM_ADD[] = "INSERT OR IGNORE INTO fts_term(term) VALUES (:term)";
static const char SQL_TERM_RANGE[] =
	"SELECT term FROM fts_term WHERE term >= :lo AND term < :hi ORDER BY term LIMIT 65";

/* Tokens of some text as the FTS5 tokenizer makes them. */
struct tokens {
	char  **t;
	size_t  n, cap;
	int     distinct; /* keep each token once */
	int     min;      /* drop tokens shorter than this (bytes) */
};

static int tokens_add(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	(void)tflags;
	(void)start;
	(void)end;
	struct tokens *ts = ctx;
	if (ntok <= 0 || ntok < ts->min)
		return SQLITE_OK;
	if (ts->distinct)
		for (size_t i = 0; i < ts->n; i++)
			if (strncmp(ts->t[i], tok, (size_t)ntok) == 0 && ts->t[i][ntok] == '\0')
				return SQLITE_OK;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 32;
		ts->t = xreallocarray(ts->t, ts->cap, sizeof *ts->t);
	}
	ts->t[ts->n++] = xstrndup(tok, (size_t)ntok);
	return SQLITE_OK;
}

static void tokens_free(struct tokens *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->t[i]);
	free(ts->t);
	memset(ts, 0, sizeof *ts);
}

/* The tokenizer of case_fts (unicode61, remove_diacritics 2), looked up
 * once. 1 when available. */
static int store_tokenizer(struct store *st)
{
	if (st->fts_tried)
		return st->fts_tok != NULL;
	st->fts_tried = 1;
	fts5_api *api = NULL;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL || api->iVersion < 2)
		return 0;
	void *ud = NULL;
	if (api->xFindTokenizer(api, "unicode61", &ud, &st->fts_tokapi) != SQLITE_OK)
		return 0;
	const char *args[] = { "remove_diacritics", "2" };
	Fts5Tokenizer *tok = NULL;
	if (st->fts_tokapi.xCreate(ud, args, 2, &tok) != SQLITE_OK)
		return 0;
	st->fts_tok = tok;
	return 1;
}

/* Tokenizes text into ts. */
static void store_tokenize(struct store *st, const char *text, int flags, struct tokens *ts)
{
	if (text != NULL && *text != '\0')
		st->fts_tokapi.xTokenize(st->fts_tok, ts, flags, text, (int)strlen(text), tokens_add);
}

/* Records the words of a case's indexed columns in fts_term. */
static int store_terms_add(struct store *st, const char *const *texts, size_t n, char **cause)
{
	if (!store_tokenizer(st))
		return 0;
	struct tokens ts = { .distinct = 1, .min = TERM_MIN };
	for (size_t i = 0; i < n; i++)
		store_tokenize(st, texts[i], FTS5_TOKENIZE_DOCUMENT, &ts);
	int ret = 0;
	for (size_t i = 0; i < ts.n && ret == 0; i++) {
		sqlite3_stmt *s = store_stmt(st, SQL_TERM_ADD);
		store_bind_text(s, ":term", ts.t[i]);
		ret = store_run(st, s, cause);
	}
	tokens_free(&ts);
	return ret;
}

static const char SQL_TERMS_PENDING[] =
	"SELECT number_text, party, subject, letter_no, search_text FROM cases WHERE rid >= :from"
	" ORDER BY rid";

/* Bulk commit: records the words of the cases from rid on in fts_term; the
 * words already recorded during this bulk load are skipped without a write. */
int store_terms_flush(struct store *st, long long from, char **cause)
{
	if (!store_tokenizer(st))
		return 0;
	sqlite3_stmt *s = store_stmt(st, SQL_TERMS_PENDING);
	store_bind_int(s, ":from", from);
	struct tokens ts = { .distinct = 0, .min = TERM_MIN };
	int rc, ret = 0;
	while (ret == 0 && (rc = store_step(st, s, cause)) == SQLITE_ROW) {
		for (int col = 0; col < 5; col++)
			store_tokenize(st, (const char *)sqlite3_column_text(s, col),
				       FTS5_TOKENIZE_DOCUMENT, &ts);
		for (size_t i = 0; i < ts.n && ret == 0; i++) {
			if (!strset_add(&st->bulk_terms, ts.t[i], strlen(ts.t[i])))
				continue;
			sqlite3_stmt *a = store_stmt(st, SQL_TERM_ADD);
			store_bind_text(a, ":term", ts.t[i]);
			ret = store_run(st, a, cause);
		}
		for (size_t i = 0; i < ts.n; i++)
			free(ts.t[i]);
		ts.n = 0;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = -1;
	else
		store_reset(s);
	tokens_free(&ts);
	return ret;
}

/* Appends a word as an FTS5 string: "..." with inner quotes doubled. */
static void fts_quote(struct buf *b, const char *w, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, w[i]);
	}
	buf_addc(b, '"');
}

/* Appends the last word as a prefix query expanded to the indexed words it
 * starts: ("t1 ... word1" OR "t1 ... word2"). 0 when it cannot (short
 * prefix, no tokenizer, unknown or too many words): then the caller uses
 * "word"*. */
static int fts_expand(struct store *st, const char *w, size_t wn, struct buf *b)
{
	if (!store_tokenizer(st))
		return 0;
	char *word = xstrndup(w, wn);
	struct tokens ts = { .distinct = 0 };
	store_tokenize(st, word, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, &ts);
	free(word);
	int done = 0;
	if (ts.n == 0 || strlen(ts.t[ts.n - 1]) < TERM_MIN)
		goto out;
	const char *p = ts.t[ts.n - 1];
	char *hi = xstrdup(p);
	size_t hl = strlen(hi);
	while (hl > 0 && (unsigned char)hi[hl - 1] == 0xff)
		hi[--hl] = '\0';
	if (hl == 0) {
		free(hi);
		goto out;
	}
	hi[hl - 1] = (char)((unsigned char)hi[hl - 1] + 1);
	sqlite3_stmt *s = store_stmt(st, SQL_TERM_RANGE);
	store_bind_text(s, ":lo", p);
	store_bind_text(s, ":hi", hi);
	free(hi);
	/* the word itself always counts, even if fts_term missed it (rows that
	 * arrived by sync) */
	struct tokens terms = { .distinct = 1 };
	tokens_add(&terms, 0, p, (int)strlen(p), 0, 0);
	size_t known = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		tokens_add(&terms, 0, t, (int)strlen(t), 0, 0);
		known++;
	}
	store_reset(s);
	if (known > 0 && terms.n <= TERM_EXPAND) {
		buf_addc(b, '(');
		for (size_t i = 0; i < terms.n; i++) {
			if (i > 0)
				buf_adds(b, " OR ");
			struct buf ph;
			buf_init(&ph);
			for (size_t j = 0; j + 1 < ts.n; j++) {
				buf_adds(&ph, ts.t[j]);
				buf_addc(&ph, ' ');
			}
			buf_adds(&ph, terms.t[i]);
			fts_quote(b, ph.s, ph.len);
			buf_free(&ph);
		}
		buf_addc(b, ')');
		done = 1;
	}
	tokens_free(&terms);
out:
	tokens_free(&ts);
	return done;
}

/* ---- insert and update ------------------------------------------------------ */

/* The stored value of the field with role, or NULL. */
static const char *store_role_value(const struct kind *k, const struct values *v, enum frole role)
{
	const struct kfield *f = kind_field_by_role(k, role);
	return f ? values_get(v, f->key) : NULL;
}

/* The field that holds the office number, or NULL. */
static const struct kfield *store_number_field(const struct kind *k)
{
	const struct kfield *f = kind_field_by_role(k, FR_NUMBER);
	if (f != NULL)
		return f;
	for (size_t i = 0; i < k->n_fields; i++)
		if (k->fields[i].auto_number)
			return &k->fields[i];
	return NULL;
}

/* Text of the free-text fields that have no column of their own, for FTS.
 * Caller frees. */
static char *store_search_text(const struct kind *k, const struct values *v)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < k->n_fields; i++) {
		const struct kfield *f = &k->fields[i];
		if (f->type != FT_TEXT && f->type != FT_LONGTEXT)
			continue;
		if (f->role == FR_NUMBER || f->role == FR_PARTY || f->role == FR_SUBJECT ||
		    f->role == FR_LETTER_NO || f->auto_number)
			continue;
		const char *val = values_get(v, f->key);
		if (val == NULL || *val == '\0')
			continue;
		if (b.len > 0)
			buf_addc(&b, '\n');
		buf_adds(&b, val);
	}
	return buf_steal(&b);
}

/* Binds the columns a case takes from its fields (role columns, search text,
 * the JSON of all fields). */
static void store_bind_promoted(sqlite3_stmt *s, const struct kind *k, const struct values *v,
				const char *received)
{
	const char *party = store_role_value(k, v, FR_PARTY);
	const char *subject = store_role_value(k, v, FR_SUBJECT);
	store_bind_text(s, ":received", received);
	store_bind_text(s, ":party", party ? party : "");
	store_bind_text(s, ":subject", subject ? subject : "");
	store_bind_text(s, ":letter_no", store_role_value(k, v, FR_LETTER_NO));
	store_bind_text(s, ":security", store_role_value(k, v, FR_SECURITY));
	store_bind_text(s, ":urgency", store_role_value(k, v, FR_URGENCY));
	store_bind_text(s, ":penting", store_role_value(k, v, FR_PENTING));
	char *search = store_search_text(k, v);
	char *json = values_to_json(v);
	store_bind_text(s, ":search_text", search);
	store_bind_text(s, ":fields", json);
	free(search);
	free(json);
}

/* Records the words of a case's indexed text in fts_term. */
static int store_case_terms(struct store *st, const struct kind *k, const struct values *v,
			    const char *number_text, char **cause)
{
	char *search = store_search_text(k, v);
	const char *texts[] = { number_text, store_role_value(k, v, FR_PARTY),
				store_role_value(k, v, FR_SUBJECT),
				store_role_value(k, v, FR_LETTER_NO), search };
	int r = store_terms_add(st, texts, sizeof texts / sizeof texts[0], cause);
	free(search);
	return r;
}

/* The received date of new values (ISO): the received-role field, or today.
 * -1 with cause when the stored date is not valid. */
static int store_received(const struct kind *k, const struct values *v, char out[11],
			  day_t *day, char **cause)
{
	const struct kfield *f = kind_field_by_role(k, FR_RECEIVED);
	const char *r = f ? values_get(v, f->key) : NULL;
	if (r == NULL || *r == '\0') {
		*day = clock_today();
	} else if (date_parse_iso(r, day) != 0) {
		*cause = xasprintf(_("%s: tanggal tidak valid '%s'"), f->key, r);
		return -1;
	}
	date_fmt_iso(*day, out);
	return 0;
}

/* Next office number for (kind, year), inside the write transaction. */
static int store_next_number(struct store *st, const char *kind, int year, long *n, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_COUNTER_NEXT);
	store_bind_text_ref(s, ":kind", kind);
	store_bind_int(s, ":year", year);
	if (store_step(st, s, cause) != SQLITE_ROW)
		return -1;
	*n = (long)sqlite3_column_int64(s, 0);
	return store_run(st, s, cause);
}

/* Registers a new case with its number, steps and event (see store.h). */
int store_case_insert(struct store *st, const struct kind *k, const struct values *v,
		      const char *actor, const char *default_deadline, struct case_rec *out,
		      char **cause)
{
	if (out != NULL) {
		memset(out, 0, sizeof *out);
		values_init(&out->fields);
	}
	char received[11];
	day_t rday;
	if (store_received(k, v, received, &rday, cause) != 0)
		return -1;
	char deadline[11];
	const char *dl = NULL;
	if (k->service_days > 0 && st->cal != NULL) {
		date_fmt_iso(calendar_add_workdays(st->cal, rday, k->service_days), deadline);
		dl = deadline;
	} else if (default_deadline != NULL && *default_deadline != '\0') {
		day_t d;
		if (date_parse_iso(default_deadline, &d) != 0) {
			*cause = xasprintf(_("batas waktu: tanggal tidak valid '%s'"), default_deadline);
			return -1;
		}
		dl = default_deadline;
	}
	int ry, rm, rd;
	date_to_ymd(rday, &ry, &rm, &rd);
	int year = k->number_yearly ? ry : 0;

	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	long number;
	char *number_text = NULL;
	struct values fv;
	values_init(&fv);
	struct steps_init plan;
	memset(&plan, 0, sizeof plan);
	struct flow_plan fp;
	memset(&fp, 0, sizeof fp);
	for (size_t i = 0; i < v->n; i++)
		values_set(&fv, v->key[i], v->val[i]);
	/* links, serving office and registry write-back are checked before
	 * anything is written */
	if (store_flow_prepare(st, k, &fv, NULL, &fp, cause) != 0)
		goto done;
	if (store_next_number(st, k->key, year, &number, cause) != 0)
		goto done;
	number_text = kind_format_number(k, number, ry, st->unit_code);
	const struct kfield *nf = store_number_field(k);
	if (nf != NULL)
		values_set(&fv, nf->key, number_text);
	/* no requirement is ticked yet: a register step that waits on them
	 * keeps the new case (its clock standing) */
	int reqs_missing = 0;
	for (size_t i = 0; i < k->n_reqs; i++)
		reqs_missing += k->reqs[i].required != 0;
	store_steps_plan(k, &fv, reqs_missing, &plan);

	char id[37], now[21], today[11];
	store_uuid(st, id);
	store_now(now);
	date_fmt_iso(clock_today(), today);
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_INSERT);
	store_bind_text_ref(s, ":id", id);
	store_bind_text_ref(s, ":kind", k->key);
	store_bind_int(s, ":year", year);
	store_bind_int(s, ":number", number);
	store_bind_text_ref(s, ":number_text", number_text);
	store_bind_promoted(s, k, &fv, received);
	store_bind_text_ref(s, ":deadline", dl);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":actor", actor);
	/* the workflow columns as store_case_refresh would set them: the first
	 * open step holds the new case */
	store_bind_int(s, ":step", plan.step);
	store_bind_text_ref(s, ":step_actor", plan.actor);
	store_bind_text_ref(s, ":holder", plan.actor);
	store_bind_text_ref(s, ":koperasi_id", fp.kop_id[0] ? fp.kop_id : NULL);
	store_bind_text_ref(s, ":letter_id", fp.letter_id[0] ? fp.letter_id : NULL);
	store_bind_text_ref(s, ":paused_since", plan.paused ? today : NULL);
	if (store_run(st, s, cause) != 0)
		goto done;
	/* in a bulk transaction the commit records the words of all new cases */
	if (!store_bulk_pending(st) && store_case_terms(st, k, &fv, number_text, cause) != 0)
		goto done;
	if (store_event(st, id, now, actor, NULL, "dibuat", NULL, NULL, number_text, cause) != 0)
		goto done;
	if (store_steps_create(st, &plan, id, now, actor, cause) != 0)
		goto done;
	if (store_flow_apply(st, k, id, number_text, &fp, now, actor, cause) != 0)
		goto done;
	if (out != NULL) {
		/* the row as stored, from what was just written */
		const char *party = store_role_value(k, &fv, FR_PARTY);
		const char *subject = store_role_value(k, &fv, FR_SUBJECT);
		const char *t;
		snprintf(out->id, sizeof out->id, "%s", id);
		out->kind = xstrdup(k->key);
		out->year = year;
		out->number = number;
		out->number_text = xstrdup(number_text);
		out->received = xstrdup(received);
		out->party = xstrdup(party ? party : "");
		out->subject = xstrdup(subject ? subject : "");
		out->letter_no = (t = store_role_value(k, &fv, FR_LETTER_NO)) ? xstrdup(t) : NULL;
		out->security = (t = store_role_value(k, &fv, FR_SECURITY)) ? xstrdup(t) : NULL;
		out->urgency = (t = store_role_value(k, &fv, FR_URGENCY)) ? xstrdup(t) : NULL;
		out->penting = (t = store_role_value(k, &fv, FR_PENTING)) ? xstrdup(t) : NULL;
		out->status = xstrdup(fp.forward_to ? "selesai" : "terbuka");
		out->step = fp.forward_to ? 0 : plan.step;
		out->deadline = dl ? xstrdup(dl) : NULL;
		out->version = 1;
		out->created_at = xstrdup(now);
		out->created_by = xstrdup(actor);
		out->fields = fv; /* moved */
		values_init(&fv);
		out->paused_since = plan.paused && !fp.forward_to ? xstrdup(today) : NULL;
		out->koperasi_id = fp.kop_id[0] ? xstrdup(fp.kop_id) : NULL;
		out->koperasi_name = xstrdup(fp.kop_name);
		out->letter_id = fp.letter_id[0] ? xstrdup(fp.letter_id) : NULL;
		out->forwarded_to = xstrdup(fp.forward_to);
	}
	ok = 1;
done:
	free(number_text);
	values_free(&fv);
	store_steps_plan_free(&plan);
	store_flow_plan_free(&fp);
	if (store_tx_finish(st, tok, ok, cause) != 0)
		ok = 0;
	if (!ok && out != NULL)
		case_clear(out);
	return ok ? 0 : -1;
}

/* Writes a "diubah" event if key changed between old and new. */
static int store_field_event(struct store *st, const char *id, const char *now, const char *actor,
			     const char *key, const struct values *old, const struct values *new,
			     int *changed, char **cause)
{
	const char *a = values_get(old, key), *b = values_get(new, key);
	if (!store_str_differs(a, b))
		return 0;
	(*changed)++;
	return store_event(st, id, now, actor, NULL, "diubah", key, a, b, cause);
}

/* The "changed by whom and when" message of a version conflict: s selects
 * (version, updated_by, updated_at) of the row :id; missing is the message
 * when the row is gone. Shared with the registry (store_koperasi.c). */
char *store_conflict_msg(struct store *st, sqlite3_stmt *s, const char *id, const char *missing)
{
	store_bind_text(s, ":id", id);
	char *msg;
	if (store_step(st, s, NULL) == SQLITE_ROW) {
		const char *by = (const char *)sqlite3_column_text(s, 1);
		const char *at = (const char *)sqlite3_column_text(s, 2);
		time_t t;
		char local[17];
		if (at != NULL && ts_parse_utc(at, &t) == 0)
			ts_fmt_local(t, local);
		else
			snprintf(local, sizeof local, "%s", at ? at : "?");
		msg = xasprintf(_("diubah oleh %s pada %s (versi %lld); perubahan Anda belum disimpan"),
				by ? by : "?", local, (long long)sqlite3_column_int64(s, 0));
		store_reset(s);
	} else {
		msg = xstrdup(missing);
	}
	return msg;
}

/* Saves edited fields when the version still matches (see store.h). */
int store_case_update(struct store *st, const struct kind *k, const char *id,
		      long expected_version, const struct values *v, const char *actor,
		      struct case_rec *current, char **cause)
{
	if (current != NULL) {
		memset(current, 0, sizeof *current);
		values_init(&current->fields);
	}
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	struct case_rec old;
	memset(&old, 0, sizeof old);
	values_init(&old.fields);
	struct values nv;
	values_init(&nv);
	struct flow_plan fp;
	memset(&fp, 0, sizeof fp);
	int r = store_case_get(st, id, &old);
	if (r < 0) {
		store_db_cause(st, cause);
		goto done;
	}
	if (r == 0) {
		*cause = xstrdup(_("berkas tidak ditemukan"));
		goto done;
	}
	if (strcmp(old.kind, k->key) != 0) {
		*cause = xasprintf(_("berkas berjenis %s, bukan %s"), old.kind, k->key);
		goto done;
	}
	if (old.version != expected_version) {
		*cause = store_conflict_msg(st, store_stmt(st, SQL_CASE_CHANGED), id,
					    _("berkas tidak ditemukan"));
		if (current != NULL) {
			*current = old;
			memset(&old, 0, sizeof old);
			values_init(&old.fields);
		}
		goto done;
	}
	char received[11];
	day_t rday;
	if (store_received(k, v, received, &rday, cause) != 0)
		goto done;
	/* new fields: the given values, the stored number, and stored values of
	 * fields the kind no longer has (never dropped silently) */
	const struct kfield *nf = store_number_field(k);
	for (size_t i = 0; i < v->n; i++)
		if (nf == NULL || strcmp(v->key[i], nf->key) != 0)
			values_set(&nv, v->key[i], v->val[i]);
	for (size_t i = 0; i < old.fields.n; i++)
		if ((nf != NULL && strcmp(old.fields.key[i], nf->key) == 0) ||
		    kind_field(k, old.fields.key[i]) == NULL)
			values_set(&nv, old.fields.key[i], old.fields.val[i]);
	if (store_flow_prepare(st, k, &nv, &old, &fp, cause) != 0)
		goto done;

	char now[21];
	store_now(now);
	int changed = 0;
	for (size_t i = 0; i < k->n_fields; i++) {
		if (&k->fields[i] == nf)
			continue;
		if (store_field_event(st, id, now, actor, k->fields[i].key, &old.fields, &nv,
				      &changed, cause) != 0)
			goto done;
	}
	if (changed == 0) {
		/* the registry may still lack what the case says */
		ok = store_flow_apply(st, k, id, old.number_text, &fp, now, actor, cause) == 0;
		goto done;
	}
	/* in a bulk transaction an older case leaves the FTS index while its
	 * indexed columns change, and the commit writes its inbox rows again */
	long long rid = 0;
	if (store_bulk_pending(st)) {
		sqlite3_stmt *q = store_stmt(st, SQL_CASE_RID);
		store_bind_text(q, ":id", id);
		if (store_step(st, q, cause) != SQLITE_ROW)
			goto done;
		rid = sqlite3_column_int64(q, 0);
		store_reset(q);
		if (store_bulk_fts(st, rid, 1, cause) != 0)
			goto done;
		store_bulk_touch(st, rid);
	}
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_UPDATE);
	store_bind_promoted(s, k, &nv, received);
	store_bind_text(s, ":now", now);
	store_bind_text(s, ":actor", actor);
	store_bind_text(s, ":id", id);
	store_bind_int(s, ":version", expected_version);
	store_bind_text(s, ":koperasi_id", fp.kop_id[0] ? fp.kop_id : NULL);
	store_bind_text(s, ":letter_id", fp.letter_id[0] ? fp.letter_id : NULL);
	if (store_run(st, s, cause) != 0)
		goto done;
	if (sqlite3_changes(st->db) != 1) {
		*cause = store_conflict_msg(st, store_stmt(st, SQL_CASE_CHANGED), id,
					    _("berkas tidak ditemukan"));
		goto done;
	}
	if (rid != 0 && store_bulk_fts(st, rid, 0, cause) != 0)
		goto done;
	if (store_case_terms(st, k, &nv, old.number_text, cause) != 0)
		goto done;
	if (store_flow_apply(st, k, id, old.number_text, &fp, now, actor, cause) != 0)
		goto done;
	ok = 1;
done:
	case_clear(&old);
	values_free(&nv);
	store_flow_plan_free(&fp);
	return store_tx_finish(st, tok, ok, cause);
}

/* ---- list pages --------------------------------------------------------------- */

#define ROW_COLS \
	"c.rid, c.id, c.kind, c.number_text, c.received, c.party, c.subject, c.security," \
	" c.urgency, c.penting, c.status, c.step, c.holder, c.deadline," \
	" c.paused_since IS NOT NULL, c.koperasi_id," \
	" (SELECT k.nama FROM koperasi k WHERE k.id = c.koperasi_id), c.letter_id, c.fields"
/* the column after ROW_COLS (the sort value) */
#define ROW_NCOLS 19

/* Sort keys as expressions over cases c, as they come back in sortval; each
 * has an index (all cases, and per kind). The number key orders by year,
 * then number: pages order and seek by the columns (year, number), which
 * the indexes (year, number) and unique (kind, year, number) serve. */
static const char *const sort_expr[SORT_COUNT] = {
	"c.received",
	"(c.year * 10000000000 + c.number)",
	"coalesce(c.deadline, '9999-12-31')",
	"c.party",
};
/* 1 when the natural order (reverse = 0) is descending: newest first for
 * dates and numbers, soonest deadline and A-Z party first. */
static const int sort_desc[SORT_COUNT] = { 1, 1, 0, 0 };

/* The same keys in the inbox table (holding h), for VIEW_MINE. */
static const char *const hold_expr[SORT_COUNT] = {
	"h.received",
	"h.numkey",
	"h.dlkey",
	"h.party",
};

static const char *const view_cond[LS_COUNT] = {
	NULL,                                           /* LS_MINE: the holding join does it */
	"c.status = 'terbuka' AND +c.disposed = 0",     /* LS_UNDISPOSED */
	/* LS_OVERDUE: a case whose service clock stands is never late */
	"c.status = 'terbuka' AND c.deadline < :today AND c.paused_since IS NULL",
	NULL,                                           /* LS_ALL */
};
/* Limit conditions of counts: seekable where an index helps (sifat, tahun,
 * jenis). A plain-text limit is counted as an FTS match (list_prepare). */
static const char *const limit_count_cond[LK_COUNT] = {
	NULL,
	"c.security = :lv COLLATE NOCASE",
	"c.urgency = :lv COLLATE NOCASE",
	"c.penting = :lv",
	"c.status = :lv",
	"c.received >= :lv AND c.received < :lv2",
	"c.kind = :lv",
	"+c.rid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :lq)",
	NULL, /* LK_TEXT_FTS: the FTS join does it */
};
/* The same for list pages: filters on the walk down the sort index (the
 * unary + keeps the planner from seeking them and sorting every match),
 * except the year of the received sort, whose range is the walk itself. */
static const char *const limit_list_cond[LK_COUNT] = {
	NULL,
	"+c.security = :lv COLLATE NOCASE",
	"+c.urgency = :lv COLLATE NOCASE",
	"+c.penting = :lv",
	"+c.status = :lv",
	"+c.received >= :lv AND +c.received < :lv2",
	"c.kind = :lv",
	"+c.rid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :lq)",
	NULL,
};

/* The shape of one list query; it picks (and keys) the cached statement. */
struct list_shape {
	enum list_strategy ls;
	enum sort          sort;
	int                desc;   /* query order descending */
	int                keyset; /* rows after a given (sortval, rid) */
	int                search;
	int                kind;
	enum limit_kind    lk;
};

/* A parsed limit expression: its kind and bound values. */
struct limit_expr {
	enum limit_kind lk;
	char           *v1, *v2;
};

static void limit_where(struct buf *b, int *first, const char *cond)
{
	buf_adds(b, *first ? " WHERE " : " AND ");
	buf_adds(b, cond);
	*first = 0;
}

/* The condition of a limit in a statement of shape sh. */
static const char *limit_sql(const struct list_shape *sh, int count)
{
	if (sh->lk == LK_YEAR && (count || (sh->sort == SORT_RECEIVED && !sh->search &&
					    sh->ls != LS_MINE)))
		return limit_count_cond[LK_YEAR];
	if (sh->lk == LK_TEXT && sh->ls == LS_MINE) /* test the inbox row before reading the case */
		return "+h.case_rid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :lq)";
	return count ? limit_count_cond[sh->lk] : limit_list_cond[sh->lk];
}

/* Composes the SQL of a list or count statement from static fragments only:
 * no value ever enters the text. Caller frees. */
static char *list_sql(const struct list_shape *sh, int count)
{
	struct buf b;
	buf_init(&b);
	/* e: the sort value; tie: the keyset tie-breaker (NULL: e is unique);
	 * cols: the ORDER BY columns when they are not "e, tie" */
	const char *e, *tie, *cols = NULL;
	int fts_join = sh->search || sh->lk == LK_TEXT_FTS;
	if (sh->search) {
		e = "f.rowid";
		tie = NULL;
	} else if (sh->ls == LS_MINE) {
		e = hold_expr[sh->sort];
		tie = "h.case_rid";
	} else {
		e = sort_expr[sh->sort];
		tie = "c.rid";
		if (sh->sort == SORT_NUMBER)
			cols = sh->desc ? "c.year DESC, c.number DESC, c.rid DESC"
					: "c.year ASC, c.number ASC, c.rid ASC";
	}
	if (count && sh->ls == LS_MINE && !sh->search && !sh->kind && sh->lk == LK_NONE) {
		buf_adds(&b, "SELECT count(*) FROM holding h WHERE h.pos = :pos");
		return buf_steal(&b);
	}
	if (count && sh->ls == LS_ALL && !sh->search && sh->lk == LK_NONE) {
		/* all cases, or all of one kind: the per-kind counts */
		buf_adds(&b, sh->kind ? "SELECT coalesce((SELECT n FROM case_count WHERE kind = :kind), 0)"
				      : "SELECT coalesce(sum(n), 0) FROM case_count");
		return buf_steal(&b);
	}
	/* a count over the full-text index stops past STORE_COUNT_CAP: counting
	 * every match of a common word costs more than the page itself */
	if (count && sh->search && sh->ls == LS_ALL && !sh->kind && sh->lk == LK_NONE) {
		buf_adds(&b, "SELECT count(*) FROM (SELECT 1 FROM case_fts f WHERE f.case_fts MATCH :q"
			     " LIMIT " STORE_COUNT_CAP_SQL ")");
		return buf_steal(&b);
	}
	if (count) {
		buf_adds(&b, fts_join ? "SELECT count(*) FROM (SELECT 1" : "SELECT count(*)");
	} else {
		buf_adds(&b, "SELECT " ROW_COLS ", ");
		buf_adds(&b, e);
	}
	int first = 1;
	if (fts_join) {
		buf_adds(&b, " FROM case_fts f CROSS JOIN cases c ON c.rid = f.rowid");
		limit_where(&b, &first, sh->search ? "f.case_fts MATCH :q" : "f.case_fts MATCH :lq");
		if (sh->ls == LS_MINE)
			limit_where(&b, &first, "EXISTS (SELECT 1 FROM holding h WHERE h.pos = :pos"
				    " AND h.case_rid = c.rid)");
	} else if (sh->ls == LS_MINE) {
		buf_adds(&b, " FROM holding h CROSS JOIN cases c ON c.rid = h.case_rid");
		limit_where(&b, &first, "h.pos = :pos");
	} else if (count && (sh->ls == LS_UNDISPOSED || sh->ls == LS_OVERDUE)) {
		buf_adds(&b, " FROM cases c INDEXED BY cases_open_flags");
	} else {
		buf_adds(&b, " FROM cases c");
	}
	if (view_cond[sh->ls] != NULL)
		limit_where(&b, &first, view_cond[sh->ls]);
	if (sh->kind)
		limit_where(&b, &first, "c.kind = :kind");
	if (limit_sql(sh, count) != NULL)
		limit_where(&b, &first, limit_sql(sh, count));
	if (count) {
		if (fts_join)
			buf_adds(&b, " LIMIT " STORE_COUNT_CAP_SQL ")");
		return buf_steal(&b);
	}
	if (sh->keyset) {
		if (tie == NULL) {
			limit_where(&b, &first, sh->desc ? "f.rowid < :rid" : "f.rowid > :rid");
		} else if (cols != NULL) {
			/* (year, number, rid) past the last row, from its number key */
			limit_where(&b, &first, "(c.year, c.number, c.rid)");
			buf_adds(&b, sh->desc ? " < " : " > ");
			buf_adds(&b, "(:sv / 10000000000, :sv % 10000000000, :rid)");
		} else {
			/* a range on the sort key, then the rid tie-break */
			limit_where(&b, &first, e);
			buf_adds(&b, sh->desc ? " <= :sv AND (" : " >= :sv AND (");
			buf_adds(&b, e);
			buf_adds(&b, sh->desc ? " < :sv OR " : " > :sv OR ");
			buf_adds(&b, tie);
			buf_adds(&b, sh->desc ? " < :rid)" : " > :rid)");
		}
	}
	buf_adds(&b, " ORDER BY ");
	if (cols != NULL) {
		buf_adds(&b, cols);
	} else {
		buf_adds(&b, e);
		buf_adds(&b, sh->desc ? " DESC" : " ASC");
		if (tie != NULL) {
			buf_adds(&b, ", ");
			buf_adds(&b, tie);
			buf_adds(&b, sh->desc ? " DESC" : " ASC");
		}
	}
	buf_adds(&b, " LIMIT :n");
	return buf_steal(&b);
}

/* The cached statement for a shape. */
static sqlite3_stmt *list_stmt(struct store *st, const struct list_shape *sh, int count)
{
	size_t i;
	sqlite3_stmt **slot;
	if (count) {
		i = ((size_t)sh->ls * 2 + (size_t)sh->search) * 2 + (size_t)sh->kind;
		i = i * LK_COUNT + sh->lk;
		slot = &st->count_stmts[i];
	} else {
		i = (size_t)sh->ls * SORT_COUNT + sh->sort;
		i = ((((i * 2 + (size_t)sh->desc) * 2 + (size_t)sh->keyset) * 2 + (size_t)sh->search)
		     * 2 + (size_t)sh->kind) * LK_COUNT + sh->lk;
		slot = &st->list_stmts[i];
	}
	if (*slot == NULL) {
		char *sql = list_sql(sh, count);
		*slot = store_prepare(st, sql);
		free(sql);
	}
	return *slot;
}

/* Parses a limit expression ("sifat=Rahasia", plain text, NULL). */
static int limit_parse(const char *expr, struct limit_expr *le, char **cause)
{
	memset(le, 0, sizeof *le);
	if (expr == NULL)
		return 0;
	char *copy = xstrdup(expr);
	char *t = str_trim(copy);
	int ret = 0;
	char *eq = strchr(t, '=');
	if (*t == '\0')
		goto out;
	if (eq == NULL) {
		le->lk = LK_TEXT;
		le->v1 = xstrdup(t);
		goto out;
	}
	*eq = '\0';
	char *key = str_trim(t), *val = str_trim(eq + 1);
	for (char *p = key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strcmp(key, "sifat") == 0)
		le->lk = LK_SECURITY;
	else if (strcmp(key, "urgensi") == 0)
		le->lk = LK_URGENCY;
	else if (strcmp(key, "penting") == 0)
		le->lk = LK_PENTING;
	else if (strcmp(key, "status") == 0)
		le->lk = LK_STATUS;
	else if (strcmp(key, "tahun") == 0)
		le->lk = LK_YEAR;
	else if (strcmp(key, "jenis") == 0)
		le->lk = LK_KIND;
	else {
		*cause = xasprintf(_("batasi: kunci '%s' tidak dikenal (sifat, urgensi, penting,"
				     " status, tahun, jenis)"), key);
		ret = -1;
		goto out;
	}
	if (*val == '\0') {
		*cause = xasprintf(_("batasi: nilai untuk '%s' kosong"), key);
		ret = -1;
		goto out;
	}
	switch (le->lk) {
	case LK_PENTING:
		if (strcasecmp(val, "p") == 0 || strcasecmp(val, "penting") == 0)
			le->v1 = xstrdup("P");
		else if (strcasecmp(val, "b") == 0 || strcasecmp(val, "biasa") == 0)
			le->v1 = xstrdup("B");
		else {
			*cause = xasprintf(_("batasi: penting harus P atau B, bukan '%s'"), val);
			ret = -1;
		}
		break;
	case LK_STATUS:
		if (strcasecmp(val, "terbuka") == 0 || strcasecmp(val, "selesai") == 0) {
			le->v1 = xstrdup(val);
			for (char *p = le->v1; *p; p++)
				*p = (char)tolower((unsigned char)*p);
		} else {
			*cause = xasprintf(_("batasi: status harus terbuka atau selesai, bukan '%s'"),
					   val);
			ret = -1;
		}
		break;
	case LK_YEAR: {
		long y;
		if (strlen(val) != 4 || !store_is_number(val, &y) || y < 1900 || y > 2998) {
			*cause = xasprintf(_("batasi: tahun tidak valid '%s'"), val);
			ret = -1;
			break;
		}
		le->v1 = xasprintf("%04ld-01-01", y);
		le->v2 = xasprintf("%04ld-01-01", y + 1);
		break;
	}
	default:
		le->v1 = xstrdup(val);
		break;
	}
out:
	free(copy);
	if (ret != 0)
		le->lk = LK_NONE;
	return ret;
}

static void limit_free(struct limit_expr *le)
{
	free(le->v1);
	free(le->v2);
}

/* The user's words as a safe FTS5 query: every word a quoted string, the
 * last one a prefix ("kata"*, or its expansion), all required. NULL when
 * there are no words. Caller frees. */
static char *fts_query(struct store *st, const char *words)
{
	if (words == NULL)
		return NULL;
	struct buf b;
	buf_init(&b);
	const char *p = words, *last = NULL;
	size_t last_n = 0;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (last != NULL) {
			fts_quote(&b, last, last_n);
			buf_adds(&b, " AND ");
		}
		last = w;
		last_n = (size_t)(p - w);
	}
	if (last == NULL) {
		buf_free(&b);
		return NULL;
	}
	if (!fts_expand(st, last, last_n, &b)) {
		fts_quote(&b, last, last_n);
		buf_addc(&b, '*');
	}
	return buf_steal(&b);
}

static const char SQL_FTS_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM case_fts WHERE case_fts MATCH :q LIMIT :cap)";

/* Everything a query needs besides its shape: the parsed parts. */
struct list_parts {
	struct limit_expr le;
	char             *fts;  /* FTS5 query of the search (and of a text limit merged in) */
	char             *lq;   /* FTS5 query of a plain-text limit on its own */
	int               skip; /* the query can match nothing (VIEW_MINE without position) */
};

/* Matches of an FTS5 query, counted up to cap (more: cap), or -1 on a query
 * error. */
static long fts_matches(struct store *st, const char *q, long cap)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FTS_COUNT);
	store_bind_text(s, ":q", q);
	store_bind_int(s, ":cap", cap);
	long n = -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	return n;
}

/* Parses the query into a shape and parts (for a count statement when
 * count = 1). -1 with cause on a bad limit. */
static int list_prepare(struct store *st, const struct list_query *q, int count,
			struct list_shape *sh, struct list_parts *pp, char **cause)
{
	memset(sh, 0, sizeof *sh);
	memset(pp, 0, sizeof *pp);
	if (limit_parse(q->limit, &pp->le, cause) != 0)
		return -1;
	pp->fts = fts_query(st, q->search);
	sh->kind = q->kind != NULL;
	sh->lk = pp->le.lk;
	sh->sort = q->sort < SORT_COUNT ? q->sort : SORT_RECEIVED;
	switch (q->view) {
	case VIEW_MINE:
		sh->ls = LS_MINE;
		pp->skip = q->position == NULL;
		break;
	case VIEW_UNDISPOSED:
		sh->ls = LS_UNDISPOSED;
		break;
	case VIEW_OVERDUE:
		sh->ls = LS_OVERDUE;
		break;
	default:
		sh->ls = LS_ALL;
		break;
	}
	if (sh->lk == LK_TEXT) {
		/* the words as a search restricted to asal and perihal */
		char *w = fts_query(st, pp->le.v1);
		char *lq = xasprintf("{party subject} : (%s)", w ? w : "\"\"");
		free(w);
		if (pp->fts != NULL) {
			/* with a search: one FTS query, in search order */
			char *both = xasprintf("(%s) AND %s", pp->fts, lq);
			free(pp->fts);
			free(lq);
			pp->fts = both;
			sh->lk = LK_NONE;
		} else if (count) {
			/* counted like a search */
			pp->fts = lq;
			sh->lk = LK_NONE;
		} else {
			pp->lq = lq;
			if (sh->ls != LS_MINE) {
				long m = fts_matches(st, lq, st->limit_fts_drive + 1);
				if (m >= 0 && m <= st->limit_fts_drive)
					sh->lk = LK_TEXT_FTS;
			}
		}
	}
	sh->search = pp->fts != NULL;
	return 0;
}

static void list_parts_free(struct list_parts *pp)
{
	limit_free(&pp->le);
	free(pp->fts);
	free(pp->lq);
}

/* Binds the filter parameters shared by list and count statements. */
static void list_bind(sqlite3_stmt *s, const struct list_query *q, const struct list_parts *pp)
{
	store_bind_text_opt(s, ":q", pp->fts);
	store_bind_text_opt(s, ":lq", pp->lq);
	store_bind_text_opt(s, ":pos", q->position);
	store_bind_text_opt(s, ":kind", q->kind);
	store_bind_text_opt(s, ":lv", pp->le.v1);
	store_bind_text_opt(s, ":lv2", pp->le.v2);
	if (sqlite3_bind_parameter_index(s, ":today") != 0) {
		char today[11];
		if (q->today != NULL)
			snprintf(today, sizeof today, "%s", q->today);
		else
			date_fmt_iso(clock_today(), today);
		store_bind_text(s, ":today", today);
	}
}

/* The message of a failed search or list query. */
static void list_cause(struct store *st, int search, char **cause)
{
	if (search)
		*cause = xasprintf(_("cari: %s"), sqlite3_errmsg(st->db));
	else
		store_db_cause(st, cause);
}

/* Frees an array from store_list_page. */
void case_rows_free(struct case_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].kind);
		free(rows[i].number_text);
		free(rows[i].received);
		free(rows[i].party);
		free(rows[i].subject);
		free(rows[i].security);
		free(rows[i].urgency);
		free(rows[i].penting);
		free(rows[i].status);
		free(rows[i].holder);
		free(rows[i].deadline);
		free(rows[i].sortval);
		free(rows[i].linked);
		free(rows[i].koperasi_name);
		free(rows[i].koperasi_id);
		free(rows[i].letter_id);
		values_free(&rows[i].fields);
	}
	free(rows);
}

void store_row_read(sqlite3_stmt *s, struct case_row *r)
{
	r->rowid = (long)sqlite3_column_int64(s, 0);
	store_col_id(s, 1, r->id);
	r->kind = store_col_text(s, 2);
	r->number_text = store_col_text(s, 3);
	r->received = store_col_text(s, 4);
	r->party = store_col_text(s, 5);
	r->subject = store_col_text(s, 6);
	r->security = store_col_text(s, 7);
	r->urgency = store_col_text(s, 8);
	r->penting = store_col_text(s, 9);
	r->status = store_col_text(s, 10);
	r->step = sqlite3_column_int(s, 11);
	r->holder = store_col_text(s, 12);
	r->deadline = store_col_text(s, 13);
	r->paused = sqlite3_column_int(s, 14) != 0;
	r->koperasi_id = store_col_text(s, 15);
	r->koperasi_name = store_col_text(s, 16);
	r->letter_id = store_col_text(s, 17);
	store_col_values(s, 18, &r->fields);
	r->linked = NULL;
	r->sortval = store_col_text(s, ROW_NCOLS);
	if (r->sortval == NULL)
		r->sortval = xstrdup("");
}

/* store_row_read and case_rows_free for store_page_rows. */
static void case_row_read_any(sqlite3_stmt *s, void *row)
{
	store_row_read(s, row);
}

static void case_rows_free_any(void *rows, size_t n)
{
	case_rows_free(rows, n);
}

/* One keyset page of a list query (see store.h); caller frees the rows. */
int store_list_page(struct store *st, const struct list_query *q, const struct case_row *from,
		    int backwards, int n, struct case_row **rows, size_t *nrows, char **cause)
{
	*rows = NULL;
	*nrows = 0;
	struct list_shape sh;
	struct list_parts pp;
	if (list_prepare(st, q, 0, &sh, &pp, cause) != 0) {
		list_parts_free(&pp);
		return -1;
	}
	if (pp.skip || n <= 0) {
		list_parts_free(&pp);
		return 0;
	}
	/* display order: with a search newest registered first (rowid), else the
	 * sort's natural order, flipped by reverse; paging back queries the
	 * other way and turns the rows around */
	int disp_desc = sh.search ? 1 : sort_desc[sh.sort];
	if (q->reverse)
		disp_desc = !disp_desc;
	sh.desc = backwards ? !disp_desc : disp_desc;
	sh.keyset = from != NULL;
	sqlite3_stmt *s = list_stmt(st, &sh, 0);
	list_bind(s, q, &pp);
	if (from != NULL) {
		store_bind_int(s, ":rid", from->rowid);
		if (!sh.search) {
			const char *sv = from->sortval ? from->sortval : "";
			if (sh.sort == SORT_NUMBER)
				store_bind_int(s, ":sv", strtoll(sv, NULL, 10));
			else
				store_bind_text(s, ":sv", sv);
		}
	}
	store_bind_int(s, ":n", n);
	void *page;
	size_t k;
	int ret = store_page_rows(s, n, sizeof(struct case_row), backwards, case_row_read_any,
				  case_rows_free_any, &page, &k);
	if (ret != 0)
		list_cause(st, sh.search, cause);
	store_reset(s);
	list_parts_free(&pp);
	if (ret != 0)
		return -1;
	struct case_row *out = page;
	/* the linked cases of the page's rows */
	if (k > 0 && store_rows_linked(st, out, k, cause) != 0) {
		case_rows_free(out, k);
		return -1;
	}
	*rows = out;
	*nrows = k;
	return 0;
}

/* Rows a list query matches, -1 with *cause on a bad query. */
long store_list_count(struct store *st, const struct list_query *q, char **cause)
{
	struct list_shape sh;
	struct list_parts pp;
	if (list_prepare(st, q, 1, &sh, &pp, cause) != 0) {
		list_parts_free(&pp);
		return -1;
	}
	if (pp.skip) {
		list_parts_free(&pp);
		return 0;
	}
	sqlite3_stmt *s = list_stmt(st, &sh, 1);
	list_bind(s, q, &pp);
	long n = -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	else
		list_cause(st, sh.search, cause);
	store_reset(s);
	list_parts_free(&pp);
	return n;
}

static const char SQL_KOPERASI_CASES[] =
	"SELECT " ROW_COLS ", c.rid FROM cases c WHERE c.koperasi_id = :kid ORDER BY c.rid DESC";

/* The cases linked to a cooperative, newest first (see store.h). */
int store_koperasi_cases(struct store *st, const char *koperasi_id, struct case_row **rows,
			 size_t *n, char **cause)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_KOPERASI_CASES);
	store_bind_text(s, ":kid", koperasi_id);
	struct case_row *out = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		if (k == cap) {
			cap = cap ? cap * 2 : 8;
			out = xreallocarray(out, cap, sizeof *out);
		}
		memset(&out[k], 0, sizeof out[k]);
		store_row_read(s, &out[k++]);
	}
	if (rc != SQLITE_DONE) {
		case_rows_free(out, k);
		return -1;
	}
	store_reset(s);
	if (k > 0 && store_rows_linked(st, out, k, cause) != 0) {
		case_rows_free(out, k);
		return -1;
	}
	*rows = out;
	*n = k;
	return 0;
}

void store_count_text(long n, char out[24])
{
	if (n > STORE_COUNT_CAP)
		snprintf(out, 24, "%d+", STORE_COUNT_CAP);
	else
		snprintf(out, 24, "%ld", n);
}

/* Display name of a view. */
const char *view_label(enum view v)
{
	switch (v) {
	case VIEW_MINE:
		return _("Untuk saya");
	case VIEW_UNDISPOSED:
		return _("Belum didisposisi");
	case VIEW_OVERDUE:
		return _("Terlambat");
	default:
		return _("Semua");
	}
}

/* Display name of a sort. */
const char *sort_label(enum sort s)
{
	switch (s) {
	case SORT_NUMBER:
		return _("nomor");
	case SORT_DEADLINE:
		return _("batas waktu");
	case SORT_PARTY:
		return _("asal");
	default:
		return _("diterima");
	}
}
