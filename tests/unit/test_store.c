/* test_store.c: unit tests of the SQLite store: schema, numbering, events, search, pages, dispositions, steps. */
#include "testutil.h"

#include "date.h"
#include "kind.h"
#include "store.h"
#include "core/store_int.h"

/* A fresh database with the org chart and people of data/, and the real
 * surat_masuk kind. */
struct fixture {
	char         *dir;
	char         *db;
	struct store *st;
	struct kind  *k;
};

static const struct position chart[] = {
	{ "kadis", "Kepala Dinas", NULL },
	{ "sekretaris", "Sekretaris", "kadis" },
	{ "kabid_kelembagaan", "Kepala Bidang Kelembagaan dan Pengawasan", "kadis" },
	{ "kabid_ukm", "Kepala Bidang Pemberdayaan Usaha Kecil Menengah", "kadis" },
	{ "kasubag_umum", "Kepala Sub Bagian Kepegawaian dan Umum", "sekretaris" },
	{ "pengadministrasi_umum", "Pengadministrasi Umum", "kasubag_umum" },
	{ "arsiparis", "Arsiparis", "kasubag_umum" },
	{ "staf_kelembagaan", "Pelaksana Bidang Kelembagaan dan Pengawasan", "kabid_kelembagaan" },
};

static const struct person staff[] = {
	{ "kadis", "Drs. Yohanes Laka Mone", "196805121994031007", "kadis", "" },
	{ "sekretaris", "Maria Goreti Seran S.E.", "197203151998032004", "sekretaris", "" },
	{ "kabidkel", "Fransiskus Bere S.Sos.", "197510102000121003", "kabid_kelembagaan", "" },
	{ "kasubag", "Theresia Lobo S.H.", "198104172006042008", "kasubag_umum", "" },
	{ "umum", "Elisabeth Manu", "198711052010012009", "pengadministrasi_umum", "pencatat" },
	{ "arsiparis", "Markus Dethan A.Md.", "199002142015031002", "arsiparis", "pencatat" },
	{ "stafkel", "Silvia Mbuik", "199403032020122012", "staf_kelembagaan", "" },
};

static int setup(void **state)
{
	setenv("BERKAS_NOW", "2026-03-02T09:00", 1);
	struct fixture *f = calloc(1, sizeof *f);
	f->dir = tu_tmpdir();
	f->db = malloc(strlen(f->dir) + 16);
	sprintf(f->db, "%s/berkas.db", f->dir);
	char *cause = NULL;
	assert_int_equal(store_open(f->db, 1, &f->st, &cause), 0);
	for (size_t i = 0; i < sizeof chart / sizeof chart[0]; i++)
		assert_int_equal(store_position_put(f->st, &chart[i], &cause), 0);
	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++)
		assert_int_equal(store_person_put(f->st, &staff[i], &cause), 0);
	struct errs e;
	errs_init(&e);
	int rc = kind_load_file("forms/surat_masuk.ini", "data", &f->k, &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "%s\n", e.msg[i]);
	assert_int_equal(rc, 0);
	errs_free(&e);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	kind_free(f->k);
	tu_rmdir(f->dir);
	free(f->dir);
	free(f->db);
	free(f);
	return 0;
}

/* Deadline given to the next letters (ISO or NULL). */
static const char *next_deadline = "2026-03-09";

/* Registers a letter (received DD-MM-YYYY) as the arsiparis; returns the
 * stored case in out (caller clears). */
static void add_letter(struct fixture *f, const char *received, const char *party,
		       const char *subject, const char *security, struct case_rec *out)
{
	struct values v;
	values_init(&v);
	values_set(&v, "tanggal_diterima", received);
	values_set(&v, "asal_surat", party);
	values_set(&v, "nomor_surat", "500/12/2026");
	values_set(&v, "tanggal_surat", received);
	values_set(&v, "perihal", subject);
	values_set(&v, "isi_ringkas", "Mohon kehadiran pejabat terkait");
	if (security != NULL)
		values_set(&v, "sifat", security);
	struct errs e;
	errs_init(&e);
	int rc = kind_normalize(f->k, &v, &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "%s\n", e.msg[i]);
	assert_int_equal(rc, 0);
	errs_free(&e);
	char *cause = NULL;
	rc = store_case_insert(f->st, f->k, &v, "arsiparis", next_deadline, out, &cause);
	if (rc != 0)
		fprintf(stderr, "insert: %s\n", cause);
	assert_int_equal(rc, 0);
	values_free(&v);
}

/* Count of a view for a position (NULL for views without one). */
static long view_count(struct fixture *f, enum view v, const char *pos, const char *search,
		       const char *limit)
{
	struct list_query q = { .view = v, .position = pos, .search = search, .limit = limit,
				.today = "2026-03-02" };
	char *cause = NULL;
	long n = store_list_count(f->st, &q, &cause);
	if (n < 0)
		fprintf(stderr, "count: %s\n", cause);
	free(cause);
	return n;
}

/* The first page (up to 50 rows) of a view, as "number_text" joined by ",". */
static char *view_numbers(struct fixture *f, const struct list_query *q)
{
	struct case_row *rows;
	size_t n;
	char *cause = NULL;
	int rc = store_list_page(f->st, q, NULL, 0, 50, &rows, &n, &cause);
	if (rc != 0)
		fprintf(stderr, "page: %s\n", cause);
	assert_int_equal(rc, 0);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		buf_adds(&b, rows[i].number_text);
	}
	case_rows_free(rows, n);
	return buf_steal(&b);
}

static char *holder_of(struct fixture *f, const char *id)
{
	struct list_query q = { .view = VIEW_ALL, .sort = SORT_NUMBER };
	struct case_row *rows;
	size_t n;
	char *cause = NULL;
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 100, &rows, &n, &cause), 0);
	char *h = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].id, id) == 0)
			h = strdup(rows[i].holder ? rows[i].holder : "(none)");
	case_rows_free(rows, n);
	assert_non_null(h);
	return h;
}

static void expect_holder(struct fixture *f, const char *id, const char *want)
{
	char *h = holder_of(f, id);
	assert_string_equal(h, want);
	free(h);
}

static void expect_mine(struct fixture *f, const char *pos, long want)
{
	long n = view_count(f, VIEW_MINE, pos, NULL, NULL);
	if (n != want)
		fprintf(stderr, "VIEW_MINE %s: %ld, want %ld\n", pos, n, want);
	assert_int_equal(n, want);
	struct list_query q = { .view = VIEW_MINE, .position = pos };
	char *nums = view_numbers(f, &q);
	size_t commas = 0;
	for (char *p = nums; *p; p++)
		commas += *p == ',';
	assert_int_equal(*nums ? commas + 1 : 0, want);
	free(nums);
}

/* The one open disposition of case to position pos. */
static void open_dispo(struct fixture *f, const char *case_id, const char *pos, char out[37])
{
	struct dispo *d;
	size_t n;
	assert_int_equal(store_dispos_for(f->st, case_id, pos, &d, &n), 0);
	assert_int_equal(n, 1);
	memcpy(out, d[0].id, 37);
	dispos_free(d, n);
}

