/* test_date.c: unit tests for date.c (day numbers, strict parsers, formatting, the clock). */
#include "testutil.h"
#include "date.h"

static void date_epoch_and_roundtrip(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2026, 1, 1), 20454);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	int y, m, d;
	date_to_ymd(20454, &y, &m, &d);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	date_to_ymd(-25567, &y, &m, &d);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	/* Every day from 1900 to 2999 goes there and back. */
	for (day_t day = date_from_ymd(1900, 1, 1); day <= date_from_ymd(2999, 12, 31); day++) {
		date_to_ymd(day, &y, &m, &d);
		assert_true(date_valid_ymd(y, m, d));
		assert_int_equal(date_from_ymd(y, m, d), day);
	}
}

static void date_validity(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_false(date_valid_ymd(2025, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_false(date_valid_ymd(2026, 4, 31));
	assert_true(date_valid_ymd(2026, 12, 31));
	assert_false(date_valid_ymd(2026, 13, 1));
	assert_false(date_valid_ymd(2026, 0, 1));
	assert_false(date_valid_ymd(2026, 1, 0));
	assert_false(date_valid_ymd(1899, 12, 31));
	assert_true(date_valid_ymd(1900, 1, 1));
	assert_true(date_valid_ymd(2999, 12, 31));
	assert_false(date_valid_ymd(3000, 1, 1));
}

static void date_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 4);                          /* Thu 1970-01-01 */
	assert_int_equal(date_weekday(date_from_ymd(2026, 3, 2)), 1);  /* Monday */
	assert_int_equal(date_weekday(date_from_ymd(2026, 3, 8)), 7);  /* Sunday */
	assert_int_equal(date_weekday(date_from_ymd(2025, 12, 31)), 3);
	assert_int_equal(date_weekday(date_from_ymd(1969, 12, 28)), 7);
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 1);
}

static void date_parse_dmy_strict(void **state)
{
	(void)state;
	day_t d = 0;
	assert_int_equal(date_parse_dmy("02-03-2026", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 3, 2));
	assert_int_equal(date_parse_dmy("29-02-2024", &d), 0);
	assert_int_equal(d, date_from_ymd(2024, 2, 29));
	d = 77;
	assert_int_equal(date_parse_dmy("31-02-2026", &d), -1);
	assert_int_equal(d, 77);
	assert_int_equal(date_parse_dmy("29-02-2025", &d), -1);
	assert_int_equal(date_parse_dmy("2-3-2026", &d), -1);
	assert_int_equal(date_parse_dmy("02/03/2026", &d), -1);
	assert_int_equal(date_parse_dmy("02-03-2026 ", &d), -1);
	assert_int_equal(date_parse_dmy(" 2-03-2026", &d), -1);
	assert_int_equal(date_parse_dmy("02-03-26", &d), -1);
	assert_int_equal(date_parse_dmy("2026-03-02", &d), -1);
	assert_int_equal(date_parse_dmy("01-01-1899", &d), -1);
	assert_int_equal(date_parse_dmy("01-01-3000", &d), -1);
	assert_int_equal(date_parse_dmy("+1-01-2026", &d), -1);
	assert_int_equal(date_parse_dmy("", &d), -1);
	assert_int_equal(date_parse_dmy(NULL, &d), -1);
	assert_int_equal(d, 77);
}

static void date_parse_iso_strict(void **state)
{
	(void)state;
	day_t d = 0;
	assert_int_equal(date_parse_iso("2026-03-02", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 3, 2));
	assert_int_equal(date_parse_iso("2026-03-02T10:00:00Z", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 3, 2));
	assert_int_equal(date_parse_iso("2026-03-02 10:00", &d), 0);
	assert_int_equal(date_parse_iso("2026-02-30", &d), -1);
	assert_int_equal(date_parse_iso("2026-3-02", &d), -1);
	assert_int_equal(date_parse_iso("2026-03-02x", &d), -1);
	assert_int_equal(date_parse_iso("02-03-2026", &d), -1);
	assert_int_equal(date_parse_iso("2026-03", &d), -1);
}

static void date_format(void **state)
{
	(void)state;
	char b[11];
	date_fmt_dmy(date_from_ymd(2026, 3, 2), b);
	assert_string_equal(b, "02-03-2026");
	date_fmt_iso(date_from_ymd(2026, 3, 2), b);
	assert_string_equal(b, "2026-03-02");
	date_fmt_iso(date_from_ymd(1900, 12, 31), b);
	assert_string_equal(b, "1900-12-31");
}

