/* test_calendar.c: unit tests for calendar.c with the real data/hari_libur.csv (run from the repo root). */
#include "testutil.h"
#include "calendar.h"
#include "util.h"

#define D(y, m, d) date_from_ymd(y, m, d)

static struct calendar *load_real(void)
{
	char *cause = NULL;
	struct calendar *cal = calendar_load("data/hari_libur.csv", &cause);
	if (cal == NULL)
		fail_msg("calendar_load: %s", cause ? cause : "?");
	assert_null(cause);
	return cal;
}

static void iso(day_t d, char out[11])
{
	date_fmt_iso(d, out);
}

static void calendar_real_file(void **state)
{
	(void)state;
	struct calendar *cal = load_real();
	assert_int_equal(calendar_first_year(cal), 2025);
	assert_int_equal(calendar_last_year(cal), 2026);
	assert_string_equal(calendar_holiday(cal, D(2026, 1, 1)), "Tahun Baru 2026 Masehi");
	assert_string_equal(calendar_holiday(cal, D(2026, 3, 20)), "Cuti Bersama Idulfitri 1447 Hijriah");
	assert_string_equal(calendar_holiday(cal, D(2026, 3, 21)), "Idulfitri 1447 Hijriah");
	assert_null(calendar_holiday(cal, D(2026, 3, 2)));
	assert_int_equal(calendar_is_workday(cal, D(2026, 3, 2)), 1);   /* Monday */
	assert_int_equal(calendar_is_workday(cal, D(2026, 3, 7)), 0);   /* Saturday */
	assert_int_equal(calendar_is_workday(cal, D(2026, 1, 1)), 0);   /* Thursday holiday */
	assert_int_equal(calendar_is_workday(cal, D(2025, 4, 7)), 0);   /* Monday cuti bersama */
	calendar_free(cal);
}

static void calendar_year_end(void **state)
{
	(void)state;
	struct calendar *cal = load_real();
	char b[11];
	/* Wed 31-12-2025 + 1: Thu 01-01-2026 is Tahun Baru, so Fri 02-01-2026. */
	iso(calendar_add_workdays(cal, D(2025, 12, 31), 1), b);
	assert_string_equal(b, "2026-01-02");
	/* Tue 23-12-2025 + 3: 24 Wed, 25 Christmas, 26 cuti, weekend, 29 Mon. */
	iso(calendar_add_workdays(cal, D(2025, 12, 23), 3), b);
	assert_string_equal(b, "2025-12-30");
	assert_int_equal(calendar_workdays_between(cal, D(2025, 12, 23), D(2026, 1, 2)), 5);
	calendar_free(cal);
}

static void calendar_cuti_bersama(void **state)
{
	(void)state;
	struct calendar *cal = load_real();
	char b[11];
	/* Idulfitri 2025: Fri 28-03 cuti Nyepi .. Mon 07-04 cuti: Thu 27-03 + 1 = Tue 08-04. */
	iso(calendar_add_workdays(cal, D(2025, 3, 27), 1), b);
	assert_string_equal(b, "2025-04-08");
	assert_int_equal(calendar_workdays_between(cal, D(2025, 3, 27), D(2025, 4, 8)), 1);
	/* Nyepi + Idulfitri 2026: 18-03 .. 24-03 off: Tue 17-03 + 1 = Wed 25-03. */
	iso(calendar_add_workdays(cal, D(2026, 3, 17), 1), b);
	assert_string_equal(b, "2026-03-25");
	iso(calendar_add_workdays(cal, D(2026, 3, 16), 5), b);
	assert_string_equal(b, "2026-03-30");
	assert_int_equal(calendar_workdays_between(cal, D(2026, 3, 16), D(2026, 3, 30)), 5);
	/* n = 0 on a holiday gives the next working day. */
	iso(calendar_add_workdays(cal, D(2026, 3, 20), 0), b);
	assert_string_equal(b, "2026-03-25");
	iso(calendar_add_workdays(cal, D(2026, 3, 25), 0), b);
	assert_string_equal(b, "2026-03-25");
	/* Counting back over the same break. */
	iso(calendar_add_workdays(cal, D(2026, 3, 25), -1), b);
	assert_string_equal(b, "2026-03-17");
	calendar_free(cal);
}

static void calendar_long_weekend(void **state)
{
	(void)state;
	struct calendar *cal = load_real();
	char b[11];
	/* Kenaikan Thu 14-05-2026 + cuti Fri 15-05: Wed 13-05 + 1 = Mon 18-05. */
	iso(calendar_add_workdays(cal, D(2026, 5, 13), 1), b);
	assert_string_equal(b, "2026-05-18");
	/* Christmas 2026: cuti Thu 24-12, Fri 25-12: Wed 23-12 + 1 = Mon 28-12. */
	iso(calendar_add_workdays(cal, D(2026, 12, 23), 1), b);
	assert_string_equal(b, "2026-12-28");
	/* HUT RI 2025: Sun 17-08 and cuti Mon 18-08: Fri 15-08 + 1 = Tue 19-08. */
	iso(calendar_add_workdays(cal, D(2025, 8, 15), 1), b);
	assert_string_equal(b, "2025-08-19");
	calendar_free(cal);
}

