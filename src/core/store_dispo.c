/* store_dispo.c: dispositions (a tree per case), steps, workflow columns and the append-only event log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store_int.h"
#include "calendar.h"
#include "date.h"

#define DISPO_COLS \
	"id, case_id, parent_id, from_pos, to_pos, instructions, note, deadline, created_at," \
	" created_by, on_behalf, state, read_at, read_by, done_at, done_by, followup, depth"

static const char SQL_EVENT_INSERT[] =
	"INSERT INTO event(id, case_id, at, actor, on_behalf, action, field, old_value, new_value)"
	" VALUES (:id, :case_id, :at, :actor, :on_behalf, :action, :field, :old, :new)";
static const char SQL_EVENTS[] =
	"SELECT at, actor, on_behalf, action, field, old_value, new_value FROM event"
	" WHERE case_id = :case_id ORDER BY at, id";

static const char SQL_STEP_INSERT[] =
	"INSERT INTO step(id, case_id, no, actor, complete_on, started_at, done_at, done_by, skipped,"
	" pause)"
	" VALUES (:id, :case_id, :no, :actor, :complete_on, :started_at, :done_at, :done_by,"
	" :skipped, :pause)";
static const char SQL_STEPS_OPEN[] =
	"SELECT no, actor, complete_on, pause FROM step WHERE case_id = :case_id AND done_at IS NULL"
	" ORDER BY no";
/* "tidak disetujui": the step returned to and those after it open again */
static const char SQL_STEPS_REOPEN[] =
	"UPDATE step SET done_at = NULL, done_by = NULL, skipped = 0,"
	" started_at = CASE WHEN no = :to THEN :now ELSE NULL END"
	" WHERE case_id = :case_id AND no >= :to";
static const char SQL_STEP_CLOSE[] =
	"UPDATE step SET done_at = :now, done_by = :actor, skipped = :skipped"
	" WHERE case_id = :case_id AND no = :no AND done_at IS NULL";
static const char SQL_STEP_START[] =
	"UPDATE step SET started_at = :now"
	" WHERE case_id = :case_id AND no = :no AND started_at IS NULL";
static const char SQL_REQ_GET[] =
	"SELECT done, note FROM case_req WHERE case_id = :case_id AND req_key = :key";
static const char SQL_REQ_PUT[] =
	"INSERT INTO case_req(case_id, req_key, done, note, by, at)"
	" VALUES (:case_id, :key, :done, :note, :by, :at)"
	" ON CONFLICT(case_id, req_key) DO UPDATE SET done = excluded.done, note = excluded.note,"
	" by = excluded.by, at = excluded.at";
static const char SQL_STEPS[] =
	"SELECT no, started_at, done_at, done_by, skipped FROM step WHERE case_id = :case_id"
	" ORDER BY no";

static const char SQL_CASE_STATE[] =
	"SELECT status, kind FROM cases WHERE id = :id";
static const char SQL_CASE_FLOW[] =
	"SELECT status, step, step_actor, disposed, holder, rid, paused_since, deadline FROM cases"
	" WHERE id = :id";
/* the service clock stops (a pause step became current) or runs again */
static const char SQL_CLOCK_STOP[] =
	"UPDATE cases SET paused_since = :today WHERE id = :id";
static const char SQL_CLOCK_RUN[] =
	"UPDATE cases SET paused_since = NULL, paused_days = paused_days + :stood,"
	" deadline = :deadline WHERE id = :id";
static const char SQL_CASE_WORKFLOW[] =
	"UPDATE cases SET step = :step, step_actor = :step_actor, disposed = :disposed,"
	" holder = :holder WHERE id = :id";
static const char SQL_CASE_WORKFLOW_DONE[] =
	"UPDATE cases SET status = 'selesai', step = :step, step_actor = :step_actor,"
	" disposed = :disposed, holder = :holder WHERE id = :id";
static const char SQL_CASE_DISPO_STATES[] =
	"SELECT to_pos, state FROM dispo WHERE case_id = :case_id ORDER BY created_at, id";

static const char SQL_DISPO_INSERT[] =
	"INSERT INTO dispo(id, case_id, parent_id, from_pos, to_pos, instructions, note, deadline,"
	" created_at, created_by, on_behalf, state, depth)"
	" VALUES (:id, :case_id, :parent_id, :from_pos, :to_pos, :instructions, :note, :deadline,"
	" :now, :actor, :on_behalf, 0, :depth)";
static const char SQL_DISPO_GET[] =
	"SELECT " DISPO_COLS " FROM dispo WHERE id = :id";
static const char SQL_DISPOS_CASE[] =
	"SELECT " DISPO_COLS " FROM dispo WHERE case_id = :case_id ORDER BY created_at, id";
static const char SQL_DISPOS_FOR[] =
	"SELECT " DISPO_COLS " FROM dispo WHERE case_id = :case_id AND to_pos = :pos AND state < 2"
	" ORDER BY created_at, id";
static const char SQL_DISPO_OPEN_TO[] =
	"SELECT 1 FROM dispo WHERE to_pos = :pos AND case_id = :case_id AND state < 2 LIMIT 1";
static const char SQL_DISPO_FORWARD[] =
	"UPDATE dispo SET state = 2, read_at = coalesce(read_at, :now),"
	" read_by = coalesce(read_by, :actor) WHERE id = :id";
static const char SQL_DISPO_READ[] =
	"UPDATE dispo SET state = 1, read_at = :now, read_by = :actor WHERE id = :id AND state = 0";
static const char SQL_DISPO_FOLLOWUP[] =
	"UPDATE dispo SET state = 3, followup = :note, done_at = :now, done_by = :actor,"
	" read_at = coalesce(read_at, :now), read_by = coalesce(read_by, :actor) WHERE id = :id";
static const char SQL_DISPO_DONE[] =
	"UPDATE dispo SET state = 3, done_at = :now, done_by = :actor WHERE id = :id";
static const char SQL_DISPO_OPEN_CHILDREN[] =
	"SELECT count(*) FROM dispo WHERE case_id = :case_id AND parent_id = :id AND state < 3";
static const char SQL_DISPO_OPEN_TOPS[] =
	"SELECT count(*) FROM dispo WHERE case_id = :case_id AND parent_id IS NULL AND state < 3";

static const char *const state_names[] = { "baru", "dibaca", "diteruskan", "selesai" };

/* Display name of a disposition state. */
const char *dispo_state_label(enum dispo_state s)
{
	switch (s) {
	case DS_NEW:
		return _("baru");
	case DS_READ:
		return _("dibaca");
	case DS_FORWARDED:
		return _("diteruskan");
	default:
		return _("selesai");
	}
}

/* ---- events ----------------------------------------------------------------- */

int store_event(struct store *st, const char *case_id, const char *at, const char *actor,
		const char *on_behalf, const char *action, const char *field,
		const char *old_value, const char *new_value, char **cause)
{
	char id[37];
	store_uuid(st, id);
	sqlite3_stmt *s = store_stmt(st, SQL_EVENT_INSERT);
	store_bind_text_ref(s, ":id", id);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_text_ref(s, ":at", at);
	store_bind_text_ref(s, ":actor", actor ? actor : "?");
	store_bind_text_ref(s, ":on_behalf", on_behalf);
	store_bind_text_ref(s, ":action", action);
	store_bind_text_ref(s, ":field", field);
	store_bind_text_ref(s, ":old", old_value);
	store_bind_text_ref(s, ":new", new_value);
	return store_run(st, s, cause);
}

