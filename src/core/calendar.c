/* calendar.c: working days (Mon-Fri minus holidays and cuti bersama), office hours and deadline states. */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "csvio.h"
#include "util.h"

struct holiday {
	day_t  day;
	char  *name; /* keterangan; several on one date are joined with " / " */
	size_t seq;  /* file order, keeps names of one date in order */
};

struct calendar {
	struct holiday *h;         /* sorted by day, one entry per date */
	size_t          n;
	size_t         *wd_before; /* wd_before[i]: holidays among h[0..i) on Mon-Fri; n + 1 entries */
	int             start_min; /* office hours, minutes of the local day */
	int             end_min;
};

struct calendar *calendar_empty(void)
{
	struct calendar *cal = xcalloc(1, sizeof *cal);
	cal->wd_before = xcalloc(1, sizeof *cal->wd_before);
	cal->start_min = 7 * 60 + 30;
	cal->end_min = 16 * 60;
	return cal;
}

void calendar_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	for (size_t i = 0; i < cal->n; i++)
		free(cal->h[i].name);
	free(cal->h);
	free(cal->wd_before);
	free(cal);
}

/* --- loading --- */

struct load {
	const char     *path;
	struct errs     errs;
	struct holiday *h;
	size_t          n, cap;
	int             header_seen;
};

static int load_row(long line, char **f, size_t n, void *ctx)
{
	struct load *L = ctx;
	if (!L->header_seen) {
		L->header_seen = 1;
		if (n < 3 || strcmp(f[0], "tanggal") != 0 || strcmp(f[1], "keterangan") != 0 ||
		    strcmp(f[2], "jenis") != 0)
			errs_add(&L->errs, _("%s:%ld: baris judul harus 'tanggal,keterangan,jenis'"),
				 L->path, line);
		return 0;
	}
	if (n != 3) {
		errs_add(&L->errs, _("%s:%ld: harus 3 kolom (tanggal,keterangan,jenis), ada %zu"),
			 L->path, line, n);
		return 0;
	}
	day_t day;
	int ok = 1;
	if (strlen(f[0]) != 10 || date_parse_iso(f[0], &day) != 0) {
		errs_add(&L->errs, _("%s:%ld: tanggal tidak valid '%s' (YYYY-MM-DD)"), L->path, line, f[0]);
		ok = 0;
	}
	if (f[1][0] == '\0') {
		errs_add(&L->errs, _("%s:%ld: keterangan kosong"), L->path, line);
		ok = 0;
	}
	if (strcmp(f[2], "libur_nasional") != 0 && strcmp(f[2], "cuti_bersama") != 0) {
		errs_add(&L->errs, _("%s:%ld: jenis '%s' tidak dikenal (libur_nasional, cuti_bersama)"),
			 L->path, line, f[2]);
		ok = 0;
	}
	if (!ok)
		return 0;
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 64;
		L->h = xreallocarray(L->h, L->cap, sizeof *L->h);
	}
	L->h[L->n].day = day;
	L->h[L->n].name = xstrdup(f[1]);
	L->h[L->n].seq = L->n;
	L->n++;
	return 0;
}