/* store-1.1: a new database has the newest schema, WAL, and reopens without
 * migrating. */
static void test_open(void **state)
{
	struct fixture *f = *state;
	int version = store_schema_version(f->st);
	assert_true(version >= 1);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "PRAGMA journal_mode", -1, &s, NULL), 0);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "PRAGMA foreign_keys", -1, &s, NULL), 0);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);

	struct store *st2;
	char *cause = NULL;
	assert_int_equal(store_open(f->db, 0, &st2, &cause), 0);
	assert_int_equal(store_schema_version(st2), version);
	assert_int_equal(store_person_count(st2), 7);
	store_close(st2);

	char *missing = malloc(strlen(f->dir) + 16);
	sprintf(missing, "%s/nope.db", f->dir);
	assert_int_equal(store_open(missing, 0, &st2, &cause), -1);
	assert_null(st2);
	assert_non_null(strstr(cause, "tidak ditemukan"));
	free(cause);
	free(missing);

	char *junk = tu_write(f->dir, "junk.db", "this is not a database at all, just some text\n");
	cause = NULL;
	assert_int_equal(store_open(junk, 0, &st2, &cause), -1);
	assert_non_null(strstr(cause, "bukan basis data berkas"));
	free(cause);
	free(junk);
}

/* store-1.2: positions come back in chart order; below is strict; people. */
static void test_positions_people(void **state)
{
	struct fixture *f = *state;
	struct position *p;
	size_t n;
	assert_int_equal(store_positions(f->st, &p, &n), 0);
	assert_int_equal(n, 8);
	const char *want[] = { "kadis", "sekretaris", "kasubag_umum", "pengadministrasi_umum",
			       "arsiparis", "kabid_kelembagaan", "staf_kelembagaan", "kabid_ukm" };
	for (size_t i = 0; i < n; i++)
		assert_string_equal(p[i].code, want[i]);
	assert_null(p[0].parent);
	assert_string_equal(p[2].parent, "sekretaris");
	positions_free(p, n);

	assert_int_equal(store_position_is_below(f->st, "arsiparis", "kadis"), 1);
	assert_int_equal(store_position_is_below(f->st, "kasubag_umum", "sekretaris"), 1);
	assert_int_equal(store_position_is_below(f->st, "kadis", "sekretaris"), 0);
	assert_int_equal(store_position_is_below(f->st, "kadis", "kadis"), 0);
	assert_int_equal(store_position_is_below(f->st, "kabid_ukm", "sekretaris"), 0);

	char *cause = NULL;
	struct position bad = { "x", "X", "nope" };
	assert_int_equal(store_position_put(f->st, &bad, &cause), -1);
	assert_string_equal(cause, "jabatan x: induk 'nope' tidak dikenal");
	free(cause);
	struct position loop = { "kadis", "Kepala Dinas", "arsiparis" };
	assert_int_equal(store_position_put(f->st, &loop, &cause), -1);
	assert_string_equal(cause, "jabatan kadis: induk 'arsiparis' membuat lingkaran pada bagan");
	free(cause);

	struct person who;
	assert_int_equal(store_person_for_position(f->st, "kasubag_umum", &who), 1);
	assert_string_equal(who.login, "kasubag");
	assert_string_equal(who.nip, "198104172006042008");
	person_clear(&who);
	assert_int_equal(store_person_get(f->st, "arsiparis", &who), 1);
	assert_int_equal(person_has_role(&who, "pencatat"), 1);
	assert_int_equal(person_has_role(&who, "admin"), 0);
	person_clear(&who);
	assert_int_equal(store_person_get(f->st, "nobody", &who), 0);
	struct person ghost = { "ghost", "Ghost", NULL, "nope", "" };
	assert_int_equal(store_person_put(f->st, &ghost, &cause), -1);
	assert_string_equal(cause, "pegawai ghost: jabatan 'nope' tidak dikenal");
	free(cause);
	struct person admin = { "kadis", "Drs. Yohanes Laka Mone", NULL, "kadis", "admin" };
	assert_int_equal(store_person_put(f->st, &admin, &cause), 0);
	assert_int_equal(store_person_get(f->st, "kadis", &who), 1);
	assert_int_equal(person_has_role(&who, "admin"), 1);
	person_clear(&who);
	assert_int_equal(store_person_count(f->st), 7);
}

/* store-2.1: numbers 1, 2, 3 in a year, 1 again in the next; the number is
 * in fields; step 1 done, step 2 (kadis) current. */
static void test_numbering(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "Bappeda Provinsi NTT", "Undangan rapat koordinasi", NULL, &c);
	assert_int_equal(c.number, 1);
	assert_int_equal(c.year, 2026);
	assert_string_equal(c.number_text, "1");
	assert_string_equal(values_get(&c.fields, "nomor_agenda"), "1");
	assert_string_equal(c.received, "2026-03-02");
	assert_string_equal(c.party, "Bappeda Provinsi NTT");
	assert_string_equal(c.status, "terbuka");
	assert_string_equal(c.deadline, "2026-03-09");
	assert_string_equal(c.security, "Biasa");
	assert_string_equal(c.penting, "B");
	assert_int_equal(c.step, 2);
	assert_int_equal(c.version, 1);
	assert_string_equal(c.created_by, "arsiparis");
	assert_string_equal(c.created_at, "2026-03-02T01:00:00Z");
	case_clear(&c);
	add_letter(f, "02-03-2026", "Dinas Koperasi Kab. Kupang", "Laporan RAT", NULL, &c);
	assert_int_equal(c.number, 2);
	case_clear(&c);
	add_letter(f, "31-12-2026", "BPS", "Permintaan data", NULL, &c);
	assert_int_equal(c.number, 3);
	case_clear(&c);
	add_letter(f, "04-01-2027", "BPS", "Permintaan data 2027", NULL, &c);
	assert_int_equal(c.number, 1);
	assert_int_equal(c.year, 2027);
	assert_string_equal(c.number_text, "1");
	case_clear(&c);
	add_letter(f, "03-03-2026", "BPS", "Susulan", NULL, &c);
	assert_int_equal(c.number, 4);
	assert_int_equal(c.year, 2026);
	case_clear(&c);

	assert_int_equal(store_case_count(f->st, "surat_masuk"), 5);
	assert_int_equal(store_case_count(f->st, NULL), 5);
	assert_int_equal(store_case_count(f->st, "surat_keluar"), 0);
	assert_int_equal(store_case_find(f->st, "surat_masuk", "1", 0, &c), 1);
	assert_int_equal(c.year, 2027);
	case_clear(&c);
	assert_int_equal(store_case_find(f->st, NULL, "1", 2026, &c), 1);
	assert_string_equal(c.subject, "Undangan rapat koordinasi");
	case_clear(&c);
	assert_int_equal(store_case_find(f->st, NULL, "9", 0, &c), 0);

	struct step_rec *s;
	size_t n;
	assert_int_equal(store_case_find(f->st, NULL, "2", 0, &c), 1);
	assert_int_equal(store_case_steps(f->st, c.id, &s, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(s[0].done_at, "2026-03-02T01:00:00Z");
	assert_string_equal(s[0].done_by, "arsiparis");
	assert_int_equal(s[0].skipped, 0);
	assert_string_equal(s[1].started_at, "2026-03-02T01:00:00Z");
	assert_null(s[1].done_at);
	assert_null(s[2].started_at);
	steps_free(s, n);
	case_clear(&c);
}

/* store-2.2: the database refuses to change or delete events. */
static void test_event_log_append_only(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "BPS", "Permintaan data", NULL, &c);
	char *err = NULL;
	assert_int_not_equal(sqlite3_exec(f->st->db, "UPDATE event SET actor = 'x'", NULL, NULL,
					  &err), SQLITE_OK);
	assert_string_equal(err, "event log is append-only");
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(f->st->db, "DELETE FROM event", NULL, NULL, &err),
			     SQLITE_OK);
	assert_string_equal(err, "event log is append-only");
	sqlite3_free(err);
	struct event *e;
	size_t n;
	assert_int_equal(store_case_events(f->st, c.id, &e, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].action, "dibuat");
	assert_string_equal(e[0].new_value, "1");
	assert_string_equal(e[0].actor, "arsiparis");
	assert_string_equal(e[1].action, "tahap");
	assert_string_equal(e[1].field, "1");
	assert_string_equal(e[1].new_value, "selesai");
	events_free(e, n);
	case_clear(&c);
}

