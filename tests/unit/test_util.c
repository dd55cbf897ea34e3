/* test_util.c: unit tests for util.c (buffers, error lists, UTF-8 width and sanitising, UUIDs). */
#include <locale.h>

#include "testutil.h"
#include "util.h"

static void util_buf_basic(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "surat");
	buf_addc(&b, ' ');
	buf_printf(&b, "%d/%s", 42, "DKUKM");
	buf_add(&b, "xyz", 2);
	assert_string_equal(b.s, "surat 42/DKUKMxy");
	assert_int_equal(b.len, 16);
	char *s = buf_steal(&b);
	assert_null(b.s);
	assert_int_equal(b.len, 0);
	assert_string_equal(s, "surat 42/DKUKMxy");
	free(s);
	/* Stealing an empty buffer gives "" not NULL. */
	s = buf_steal(&b);
	assert_string_equal(s, "");
	free(s);
	buf_free(&b);
}

static void util_buf_grow(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 1000; i++)
		buf_adds(&b, "abcdefghij");
	assert_int_equal(b.len, 10000);
	assert_int_equal(strlen(b.s), 10000);
	assert_memory_equal(b.s + 9990, "abcdefghij", 10);
	buf_free(&b);
}

static void util_errs(void **state)
{
	(void)state;
	struct errs e;
	errs_init(&e);
	char *j = errs_join(&e, "\n");
	assert_string_equal(j, "");
	free(j);
	errs_add(&e, "%s:%d: satu", "a.ini", 3);
	errs_add(&e, "dua");
	errs_add(&e, "tiga %c", 'x');
	assert_int_equal(e.n, 3);
	j = errs_join(&e, "; ");
	assert_string_equal(j, "a.ini:3: satu; dua; tiga x");
	free(j);
	errs_free(&e);
	assert_int_equal(e.n, 0);
}

static void util_xstr(void **state)
{
	(void)state;
	assert_null(xstrdup(NULL));
	char *s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = xstrndup("ab", 10);
	assert_string_equal(s, "ab");
	free(s);
	s = xasprintf("%05d-%s", 7, "x");
	assert_string_equal(s, "00007-x");
	free(s);
	int *a = xcalloc(4, sizeof *a);
	assert_int_equal(a[3], 0);
	a = xreallocarray(a, 100, sizeof *a);
	a[99] = 5;
	free(a);
}

static void util_trim(void **state)
{
	(void)state;
	char a[] = "  Kepala Dinas \t\n";
	assert_string_equal(str_trim(a), "Kepala Dinas");
	char b[] = "   ";
	assert_string_equal(str_trim(b), "");
	char c[] = "x";
	assert_string_equal(str_trim(c), "x");
}

static void util_control(void **state)
{
	(void)state;
	assert_int_equal(str_has_control("biasa saja", 0), 0);
	assert_int_equal(str_has_control("a\nb", 0), 1);
	assert_int_equal(str_has_control("a\nb", 1), 0);
	assert_int_equal(str_has_control("a\x1b[31mb", 1), 1);
	assert_int_equal(str_has_control("a\x7f", 1), 1);
	assert_int_equal(str_has_control("a\xc2\x9b" "b", 1), 1); /* C1 CSI */
	assert_int_equal(str_has_control("Sertifikat \xc3\xa9", 0), 0);
}

static void util_utf8(void **state)
{
	(void)state;
	assert_int_equal(str_utf8_valid("Kupang \xe2\x80\x94 NTT"), 1);
	assert_int_equal(str_utf8_valid("bad \xff"), 0);
	assert_int_equal(str_utf8_valid("\xc0\xaf"), 0);         /* overlong */
	assert_int_equal(str_utf8_valid("\xed\xa0\x80"), 0);     /* surrogate */
	assert_int_equal(str_utf8_valid("\xe2\x80"), 0);         /* truncated */
	assert_int_equal(str_utf8_chars("Kupang \xe2\x80\x94 NTT"), 12);
	assert_int_equal(str_utf8_chars("\xe6\x97\xa5\xe6\x9c\xac"), 2);
	assert_int_equal(str_utf8_chars(""), 0);
}