/* The events of a case in time order; caller frees with events_free. */
int store_case_events(struct store *st, const char *case_id, struct event **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EVENTS);
	store_bind_text_ref(s, ":case_id", case_id);
	return store_events_read(st, s, out, n);
}

int store_events_read(struct store *st, sqlite3_stmt *s, struct event **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		struct event *e = &(*out)[(*n)++];
		e->at = store_col_text(s, 0);
		e->actor = store_col_text(s, 1);
		e->on_behalf = store_col_text(s, 2);
		e->action = store_col_text(s, 3);
		e->field = store_col_text(s, 4);
		e->old_value = store_col_text(s, 5);
		e->new_value = store_col_text(s, 6);
	}
	if (rc != SQLITE_DONE) {
		events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	store_reset(s);
	return 0;
}

/* Frees an array from store_case_events. */
void events_free(struct event *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].at);
		free(e[i].actor);
		free(e[i].on_behalf);
		free(e[i].action);
		free(e[i].field);
		free(e[i].old_value);
		free(e[i].new_value);
	}
	free(e);
}

/* ---- steps -------------------------------------------------------------------- */

/* An open step as the workflow code needs it. */
struct open_step {
	int  no;
	char actor[64];
	char complete_on[12];
	int  pause;        /* the step stops the service clock */
};

static const char *step_complete_word(enum complete_on c)
{
	switch (c) {
	case CO_REGISTER:
		return "register";
	case CO_DISPOSE:
		return "dispose";
	case CO_FOLLOWUP:
		return "followup";
	default:
		return "manual";
	}
}

/* Loads the open (not done) steps of a case in order. Caller frees *out. */
static int steps_open(struct store *st, const char *case_id, struct open_step **out, size_t *n,
		      char **cause)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_STEPS_OPEN);
	store_bind_text_ref(s, ":case_id", case_id);
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		struct open_step *o = &(*out)[(*n)++];
		o->no = sqlite3_column_int(s, 0);
		const char *a = (const char *)sqlite3_column_text(s, 1);
		const char *c = (const char *)sqlite3_column_text(s, 2);
		snprintf(o->actor, sizeof o->actor, "%s", a ? a : "");
		snprintf(o->complete_on, sizeof o->complete_on, "%s", c ? c : "");
		o->pause = sqlite3_column_int(s, 3) != 0;
	}
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	store_reset(s);
	return 0;
}

/* Logs an event of step no: the step closing (action "tahap", state
 * "selesai" or "dilewati"), or the service clock stopping or running again
 * there ("jam_layanan", "berhenti" or "berjalan"). */
static int step_log(struct store *st, const char *case_id, int no, const char *action,
		    const char *state, const char *now, const char *actor, const char *on_behalf,
		    char **cause)
{
	char field[16];
	snprintf(field, sizeof field, "%d", no);
	return store_event(st, case_id, now, actor, on_behalf, action, field, NULL, state, cause);
}

/* The state word of a closing step. */
static const char *step_closed(int skipped)
{
	return skipped ? "dilewati" : "selesai";
}

/* Closes one open step (done, or skipped) and logs it. */
static int step_close(struct store *st, const char *case_id, int no, int skipped, const char *now,
		      const char *actor, const char *on_behalf, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_STEP_CLOSE);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":actor", actor);
	store_bind_int(s, ":skipped", skipped);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_int(s, ":no", no);
	if (store_run(st, s, cause) != 0)
		return -1;
	return step_log(st, case_id, no, "tahap", step_closed(skipped), now, actor, on_behalf, cause);
}

/* Starts step no, if it has not started yet. */
static int step_start(struct store *st, const char *case_id, int no, const char *now, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_STEP_START);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_int(s, ":no", no);
	return store_run(st, s, cause);
}

/* Completes step no given the open steps o of the case: earlier open steps
 * are skipped, no is done, the next open step starts. */
static int step_complete_open(struct store *st, const char *case_id, const struct open_step *o,
			      size_t n, int no, const char *now, const char *actor,
			      const char *on_behalf, char **cause)
{
	size_t i = 0;
	for (; i < n && o[i].no <= no; i++)
		if (step_close(st, case_id, o[i].no, o[i].no < no, now, actor, on_behalf, cause) != 0)
			return -1;
	return i < n ? step_start(st, case_id, o[i].no, now, cause) : 0;
}

/* 1 if the step applies to values v (its optional "field=value" condition). */
static int step_applies(const struct kstep *ks, const struct values *v)
{
	if (ks->when == NULL || *ks->when == '\0')
		return 1;
	const char *eq = strchr(ks->when, '=');
	if (eq == NULL)
		return 1;
	char *key = xstrndup(ks->when, (size_t)(eq - ks->when));
	str_trim(key);
	char *want = xstrdup(eq + 1);
	str_trim(want);
	const char *have = values_get(v, key);
	int r = have != NULL && strcasecmp(have, want) == 0;
	free(key);
	free(want);
	return r;
}

static int step_plan_cmp(const void *a, const void *b)
{
	const struct step_plan *x = a, *y = b;
	return (x->ks->no > y->ks->no) - (x->ks->no < y->ks->no);
}

/* The steps of a new case and their state once registered, as the step rows
 * would be after creating them and completing each register step in turn
 * (earlier open steps skipped, the next one started). */
void store_steps_plan(const struct kind *k, const struct values *v, int reqs_missing,
		      struct steps_init *p)
{
	memset(p, 0, sizeof *p);
	p->s = xcalloc(k->n_steps ? k->n_steps : 1, sizeof *p->s);
	for (size_t i = 0; i < k->n_steps; i++)
		if (step_applies(&k->steps[i], v))
			p->s[p->n++].ks = &k->steps[i];
	/* the open steps in order of number, as the step table returns them */
	struct step_plan *ord = xcalloc(p->n ? p->n : 1, sizeof *ord);
	memcpy(ord, p->s, p->n * sizeof *ord);
	qsort(ord, p->n, sizeof *ord, step_plan_cmp);
	p->closes = xcalloc(p->n ? p->n : 1, sizeof *p->closes);
	size_t first = 0; /* ord[first] is the first open step */
	for (size_t r = 0; r < p->n; r++) {
		const struct kstep *reg = p->s[r].ks;
		if (reg->complete_on != CO_REGISTER)
			continue;
		/* a pause step waits for the requirements: it stays the current
		 * step (the earlier ones are skipped) and the clock stands */
		int blocked = reg->pauses_clock && reqs_missing > 0;
		for (; first < p->n && ord[first].ks->no < reg->no + !blocked; first++) {
			ord[first].done = 1;
			ord[first].skipped = ord[first].ks->no < reg->no;
			p->closes[p->nclose++] = ord[first];
		}
		if (blocked)
			break;
		if (first < p->n)
			ord[first].started = 1;
	}
	if (first < p->n) {
		ord[first].started = 1;
		p->step = ord[first].ks->no;
		p->actor = ord[first].ks->actor && *ord[first].ks->actor ? ord[first].ks->actor : NULL;
		p->paused = ord[first].ks->pauses_clock;
	}
	/* back to kind order, with their state */
	for (size_t i = 0; i < p->n; i++)
		for (size_t j = 0; j < p->n; j++)
			if (ord[j].ks == p->s[i].ks)
				p->s[i] = ord[j];
	free(ord);
}