/* store-3.1: search by word, by prefix, in other text fields; odd input is
 * quoted and never a syntax error. */
static void test_search(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "Bappeda Provinsi NTT", "Undangan rapat koordinasi", NULL, &c);
	case_clear(&c);
	add_letter(f, "02-03-2026", "Dinas Koperasi Kab. Kupang", "Laporan RAT koperasi", NULL, &c);
	case_clear(&c);
	add_letter(f, "03-03-2026", "BPS", "Permintaan data \"UMKM\" (AND)", NULL, &c);
	case_clear(&c);

	assert_int_equal(view_count(f, VIEW_ALL, NULL, "undangan", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "Undang", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "rapat koor", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koperasi", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "kupang", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "500/12", NULL), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "kehadiran", NULL), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "umkm", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "tidakada", NULL), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koord", NULL), 1);  /* expanded */
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "kupa", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "ko", NULL), 2);     /* prefix index */
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "k", NULL), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "laporan koperasi", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "500/1", NULL), 3);
	assert_int_equal(view_count(f, VIEW_MINE, "kadis", "kehadiran", NULL), 3);
	assert_int_equal(view_count(f, VIEW_MINE, "sekretaris", "kehadiran", NULL), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "   ", NULL), 3);
	const char *odd[] = { "\"foo", "AND(", "\"", "*", "NEAR(a b", "a OR", "-x", "^", ":",
			      "\"(AND)\"", "laporan \"" };
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		assert_true(view_count(f, VIEW_ALL, NULL, odd[i], NULL) >= 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "(AND)", NULL), 1);

	struct list_query q = { .view = VIEW_ALL, .search = "data" };
	char *nums = view_numbers(f, &q);
	assert_string_equal(nums, "3");
	free(nums);
	q.search = "500";
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "3,2,1");
	free(nums);
	q.reverse = 1;
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,2,3");
	free(nums);
	q.reverse = 0;
	q.limit = "kupang";
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "2");
	free(nums);
}

/* Pages through q n rows at a time, forward then backward, checking against
 * one big page: no gaps, no duplicates, same order. */
static void check_paging(struct fixture *f, const struct list_query *q, size_t total)
{
	struct case_row *all;
	size_t nall;
	char *cause = NULL;
	assert_int_equal(store_list_page(f->st, q, NULL, 0, 1000, &all, &nall, &cause), 0);
	assert_int_equal(nall, total);
	/* forward */
	size_t seen = 0;
	struct case_row *page = NULL, last;
	size_t n = 0;
	int have_last = 0;
	char last_sv[64];
	for (;;) {
		struct case_row *rows;
		size_t nr;
		assert_int_equal(store_list_page(f->st, q, have_last ? &last : NULL, 0, 7, &rows,
						 &nr, &cause), 0);
		if (nr == 0)
			break;
		for (size_t i = 0; i < nr; i++) {
			assert_true(seen + i < nall);
			assert_string_equal(rows[i].id, all[seen + i].id);
		}
		seen += nr;
		memset(&last, 0, sizeof last);
		last.rowid = rows[nr - 1].rowid;
		snprintf(last_sv, sizeof last_sv, "%s", rows[nr - 1].sortval);
		last.sortval = last_sv;
		have_last = 1;
		case_rows_free(rows, nr);
	}
	assert_int_equal(seen, total);
	/* backward from the end */
	size_t left = total;
	have_last = 0;
	for (;;) {
		struct case_row *rows;
		size_t nr;
		assert_int_equal(store_list_page(f->st, q, have_last ? &last : NULL, 1, 7, &rows,
						 &nr, &cause), 0);
		if (nr == 0)
			break;
		assert_true(nr <= left);
		for (size_t i = 0; i < nr; i++)
			assert_string_equal(rows[i].id, all[left - nr + i].id);
		left -= nr;
		memset(&last, 0, sizeof last);
		last.rowid = rows[0].rowid;
		snprintf(last_sv, sizeof last_sv, "%s", rows[0].sortval);
		last.sortval = last_sv;
		have_last = 1;
		case_rows_free(rows, nr);
	}
	assert_int_equal(left, 0);
	(void)page;
	(void)n;
	case_rows_free(all, nall);
}