static int holiday_cmp(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

/* Index of the first holiday with day >= d (n if none). */
static size_t lower_bound(const struct calendar *cal, day_t d)
{
	size_t lo = 0, hi = cal->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->h[mid].day < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Sorts, merges holidays falling on one date and builds the weekday counts. */
static void calendar_index(struct calendar *cal)
{
	if (cal->n > 1)
		qsort(cal->h, cal->n, sizeof *cal->h, holiday_cmp);
	size_t o = 0;
	for (size_t i = 0; i < cal->n; i++) {
		if (o > 0 && cal->h[o - 1].day == cal->h[i].day) {
			char *joined = xasprintf("%s / %s", cal->h[o - 1].name, cal->h[i].name);
			free(cal->h[o - 1].name);
			free(cal->h[i].name);
			cal->h[o - 1].name = joined;
			continue;
		}
		cal->h[o++] = cal->h[i];
	}
	cal->n = o;
	free(cal->wd_before);
	cal->wd_before = xcalloc(cal->n + 1, sizeof *cal->wd_before);
	for (size_t i = 0; i < cal->n; i++)
		cal->wd_before[i + 1] = cal->wd_before[i] + (date_weekday(cal->h[i].day) <= 5);
}

struct calendar *calendar_load(const char *csv_path, char **cause)
{
	struct load L;
	memset(&L, 0, sizeof L);
	L.path = csv_path;
	errs_init(&L.errs);
	char *why = NULL;
	if (csv_read_file(csv_path, ',', load_row, &L, &why) != 0) {
		errs_add(&L.errs, "%s", why);
		free(why);
	} else if (!L.header_seen) {
		errs_add(&L.errs, _("%s:1: berkas kosong, baris judul 'tanggal,keterangan,jenis' tidak ada"),
			 csv_path);
	}
	if (L.errs.n > 0) {
		if (cause)
			*cause = errs_join(&L.errs, "\n");
		errs_free(&L.errs);
		for (size_t i = 0; i < L.n; i++)
			free(L.h[i].name);
		free(L.h);
		return NULL;
	}
	errs_free(&L.errs);
	struct calendar *cal = calendar_empty();
	cal->h = L.h;
	cal->n = L.n;
	calendar_index(cal);
	return cal;
}

void calendar_set_hours(struct calendar *cal, int start_min, int end_min)
{
	if (start_min < 0 || end_min > 24 * 60 || start_min >= end_min)
		return;
	cal->start_min = start_min;
	cal->end_min = end_min;
}

int calendar_first_year(const struct calendar *cal)
{
	if (cal->n == 0)
		return 0;
	int y, m, d;
	date_to_ymd(cal->h[0].day, &y, &m, &d);
	return y;
}

int calendar_last_year(const struct calendar *cal)
{
	if (cal->n == 0)
		return 0;
	int y, m, d;
	date_to_ymd(cal->h[cal->n - 1].day, &y, &m, &d);
	return y;
}

const char *calendar_holiday(const struct calendar *cal, day_t day)
{
	size_t i = lower_bound(cal, day);
	return i < cal->n && cal->h[i].day == day ? cal->h[i].name : NULL;
}

int calendar_is_workday(const struct calendar *cal, day_t day)
{
	return date_weekday(day) <= 5 && calendar_holiday(cal, day) == NULL;
}

/* A negative n counts back: the n-th working day before day. */
day_t calendar_add_workdays(const struct calendar *cal, day_t day, int n)
{
	if (n == 0) {
		while (!calendar_is_workday(cal, day))
			day++;
		return day;
	}
	int step = n > 0 ? 1 : -1;
	int left = n > 0 ? n : -n;
	while (left > 0) {
		day += step;
		if (calendar_is_workday(cal, day))
			left--;
	}
	return day;
}

static long floordiv7(long a)
{
	return a >= 0 ? a / 7 : -((-a + 6) / 7);
}

/* Mon-Fri days in (-inf, x) counted from the Monday 1969-12-29 (day -3). */
static long weekdays_before(day_t x)
{
	long s = (long)x + 3;
	long q = floordiv7(s);
	long r = s - 7 * q;
	return 5 * q + (r < 5 ? r : 5);
}

int calendar_workdays_between(const struct calendar *cal, day_t a, day_t b)
{
	if (b < a)
		return -calendar_workdays_between(cal, b, a);
	long wd = weekdays_before(b + 1) - weekdays_before(a + 1);
	size_t i = lower_bound(cal, a + 1), j = lower_bound(cal, b + 1);
	wd -= (long)(cal->wd_before[j] - cal->wd_before[i]);
	return (int)wd;
}

/* --- working time (office-local, fixed UTC offset from the clock) --- */

static long off_sec(void)
{
	return (long)clock_utc_offset() * 60;
}

static long floordiv_day(long a)
{
	return a >= 0 ? a / 86400 : -((-a + 86399) / 86400);
}

/* Adds working minutes; minutes <= 0 returns t unchanged. The result may be the
 * closing time of a working day (a full office day from opening ends at closing). */
time_t calendar_add_work_minutes(const struct calendar *cal, time_t t, long minutes)
{
	if (minutes <= 0)
		return t;
	long lt = (long)t + off_sec();
	long left = minutes * 60;
	long open = cal->start_min * 60L, close = cal->end_min * 60L;
	for (;;) {
		day_t day = floordiv_day(lt);
		long sec = lt - (long)day * 86400;
		if (!calendar_is_workday(cal, day) || sec >= close) {
			day = calendar_add_workdays(cal, day, 1);
			lt = (long)day * 86400 + open;
			continue;
		}
		if (sec < open) {
			sec = open;
			lt = (long)day * 86400 + open;
		}
		long avail = close - sec;
		if (left <= avail)
			return (time_t)(lt + left - off_sec());
		left -= avail;
		day = calendar_add_workdays(cal, day, 1);
		lt = (long)day * 86400 + open;
	}
}

/* Seconds of office hours on day (a working day) within [from, to) local seconds. */
static long overlap(const struct calendar *cal, day_t day, long from, long to)
{
	if (!calendar_is_workday(cal, day))
		return 0;
	long lo = (long)day * 86400 + cal->start_min * 60L;
	long hi = (long)day * 86400 + cal->end_min * 60L;
	if (from > lo)
		lo = from;
	if (to < hi)
		hi = to;
	return hi > lo ? hi - lo : 0;
}

long calendar_work_minutes_between(const struct calendar *cal, time_t a, time_t b)
{
	if (b <= a)
		return 0;
	long la = (long)a + off_sec(), lb = (long)b + off_sec();
	day_t da = floordiv_day(la), db = floordiv_day(lb);
	long secs;
	if (da == db) {
		secs = overlap(cal, da, la, lb);
	} else {
		secs = overlap(cal, da, la, lb) + overlap(cal, db, la, lb);
		long full = calendar_workdays_between(cal, da, db - 1);
		secs += full * (long)(cal->end_min - cal->start_min) * 60;
	}
	return secs / 60;
}

/* --- deadlines --- */

enum deadline_state deadline_state(day_t deadline, day_t today)
{
	if (deadline < 0)
		return DL_NONE;
	if (deadline < today)
		return DL_OVERDUE;
	if (deadline == today)
		return DL_DUE_TODAY;
	return DL_ON_TIME;
}

/* Returns a static translated label; "" for DL_NONE. */
const char *deadline_state_label(enum deadline_state s)
{
	switch (s) {
	case DL_ON_TIME:
		return _("tepat waktu");
	case DL_DUE_TODAY:
		return _("jatuh tempo hari ini");
	case DL_OVERDUE:
		return _("terlambat");
	case DL_NONE:
		break;
	}
	return "";
}