static void date_ts_utc(void **state)
{
	(void)state;
	char b[21];
	ts_fmt_utc(0, b);
	assert_string_equal(b, "1970-01-01T00:00:00Z");
	ts_fmt_utc(1772409600 + 3 * 3600 + 4 * 60 + 5, b);
	assert_string_equal(b, "2026-03-02T03:04:05Z");
	ts_fmt_utc(-1, b);
	assert_string_equal(b, "1969-12-31T23:59:59Z");
	time_t t = 0;
	assert_int_equal(ts_parse_utc("2026-03-02T03:04:05Z", &t), 0);
	assert_int_equal(t, 1772409600 + 3 * 3600 + 4 * 60 + 5);
	assert_int_equal(ts_parse_utc("2026-03-02 03:04:05", &t), 0);
	assert_int_equal(t, 1772409600 + 3 * 3600 + 4 * 60 + 5);
	assert_int_equal(ts_parse_utc("2026-03-02T24:00:00Z", &t), -1);
	assert_int_equal(ts_parse_utc("2026-03-02T03:04Z", &t), -1);
	assert_int_equal(ts_parse_utc("2026-03-02", &t), -1);
	assert_int_equal(ts_parse_utc("2026-03-02T03:04:05Zx", &t), -1);
}

static void date_ts_local(void **state)
{
	(void)state;
	clock_set_utc_offset(480);
	char b[17];
	/* 2026-03-02 23:30 UTC is 03-03 07:30 WITA. */
	time_t t = 1772409600 + 23 * 3600 + 30 * 60;
	ts_fmt_local(t, b);
	assert_string_equal(b, "03-03-2026 07:30");
	assert_int_equal(ts_local_day(t), date_from_ymd(2026, 3, 3));
	assert_int_equal(ts_local_minute(t), 7 * 60 + 30);
	clock_set_utc_offset(420);
	ts_fmt_local(t, b);
	assert_string_equal(b, "03-03-2026 06:30");
	clock_set_utc_offset(-300);
	ts_fmt_local(t, b);
	assert_string_equal(b, "02-03-2026 18:30");
	assert_int_equal(ts_local_minute(t), 18 * 60 + 30);
	clock_set_utc_offset(480);
	assert_int_equal(clock_utc_offset(), 480);
}

static void date_clock_env(void **state)
{
	(void)state;
	clock_set_utc_offset(480);
	setenv("BERKAS_NOW", "2026-03-02T09:15", 1);
	char b[21];
	ts_fmt_utc(clock_now(), b);
	assert_string_equal(b, "2026-03-02T01:15:00Z");
	assert_int_equal(clock_today(), date_from_ymd(2026, 3, 2));

	setenv("BERKAS_NOW", "2026-03-02 07:00:30", 1);
	ts_fmt_utc(clock_now(), b);
	assert_string_equal(b, "2026-03-01T23:00:30Z");
	assert_int_equal(clock_today(), date_from_ymd(2026, 3, 2));

	setenv("BERKAS_NOW", "2025-12-31", 1);
	ts_fmt_utc(clock_now(), b);
	assert_string_equal(b, "2025-12-30T16:00:00Z");
	assert_int_equal(clock_today(), date_from_ymd(2025, 12, 31));

	clock_set_utc_offset(540);
	setenv("BERKAS_NOW", "2026-01-01T08:00", 1);
	ts_fmt_utc(clock_now(), b);
	assert_string_equal(b, "2025-12-31T23:00:00Z");
	clock_set_utc_offset(480);

	/* Malformed values are ignored: the real clock is used. */
	setenv("BERKAS_NOW", "31-12-2025", 1);
	time_t before = time(NULL);
	time_t now = clock_now();
	assert_true(now >= before && now <= before + 5);
	setenv("BERKAS_NOW", "2026-03-02T25:00", 1);
	now = clock_now();
	assert_true(now >= before && now <= before + 5);
	unsetenv("BERKAS_NOW");
	now = clock_now();
	assert_true(now >= before && now <= before + 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_epoch_and_roundtrip),
		cmocka_unit_test(date_validity),
		cmocka_unit_test(date_weekdays),
		cmocka_unit_test(date_parse_dmy_strict),
		cmocka_unit_test(date_parse_iso_strict),
		cmocka_unit_test(date_format),
		cmocka_unit_test(date_ts_utc),
		cmocka_unit_test(date_ts_local),
		cmocka_unit_test(date_clock_env),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