static void util_sanitize(void **state)
{
	(void)state;
	char *s = str_sanitize("a\x1b[2Jb", 1);
	assert_string_equal(s, "a?[2Jb");
	free(s);
	s = str_sanitize("baris1\nbaris2\tx", 1);
	assert_string_equal(s, "baris1 baris2 x");
	free(s);
	s = str_sanitize("baris1\nbaris2\tx\r", 0);
	assert_string_equal(s, "baris1\nbaris2\tx?");
	free(s);
	s = str_sanitize("x\xc2\x9by\x7fz\xff!", 1);
	assert_string_equal(s, "x?y?z?!");
	free(s);
	s = str_sanitize("caf\xc3\xa9 \xe6\x97\xa5", 1);
	assert_string_equal(s, "caf\xc3\xa9 \xe6\x97\xa5");
	free(s);
	/* U+0378 is unassigned: wcwidth < 0. */
	s = str_sanitize("a\xcd\xb8" "b", 1);
	assert_string_equal(s, "a?b");
	free(s);
}

static void util_width(void **state)
{
	(void)state;
	assert_int_equal(str_width(""), 0);
	assert_int_equal(str_width("Surat Masuk"), 11);
	assert_int_equal(str_width("caf\xc3\xa9"), 4);             /* é */
	assert_int_equal(str_width("\xe6\x97\xa5\xe6\x9c\xac"), 4); /* 日本 */
	assert_int_equal(str_width("e\xcc\x81"), 1);                /* e + combining acute */
	assert_int_equal(str_width("a\x1b" "b"), 3);
	assert_int_equal(str_width("\xff\xfe"), 2);
}

static void util_fit(void **state)
{
	(void)state;
	char *s = str_fit("Perihal", 10);
	assert_string_equal(s, "Perihal");
	free(s);
	s = str_fit("Perihal", 7);
	assert_string_equal(s, "Perihal");
	free(s);
	s = str_fit("Perihal surat", 7);
	assert_string_equal(s, "Periha~");
	free(s);
	s = str_fit("abc", 1);
	assert_string_equal(s, "a");
	free(s);
	s = str_fit("abc", 0);
	assert_string_equal(s, "");
	free(s);
	/* Wide characters are never split: 日本語 is 6 columns. */
	s = str_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5);
	assert_string_equal(s, "\xe6\x97\xa5\xe6\x9c\xac~");
	free(s);
	s = str_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4);
	assert_string_equal(s, "\xe6\x97\xa5~");
	free(s);
	/* Multi-byte narrow chars are not cut inside a code point. */
	s = str_fit("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3);
	assert_string_equal(s, "\xc3\xa9\xc3\xa9~");
	free(s);
	/* Newlines and escapes are made safe. */
	s = str_fit("a\nb\x1b", 10);
	assert_string_equal(s, "a b?");
	free(s);
}

static void util_casecmp_prefix(void **state)
{
	(void)state;
	assert_int_equal(str_casecmp_prefix("Surat Masuk", "surat"), 0);
	assert_int_equal(str_casecmp_prefix("Surat", "SURAT"), 0);
	assert_int_equal(str_casecmp_prefix("Sur", "surat"), 1);
	assert_int_equal(str_casecmp_prefix("Surat", "sura t"), 1);
	assert_int_equal(str_casecmp_prefix("abc", ""), 0);
}

static void util_uuid(void **state)
{
	(void)state;
	char a[37], b[37];
	uuid_v4(a);
	uuid_v4(b);
	assert_int_equal(strlen(a), 36);
	assert_string_not_equal(a, b);
	assert_int_equal(a[8], '-');
	assert_int_equal(a[13], '-');
	assert_int_equal(a[18], '-');
	assert_int_equal(a[23], '-');
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
	for (int i = 0; i < 36; i++)
		assert_non_null(strchr("0123456789abcdef-", a[i]));
}

static void util_file_read(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p = tu_write(dir, "f.txt", "isi\nberkas\n");
	size_t len = 0;
	char *cause = NULL;
	char *s = file_read(p, &len, &cause);
	assert_non_null(s);
	assert_null(cause);
	assert_int_equal(len, 11);
	assert_string_equal(s, "isi\nberkas\n");
	free(s);
	free(p);

	p = tu_write(dir, "empty.txt", "");
	s = file_read(p, &len, &cause);
	assert_non_null(s);
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);
	free(p);

	char *missing = xasprintf("%s/none.txt", dir);
	s = file_read(missing, &len, &cause);
	assert_null(s);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "none.txt"));
	free(cause);
	free(missing);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(util_buf_basic),
		cmocka_unit_test(util_buf_grow),
		cmocka_unit_test(util_errs),
		cmocka_unit_test(util_xstr),
		cmocka_unit_test(util_trim),
		cmocka_unit_test(util_control),
		cmocka_unit_test(util_utf8),
		cmocka_unit_test(util_sanitize),
		cmocka_unit_test(util_width),
		cmocka_unit_test(util_fit),
		cmocka_unit_test(util_casecmp_prefix),
		cmocka_unit_test(util_uuid),
		cmocka_unit_test(util_file_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