static void calendar_plain_weeks(void **state)
{
	(void)state;
	struct calendar *cal = load_real();
	char b[11];
	/* Mon 02-03-2026 + 5 = Mon 09-03-2026 (no holiday in between). */
	iso(calendar_add_workdays(cal, D(2026, 3, 2), 5), b);
	assert_string_equal(b, "2026-03-09");
	assert_int_equal(calendar_workdays_between(cal, D(2026, 3, 2), D(2026, 3, 9)), 5);
	assert_int_equal(calendar_workdays_between(cal, D(2026, 3, 9), D(2026, 3, 2)), -5);
	assert_int_equal(calendar_workdays_between(cal, D(2026, 3, 2), D(2026, 3, 2)), 0);
	/* From a Saturday: Sat 07-03 + 1 = Mon 09-03. */
	iso(calendar_add_workdays(cal, D(2026, 3, 7), 1), b);
	assert_string_equal(b, "2026-03-09");
	/* Whole year 2026: 261 weekdays minus 21 holidays on weekdays. */
	assert_int_equal(calendar_workdays_between(cal, D(2025, 12, 31), D(2026, 12, 31)), 240);
	/* Agreement between the counting and the stepping on every day of 2025-2026. */
	for (day_t d = D(2025, 1, 1); d <= D(2026, 12, 31); d += 3) {
		day_t e = calendar_add_workdays(cal, d, 7);
		assert_int_equal(calendar_workdays_between(cal, d, e), 7);
	}
	calendar_free(cal);
}

static void calendar_empty_weekends(void **state)
{
	(void)state;
	struct calendar *cal = calendar_empty();
	char b[11];
	assert_int_equal(calendar_first_year(cal), 0);
	iso(calendar_add_workdays(cal, D(2025, 12, 31), 1), b);
	assert_string_equal(b, "2026-01-01");
	assert_int_equal(calendar_workdays_between(cal, D(1969, 12, 25), D(1970, 1, 8)), 10);
	assert_null(calendar_holiday(cal, D(2026, 1, 1)));
	calendar_free(cal);
}

/* UTC time of an office-local (WITA) wall-clock time. */
static time_t wita(int y, int mo, int d, int h, int mi)
{
	return (time_t)D(y, mo, d) * 86400 + h * 3600 + mi * 60 - 480 * 60;
}

static void calendar_work_minutes(void **state)
{
	(void)state;
	clock_set_utc_offset(480);
	struct calendar *cal = load_real();
	char b[21];
	/* Mon 02-03-2026 15:00 + 120 min: 60 today, 60 on Tuesday from 07:30. */
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 2, 15, 0), 120), b);
	assert_string_equal(b, "2026-03-03T00:30:00Z"); /* Tue 08:30 WITA */
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 2, 15, 0),
						       wita(2026, 3, 3, 8, 30)), 120);
	/* Fri 06-03-2026 15:30 + 60: over the weekend to Mon 08:00. */
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 6, 15, 30), 60), b);
	assert_string_equal(b, "2026-03-09T00:00:00Z");
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 6, 15, 30),
						       wita(2026, 3, 9, 8, 0)), 60);
	/* Started at night: counts from the next opening. */
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 2, 22, 0), 30), b);
	assert_string_equal(b, "2026-03-03T00:00:00Z"); /* Tue 08:00 WITA */
	/* A full office day from opening ends at closing the same day. */
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 2, 7, 30), 510), b);
	assert_string_equal(b, "2026-03-02T08:00:00Z"); /* 16:00 WITA */
	/* Over the Idulfitri break 2026: Tue 17-03 15:00 + 120 = Wed 25-03 08:30. */
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 17, 15, 0), 120), b);
	assert_string_equal(b, "2026-03-25T00:30:00Z");
	/* One working week (5 days of 510 minutes). */
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 2, 0, 0),
						       wita(2026, 3, 9, 0, 0)), 2550);
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 9, 0, 0),
						       wita(2026, 3, 2, 0, 0)), 0);
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 7, 9, 0),
						       wita(2026, 3, 7, 12, 0)), 0);
	/* Other office hours. */
	calendar_set_hours(cal, 8 * 60, 12 * 60);
	ts_fmt_utc(calendar_add_work_minutes(cal, wita(2026, 3, 2, 11, 0), 90), b);
	assert_string_equal(b, "2026-03-03T00:30:00Z"); /* Tue 08:30 WITA */
	calendar_set_hours(cal, 12 * 60, 8 * 60);       /* ignored */
	assert_int_equal(calendar_work_minutes_between(cal, wita(2026, 3, 2, 0, 0),
						       wita(2026, 3, 3, 0, 0)), 240);
	calendar_free(cal);
}