/* store-4.1: keyset pages for every sort, both directions, with ties. */
static void test_paging(void **state)
{
	struct fixture *f = *state;
	static const char *const parties[] = { "BPS", "Bappeda", "bank NTT", "Inspektorat",
					       "BPS", "Kemenkop" };
	for (int i = 0; i < 25; i++) {
		char date[11];
		snprintf(date, sizeof date, "%02d-02-2026", 1 + i % 6); /* ties on dates */
		struct case_rec c;
		next_deadline = i % 3 == 0 ? NULL : i % 3 == 1 ? "2026-02-20" : "2026-03-09";
		add_letter(f, date, parties[i % 6], "Surat", i % 5 == 0 ? "Rahasia" : NULL, &c);
		next_deadline = "2026-03-09";
		if (i % 4 == 0) { /* some are disposed */
			char *cause = NULL;
			const char *to[] = { "sekretaris" };
			assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, NULL, NULL,
						       i % 8 == 0 ? "2026-02-20" : NULL, "kadis",
						       NULL, &cause), 0);
		}
		case_clear(&c);
	}
	for (int s = 0; s < SORT_COUNT; s++)
		for (int r = 0; r < 2; r++) {
			struct list_query q = { .view = VIEW_ALL, .sort = (enum sort)s, .reverse = r };
			check_paging(f, &q, 25);
			q.view = VIEW_MINE;
			q.position = "kadis";
			check_paging(f, &q, 18);
			q.view = VIEW_UNDISPOSED;
			check_paging(f, &q, 18);
			q.view = VIEW_ALL;
			q.limit = "sifat=rahasia";
			check_paging(f, &q, 5);
			/* a text limit read from the FTS matches, then by the sort index */
			q.limit = "bps";
			check_paging(f, &q, 9);
			f->st->limit_fts_drive = 0;
			check_paging(f, &q, 9);
			q.view = VIEW_MINE;
			check_paging(f, &q, 4);
			q.view = VIEW_UNDISPOSED;
			check_paging(f, &q, 4);
			f->st->limit_fts_drive = 2000;
			check_paging(f, &q, 4);
			q.view = VIEW_ALL;
			q.limit = "tahun=2026";
			check_paging(f, &q, 25);
			q.limit = NULL;
			q.search = "surat";
			check_paging(f, &q, 25);
		}
	/* literal first pages */
	struct list_query q = { .view = VIEW_ALL, .sort = SORT_NUMBER };
	struct case_row *rows;
	size_t n;
	char *cause = NULL;
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 3, &rows, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].number_text, "25");
	assert_string_equal(rows[2].number_text, "23");
	struct case_row from = rows[2];
	struct case_row *next;
	size_t nn;
	assert_int_equal(store_list_page(f->st, &q, &from, 0, 2, &next, &nn, &cause), 0);
	assert_string_equal(next[0].number_text, "22");
	assert_string_equal(next[1].number_text, "21");
	case_rows_free(next, nn);
	from = rows[0];
	assert_int_equal(store_list_page(f->st, &q, &from, 1, 2, &next, &nn, &cause), 0);
	assert_int_equal(nn, 0);
	case_rows_free(rows, n);

	q.sort = SORT_PARTY;
	char *nums = view_numbers(f, &q);
	/* A-Z ignoring case: bank NTT, Bappeda, BPS, Inspektorat, Kemenkop; ties by rowid */
	assert_string_equal(nums, "3,9,15,21,2,8,14,20,1,5,7,11,13,17,19,23,25,4,10,16,22,6,12,18,24");
	free(nums);
	q.sort = SORT_RECEIVED;
	q.limit = "tahun=2026";
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 5, &rows, &n, &cause), 0);
	assert_string_equal(rows[0].received, "2026-02-06");
	assert_string_equal(rows[0].number_text, "24");
	assert_string_equal(rows[0].sortval, "2026-02-06");
	assert_string_equal(rows[1].number_text, "18");
	case_rows_free(rows, n);
	q.sort = SORT_DEADLINE;
	q.limit = NULL;
	nums = view_numbers(f, &q);
	/* soonest first, no deadline last */
	assert_string_equal(nums, "2,5,8,11,14,17,20,23,3,6,9,12,15,18,21,24,1,4,7,10,13,16,19,22,25");
	free(nums);
}

/* store-4.2: limit expressions and views; a bad key names the known ones. */
static void test_limits_views(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "Bappeda 100% NTT", "Undangan", "Rahasia", &c);
	case_clear(&c);
	add_letter(f, "20-02-2026", "BPS_NTT", "Data", NULL, &c);
	case_clear(&c);
	add_letter(f, "02-03-2025", "BPS", "Data lama", NULL, &c);
	case_clear(&c);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "sifat=rahasia"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, " Sifat = Rahasia "), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "urgensi=Biasa"), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "penting=P"), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "penting=b"), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "status=selesai"), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "status=terbuka"), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "tahun=2025"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "jenis=surat_masuk"), 3);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "jenis=surat_keluar"), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "data"), 2);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "100%"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "B_S"), 0);
	/* plain text matches whole words of asal or perihal, the last one as a
	 * prefix (the FTS index), not strings inside words */
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "S_NTT"), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "BPS_NT"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "ntt"), 2);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "undang"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "data lama"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "500/12"), 0); /* nomor surat */
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "%"), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "data", "bps"), 2);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "lama", "bps"), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, ""), 3);
	/* deadline 2026-03-09 for all: overdue on 2026-03-10 only */
	assert_int_equal(view_count(f, VIEW_OVERDUE, NULL, NULL, NULL), 0);
	struct list_query q = { .view = VIEW_OVERDUE, .today = "2026-03-10" };
	char *cause = NULL;
	assert_int_equal(store_list_count(f->st, &q, &cause), 3);
	assert_int_equal(view_count(f, VIEW_UNDISPOSED, NULL, NULL, NULL), 3);
	assert_int_equal(view_count(f, VIEW_MINE, NULL, NULL, NULL), 0);

	q.view = VIEW_ALL;
	q.limit = "asal=BPS";
	assert_int_equal(store_list_count(f->st, &q, &cause), -1);
	assert_string_equal(cause, "batasi: kunci 'asal' tidak dikenal (sifat, urgensi, penting,"
				   " status, tahun, jenis)");
	free(cause);
	struct case_row *rows;
	size_t n;
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 10, &rows, &n, &cause), -1);
	assert_non_null(strstr(cause, "'asal'"));
	free(cause);
	q.limit = "tahun=20x6";
	assert_int_equal(store_list_count(f->st, &q, &cause), -1);
	assert_string_equal(cause, "batasi: tahun tidak valid '20x6'");
	free(cause);
	q.limit = "penting=X";
	assert_int_equal(store_list_count(f->st, &q, &cause), -1);
	assert_string_equal(cause, "batasi: penting harus P atau B, bukan 'X'");
	free(cause);
	assert_string_equal(view_label(VIEW_UNDISPOSED), "Belum didisposisi");
	assert_string_equal(sort_label(SORT_DEADLINE), "batas waktu");
}

/* store-5.1: kadis -> sekretaris + kabid_kelembagaan, sekretaris ->
 * kasubag_umum, follow-up on both leaves: the case is done; inboxes, holder,
 * steps and events follow. */
