/* date.h: calendar dates as day numbers, DD-MM-YYYY and ISO text, the program clock. */
#ifndef BERKAS_DATE_H
#define BERKAS_DATE_H

#include <time.h>

typedef long day_t; /* days since 1970-01-01 (may be negative) */

day_t date_from_ymd(int y, int m, int d);       /* no validation */
void  date_to_ymd(day_t day, int *y, int *m, int *d);
int   date_valid_ymd(int y, int m, int d);      /* 1 if a real date, years 1900..2999 */
int   date_weekday(day_t day);                  /* 1 = Monday .. 7 = Sunday */

/* Strict parsers: return 0 and set *out, or -1 (wrong shape or no such date,
 * e.g. 31-02-2026). */
int   date_parse_dmy(const char *s, day_t *out); /* "DD-MM-YYYY" */
int   date_parse_iso(const char *s, day_t *out); /* "YYYY-MM-DD" (time part ignored) */
void  date_fmt_dmy(day_t day, char out[11]);
void  date_fmt_iso(day_t day, char out[11]);

/* The one clock of the program. BERKAS_NOW ("YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM[:SS]", office local time) overrides the system clock. */
void   clock_set_utc_offset(int minutes);   /* office zone, default +480 (WITA) */
int    clock_utc_offset(void);
time_t clock_now(void);                     /* UTC seconds */
day_t  clock_today(void);                   /* office-local date */
/* Timestamps are stored as "YYYY-MM-DDTHH:MM:SSZ" (UTC). */
void   ts_fmt_utc(time_t t, char out[21]);
int    ts_parse_utc(const char *s, time_t *out);          /* 0 or -1 */
void   ts_fmt_local(time_t t, char out[17]);              /* "DD-MM-YYYY HH:MM" office time */
day_t  ts_local_day(time_t t);                            /* office-local date of t */
int    ts_local_minute(time_t t);                         /* minute of the office-local day */

#endif