void store_steps_plan_free(struct steps_init *p)
{
	free(p->s);
	free(p->closes);
	memset(p, 0, sizeof *p);
}

/* Writes the step rows of a new case from its plan and logs the steps that
 * registering completed. */
int store_steps_create(struct store *st, const struct steps_init *p, const char *case_id,
		       const char *at, const char *actor, char **cause)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct step_plan *sp = &p->s[i];
		char id[37];
		store_uuid(st, id);
		sqlite3_stmt *s = store_stmt(st, SQL_STEP_INSERT);
		store_bind_text_ref(s, ":id", id);
		store_bind_text_ref(s, ":case_id", case_id);
		store_bind_int(s, ":no", sp->ks->no);
		store_bind_text_ref(s, ":actor", sp->ks->actor);
		store_bind_text_ref(s, ":complete_on", step_complete_word(sp->ks->complete_on));
		store_bind_text_ref(s, ":started_at", sp->started ? at : NULL);
		store_bind_text_ref(s, ":done_at", sp->done ? at : NULL);
		store_bind_text_ref(s, ":done_by", sp->done ? actor : NULL);
		store_bind_int(s, ":skipped", sp->skipped);
		store_bind_int(s, ":pause", sp->ks->pauses_clock != 0);
		if (store_run(st, s, cause) != 0)
			return -1;
	}
	for (size_t i = 0; i < p->nclose; i++)
		if (step_log(st, case_id, p->closes[i].ks->no, "tahap",
			     step_closed(p->closes[i].skipped), at, actor, NULL, cause) != 0)
			return -1;
	/* the case row was written with paused_since set (store_case_insert) */
	if (p->paused && step_log(st, case_id, p->step, "jam_layanan", "berhenti", at, actor, NULL,
				  cause) != 0)
		return -1;
	return 0;
}

/* The steps of a case by number; caller frees with steps_free. */
int store_case_steps(struct store *st, const char *case_id, struct step_rec **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_STEPS);
	store_bind_text_ref(s, ":case_id", case_id);
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		struct step_rec *r = &(*out)[(*n)++];
		r->no = sqlite3_column_int(s, 0);
		r->started_at = store_col_text(s, 1);
		r->done_at = store_col_text(s, 2);
		r->done_by = store_col_text(s, 3);
		r->skipped = sqlite3_column_int(s, 4);
	}
	if (rc != SQLITE_DONE) {
		steps_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	store_reset(s);
	return 0;
}

/* Frees an array from store_case_steps. */
void steps_free(struct step_rec *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].started_at);
		free(s[i].done_at);
		free(s[i].done_by);
	}
	free(s);
}

/* ---- case workflow state ----------------------------------------------------------- */

/* Reads status and kind of a case: 0, or -1 with cause (not found, or a
 * database error). */
static int case_state(struct store *st, const char *case_id, char status[16], char kind[64],
		      char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_STATE);
	store_bind_text_ref(s, ":id", case_id);
	int rc = store_step(st, s, cause);
	if (rc == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(s, 0);
		const char *b = (const char *)sqlite3_column_text(s, 1);
		snprintf(status, 16, "%s", a ? a : "");
		snprintf(kind, 64, "%s", b ? b : "");
	} else if (rc != SQLITE_DONE) {
		return -1;
	}
	store_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	*cause = xstrdup(_("berkas tidak ditemukan"));
	return -1;
}

/* Free text as stored: trimmed, NULL when empty or not given. Caller frees. */
static char *store_text(const char *s)
{
	char *t = xstrdup(s ? s : "");
	str_trim(t);
	if (*t != '\0')
		return t;
	free(t);
	return NULL;
}

/* Reads a single integer from a statement with parameters bound. */
static int store_int_query(struct store *st, sqlite3_stmt *s, long *out, char **cause)
{
	if (store_step(st, s, cause) != SQLITE_ROW)
		return -1;
	*out = (long)sqlite3_column_int64(s, 0);
	store_reset(s);
	return 0;
}

/* Who changes the workflow of a case, and when (case_refresh); finish = 1:
 * the change finishes the case. */
struct finish {
	const char *now, *actor, *on_behalf;
	int         finish;
};

/* The store's holiday calendar, or (none given) a calendar of weekends
 * only, made in *own for the caller to free; *own is NULL otherwise. */
static const struct calendar *clock_calendar(struct store *st, struct calendar **own)
{
	*own = st->cal == NULL ? calendar_empty() : NULL;
	return st->cal != NULL ? st->cal : *own;
}

/* Working days the clock stood from the ISO date since to today (0 when
 * since is today or bad). */
static int clock_stood(struct store *st, const char *since, day_t today)
{
	day_t d;
	if (since == NULL || date_parse_iso(since, &d) != 0 || d >= today)
		return 0;
	struct calendar *own;
	int n = calendar_workdays_between(clock_calendar(st, &own), d, today);
	calendar_free(own);
	return n > 0 ? n : 0;
}

/* Stops the service clock of a case (want_pause, and it runs) or lets it run
 * again (it stands and !want_pause): the working days it stood are added to
 * paused_days and the deadline moves on by as many working days. step is the
 * current step (0 when the case is done: then no event, the case is over). */
static int case_clock(struct store *st, const char *case_id, int want_pause, int step,
		      const char *paused_since, const char *deadline, const struct finish *fin,
		      char **cause)
{
	if ((want_pause != 0) == (paused_since != NULL))
		return 0;
	char now[21], today[11];
	const char *at = fin != NULL ? fin->now : NULL;
	if (at == NULL) {
		store_now(now);
		at = now;
	}
	const char *actor = fin != NULL ? fin->actor : NULL;
	const char *behalf = fin != NULL ? fin->on_behalf : NULL;
	day_t td = clock_today();
	date_fmt_iso(td, today);
	sqlite3_stmt *s;
	if (want_pause) {
		s = store_stmt(st, SQL_CLOCK_STOP);
		store_bind_text(s, ":today", today);
		store_bind_text(s, ":id", case_id);
		if (store_run(st, s, cause) != 0)
			return -1;
		return step_log(st, case_id, step, "jam_layanan", "berhenti", at, actor, behalf, cause);
	}
	int stood = clock_stood(st, paused_since, td);
	char moved[11];
	const char *dl = deadline;
	day_t d;
	if (stood > 0 && deadline != NULL && date_parse_iso(deadline, &d) == 0) {
		struct calendar *own;
		date_fmt_iso(calendar_add_workdays(clock_calendar(st, &own), d, stood), moved);
		calendar_free(own);
		dl = moved;
	}
	s = store_stmt(st, SQL_CLOCK_RUN);
	store_bind_int(s, ":stood", stood);
	store_bind_text(s, ":deadline", dl);
	store_bind_text(s, ":id", case_id);
	if (store_run(st, s, cause) != 0)
		return -1;
	return step > 0 ? step_log(st, case_id, step, "jam_layanan", "berjalan", at, actor, behalf,
				   cause) : 0;
}