static void test_disposition_flow(void **state)
{
	struct fixture *f = *state;
	struct case_rec c, other;
	add_letter(f, "02-03-2026", "Bappeda Provinsi NTT", "Undangan rapat koordinasi", NULL, &c);
	add_letter(f, "02-03-2026", "BPS", "Permintaan data", NULL, &other);
	char *cause = NULL;
	expect_holder(f, c.id, "kadis");
	expect_mine(f, "kadis", 2);
	expect_mine(f, "sekretaris", 0);
	assert_int_equal(view_count(f, VIEW_UNDISPOSED, NULL, NULL, NULL), 2);

	setenv("BERKAS_NOW", "2026-03-02T10:00", 1);
	const char *to1[] = { "sekretaris", "kabid_kelembagaan" };
	int rc = store_dispose(f->st, c.id, NULL, "kadis", to1, 2, "untuk diketahui; hadiri",
			       "Mohon ditindaklanjuti", "2026-03-05", "kadis", NULL, &cause);
	if (rc != 0)
		fprintf(stderr, "%s\n", cause);
	assert_int_equal(rc, 0);
	expect_holder(f, c.id, "sekretaris, kabid_kelembagaan");
	expect_mine(f, "kadis", 1);
	expect_mine(f, "sekretaris", 1);
	expect_mine(f, "kabid_kelembagaan", 1);
	expect_mine(f, "kasubag_umum", 0);
	assert_int_equal(view_count(f, VIEW_UNDISPOSED, NULL, NULL, NULL), 1);
	struct case_rec g;
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_int_equal(g.step, 3);
	assert_int_equal(g.version, 1);
	case_clear(&g);

	char sek[37];
	open_dispo(f, c.id, "sekretaris", sek);
	assert_int_equal(store_dispo_read(f->st, sek, "sekretaris", &cause), 0);
	assert_int_equal(store_dispo_read(f->st, sek, "sekretaris", &cause), 0);
	assert_int_equal(store_dispo_read(f->st, sek, "kadis", &cause), -1);
	assert_string_equal(cause, "dibaca: 'sekretaris' bukan jabatan Anda (jabatan Anda: 'kadis')");
	free(cause);

	setenv("BERKAS_NOW", "2026-03-02T11:00", 1);
	const char *to2[] = { "kasubag_umum" };
	rc = store_dispose(f->st, c.id, sek, "sekretaris", to2, 1, "siapkan bahan", NULL, NULL,
			   "sekretaris", NULL, &cause);
	if (rc != 0)
		fprintf(stderr, "%s\n", cause);
	assert_int_equal(rc, 0);
	expect_holder(f, c.id, "kabid_kelembagaan, kasubag_umum");
	expect_mine(f, "sekretaris", 0);
	expect_mine(f, "kasubag_umum", 1);
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_int_equal(g.step, 4);
	case_clear(&g);

	/* forwarding a forwarded disposition again fails */
	rc = store_dispose(f->st, c.id, sek, "sekretaris", to2, 1, NULL, NULL, NULL, "sekretaris",
			   NULL, &cause);
	assert_int_equal(rc, -1);
	assert_string_equal(cause, "tidak ada disposisi terbuka untuk jabatan ini: disposisi kepada"
				   " 'sekretaris' sudah diteruskan");
	free(cause);
	/* a forwarded disposition cannot get its own follow-up */
	assert_int_equal(store_dispo_followup(f->st, sek, "sudah", "sekretaris", NULL, &cause), -1);
	assert_non_null(strstr(cause, "sudah diteruskan"));
	free(cause);

	char ksb[37], kbk[37];
	open_dispo(f, c.id, "kasubag_umum", ksb);
	open_dispo(f, c.id, "kabid_kelembagaan", kbk);
	setenv("BERKAS_NOW", "2026-03-03T08:00", 1);
	assert_int_equal(store_dispo_followup(f->st, ksb, "", "kasubag", NULL, &cause), -1);
	assert_string_equal(cause, "tindak lanjut: wajib diisi");
	free(cause);
	assert_int_equal(store_dispo_followup(f->st, ksb, "Bahan disiapkan", "kasubag", NULL,
					      &cause), 0);
	expect_holder(f, c.id, "kabid_kelembagaan");
	expect_mine(f, "kasubag_umum", 0);
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_string_equal(g.status, "terbuka");
	case_clear(&g);

	struct dispo *d;
	size_t n;
	assert_int_equal(store_case_dispos(f->st, c.id, &d, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].to_pos, "sekretaris");
	assert_int_equal(d[0].depth, 0);
	assert_int_equal(d[0].state, DS_DONE); /* all its children are done */
	assert_string_equal(d[1].to_pos, "kasubag_umum");
	assert_string_equal(d[1].from_pos, "sekretaris");
	assert_string_equal(d[1].parent_id, sek);
	assert_int_equal(d[1].depth, 1);
	assert_int_equal(d[1].state, DS_DONE);
	assert_string_equal(d[1].followup, "Bahan disiapkan");
	assert_string_equal(d[2].to_pos, "kabid_kelembagaan");
	assert_int_equal(d[2].state, DS_NEW);
	assert_string_equal(d[2].instructions, "untuk diketahui; hadiri");
	assert_string_equal(d[2].note, "Mohon ditindaklanjuti");
	assert_string_equal(d[2].deadline, "2026-03-05");
	assert_string_equal(d[2].parent_id, "");
	dispos_free(d, n);

	assert_int_equal(store_dispo_followup(f->st, kbk, "Sudah hadir", "kabidkel", NULL, &cause),
			 0);
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_string_equal(g.status, "selesai");
	assert_int_equal(g.step, 0);
	case_clear(&g);
	expect_holder(f, c.id, "(none)");
	expect_mine(f, "kabid_kelembagaan", 0);
	expect_mine(f, "kadis", 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "status=selesai"), 1);

	struct step_rec *s;
	assert_int_equal(store_case_steps(f->st, c.id, &s, &n), 0);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_non_null(s[i].done_at);
		assert_int_equal(s[i].skipped, 0);
	}
	assert_string_equal(s[1].done_at, "2026-03-02T02:00:00Z");
	assert_string_equal(s[1].done_by, "kadis");
	assert_string_equal(s[2].done_by, "sekretaris");
	assert_string_equal(s[3].done_at, "2026-03-03T00:00:00Z");
	assert_string_equal(s[3].done_by, "kabidkel");
	steps_free(s, n);

	struct event *e;
	assert_int_equal(store_case_events(f->st, c.id, &e, &n), 0);
	const char *want[][4] = {
		{ "dibuat", "", "", "1" },
		{ "tahap", "1", "", "selesai" },
		{ "disposisi", "kepada", "kadis", "sekretaris" },
		{ "disposisi", "kepada", "kadis", "kabid_kelembagaan" },
		{ "tahap", "2", "", "selesai" },
		{ "dibaca", "sekretaris", "baru", "dibaca" },
		{ "disposisi", "kepada", "sekretaris", "kasubag_umum" },
		{ "diteruskan", "sekretaris", "dibaca", "diteruskan" },
		{ "tahap", "3", "", "selesai" },
		{ "tindak_lanjut", "kasubag_umum", "baru", "Bahan disiapkan" },
		{ "disposisi_selesai", "sekretaris", "diteruskan", "selesai" },
		{ "tindak_lanjut", "kabid_kelembagaan", "baru", "Sudah hadir" },
		{ "tahap", "4", "", "selesai" },
		{ "selesai", "status", "terbuka", "selesai" },
	};
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(e[i].action, want[i][0]);
		assert_string_equal(e[i].field ? e[i].field : "", want[i][1]);
		assert_string_equal(e[i].old_value ? e[i].old_value : "", want[i][2]);
		assert_string_equal(e[i].new_value ? e[i].new_value : "", want[i][3]);
	}
	assert_string_equal(e[n - 1].actor, "kabidkel");
	assert_string_equal(e[n - 1].at, "2026-03-03T00:00:00Z");
	events_free(e, n);

	/* a finished case takes no more dispositions */
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to1, 1, NULL, NULL, NULL,
				       "kadis", NULL, &cause), -1);
	assert_string_equal(cause, "berkas sudah selesai; tidak dapat didisposisi lagi");
	free(cause);
	case_clear(&c);
	case_clear(&other);
}

