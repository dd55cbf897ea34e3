/* calendar.h: working days (Mon-Fri minus holidays/cuti bersama), working hours, deadlines. */
#ifndef BERKAS_CALENDAR_H
#define BERKAS_CALENDAR_H

#include <time.h>
#include "date.h"

struct calendar;

/* Loads holidays from a CSV with header tanggal,keterangan,jenis (ISO dates;
 * jenis libur_nasional or cuti_bersama). NULL with *cause ("file:line: why")
 * on error; caller frees cause. */
struct calendar *calendar_load(const char *csv_path, char **cause);
struct calendar *calendar_empty(void);      /* weekends only */
void calendar_free(struct calendar *cal);

void calendar_set_hours(struct calendar *cal, int start_min, int end_min); /* default 07:30-16:00 */
int  calendar_first_year(const struct calendar *cal);  /* years with holiday data */
int  calendar_last_year(const struct calendar *cal);

int  calendar_is_workday(const struct calendar *cal, day_t day);
const char *calendar_holiday(const struct calendar *cal, day_t day); /* name or NULL */

/* The n-th working day after day (day itself not counted); n = 0 gives day
 * itself when it is a working day, else the next working day. */
day_t calendar_add_workdays(const struct calendar *cal, day_t day, int n);
/* Working days in (a, b]; negative when b < a. */
int   calendar_workdays_between(const struct calendar *cal, day_t a, day_t b);

/* Working time: adds minutes of office hours to t (UTC), skipping nights,
 * weekends and holidays. */
time_t calendar_add_work_minutes(const struct calendar *cal, time_t t, long minutes);
/* Minutes of office hours between a and b (0 if b <= a). */
long   calendar_work_minutes_between(const struct calendar *cal, time_t a, time_t b);

enum deadline_state { DL_NONE, DL_ON_TIME, DL_DUE_TODAY, DL_OVERDUE };
enum deadline_state deadline_state(day_t deadline, day_t today); /* deadline < 0: DL_NONE */
const char *deadline_state_label(enum deadline_state s); /* "tepat waktu", "jatuh tempo hari ini", "terlambat" */

#endif