/* Appends position p to the ", "-separated holder list unless it is there. */
static void holder_add(struct buf *holder, const char *p)
{
	size_t pl = strlen(p);
	for (const char *h = holder->s; h != NULL && *h; ) {
		const char *e = strstr(h, ", ");
		size_t hl = e ? (size_t)(e - h) : strlen(h);
		if (hl == pl && strncmp(h, p, pl) == 0)
			return;
		h = e ? e + 2 : h + hl;
	}
	if (holder->len > 0)
		buf_adds(holder, ", ");
	buf_adds(holder, p);
}

/* Recomputes step, step_actor, disposed and holder of a case and writes them
 * when they changed. known (nknown rows, when have_known) are its open steps
 * if the caller has them already. fin names who acts (events; NULL: "?");
 * with fin->finish an open case also becomes "selesai" in the same write, and
 * the event "selesai" follows. The service clock follows the current step. */
static int case_refresh(struct store *st, const char *case_id, const struct open_step *known,
			size_t nknown, int have_known, const struct finish *fin, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CASE_FLOW);
	store_bind_text_ref(s, ":id", case_id);
	int rc = store_step(st, s, cause);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE) {
			store_reset(s);
			*cause = xstrdup(_("berkas tidak ditemukan"));
		}
		return -1;
	}
	const char *t = (const char *)sqlite3_column_text(s, 0);
	int done = t != NULL && strcmp(t, "selesai") == 0;
	int finishing = fin != NULL && fin->finish && !done;
	done = done || finishing;
	int old_step = sqlite3_column_int(s, 1);
	char *old_actor = store_col_text(s, 2);
	int old_disposed = sqlite3_column_int(s, 3);
	char *old_holder = store_col_text(s, 4);
	long long rid = sqlite3_column_int64(s, 5);
	char *paused_since = store_col_text(s, 6);
	char *deadline = store_col_text(s, 7);
	store_reset(s);
	/* a bulk commit writes the inbox rows of an older case again (its status
	 * may have changed before this call too) */
	store_bulk_touch(st, rid);

	struct open_step *o = NULL;
	const struct open_step *op = known;
	size_t n = nknown;
	int ret = -1;
	if (done) {
		n = 0;
	} else if (!have_known) {
		if (steps_open(st, case_id, &o, &n, cause) != 0)
			goto out;
		op = o;
	}
	/* disposed: any disposition; holders: the recipients of the open ones
	 * (the open leaves), once each, in order */
	int disposed = 0;
	struct buf holder;
	buf_init(&holder);
	s = store_stmt(st, SQL_CASE_DISPO_STATES);
	store_bind_text_ref(s, ":case_id", case_id);
	while ((rc = store_step(st, s, cause)) == SQLITE_ROW) {
		disposed = 1;
		const char *p = (const char *)sqlite3_column_text(s, 0);
		if (!done && p != NULL && sqlite3_column_int(s, 1) < DS_FORWARDED)
			holder_add(&holder, p);
	}
	if (rc != SQLITE_DONE) {
		buf_free(&holder);
		goto out;
	}
	store_reset(s);
	/* the current step's actor holds the case too when nobody disposed it,
	 * or when the step is done by hand (a service's later steps, after the
	 * dispositions that assigned it) */
	if (!done && n > 0 && op[0].actor[0] != '\0' &&
	    (!disposed || strcmp(op[0].complete_on, "manual") == 0))
		holder_add(&holder, op[0].actor);
	int step = done || n == 0 ? 0 : op[0].no;
	const char *actor = done || n == 0 || op[0].actor[0] == '\0' ? NULL : op[0].actor;
	const char *hold = holder.len > 0 ? holder.s : NULL;
	if (!finishing && step == old_step && !store_str_differs(actor, old_actor) &&
	    disposed == old_disposed && !store_str_differs(hold, old_holder)) {
		ret = 0; /* nothing changed: no write */
	} else {
		s = store_stmt(st, finishing ? SQL_CASE_WORKFLOW_DONE : SQL_CASE_WORKFLOW);
		store_bind_int(s, ":step", step);
		store_bind_text_ref(s, ":step_actor", actor);
		store_bind_int(s, ":disposed", disposed);
		store_bind_text_ref(s, ":holder", hold);
		store_bind_text_ref(s, ":id", case_id);
		ret = store_run(st, s, cause);
		if (ret == 0 && finishing)
			ret = store_event(st, case_id, fin->now, fin->actor, fin->on_behalf, "selesai",
					  "status", "terbuka", "selesai", cause);
	}
	buf_free(&holder);
	/* the service clock stands while the current step is a pause step */
	if (ret == 0)
		ret = case_clock(st, case_id, !done && n > 0 && op[0].pause, step, paused_since,
				 deadline, fin, cause);
out:
	free(o);
	free(old_actor);
	free(old_holder);
	free(paused_since);
	free(deadline);
	return ret;
}

/* Recomputes step, step_actor, disposed and holder of a case. */
int store_case_refresh(struct store *st, const char *case_id, char **cause)
{
	return case_refresh(st, case_id, NULL, 0, 0, NULL, cause);
}

/* Before a case is done: its remaining steps close (follow-up steps done,
 * others skipped). case_refresh with a finish then marks it "selesai". */
static int case_close_steps(struct store *st, const char *case_id, const char *now,
			    const char *actor, const char *on_behalf, char **cause)
{
	struct open_step *o;
	size_t n;
	if (steps_open(st, case_id, &o, &n, cause) != 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++)
		ret = step_close(st, case_id, o[i].no, strcmp(o[i].complete_on, "followup") != 0,
				 now, actor, on_behalf, cause);
	free(o);
	return ret;
}

/* Closes the open steps and marks the case done (a forwarded request). */
int store_case_finish(struct store *st, const char *case_id, const char *now,
		      const char *actor, char **cause)
{
	if (case_close_steps(st, case_id, now, actor, NULL, cause) != 0)
		return -1;
	struct finish fin = { now, actor, NULL, 1 };
	return case_refresh(st, case_id, NULL, 0, 0, &fin, cause);
}

/* The registered person who acts (store_person_cached; valid until the next
 * store call), or NULL with cause: not registered, or a database error. */
static const struct person *store_actor(struct store *st, const char *actor, char **cause)
{
	int err;
	const struct person *a = store_person_cached(st, actor ? actor : "", &err);
	if (err)
		store_db_cause(st, cause);
	else if (a == NULL)
		*cause = xasprintf(_("pengguna '%s' tidak terdaftar"), actor ? actor : "");
	return err ? NULL : a;
}

/* Checks that actor may complete or send back the current step o: the actor
 * holds the step's position or has the role admin or pencatat. */
static int step_may_act(struct store *st, const char *actor, const struct open_step *o,
			char **cause)
{
	const struct person *a = store_actor(st, actor, cause);
	if (a == NULL)
		return -1;
	if (o->actor[0] == '\0' || (a->position != NULL && strcmp(a->position, o->actor) == 0) ||
	    person_has_role(a, "admin") || person_has_role(a, "pencatat"))
		return 0;
	*cause = xasprintf(_("tahap %d dikerjakan oleh jabatan '%s', bukan jabatan Anda ('%s');"
			     " hanya pemegang jabatan itu, pencatat atau admin"), o->no, o->actor,
			   a->position ? a->position : "-");
	return -1;
}

