/* test_csvio.c: unit tests for csvio.c (CSV writer and streaming reader) and refdata.c (lists read with it). */
#include "testutil.h"
#include <csv.h>
#include "csvio.h"
#include "refdata.h"
#include "util.h"

/* Runs the writer into memory and returns what it wrote (caller frees). */
static char *write_rows(const struct csv_opts *o, const char *const *cells, size_t n, size_t per_row)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	assert_non_null(fp);
	struct csvw w;
	csvw_init(&w, fp, o);
	for (size_t i = 0; i < n; i++) {
		csvw_field(&w, cells[i]);
		if ((i + 1) % per_row == 0)
			csvw_end(&w);
	}
	fclose(fp);
	return mem;
}

static void csvio_write_quoting(void **state)
{
	(void)state;
	struct csv_opts o = { ',', 0, 0 };
	const char *const cells[] = { "Perihal", "kata \"kutip\"", "baris1\nbaris2", NULL, "a,b" };
	char *s = write_rows(&o, cells, 5, 5);
	assert_string_equal(s, "\"Perihal\",\"kata \"\"kutip\"\"\",\"baris1\nbaris2\",\"\",\"a,b\"\r\n");
	free(s);
}

static void csvio_write_delim_bom(void **state)
{
	(void)state;
	struct csv_opts o = { ';', 1, 0 };
	const char *const cells[] = { "no", "asal", "1", "Kupang; NTT" };
	char *s = write_rows(&o, cells, 4, 2);
	assert_string_equal(s, "\xef\xbb\xbf\"no\";\"asal\"\r\n\"1\";\"Kupang; NTT\"\r\n");
	free(s);
}

static void csvio_write_neutralise(void **state)
{
	(void)state;
	struct csv_opts o = { ',', 0, 0 };
	const char *const cells[] = { "=HYPERLINK(\"x\")", "+62", "-5", "@SUM(A1)", "a=b", "" };
	char *s = write_rows(&o, cells, 6, 6);
	assert_string_equal(s, "\"'=HYPERLINK(\"\"x\"\")\",\"'+62\",\"'-5\",\"'@SUM(A1)\",\"a=b\",\"\"\r\n");
	free(s);
	o.raw = 1;
	s = write_rows(&o, cells, 6, 6);
	assert_string_equal(s, "\"=HYPERLINK(\"\"x\"\")\",\"+62\",\"-5\",\"@SUM(A1)\",\"a=b\",\"\"\r\n");
	free(s);
}

/* Collects what csv_read_file reports into one string "line:f1|f2\n...". */
struct got {
	struct buf b;
	int        stop_after; /* stop after this many records, 0 = never */
	int        count;
};

static int collect(long line, char **fields, size_t n, void *ctx)
{
	struct got *g = ctx;
	buf_printf(&g->b, "%ld:", line);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&g->b, '|');
		buf_adds(&g->b, fields[i]);
	}
	buf_addc(&g->b, '\n');
	g->count++;
	return g->stop_after && g->count >= g->stop_after;
}

static char *read_text(const char *text, char delim, int stop_after, int *rc, char **cause)
{
	char *dir = tu_tmpdir();
	char *p = tu_write(dir, "in.csv", text);
	struct got g;
	buf_init(&g.b);
	buf_adds(&g.b, "");
	g.stop_after = stop_after;
	g.count = 0;
	*rc = csv_read_file(p, delim, collect, &g, cause);
	if (*cause != NULL) {
		/* Replace the temporary folder by "DIR" so messages compare literally. */
		char *c = *cause;
		size_t dl = strlen(dir);
		if (strncmp(c, dir, dl) == 0) {
			*cause = xasprintf("DIR%s", c + dl);
			free(c);
		}
	}
	free(p);
	tu_rmdir(dir);
	free(dir);
	return buf_steal(&g.b);
}