/* store-5.2: recipients must be below the sender; the actor must hold it. */
static void test_dispose_rules(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "BPS", "Permintaan data", NULL, &c);
	char *cause = NULL;
	const char *up[] = { "kadis" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "sekretaris", up, 1, NULL, NULL, NULL,
				       "sekretaris", NULL, &cause), -1);
	assert_string_equal(cause, "kepada: 'kadis' tidak berada di bawah 'sekretaris'");
	free(cause);
	const char *side[] = { "kabid_kelembagaan", "nope", "kasubag_umum", "kasubag_umum" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "sekretaris", side, 4, NULL, NULL, NULL,
				       "sekretaris", NULL, &cause), -1);
	assert_string_equal(cause, "kepada: 'kabid_kelembagaan' tidak berada di bawah 'sekretaris';"
				   " kepada: jabatan 'nope' tidak dikenal;"
				   " kepada: 'kasubag_umum' disebut dua kali");
	free(cause);
	const char *down[] = { "sekretaris" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", down, 1, NULL, NULL, NULL,
				       "kabidkel", NULL, &cause), -1);
	assert_string_equal(cause, "dari: 'kadis' bukan jabatan Anda (jabatan Anda:"
				   " 'kabid_kelembagaan')");
	free(cause);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", down, 1, NULL, NULL, "5-3-2026",
				       "kadis", NULL, &cause), -1);
	assert_string_equal(cause, "batas waktu: tanggal tidak valid '5-3-2026'");
	free(cause);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", down, 0, NULL, NULL, NULL,
				       "kadis", NULL, &cause), -1);
	assert_string_equal(cause, "kepada: pilih sedikitnya satu jabatan");
	free(cause);
	/* nothing was written by the failures */
	struct dispo *d;
	size_t n;
	assert_int_equal(store_case_dispos(f->st, c.id, &d, &n), 0);
	assert_int_equal(n, 0);
	dispos_free(d, n);
	expect_mine(f, "kadis", 1);
	/* an open disposition to the same position is not given twice */
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", down, 1, NULL, NULL, NULL,
				       "kadis", NULL, &cause), 0);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", down, 1, NULL, NULL, NULL,
				       "kadis", NULL, &cause), -1);
	assert_string_equal(cause, "kepada: 'sekretaris' masih memegang disposisi terbuka untuk"
				   " berkas ini");
	free(cause);
	case_clear(&c);
}

/* store-5.3: a clerk records a paper disposition on behalf of the official. */
static void test_on_behalf(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "BPS", "Permintaan data", NULL, &c);
	char *cause = NULL;
	const char *to[] = { "kabid_kelembagaan" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, NULL, NULL, NULL,
				       "arsiparis", NULL, &cause), -1);
	assert_string_equal(cause, "dari: 'kadis' bukan jabatan Anda; sebutkan atas nama siapa"
				   " disposisi ini dicatat");
	free(cause);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, NULL, NULL, NULL,
				       "stafkel", "kadis", &cause), -1);
	assert_string_equal(cause, "atas nama: hanya pencatat atau admin yang boleh mencatat atas"
				   " nama pejabat ('stafkel' bukan pencatat)");
	free(cause);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, NULL, NULL, NULL,
				       "arsiparis", "sekretaris", &cause), -1);
	assert_string_equal(cause, "atas nama: 'sekretaris' tidak memegang jabatan 'kadis'");
	free(cause);
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, "arsipkan", NULL, NULL,
				       "arsiparis", "kadis", &cause), 0);
	char kb[37];
	open_dispo(f, c.id, "kabid_kelembagaan", kb);
	assert_int_equal(store_dispo_followup(f->st, kb, "Selesai dibahas", "umum", "kabidkel",
					      &cause), 0);
	struct dispo *d;
	size_t n;
	assert_int_equal(store_case_dispos(f->st, c.id, &d, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].created_by, "arsiparis");
	assert_string_equal(d[0].on_behalf, "kadis");
	assert_string_equal(d[0].done_by, "umum");
	dispos_free(d, n);
	struct event *e;
	assert_int_equal(store_case_events(f->st, c.id, &e, &n), 0);
	assert_string_equal(e[2].action, "disposisi");
	assert_string_equal(e[2].actor, "arsiparis");
	assert_string_equal(e[2].on_behalf, "kadis");
	assert_string_equal(e[4].action, "tindak_lanjut");
	assert_string_equal(e[4].actor, "umum");
	assert_string_equal(e[4].on_behalf, "kabidkel");
	assert_null(e[0].on_behalf);
	/* kadis disposed straight to a kabid: step 3 (sekretaris) is skipped when
	 * the case is done */
	assert_string_equal(e[n - 1].action, "selesai");
	events_free(e, n);
	struct step_rec *s;
	assert_int_equal(store_case_steps(f->st, c.id, &s, &n), 0);
	assert_int_equal(s[1].skipped, 0);
	assert_int_equal(s[2].skipped, 1);
	assert_int_equal(s[3].skipped, 0);
	steps_free(s, n);
	case_clear(&c);
}