/* Loads an open case of kind k for a workflow action (step, requirement):
 * 0, or -1 with cause (not found, other kind, closed). */
static int case_open_for(struct store *st, const struct kind *k, const char *case_id,
			 char **cause)
{
	char status[16], kind[64];
	if (case_state(st, case_id, status, kind, cause) != 0)
		return -1;
	if (k != NULL && strcmp(kind, k->key) != 0) {
		*cause = xasprintf(_("berkas berjenis %s, bukan %s"), kind, k->key);
		return -1;
	}
	if (strcmp(status, "selesai") == 0) {
		*cause = xstrdup(_("berkas sudah selesai"));
		return -1;
	}
	return 0;
}

/* The open steps of an open case of kind k, the current one first, for a
 * step action: 0, or -1 with cause (see case_open_for; no step open). */
static int step_current(struct store *st, const struct kind *k, const char *case_id,
			struct open_step **o, size_t *n, char **cause)
{
	if (case_open_for(st, k, case_id, cause) != 0 || steps_open(st, case_id, o, n, cause) != 0)
		return -1;
	if (*n == 0) {
		*cause = xstrdup(_("tidak ada tahap yang masih terbuka"));
		return -1;
	}
	return 0;
}

/* Completes the current step by hand; the last one finishes the case. */
int store_step_done(struct store *st, const struct kind *k, const char *case_id,
		    const char *actor, char **cause)
{
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	char now[21];
	struct open_step *o = NULL;
	size_t n = 0;
	if (step_current(st, k, case_id, &o, &n, cause) != 0)
		goto done;
	if (step_may_act(st, actor, &o[0], cause) != 0)
		goto done;
	/* the gate: waiting on the applicant, or verifying, needs every
	 * required requirement ticked */
	const struct kstep *ks = k != NULL ? kind_step(k, o[0].no) : NULL;
	if (ks != NULL && (ks->pauses_clock || ks->return_to > 0)) {
		char *labels = NULL;
		int m = store_reqs_missing(st, k, case_id, &labels);
		if (m < 0) {
			store_db_cause(st, cause);
			free(labels);
			goto done;
		}
		if (m > 0) {
			*cause = xasprintf(_("persyaratan belum lengkap: %s"), labels);
			free(labels);
			goto done;
		}
		free(labels);
	}
	store_now(now);
	if (step_complete_open(st, case_id, o, n, o[0].no, now, actor, NULL, cause) != 0)
		goto done;
	/* the last step done: the case is (no steps remain open to close) */
	struct finish fin = { now, actor, NULL, n == 1 };
	ok = case_refresh(st, case_id, o + 1, n - 1, 1, &fin, cause) == 0;
done:
	free(o);
	return store_tx_finish(st, tok, ok, cause);
}

/* "Tidak disetujui": back to the current step's return_to (see store.h). */
int store_step_return(struct store *st, const struct kind *k, const char *case_id,
		      const char *reason, const char *actor, char **cause)
{
	char *why = store_text(reason);
	if (why == NULL) {
		*cause = xstrdup(_("alasan: wajib diisi (mengapa tidak disetujui)"));
		return -1;
	}
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0) {
		free(why);
		return -1;
	}
	char now[21];
	struct open_step *o = NULL;
	size_t n = 0;
	if (step_current(st, k, case_id, &o, &n, cause) != 0)
		goto done;
	const struct kstep *ks = k != NULL ? kind_step(k, o[0].no) : NULL;
	if (ks == NULL || ks->return_to <= 0) {
		*cause = xasprintf(_("tahap %d tidak dapat dikembalikan: tahap ini tidak punya tahap"
				     " tujuan bila tidak disetujui (return_to)"), o[0].no);
		goto done;
	}
	if (step_may_act(st, actor, &o[0], cause) != 0)
		goto done;
	store_now(now);
	sqlite3_stmt *s = store_stmt(st, SQL_STEPS_REOPEN);
	store_bind_int(s, ":to", ks->return_to);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":case_id", case_id);
	if (store_run(st, s, cause) != 0)
		goto done;
	char from[16], to[16];
	snprintf(from, sizeof from, "%d", o[0].no);
	snprintf(to, sizeof to, "%d", ks->return_to);
	if (store_event(st, case_id, now, actor, NULL, "dikembalikan", from, to, why, cause) != 0)
		goto done;
	struct finish who = { now, actor, NULL, 0 };
	ok = case_refresh(st, case_id, NULL, 0, 0, &who, cause) == 0;
done:
	free(o);
	free(why);
	return store_tx_finish(st, tok, ok, cause);
}

/* Ticks or unticks a requirement (see store.h). */
int store_req_set(struct store *st, const struct kind *k, const char *case_id,
		  const char *key, int done_flag, const char *note, const char *actor,
		  char **cause)
{
	const struct kreq *rq = NULL;
	for (size_t i = 0; k != NULL && key != NULL && i < k->n_reqs; i++)
		if (strcmp(k->reqs[i].key, key) == 0)
			rq = &k->reqs[i];
	if (rq == NULL) {
		struct buf b;
		buf_init(&b);
		buf_add(&b, "", 0);
		for (size_t i = 0; k != NULL && i < k->n_reqs; i++) {
			if (i > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, k->reqs[i].key);
		}
		char *safe = str_sanitize(key ? key : "", 1);
		if (b.len > 0)
			*cause = xasprintf(_("persyaratan '%s' tidak dikenal (%s)"), safe, b.s);
		else
			*cause = xasprintf(_("persyaratan '%s' tidak dikenal: jenis ini tidak punya"
					     " persyaratan"), safe);
		free(safe);
		buf_free(&b);
		return -1;
	}
	char *text = store_text(note);
	done_flag = done_flag != 0;
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0) {
		free(text);
		return -1;
	}
	char now[21];
	char *old_note = NULL;
	char *newv = NULL;
	struct open_step *o = NULL;
	size_t n = 0;
	if (case_open_for(st, k, case_id, cause) != 0)
		goto done;
	if (store_actor(st, actor, cause) == NULL)
		goto done;
	sqlite3_stmt *s = store_stmt(st, SQL_REQ_GET);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_text_ref(s, ":key", rq->key);
	int rc = store_step(st, s, cause);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		goto done;
	int old_done = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
	if (rc == SQLITE_ROW)
		old_note = store_col_text(s, 1);
	store_reset(s);
	if (rc == SQLITE_ROW && old_done == done_flag && !store_str_differs(old_note, text)) {
		ok = 1; /* nothing changes */
		goto done;
	}
	store_now(now);
	s = store_stmt(st, SQL_REQ_PUT);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_text_ref(s, ":key", rq->key);
	store_bind_int(s, ":done", done_flag);
	store_bind_text_ref(s, ":note", text);
	store_bind_text_ref(s, ":by", actor);
	store_bind_text_ref(s, ":at", now);
	if (store_run(st, s, cause) != 0)
		goto done;
	newv = text != NULL ? xasprintf("%s: %s", done_flag ? "ada" : "belum", text)
			    : xstrdup(done_flag ? "ada" : "belum");
	if (store_event(st, case_id, now, actor, NULL, "persyaratan", rq->key,
			old_done ? "ada" : "belum", newv, cause) != 0)
		goto done;
	/* complete: a pause step that completes on register (waiting for the
	 * requirements since the case was registered) completes now, and so
	 * does the next one of that sort */
	int moved = 0;
	while (done_flag) {
		free(o);
		o = NULL;
		if (steps_open(st, case_id, &o, &n, cause) != 0)
			goto done;
		if (n == 0 || !o[0].pause || strcmp(o[0].complete_on, "register") != 0)
			break;
		int m = store_reqs_missing(st, k, case_id, NULL);
		if (m < 0) {
			store_db_cause(st, cause);
			goto done;
		}
		if (m > 0)
			break;
		if (step_complete_open(st, case_id, o, n, o[0].no, now, actor, NULL, cause) != 0)
			goto done;
		moved = 1;
	}
	if (moved) {
		/* the last step completed (no step open): the case is done */
		struct finish who = { now, actor, NULL, n == 0 };
		ok = case_refresh(st, case_id, NULL, 0, 0, &who, cause) == 0;
	} else {
		ok = 1;
	}