static void csvio_read_basic(void **state)
{
	(void)state;
	int rc;
	char *cause = NULL;
	char *s = read_text("\xef\xbb\xbftanggal,keterangan,jenis\r\n"
			    "2026-01-01,Tahun Baru,libur_nasional\r\n"
			    "\r\n"
			    "2026-03-20,\"Cuti, Bersama\",cuti_bersama\r\n", ',', 0, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_string_equal(s, "1:tanggal|keterangan|jenis\n"
			       "2:2026-01-01|Tahun Baru|libur_nasional\n"
			       "4:2026-03-20|Cuti, Bersama|cuti_bersama\n");
	free(s);
}

static void csvio_read_multiline(void **state)
{
	(void)state;
	int rc;
	char *cause = NULL;
	char *s = read_text("a,b\n"
			    "1,\"baris satu\nbaris dua\nbaris tiga\"\n"
			    "2,\"kata \"\"kutip\"\"\"\n"
			    "3,akhir", ',', 0, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_string_equal(s, "1:a|b\n"
			       "2:1|baris satu\nbaris dua\nbaris tiga\n"
			       "5:2|kata \"kutip\"\n"
			       "6:3|akhir\n");
	free(s);
}

static void csvio_read_semicolon(void **state)
{
	(void)state;
	int rc;
	char *cause = NULL;
	char *s = read_text("no;asal\n1;Kupang, NTT\n2;\"x;y\"\n", ';', 0, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "1:no|asal\n2:1|Kupang, NTT\n3:2|x;y\n");
	free(s);
}

static void csvio_read_malformed(void **state)
{
	(void)state;
	int rc;
	char *cause = NULL;
	char *s = read_text("a,b\n1,2\n3,\"x\"y\n4,5\n", ',', 0, &rc, &cause);
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	assert_string_equal(cause, "DIR/in.csv:3: tanda kutip tidak benar "
			    "(error parsing data while strict checking enabled)");
	assert_string_equal(s, "1:a|b\n2:1|2\n");
	free(cause);
	free(s);

	/* An unterminated quote is reported at the line where its record starts. */
	cause = NULL;
	s = read_text("a,b\n1,\"open\nstill open\n", ',', 0, &rc, &cause);
	assert_int_equal(rc, -1);
	assert_string_equal(cause, "DIR/in.csv:2: tanda kutip tidak benar "
			    "(error parsing data while strict checking enabled)");
	free(cause);
	free(s);
}

static void csvio_read_stop_and_missing(void **state)
{
	(void)state;
	int rc;
	char *cause = NULL;
	char *s = read_text("1\n2\n3\n", ',', 2, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_string_equal(s, "1:1\n2:2\n");
	free(s);

	struct got g;
	buf_init(&g.b);
	g.stop_after = 0;
	g.count = 0;
	rc = csv_read_file("/nonexistent/berkas.csv", ',', collect, &g, &cause);
	assert_int_equal(rc, -1);
	assert_string_equal(cause, "/nonexistent/berkas.csv: tidak dapat dibuka: No such file or directory");
	assert_int_equal(g.count, 0);
	free(cause);
	buf_free(&g.b);
}

static void csvio_read_long_file(void **state)
{
	(void)state;
	/* Many records across chunk boundaries keep their line numbers. */
	struct buf in;
	buf_init(&in);
	for (int i = 1; i <= 5000; i++)
		buf_printf(&in, "%d,\"teks %d\nlanjut\",%s\n", i, i, "ekor-ekor-ekor-ekor");
	int rc;
	char *cause = NULL;
	char *s = read_text(in.s, ',', 0, &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_non_null(strstr(s, "\n9999:5000|teks 5000\nlanjut|ekor-ekor-ekor-ekor\n"));
	assert_non_null(strstr(s, "\n3001:1501|teks 1501\nlanjut|"));
	assert_memory_equal(s, "1:1|teks 1\nlanjut|", 18);
	free(s);
	buf_free(&in);
}

/* What csv_read_each hands over, checked and collected as "line:n:[len]f|...". */
static int collect_each(struct csv_record *r, void *ctx)
{
	struct got *g = ctx;
	buf_printf(&g->b, "%ld:%zu:", r->line, r->n);
	size_t at = 0;
	for (size_t i = 0; i < r->n; i++) {
		/* the fields lie back to back in text, each with its NUL */
		assert_ptr_equal(r->field[i], r->text + at);
		assert_int_equal(strlen(r->field[i]), r->len[i]);
		at += r->len[i] + 1;
		buf_printf(&g->b, "[%zu]", r->len[i]);
		buf_add(&g->b, r->field[i], r->len[i]);
		buf_addc(&g->b, '|');
		/* the fields are the caller's to change in place */
		str_trim(r->field[i]);
	}
	assert_int_equal(at, r->size);
	buf_addc(&g->b, '\n');
	g->count++;
	return g->stop_after && g->count >= g->stop_after;
}

static char *read_each_text(const char *text, char delim, int *rc, char **cause)
{
	char *dir = tu_tmpdir();
	char *p = tu_write(dir, "in.csv", text);
	struct got g;
	buf_init(&g.b);
	buf_adds(&g.b, "");
	g.stop_after = 0;
	g.count = 0;
	*cause = NULL;
	*rc = csv_read_each(p, delim, collect_each, &g, cause);
	free(p);
	tu_rmdir(dir);
	free(dir);
	return buf_steal(&g.b);
}

/* csv-2.1: csv_read_each gives each record whole: lengths, and the fields back
 * to back, so that a caller can keep it with one copy. */
static void csvio_read_each(void **state)
{
	(void)state;
	int rc;
	char *cause;
	char *s = read_each_text("nik, nama ,\tkota\t\r\n"
				 "1,\"Kop \"\"A\"\", Ende\",x\n"
				 "\n"
				 "2,\"baris\ndua\",\n"
				 ",,\n"
				 "3,akhir", ',', &rc, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_string_equal(s, "1:3:[3]nik|[4]nama|[4]kota|\n"
			       "2:3:[1]1|[13]Kop \"A\", Ende|[1]x|\n"
			       "4:3:[1]2|[9]baris\ndua|[0]|\n"
			       "6:3:[0]|[0]|[0]|\n"
			       "7:2:[1]3|[5]akhir|\n");
	free(s);
}

/* libcsv's own reading of text: its records as "n:[len]f|..." lines. */
struct lib_got {
	struct buf b;
	size_t     n;
	struct buf rec;
};

static void lib_field(void *f, size_t len, void *data)
{
	struct lib_got *g = data;
	buf_printf(&g->rec, "[%zu]", len);
	buf_add(&g->rec, f ? f : "", f ? len : 0);
	buf_addc(&g->rec, '|');
	g->n++;
}

static void lib_record(int c, void *data)
{
	(void)c;
	struct lib_got *g = data;
	buf_printf(&g->b, "%zu:%s\n", g->n, g->rec.s ? g->rec.s : "");
	g->rec.len = 0;
	if (g->rec.s)
		g->rec.s[0] = '\0';
	g->n = 0;
}

static char *libcsv_records(const char *text, char delim, int *ok)
{
	struct csv_parser p;
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	csv_set_delim(&p, (unsigned char)delim);
	struct lib_got g;
	memset(&g, 0, sizeof g);
	buf_adds(&g.b, "");
	size_t len = strlen(text);
	*ok = csv_parse(&p, text, len, lib_field, lib_record, &g) == len &&
	      csv_fini(&p, lib_field, lib_record, &g) == 0;
	csv_free(&p);
	buf_free(&g.rec);
	return buf_steal(&g.b);
}

/* csv_read_each's records without their line numbers. */
static int collect_no_line(struct csv_record *r, void *ctx)
{
	struct buf *b = ctx;
	buf_printf(b, "%zu:", r->n);
	for (size_t i = 0; i < r->n; i++) {
		buf_printf(b, "[%zu]", r->len[i]);
		buf_add(b, r->field[i], r->len[i]);
		buf_addc(b, '|');
	}
	buf_addc(b, '\n');
	return 0;
}

/* Whole lines without quotes are split without libcsv: the records must be
 * libcsv's, spaces and tabs around fields, CR and empty fields included. */
static void expect_as_libcsv(const char *dir, const char *text, char delim)
{
	char *p = tu_write(dir, "in.csv", text);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	char *cause = NULL;
	int rc = csv_read_each(p, delim, collect_no_line, &b, &cause);
	int ok;
	char *want = libcsv_records(text, delim, &ok);
	if ((rc == 0) != ok || (ok && strcmp(b.s, want) != 0)) {
		fprintf(stderr, "input: \"%s\"\nlibcsv (%d):\n%s\ncsv_read_each (%d):\n%s\n", text, ok,
			want, rc, b.s);
		fail();
	}
	free(cause);
	free(want);
	buf_free(&b);
	free(p);
}

/* csv-2.2: the fast split of simple lines reads what libcsv reads. */
static void csvio_read_as_libcsv(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	static const char *const texts[] = {
		"a,b,c\n", "  a ,\tb\t, c  c ,\n", "x,,\r\n,\n", " , \n\t\n   \n",
		"a;b,c;d\n", "1,2\r3,4\n", "\"q\",x\nplain,line\n", "a,\"b\nc\",d\ne,f\n",
		"a,b\n\"open\nstill\",x\ny,z\n", "last,line",
		"a,b\r\n\r\nc,d\r\n", "a\r\"b\nplain, line\nend\",x\n", "tab\tsep,x\n", "q\"in,x\n", "a, \"b\" ,c\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		expect_as_libcsv(dir, texts[i], ',');
		expect_as_libcsv(dir, texts[i], ';');
	}
	/* and a few hundred random ones */
	static const char alpha[] = "ab,; \t\r\n\"xy\xc3\xa9";
	unsigned seed = 7;
	for (int t = 0; t < 400; t++) {
		char text[200];
		size_t n = (size_t)(t % 180);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 100;
			/* few quotes, so that many lines take the fast way */
			text[i] = r < 55 ? "abcde"[r % 5] : r < 97 ? alpha[r % 10] : '"';
		}
		text[n] = '\0';
		expect_as_libcsv(dir, text, t % 2 ? ',' : ';');
	}
	tu_rmdir(dir);
	free(dir);
}

static void csvio_roundtrip(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path = xasprintf("%s/out.csv", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	struct csv_opts o = { ';', 1, 0 };
	struct csvw w;
	csvw_init(&w, fp, &o);
	csvw_field(&w, "perihal");
	csvw_field(&w, "asal");
	csvw_end(&w);
	csvw_field(&w, "Undangan \"rapat\"\nkoordinasi");
	csvw_field(&w, "=1+1");
	csvw_end(&w);
	fclose(fp);

	struct got g;
	buf_init(&g.b);
	g.stop_after = 0;
	g.count = 0;
	char *cause = NULL;
	assert_int_equal(csv_read_file(path, ';', collect, &g, &cause), 0);
	assert_string_equal(g.b.s, "1:perihal|asal\n2:Undangan \"rapat\"\nkoordinasi|'=1+1\n");
	buf_free(&g.b);
	free(path);
	tu_rmdir(dir);
	free(dir);
}

static void refdata_real_lists(void **state)
{
	(void)state;
	char *cause = NULL;
	struct reflist *l = reflist_load("data", "klasifikasi", &cause);
	if (l == NULL)
		fail_msg("%s", cause);
	assert_string_equal(l->name, "klasifikasi");
	assert_int_equal(l->n, 398);
	assert_string_equal(l->items[0].code, "000");
	assert_string_equal(l->items[0].label, "Umum");
	assert_null(l->items[0].parent);
	const struct refitem *it = reflist_find(l, "000.1.2");
	assert_non_null(it);
	assert_string_equal(it->label, "Perjalanan Dinas Dalam Negeri");
	assert_string_equal(it->parent, "000.1");
	assert_null(reflist_find(l, "000.1.2.9"));
	assert_null(reflist_find(l, ""));
	reflist_free(l);

	l = reflist_load("data", "jabatan", &cause);
	assert_non_null(l);
	assert_int_equal(l->n, 15);
	it = reflist_find(l, "sekretaris");
	assert_non_null(it);
	assert_string_equal(it->label, "Sekretaris");
	assert_string_equal(it->parent, "kadis");
	assert_null(reflist_find(l, "Sekretaris"));
	reflist_free(l);
}

static void refdata_errors(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p = tu_write(dir, "daftar.csv",
			   "kode,nama,induk\n"
			   "a,Satu,\n"
			   ",Tanpa kode,\n"
			   "b,\"Dua\nbaris\",a\n"
			   "c,Tiga,zz\n"
			   "a,Satu lagi,\n"
			   "d\n");
	char *cause = NULL;
	assert_null(reflist_load(dir, "daftar", &cause));
	char *want = xasprintf("%s:3: kode kosong\n"
			       "%s:4: nama berisi karakter kendali atau UTF-8 tidak valid\n"
			       "%s:8: harus paling sedikit 2 kolom (kode,nama), ada 1\n"
			       "%s:7: kode 'a' ganda (sudah ada di baris 2)\n"
			       "%s:6: induk 'zz' tidak ada dalam daftar",
			       p, p, p, p, p);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(p);

	p = tu_write(dir, "ok.csv", "kode,nama\nz, Zeta \ny,Ypsilon\n");
	cause = NULL;
	struct reflist *l = reflist_load(dir, "ok", &cause);
	assert_non_null(l);
	assert_null(cause);
	assert_int_equal(l->n, 2);
	assert_string_equal(reflist_find(l, "z")->label, "Zeta");
	assert_null(reflist_find(l, "z")->parent);
	assert_string_equal(reflist_find(l, "y")->label, "Ypsilon");
	assert_int_equal(l->by_code[0], 1);
	reflist_free(l);
	free(p);

	assert_null(reflist_load(dir, "tidak_ada", &cause));
	want = xasprintf("%s/tidak_ada.csv: tidak dapat dibuka: No such file or directory", dir);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csvio_write_quoting),
		cmocka_unit_test(csvio_write_delim_bom),
		cmocka_unit_test(csvio_write_neutralise),
		cmocka_unit_test(csvio_read_basic),
		cmocka_unit_test(csvio_read_multiline),
		cmocka_unit_test(csvio_read_semicolon),
		cmocka_unit_test(csvio_read_malformed),
		cmocka_unit_test(csvio_read_stop_and_missing),
		cmocka_unit_test(csvio_read_long_file),
		cmocka_unit_test(csvio_read_each),
		cmocka_unit_test(csvio_read_as_libcsv),
		cmocka_unit_test(csvio_roundtrip),
		cmocka_unit_test(refdata_real_lists),
		cmocka_unit_test(refdata_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