/* store-6.1: a stale version is refused, naming who changed it and when. */
static void test_version_conflict(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	add_letter(f, "02-03-2026", "BPS", "Permintaan data", NULL, &c);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < c.fields.n; i++)
		values_set(&v, c.fields.key[i], c.fields.val[i]);
	values_set(&v, "perihal", "Permintaan data UMKM");
	values_set(&v, "nomor_agenda", "99"); /* ignored: the number stays */
	char *cause = NULL;
	setenv("BERKAS_NOW", "2026-03-02T09:15", 1);
	/* the first clerk saves through another connection */
	struct store *other;
	assert_int_equal(store_open(f->db, 0, &other, &cause), 0);
	assert_int_equal(store_case_update(other, f->k, c.id, 1, &v, "sekretaris", NULL, &cause), 0);
	store_close(other);
	struct case_rec cur;
	values_set(&v, "perihal", "Permintaan data koperasi");
	assert_int_equal(store_case_update(f->st, f->k, c.id, 1, &v, "kadis", &cur, &cause), -1);
	assert_string_equal(cause, "diubah oleh sekretaris pada 02-03-2026 09:15 (versi 2);"
				   " perubahan Anda belum disimpan");
	free(cause);
	assert_int_equal(cur.version, 2);
	assert_string_equal(cur.subject, "Permintaan data UMKM");
	assert_string_equal(values_get(&cur.fields, "nomor_agenda"), "1");
	case_clear(&cur);
	/* the second clerk saves on top of the current version */
	assert_int_equal(store_case_update(f->st, f->k, c.id, 2, &v, "kadis", NULL, &cause), 0);
	/* nothing changed: no new version */
	assert_int_equal(store_case_update(f->st, f->k, c.id, 3, &v, "kadis", NULL, &cause), 0);
	assert_int_equal(store_case_get(f->st, c.id, &cur), 1);
	assert_int_equal(cur.version, 3);
	assert_string_equal(cur.subject, "Permintaan data koperasi");
	case_clear(&cur);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koperasi", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "umkm", NULL), 0);
	struct event *e;
	size_t n;
	assert_int_equal(store_case_events(f->st, c.id, &e, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(e[2].action, "diubah");
	assert_string_equal(e[2].field, "perihal");
	assert_string_equal(e[2].old_value, "Permintaan data");
	assert_string_equal(e[2].new_value, "Permintaan data UMKM");
	assert_string_equal(e[2].actor, "sekretaris");
	assert_string_equal(e[3].old_value, "Permintaan data UMKM");
	assert_string_equal(e[3].actor, "kadis");
	events_free(e, n);
	values_free(&v);
	case_clear(&c);
}

/* store-7.1: a backup opens as a store with the same cases; a manual step
 * and explicit transactions. */
static void test_backup_tx_steps(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL;
	assert_int_equal(store_begin(f->st, &cause), 0);
	struct case_rec c;
	add_letter(f, "02-03-2026", "BPS", "Satu", NULL, &c);
	case_clear(&c);
	add_letter(f, "02-03-2026", "BPS", "Dua", NULL, &c);
	/* a failing call inside the transaction leaves the others alone */
	const char *up[] = { "kadis" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "sekretaris", up, 1, NULL, NULL, NULL,
				       "sekretaris", NULL, &cause), -1);
	free(cause);
	assert_int_equal(store_commit(f->st, &cause), 0);
	assert_int_equal(store_case_count(f->st, NULL), 2);
	assert_int_equal(store_begin(f->st, &cause), 0);
	struct case_rec c3;
	add_letter(f, "02-03-2026", "BPS", "Tiga", NULL, &c3);
	case_clear(&c3);
	store_rollback(f->st);
	assert_int_equal(store_case_count(f->st, NULL), 2);

	/* manual step completion walks the steps to the end */
	for (int i = 0; i < 2; i++)
		assert_int_equal(store_step_done(f->st, f->k, c.id, "arsiparis", &cause), 0);
	struct case_rec g;
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_int_equal(g.step, 4);
	case_clear(&g);
	expect_holder(f, c.id, "kasubag_umum");
	assert_int_equal(store_step_done(f->st, f->k, c.id, "arsiparis", &cause), 0);
	assert_int_equal(store_case_get(f->st, c.id, &g), 1);
	assert_string_equal(g.status, "selesai");
	case_clear(&g);
	assert_int_equal(store_step_done(f->st, f->k, c.id, "arsiparis", &cause), -1);
	assert_string_equal(cause, "berkas sudah selesai");
	free(cause);

	char *bak = malloc(strlen(f->dir) + 16);
	sprintf(bak, "%s/copy.db", f->dir);
	assert_int_equal(store_backup(f->st, bak, &cause), 0);
	struct store *st2;
	assert_int_equal(store_open(bak, 0, &st2, &cause), 0);
	assert_int_equal(store_case_count(st2, "surat_masuk"), 2);
	struct case_rec b;
	assert_int_equal(store_case_get(st2, c.id, &b), 1);
	assert_string_equal(b.subject, "Dua");
	case_clear(&b);
	store_close(st2);
	free(bak);
	case_clear(&c);
}

/* store-4.3: the inbox follows edits of its sort keys and dispositions. */
static void test_inbox_order(void **state)
{
	struct fixture *f = *state;
	struct case_rec a, b, c;
	add_letter(f, "02-03-2026", "Camat Kupang", "Satu", NULL, &a);
	add_letter(f, "03-03-2026", "Bupati Alor", "Dua", NULL, &b);
	add_letter(f, "04-03-2026", "Ayah", "Tiga", NULL, &c);
	struct list_query q = { .view = VIEW_MINE, .position = "kadis", .sort = SORT_PARTY };
	char *nums = view_numbers(f, &q);
	assert_string_equal(nums, "3,2,1");
	free(nums);
	q.sort = SORT_RECEIVED;
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "3,2,1");
	free(nums);
	q.reverse = 1;
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,2,3");
	free(nums);

	struct values v;
	values_init(&v);
	for (size_t i = 0; i < a.fields.n; i++)
		values_set(&v, a.fields.key[i], a.fields.val[i]);
	values_set(&v, "asal_surat", "Akademi");
	values_set(&v, "tanggal_diterima", "2026-03-05");
	char *cause = NULL;
	assert_int_equal(store_case_update(f->st, f->k, a.id, 1, &v, "arsiparis", NULL, &cause), 0);
	values_free(&v);
	q.reverse = 0;
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,3,2");
	free(nums);
	q.sort = SORT_PARTY;
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,3,2");
	free(nums);
	q.limit = "sifat=biasa";
	q.kind = "surat_masuk";
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,3,2");
	free(nums);
	q.limit = NULL;
	q.kind = NULL;

	const char *to[] = { "sekretaris", "kabid_kelembagaan" };
	assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 2, NULL, NULL, NULL, "kadis",
				       NULL, &cause), 0);
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "1,2");
	free(nums);
	q.position = "kabid_kelembagaan";
	nums = view_numbers(f, &q);
	assert_string_equal(nums, "3");
	free(nums);
	assert_int_equal(view_count(f, VIEW_MINE, "sekretaris", NULL, NULL), 1);
	assert_int_equal(view_count(f, VIEW_MINE, "sekretaris", NULL, "tahun=2026"), 1);
	assert_int_equal(view_count(f, VIEW_MINE, "sekretaris", NULL, "tahun=2025"), 0);
	case_clear(&a);
	case_clear(&b);
	case_clear(&c);
}

/* One integer from SQL on the store's connection. */
static long long sql_int(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->st->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The schema as text, in order. Caller frees. */
static char *schema_text(struct fixture *f)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->st->db, "SELECT sql FROM sqlite_schema"
					    " WHERE sql IS NOT NULL ORDER BY rowid", -1, &s, NULL),
			 SQLITE_OK);
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	while (sqlite3_step(s) == SQLITE_ROW) {
		buf_adds(&b, (const char *)sqlite3_column_text(s, 0));
		buf_addc(&b, '\n');
	}
	sqlite3_finalize(s);
	return buf_steal(&b);
}

/* store-8.1: ids are time-ordered UUIDs (v7), increasing in creation order;
 * VACUUM keeps the row numbers that the FTS index, the inbox and pages use. */