done:
	free(o);
	free(old_note);
	free(newv);
	free(text);
	return store_tx_finish(st, tok, ok, cause);
}

/* ---- dispositions ---------------------------------------------------------------- */

/* Frees the strings of one disposition (not d itself). */
static void dispo_clear(struct dispo *d)
{
	free(d->from_pos);
	free(d->to_pos);
	free(d->instructions);
	free(d->note);
	free(d->deadline);
	free(d->created_at);
	free(d->created_by);
	free(d->on_behalf);
	free(d->read_at);
	free(d->read_by);
	free(d->done_at);
	free(d->done_by);
	free(d->followup);
	memset(d, 0, sizeof *d);
}

/* Frees an array of dispositions. */
void dispos_free(struct dispo *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dispo_clear(&d[i]);
	free(d);
}

static void dispo_read_row(sqlite3_stmt *s, struct dispo *d)
{
	memset(d, 0, sizeof *d);
	store_col_id(s, 0, d->id);
	store_col_id(s, 1, d->case_id);
	store_col_id(s, 2, d->parent_id);
	d->from_pos = store_col_text(s, 3);
	d->to_pos = store_col_text(s, 4);
	d->instructions = store_col_text(s, 5);
	d->note = store_col_text(s, 6);
	d->deadline = store_col_text(s, 7);
	d->created_at = store_col_text(s, 8);
	d->created_by = store_col_text(s, 9);
	d->on_behalf = store_col_text(s, 10);
	int state = sqlite3_column_int(s, 11);
	d->state = state >= DS_NEW && state <= DS_DONE ? (enum dispo_state)state : DS_NEW;
	d->read_at = store_col_text(s, 12);
	d->read_by = store_col_text(s, 13);
	d->done_at = store_col_text(s, 14);
	d->done_by = store_col_text(s, 15);
	d->followup = store_col_text(s, 16);
	d->depth = sqlite3_column_int(s, 17);
}

/* Runs a dispo query (parameters bound) into an array. */
static int dispo_list(struct store *st, sqlite3_stmt *s, struct dispo **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	while ((rc = store_step(st, s, NULL)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		dispo_read_row(s, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		dispos_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	store_reset(s);
	return 0;
}

/* Appends to out, depth first, the children of parent ("" for the tops). */
static void dispo_walk(struct dispo *rows, size_t n, char *used, const char *parent,
		       struct dispo *out, size_t *k)
{
	for (size_t i = 0; i < n; i++) {
		if (used[i] || strcmp(rows[i].parent_id, parent) != 0)
			continue;
		used[i] = 1;
		out[(*k)++] = rows[i];
		dispo_walk(rows, n, used, rows[i].id, out, k);
	}
}

/* All dispositions of a case in tree order; caller frees with dispos_free. */
int store_case_dispos(struct store *st, const char *case_id, struct dispo **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DISPOS_CASE);
	store_bind_text_ref(s, ":case_id", case_id);
	struct dispo *rows;
	size_t nr;
	if (dispo_list(st, s, &rows, &nr) != 0) {
		*out = NULL;
		*n = 0;
		return -1;
	}
	if (nr == 0) {
		*out = rows;
		*n = 0;
		return 0;
	}
	char *used = xcalloc(nr, 1);
	struct dispo *tree = xcalloc(nr, sizeof *tree);
	size_t k = 0;
	dispo_walk(rows, nr, used, "", tree, &k);
	for (size_t i = 0; i < nr; i++) /* a parent that did not travel: keep the row */
		if (!used[i])
			tree[k++] = rows[i];
	free(used);
	free(rows);
	*out = tree;
	*n = k;
	return 0;
}

/* Open dispositions of a case to position; caller frees with dispos_free. */
int store_dispos_for(struct store *st, const char *case_id, const char *position,
		     struct dispo **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DISPOS_FOR);
	store_bind_text_ref(s, ":case_id", case_id);
	store_bind_text_ref(s, ":pos", position);
	return dispo_list(st, s, out, n);
}

/* Loads one disposition: 1 found, 0 not, -1 error. */
static int dispo_get(struct store *st, const char *id, struct dispo *d, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DISPO_GET);
	store_bind_text_ref(s, ":id", id);
	int rc = store_step(st, s, cause);
	if (rc == SQLITE_ROW)
		dispo_read_row(s, d);
	else if (rc != SQLITE_DONE)
		return -1;
	store_reset(s);
	return rc == SQLITE_ROW;
}

/*
 * Checks that actor may act for position pos: the actor holds pos, or has the
 * role pencatat or admin and on_behalf names the person holding pos. what
 * names the field in messages ("dari", "tindak lanjut").
 */
static int store_may_act(struct store *st, const char *actor, const char *on_behalf,
			 const char *pos, const char *what, char **cause)
{
	const struct person *a = store_actor(st, actor, cause);
	if (a == NULL)
		return -1;
	if (on_behalf == NULL) {
		if (a->position != NULL && strcmp(a->position, pos) == 0)
			return 0;
		if (person_has_role(a, "pencatat") || person_has_role(a, "admin"))
			*cause = xasprintf(_("%s: '%s' bukan jabatan Anda; sebutkan atas nama siapa"
					     " disposisi ini dicatat"), what, pos);
		else
			*cause = xasprintf(_("%s: '%s' bukan jabatan Anda (jabatan Anda: '%s')"),
					   what, pos, a->position ? a->position : "-");
		return -1;
	}
	if (!person_has_role(a, "pencatat") && !person_has_role(a, "admin")) {
		*cause = xasprintf(_("atas nama: hanya pencatat atau admin yang boleh mencatat"
				     " atas nama pejabat ('%s' bukan pencatat)"), actor);
		return -1;
	}
	int err;
	const struct person *b = store_person_cached(st, on_behalf, &err);
	if (err) {
		store_db_cause(st, cause);
		return -1;
	}
	if (b == NULL) {
		*cause = xasprintf(_("atas nama: pengguna '%s' tidak terdaftar"), on_behalf);
		return -1;
	}
	if (b->position != NULL && strcmp(b->position, pos) == 0)
		return 0;
	*cause = xasprintf(_("atas nama: '%s' tidak memegang jabatan '%s'"), on_behalf, pos);
	return -1;
}

