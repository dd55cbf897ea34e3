/* date.c: civil dates as day numbers (Hinnant's algorithms), strict date text, the program clock. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

static int clock_offset_min = 480; /* office zone, minutes east of UTC (WITA) */

static long floordiv(long a, long b)
{
	long q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

day_t date_from_ymd(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(day_t day, int *y, int *m, int *d)
{
	long z = day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

int date_valid_ymd(int y, int m, int d)
{
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days_in_month(y, m);
}

int date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (4). */
	long r = ((day % 7) + 7) % 7;
	return (int)((r + 3) % 7) + 1;
}

/* Reads exactly n ASCII digits at s; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse_dmy(const char *s, day_t *out)
{
	if (s == NULL || strlen(s) != 10 || s[2] != '-' || s[5] != '-')
		return -1;
	int d = digits(s, 2), m = digits(s + 3, 2), y = digits(s + 6, 4);
	if (d < 0 || m < 0 || y < 0 || !date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

/* Parses "YYYY-MM-DD" at the start of s (10 chars); what follows is not checked. */
static int parse_iso_prefix(const char *s, day_t *out)
{
	if (s == NULL || strnlen(s, 10) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int date_parse_iso(const char *s, day_t *out)
{
	day_t day;
	if (parse_iso_prefix(s, &day) != 0)
		return -1;
	if (s[10] != '\0' && s[10] != 'T' && s[10] != ' ')
		return -1;
	*out = day;
	return 0;
}

static void put2(char *p, int v)
{
	p[0] = (char)('0' + (v / 10) % 10);
	p[1] = (char)('0' + v % 10);
}

static void put4(char *p, int v)
{
	if (v < 0)
		v = 0;
	p[0] = (char)('0' + (v / 1000) % 10);
	p[1] = (char)('0' + (v / 100) % 10);
	p[2] = (char)('0' + (v / 10) % 10);
	p[3] = (char)('0' + v % 10);
}

void date_fmt_dmy(day_t day, char out[11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	put2(out, d);
	out[2] = '-';
	put2(out + 3, m);
	out[5] = '-';
	put4(out + 6, y);
	out[10] = '\0';
}

void date_fmt_iso(day_t day, char out[11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	put4(out, y);
	out[4] = '-';
	put2(out + 5, m);
	out[7] = '-';
	put2(out + 8, d);
	out[10] = '\0';
}

/* --- clock --- */

void clock_set_utc_offset(int minutes)
{
	clock_offset_min = minutes;
}

int clock_utc_offset(void)
{
	return clock_offset_min;
}

/*
 * Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" ('T' or a
 * space) into seconds since the epoch of the wall clock (no zone applied).
 * Returns 0 or -1. When allow_z, a trailing "Z" is allowed; need_time
 * requires HH:MM:SS.
 */
static int parse_wall(const char *s, int need_time, int allow_z, time_t *out)
{
	day_t day;
	if (parse_iso_prefix(s, &day) != 0)
		return -1;
	const char *p = s + 10;
	int h = 0, mi = 0, se = 0;
	if (*p == '\0') {
		if (need_time)
			return -1;
	} else {
		if (*p != 'T' && *p != ' ')
			return -1;
		p++;
		if (strnlen(p, 5) != 5 || p[2] != ':')
			return -1;
		h = digits(p, 2);
		mi = digits(p + 3, 2);
		p += 5;
		if (*p == ':') {
			if (strnlen(p + 1, 2) != 2)
				return -1;
			se = digits(p + 1, 2);
			p += 3;
		} else if (need_time) {
			return -1;
		}
		if (allow_z && *p == 'Z')
			p++;
		if (*p != '\0')
			return -1;
		if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
			return -1;
	}
	*out = (time_t)day * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

time_t clock_now(void)
{
	const char *env = getenv("BERKAS_NOW");
	time_t wall;
	if (env != NULL && *env != '\0' && parse_wall(env, 0, 0, &wall) == 0)
		return wall - (time_t)clock_offset_min * 60;
	return time(NULL);
}

day_t clock_today(void)
{
	return ts_local_day(clock_now());
}

void ts_fmt_utc(time_t t, char out[21])
{
	day_t day = (day_t)floordiv((long)t, 86400);
	long sec = (long)t - (long)day * 86400;
	date_fmt_iso(day, out);
	out[10] = 'T';
	put2(out + 11, (int)(sec / 3600));
	out[13] = ':';
	put2(out + 14, (int)(sec / 60 % 60));
	out[16] = ':';
	put2(out + 17, (int)(sec % 60));
	out[19] = 'Z';
	out[20] = '\0';
}

/* Accepts "YYYY-MM-DDTHH:MM:SSZ" (also with a space or without the Z). */
int ts_parse_utc(const char *s, time_t *out)
{
	return parse_wall(s, 1, 1, out);
}

void ts_fmt_local(time_t t, char out[17])
{
	time_t lt = t + (time_t)clock_offset_min * 60;
	day_t day = (day_t)floordiv((long)lt, 86400);
	long sec = (long)lt - (long)day * 86400;
	date_fmt_dmy(day, out);
	out[10] = ' ';
	put2(out + 11, (int)(sec / 3600));
	out[13] = ':';
	put2(out + 14, (int)(sec / 60 % 60));
	out[16] = '\0';
}

day_t ts_local_day(time_t t)
{
	return (day_t)floordiv((long)t + (long)clock_offset_min * 60, 86400);
}

int ts_local_minute(time_t t)
{
	long lt = (long)t + (long)clock_offset_min * 60;
	long sec = lt - floordiv(lt, 86400) * 86400;
	return (int)(sec / 60);
}