static void test_ids_vacuum(void **state)
{
	struct fixture *f = *state;
	struct case_rec c;
	char prev[37] = "";
	for (int i = 0; i < 30; i++) {
		add_letter(f, "02-03-2026", i % 2 ? "BPS" : "Bappeda", "Undangan rapat", NULL, &c);
		assert_int_equal(strlen(c.id), 36);
		assert_int_equal(c.id[14], '7');
		assert_true(strchr("89ab", c.id[19]) != NULL);
		assert_true(strcmp(prev, c.id) < 0);
		memcpy(prev, c.id, sizeof prev);
		if (i % 3 == 0) {
			char *cause = NULL;
			const char *to[] = { "sekretaris", "kabid_kelembagaan" };
			assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 2, NULL, NULL,
						       NULL, "kadis", NULL, &cause), 0);
		}
		case_clear(&c);
	}
	/* events of one moment come back in the order they were made */
	struct event *e;
	size_t n;
	assert_int_equal(store_case_find(f->st, NULL, "1", 0, &c), 1);
	assert_int_equal(store_case_events(f->st, c.id, &e, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(e[0].action, "dibuat");
	assert_string_equal(e[2].new_value, "sekretaris");
	assert_string_equal(e[3].new_value, "kabid_kelembagaan");
	assert_string_equal(e[4].action, "tahap");
	events_free(e, n);
	case_clear(&c);

	/* delete a few rows so VACUUM would renumber implicit rowids */
	char *err = NULL;
	assert_int_equal(sqlite3_exec(f->st->db, "PRAGMA foreign_keys = OFF;"
				      " DELETE FROM step WHERE case_id IN (SELECT id FROM cases"
				      " WHERE number IN (2, 5));"
				      " DELETE FROM cases WHERE number IN (2, 5);"
				      " PRAGMA foreign_keys = ON;", NULL, NULL, &err), SQLITE_OK);
	struct list_query q = { .view = VIEW_ALL, .sort = SORT_NUMBER };
	struct case_row *before, *after;
	size_t nb, na;
	char *cause = NULL;
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 100, &before, &nb, &cause), 0);
	assert_int_equal(nb, 28);
	assert_int_equal(sqlite3_exec(f->st->db, "VACUUM", NULL, NULL, &err), SQLITE_OK);
	assert_int_equal(store_list_page(f->st, &q, NULL, 0, 100, &after, &na, &cause), 0);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(after[i].id, before[i].id);
		assert_int_equal(after[i].rowid, before[i].rowid);
	}
	case_rows_free(before, nb);
	case_rows_free(after, na);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "undangan", NULL), 28);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, NULL), 28); /* case_count */
	assert_int_equal(store_case_count(f->st, "surat_masuk"), 28);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "bps"), 14);
	assert_int_equal(view_count(f, VIEW_MINE, "sekretaris", NULL, NULL), 10);
	assert_int_equal(sqlite3_exec(f->st->db, "INSERT INTO case_fts(case_fts)"
				      " VALUES ('integrity-check')", NULL, NULL, &err), SQLITE_OK);
}

/* store-8.2: bulk mode writes the FTS rows, inbox rows and prefix words at
 * each commit, for new cases and for older ones changed; the schema comes
 * back exactly; a rollback leaves nothing behind. */
static void test_bulk(void **state)
{
	struct fixture *f = *state;
	char *cause = NULL, *err = NULL;
	char *schema = schema_text(f);
	struct case_rec old, c;
	add_letter(f, "02-03-2026", "Bappeda Provinsi NTT", "Undangan rapat koordinasi", NULL, &old);

	assert_int_equal(store_bulk_begin(f->st, &cause), 0);
	assert_int_equal(store_begin(f->st, &cause), 0);
	for (int i = 0; i < 20; i++) {
		add_letter(f, "03-03-2026", i % 4 ? "BPS" : "Dinas Koperasi Kab. Kupang",
			   i % 2 ? "Permintaan data koperasi" : "Laporan RAT", NULL, &c);
		if (i % 5 == 0) {
			const char *to[] = { "sekretaris" };
			assert_int_equal(store_dispose(f->st, c.id, NULL, "kadis", to, 1, NULL, NULL,
						       NULL, "kadis", NULL, &cause), 0);
		}
		case_clear(&c);
	}
	/* a rule that fails before writing leaves the transaction usable */
	const char *up[] = { "kadis" };
	assert_int_equal(store_dispose(f->st, old.id, NULL, "sekretaris", up, 1, NULL, NULL, NULL,
				       "sekretaris", NULL, &cause), -1);
	free(cause);
	cause = NULL;
	/* an older case changes inbox and indexed text inside the transaction */
	const char *to[] = { "kabid_kelembagaan" };
	assert_int_equal(store_dispose(f->st, old.id, NULL, "kadis", to, 1, NULL, NULL, NULL,
				       "kadis", NULL, &cause), 0);
	struct values v;
	values_init(&v);
	for (size_t i = 0; i < old.fields.n; i++)
		values_set(&v, old.fields.key[i], old.fields.val[i]);
	values_set(&v, "perihal", "Undangan sosialisasi kearsipan");
	assert_int_equal(store_case_update(f->st, f->k, old.id, 1, &v, "arsiparis", NULL, &cause),
			 0);
	values_free(&v);
	/* the triggers are lifted while the transaction is open */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
				 " AND name IN ('cases_fts_insert', 'cases_holding_update')"), 0);
	assert_int_equal(store_commit(f->st, &cause), 0);

	char *now = schema_text(f);
	assert_string_equal(now, schema);
	free(now);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koperasi", NULL), 15);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koper", NULL), 15); /* fts_term */
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "kupang", NULL), 5);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "sosialisasi", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "koordinasi", NULL), 0);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, "bps"), 15);
	expect_mine(f, "kadis", 16);
	expect_mine(f, "sekretaris", 4);
	expect_mine(f, "kabid_kelembagaan", 1);
	expect_holder(f, old.id, "kabid_kelembagaan");
	assert_int_equal(sqlite3_exec(f->st->db, "INSERT INTO case_fts(case_fts)"
				      " VALUES ('integrity-check')", NULL, NULL, &err), SQLITE_OK);

	/* a rolled back bulk transaction leaves the database as it was */
	assert_int_equal(store_begin(f->st, &cause), 0);
	add_letter(f, "04-03-2026", "BPS", "Surat batal", NULL, &c);
	case_clear(&c);
	store_rollback(f->st);
	now = schema_text(f);
	assert_string_equal(now, schema);
	free(now);
	assert_int_equal(store_case_count(f->st, NULL), 21);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases"), 21);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, NULL, NULL), 21);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "batal", NULL), 0);
	assert_int_equal(store_bulk_end(f->st, &cause), 0);

	/* after bulk mode, the triggers keep things up to date again */
	add_letter(f, "05-03-2026", "Universitas Nusa Cendana", "Izin penelitian", NULL, &c);
	case_clear(&c);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "penelitian", NULL), 1);
	assert_int_equal(view_count(f, VIEW_ALL, NULL, "nusa cend", NULL), 1);
	expect_mine(f, "kadis", 17);
	assert_int_equal(store_case_count(f->st, "surat_masuk"), 22);
	free(schema);
	case_clear(&old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_positions_people, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbering, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_log_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paging, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits_views, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inbox_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disposition_flow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dispose_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_on_behalf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_version_conflict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_tx_steps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ids_vacuum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