/* on_behalf as given, or NULL when empty or the actor itself. */
static const char *store_behalf(const char *actor, const char *on_behalf)
{
	if (on_behalf == NULL || *on_behalf == '\0')
		return NULL;
	if (actor != NULL && strcmp(actor, on_behalf) == 0)
		return NULL;
	return on_behalf;
}

/* The cause for a disposition to pos that is no longer open (state s). */
static char *dispo_closed_cause(const char *pos, enum dispo_state s)
{
	return xasprintf(_("tidak ada disposisi terbuka untuk jabatan ini: disposisi kepada '%s'"
			   " sudah %s"), pos, dispo_state_label(s));
}

/* Moves disposition d on (sql: SQL_DISPO_FORWARD, _READ or _DONE, with :now
 * :actor :id) and logs action with its old state and new_state. */
static int dispo_mark(struct store *st, const char *sql, const struct dispo *d, const char *action,
		      const char *new_state, const char *now, const char *actor,
		      const char *on_behalf, char **cause)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":actor", actor);
	store_bind_text_ref(s, ":id", d->id);
	if (store_run(st, s, cause) != 0)
		return -1;
	return store_event(st, d->case_id, now, actor, on_behalf, action, d->to_pos,
			   state_names[d->state], new_state, cause);
}

/* Checks one recipient of a new disposition; problems go to errs. */
static int dispose_check_to(struct store *st, const char *case_id, const char *from_pos,
			    const char *const *to_pos, size_t i, struct errs *errs, char **cause)
{
	const char *to = to_pos[i];
	if (to == NULL || *to == '\0') {
		errs_add(errs, "%s", _("kepada: jabatan kosong"));
		return 0;
	}
	for (size_t j = 0; j < i; j++)
		if (to_pos[j] != NULL && strcmp(to_pos[j], to) == 0) {
			errs_add(errs, _("kepada: '%s' disebut dua kali"), to);
			return 0;
		}
	int r = store_position_known(st, to);
	if (r < 0) {
		store_db_cause(st, cause);
		return -1;
	}
	if (r == 0) {
		errs_add(errs, _("kepada: jabatan '%s' tidak dikenal"), to);
		return 0;
	}
	if (!store_position_is_below(st, to, from_pos)) {
		errs_add(errs, _("kepada: '%s' tidak berada di bawah '%s'"), to, from_pos);
		return 0;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_DISPO_OPEN_TO);
	store_bind_text_ref(s, ":pos", to);
	store_bind_text_ref(s, ":case_id", case_id);
	r = store_exists(st, s, cause);
	if (r < 0)
		return -1;
	if (r == 1)
		errs_add(errs, _("kepada: '%s' masih memegang disposisi terbuka untuk berkas ini"), to);
	return 0;
}

/* Sends dispositions from from_pos (rules in store.h), in one transaction. */
int store_dispose(struct store *st, const char *case_id, const char *parent_id,
		  const char *from_pos, const char *const *to_pos, size_t n_to,
		  const char *instructions, const char *note, const char *deadline,
		  const char *actor, const char *on_behalf, char **cause)
{
	if (from_pos == NULL || *from_pos == '\0') {
		*cause = xstrdup(_("dari: wajib diisi"));
		return -1;
	}
	if (n_to == 0) {
		*cause = xstrdup(_("kepada: pilih sedikitnya satu jabatan"));
		return -1;
	}
	day_t dd;
	if (deadline != NULL && *deadline != '\0' && date_parse_iso(deadline, &dd) != 0) {
		*cause = xasprintf(_("batas waktu: tanggal tidak valid '%s'"), deadline);
		return -1;
	}
	if (deadline != NULL && *deadline == '\0')
		deadline = NULL;
	if (parent_id != NULL && *parent_id == '\0')
		parent_id = NULL;
	on_behalf = store_behalf(actor, on_behalf);

	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	struct errs errs;
	errs_init(&errs);
	struct dispo parent;
	memset(&parent, 0, sizeof parent);
	int have_parent = 0;
	char status[16], kind[64], now[21];
	if (case_state(st, case_id, status, kind, cause) != 0)
		goto done;
	if (strcmp(status, "selesai") == 0) {
		*cause = xstrdup(_("berkas sudah selesai; tidak dapat didisposisi lagi"));
		goto done;
	}
	sqlite3_stmt *s;
	int r = store_position_known(st, from_pos);
	if (r < 0) {
		store_db_cause(st, cause);
		goto done;
	}
	if (r == 0) {
		*cause = xasprintf(_("dari: jabatan '%s' tidak dikenal"), from_pos);
		goto done;
	}
	if (store_may_act(st, actor, on_behalf, from_pos, _("dari"), cause) != 0)
		goto done;
	if (parent_id != NULL) {
		r = dispo_get(st, parent_id, &parent, cause);
		if (r < 0)
			goto done;
		if (r == 0) {
			*cause = xstrdup(_("disposisi induk tidak ditemukan"));
			goto done;
		}
		have_parent = 1;
		if (strcmp(parent.case_id, case_id) != 0) {
			*cause = xstrdup(_("disposisi induk milik berkas lain"));
			goto done;
		}
		if (strcmp(parent.to_pos, from_pos) != 0) {
			*cause = xasprintf(_("disposisi induk ditujukan kepada '%s', bukan '%s'"),
					   parent.to_pos, from_pos);
			goto done;
		}
		if (parent.state != DS_NEW && parent.state != DS_READ) {
			*cause = dispo_closed_cause(from_pos, parent.state);
			goto done;
		}
	}
	for (size_t i = 0; i < n_to; i++)
		if (dispose_check_to(st, case_id, from_pos, to_pos, i, &errs, cause) != 0)
			goto done;
	if (errs.n > 0) {
		*cause = errs_join(&errs, "; ");
		goto done;
	}

	store_now(now);
	for (size_t i = 0; i < n_to; i++) {
		char id[37];
		store_uuid(st, id);
		s = store_stmt(st, SQL_DISPO_INSERT);
		store_bind_text_ref(s, ":id", id);
		store_bind_text_ref(s, ":case_id", case_id);
		store_bind_text_ref(s, ":parent_id", parent_id);
		store_bind_text_ref(s, ":from_pos", from_pos);
		store_bind_text_ref(s, ":to_pos", to_pos[i]);
		store_bind_text_ref(s, ":instructions",
				instructions && *instructions ? instructions : NULL);
		store_bind_text_ref(s, ":note", note && *note ? note : NULL);
		store_bind_text_ref(s, ":deadline", deadline);
		store_bind_text_ref(s, ":now", now);
		store_bind_text_ref(s, ":actor", actor);
		store_bind_text_ref(s, ":on_behalf", on_behalf);
		store_bind_int(s, ":depth", have_parent ? parent.depth + 1 : 0);
		if (store_run(st, s, cause) != 0)
			goto done;
		if (store_event(st, case_id, now, actor, on_behalf, "disposisi", "kepada", from_pos,
				to_pos[i], cause) != 0)
			goto done;
	}
	if (have_parent && dispo_mark(st, SQL_DISPO_FORWARD, &parent, "diteruskan", "diteruskan", now,
				      actor, on_behalf, cause) != 0)
		goto done;
	/* the first open step that completes when from_pos disposes */
	struct open_step *o;
	size_t n;
	if (steps_open(st, case_id, &o, &n, cause) != 0)
		goto done;
	int target = 0;
	for (size_t i = 0; i < n && target == 0; i++)
		if (strcmp(o[i].complete_on, "dispose") == 0 && strcmp(o[i].actor, from_pos) == 0)
			target = o[i].no;
	size_t closed = 0;
	while (target > 0 && closed < n && o[closed].no <= target)
		closed++;
	if (target > 0 && step_complete_open(st, case_id, o, n, target, now, actor, on_behalf,
					     cause) != 0) {
		free(o);
		goto done;
	}
	struct finish who = { now, actor, on_behalf, 0 };
	ok = case_refresh(st, case_id, o != NULL ? o + closed : NULL, n - closed, 1, &who,
			  cause) == 0;
	free(o);
done:
	errs_free(&errs);
	if (have_parent)
		dispo_clear(&parent);
	return store_tx_finish(st, tok, ok, cause);
}