static void calendar_work_minutes_wib(void **state)
{
	(void)state;
	/* Same wall-clock rules in WIB: 07:30 WIB is 00:30 UTC. */
	clock_set_utc_offset(420);
	struct calendar *cal = calendar_empty();
	char b[21];
	time_t t = (time_t)D(2026, 3, 2) * 86400 + 9 * 3600 - 420 * 60; /* Mon 09:00 WIB */
	ts_fmt_utc(calendar_add_work_minutes(cal, t, 450), b);
	assert_string_equal(b, "2026-03-03T01:00:00Z"); /* Tue 08:00 WIB */
	clock_set_utc_offset(480);
	calendar_free(cal);
}

static void calendar_bad_files(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p = tu_write(dir, "libur.csv",
			   "tanggal,keterangan,jenis\n"
			   "2026-02-30,Salah,libur_nasional\n"
			   "2026-03-01,,cuti_bersama\n"
			   "2026-03-02,Hari X,libur_daerah\n"
			   "2026-03-03,Hari Y\n"
			   "2026-03-04,Baik,libur_nasional\n");
	char *cause = NULL;
	assert_null(calendar_load(p, &cause));
	char *want = xasprintf("%s:2: tanggal tidak valid '2026-02-30' (YYYY-MM-DD)\n"
			       "%s:3: keterangan kosong\n"
			       "%s:4: jenis 'libur_daerah' tidak dikenal (libur_nasional, cuti_bersama)\n"
			       "%s:5: harus 3 kolom (tanggal,keterangan,jenis), ada 2",
			       p, p, p, p);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(p);

	p = tu_write(dir, "hdr.csv", "date,name,type\n2026-03-04,Baik,libur_nasional\n");
	cause = NULL;
	assert_null(calendar_load(p, &cause));
	want = xasprintf("%s:1: baris judul harus 'tanggal,keterangan,jenis'", p);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(p);

	p = tu_write(dir, "quote.csv", "tanggal,keterangan,jenis\n2026-03-04,\"Baik\"x,libur_nasional\n");
	cause = NULL;
	assert_null(calendar_load(p, &cause));
	want = xasprintf("%s:2: tanda kutip tidak benar (error parsing data while strict checking enabled)", p);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(p);

	/* Two holidays on one date are merged. */
	p = tu_write(dir, "dup.csv", "tanggal,keterangan,jenis\n"
			   "2026-03-05,Satu,libur_nasional\n2026-03-04,Nol,libur_nasional\n"
			   "2026-03-05,Dua,cuti_bersama\n");
	cause = NULL;
	struct calendar *cal = calendar_load(p, &cause);
	assert_non_null(cal);
	assert_string_equal(calendar_holiday(cal, D(2026, 3, 5)), "Satu / Dua");
	assert_string_equal(calendar_holiday(cal, D(2026, 3, 4)), "Nol");
	assert_int_equal(calendar_workdays_between(cal, D(2026, 3, 2), D(2026, 3, 6)), 2);
	calendar_free(cal);
	free(p);

	cause = NULL;
	assert_null(calendar_load("/nonexistent/libur.csv", &cause));
	assert_string_equal(cause, "/nonexistent/libur.csv: tidak dapat dibuka: No such file or directory");
	free(cause);
	tu_rmdir(dir);
	free(dir);
}

static void calendar_deadline_states(void **state)
{
	(void)state;
	day_t today = D(2026, 3, 9);
	assert_int_equal(deadline_state(D(2026, 3, 6), today), DL_OVERDUE);
	assert_int_equal(deadline_state(D(2026, 3, 9), today), DL_DUE_TODAY);
	assert_int_equal(deadline_state(D(2026, 3, 10), today), DL_ON_TIME);
	assert_int_equal(deadline_state(-1, today), DL_NONE);
	assert_string_equal(deadline_state_label(DL_ON_TIME), "tepat waktu");
	assert_string_equal(deadline_state_label(DL_DUE_TODAY), "jatuh tempo hari ini");
	assert_string_equal(deadline_state_label(DL_OVERDUE), "terlambat");
	assert_string_equal(deadline_state_label(DL_NONE), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(calendar_real_file),
		cmocka_unit_test(calendar_year_end),
		cmocka_unit_test(calendar_cuti_bersama),
		cmocka_unit_test(calendar_long_weekend),
		cmocka_unit_test(calendar_plain_weeks),
		cmocka_unit_test(calendar_empty_weekends),
		cmocka_unit_test(calendar_work_minutes),
		cmocka_unit_test(calendar_work_minutes_wib),
		cmocka_unit_test(calendar_bad_files),
		cmocka_unit_test(calendar_deadline_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