/* Loads a disposition for a recipient action (what names it in messages),
 * checks its case exists and that actor may act for its recipient: 0 (d
 * filled), or -1 with cause (d left empty). */
static int dispo_for_action(struct store *st, const char *dispo_id, const char *actor,
			    const char *on_behalf, const char *what, struct dispo *d, char **cause)
{
	int r = dispo_get(st, dispo_id, d, cause);
	if (r <= 0) {
		if (r == 0)
			*cause = xstrdup(_("disposisi tidak ditemukan"));
		return -1;
	}
	char status[16], kind[64];
	if (case_state(st, d->case_id, status, kind, cause) != 0 ||
	    store_may_act(st, actor, on_behalf, d->to_pos, what, cause) != 0) {
		dispo_clear(d);
		return -1;
	}
	return 0;
}

/* The recipient marks a disposition read (already read: no change). */
int store_dispo_read(struct store *st, const char *dispo_id, const char *actor, char **cause)
{
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0)
		return -1;
	struct dispo d;
	char now[21];
	if (dispo_for_action(st, dispo_id, actor, NULL, _("dibaca"), &d, cause) != 0)
		return store_tx_finish(st, tok, 0, cause);
	if (d.state == DS_READ) {
		ok = 1; /* already read: nothing changes */
	} else if (d.state != DS_NEW) {
		*cause = dispo_closed_cause(d.to_pos, d.state);
	} else {
		store_now(now);
		ok = dispo_mark(st, SQL_DISPO_READ, &d, "dibaca", "dibaca", now, actor, NULL,
				cause) == 0;
	}
	dispo_clear(&d);
	return store_tx_finish(st, tok, ok, cause);
}

/* After d is done: forwarded ancestors whose children are all done become
 * done; when every top disposition is done the case is done: its steps close
 * and *finish = 1 (the refresh marks it). */
static int dispo_propagate(struct store *st, const struct dispo *d, const char *now,
			   const char *actor, const char *on_behalf, int *finish, char **cause)
{
	*finish = 0;
	char pid[37];
	snprintf(pid, sizeof pid, "%s", d->parent_id);
	while (pid[0] != '\0') {
		sqlite3_stmt *s = store_stmt(st, SQL_DISPO_OPEN_CHILDREN);
		store_bind_text_ref(s, ":case_id", d->case_id);
		store_bind_text_ref(s, ":id", pid);
		long open;
		if (store_int_query(st, s, &open, cause) != 0)
			return -1;
		if (open > 0)
			return 0;
		struct dispo p;
		int r = dispo_get(st, pid, &p, cause);
		if (r <= 0)
			return r; /* a parent that did not travel: stop here */
		int ret = 0;
		if (p.state == DS_FORWARDED)
			ret = dispo_mark(st, SQL_DISPO_DONE, &p, "disposisi_selesai", "selesai", now,
					 actor, on_behalf, cause);
		snprintf(pid, sizeof pid, "%s", p.parent_id);
		dispo_clear(&p);
		if (ret != 0)
			return -1;
	}
	sqlite3_stmt *s = store_stmt(st, SQL_DISPO_OPEN_TOPS);
	store_bind_text_ref(s, ":case_id", d->case_id);
	long open;
	if (store_int_query(st, s, &open, cause) != 0)
		return -1;
	if (open > 0)
		return 0;
	/* a service is done when its steps are: a step still to be done by hand
	 * keeps it open though every disposition is answered */
	struct open_step *o;
	size_t n;
	if (steps_open(st, d->case_id, &o, &n, cause) != 0)
		return -1;
	int manual = 0;
	for (size_t i = 0; i < n; i++)
		manual |= strcmp(o[i].complete_on, "manual") == 0;
	free(o);
	if (manual)
		return 0;
	*finish = 1;
	return case_close_steps(st, d->case_id, now, actor, on_behalf, cause);
}

/* The recipient reports follow-up; completion propagates upward. */
int store_dispo_followup(struct store *st, const char *dispo_id, const char *note,
			 const char *actor, const char *on_behalf, char **cause)
{
	char *text = store_text(note);
	if (text == NULL) {
		*cause = xstrdup(_("tindak lanjut: wajib diisi"));
		return -1;
	}
	on_behalf = store_behalf(actor, on_behalf);
	int tok, ok = 0;
	if (store_tx_begin(st, &tok, cause) != 0) {
		free(text);
		return -1;
	}
	struct dispo d;
	int have = 0;
	char now[21];
	if (dispo_for_action(st, dispo_id, actor, on_behalf, _("tindak lanjut"), &d, cause) != 0)
		goto done;
	have = 1;
	if (d.state == DS_FORWARDED) {
		*cause = xasprintf(_("tindak lanjut: disposisi kepada '%s' sudah diteruskan; ia"
				     " selesai ketika semua penerusannya selesai"), d.to_pos);
		goto done;
	}
	if (d.state != DS_NEW && d.state != DS_READ) {
		*cause = dispo_closed_cause(d.to_pos, d.state);
		goto done;
	}
	store_now(now);
	sqlite3_stmt *s = store_stmt(st, SQL_DISPO_FOLLOWUP);
	store_bind_text_ref(s, ":note", text);
	store_bind_text_ref(s, ":now", now);
	store_bind_text_ref(s, ":actor", actor);
	store_bind_text_ref(s, ":id", d.id);
	if (store_run(st, s, cause) != 0)
		goto done;
	if (store_event(st, d.case_id, now, actor, on_behalf, "tindak_lanjut", d.to_pos,
			state_names[d.state], text, cause) != 0)
		goto done;
	int finish;
	if (dispo_propagate(st, &d, now, actor, on_behalf, &finish, cause) != 0)
		goto done;
	struct finish fin = { now, actor, on_behalf, finish };
	ok = case_refresh(st, d.case_id, NULL, 0, 0, &fin, cause) == 0;
done:
	if (have)
		dispo_clear(&d);
	free(text);
	return store_tx_finish(st, tok, ok, cause);
}
