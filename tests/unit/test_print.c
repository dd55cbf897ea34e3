/* test_print.c: unit tests for print.c (lembar disposisi, kartu kendali, lembar pengantar) and demo.c. */
#include <locale.h>

#include "testutil.h"
#include "app.h"
#include "demo.h"
#include "print.h"

struct fix {
	char       *dir;
	struct app  a;
	char        p_id[37]; /* a Penting letter, disposed */
	char        b_id[37]; /* a Biasa letter with an ESC in its subject */
};

/* Points the program at a fresh database in a temporary folder. */
static char *env_setup(void)
{
	char *dir = tu_tmpdir();
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	char *db = malloc(strlen(dir) + 16);
	sprintf(db, "%s/berkas.db", dir);
	setenv("BERKAS_DB", db, 1);
	free(db);
	setenv("BERKAS_SHAREDIR", cwd, 1);
	setenv("BERKAS_NOW", "2026-03-02T09:00", 1);
	setenv("BERKAS_USER", "arsiparis", 1);
	setenv("XDG_CONFIG_HOME", dir, 1); /* no user config.ini */
	return dir;
}

static void open_app(struct app *a)
{
	struct errs e;
	errs_init(&e);
	int rc = app_open(a, NULL, NULL, 1, &e);
	if (rc != 0) {
		char *m = errs_join(&e, "\n");
		fprintf(stderr, "app_open: %s\n", m);
		free(m);
	}
	assert_int_equal(rc, 0);
	errs_free(&e);
}

/* Normalises the user input kv (key, value, ..., NULL) and inserts a letter. */
static void add_letter(struct app *a, char id[37], const char *esc_subject, ...)
{
	const struct kind *k = kindset_find(&a->kinds, "surat_masuk");
	assert_non_null(k);
	struct values v;
	values_init(&v);
	va_list ap;
	va_start(ap, esc_subject);
	for (const char *key; (key = va_arg(ap, const char *)) != NULL; ) {
		const char *val = va_arg(ap, const char *);
		values_set(&v, key, val);
	}
	va_end(ap);
	struct errs e;
	errs_init(&e);
	int rc = kind_normalize(k, &v, &e);
	if (rc != 0) {
		char *m = errs_join(&e, "\n");
		fprintf(stderr, "kind_normalize: %s\n", m);
		free(m);
	}
	assert_int_equal(rc, 0);
	errs_free(&e);
	/* Text that reached the database some other way (old data, sync). */
	if (esc_subject != NULL)
		values_set(&v, "perihal", esc_subject);

	char dl[11];
	app_default_deadline(a, values_get(&v, "urgensi"), dl);
	struct case_rec c;
	memset(&c, 0, sizeof c);
	char *cause = NULL;
	rc = store_case_insert(a->st, k, &v, app_login(), dl, &c, &cause);
	if (rc != 0)
		fprintf(stderr, "store_case_insert: %s\n", cause);
	assert_int_equal(rc, 0);
	memcpy(id, c.id, 37);
	case_clear(&c);
	values_free(&v);
}

static int fix_setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);
	f->dir = env_setup();
	open_app(&f->a);

	add_letter(&f->a, f->p_id, NULL,
		   "tanggal_diterima", "02-03-2026",
		   "asal_surat", "KSP Kopdit Swasti Sari",
		   "nomor_surat", "017/KSP-SS/II/2026",
		   "tanggal_surat", "25-02-2026",
		   "perihal", "Permohonan Rekomendasi Pembukaan Kantor Cabang Koperasi Simpan "
			      "Pinjam di Kabupaten Timor Tengah Selatan, Kabupaten Timor Tengah "
			      "Utara dan Kabupaten Belu beserta kelengkapan persyaratannya",
		   "isi_ringkas", "Mohon rekomendasi Dinas; persyaratan terlampir.",
		   "lampiran", "1 berkas",
		   "sifat", "Terbatas",
		   "urgensi", "Segera",
		   "kode_klasifikasi", "500.3.2.1",
		   "indeks", "Kantor Cabang KSP",
		   "penting", "P",
		   "unit_pengolah", "kabid_kelembagaan",
		   (const char *)NULL);
	add_letter(&f->a, f->b_id, "Undangan \x1b[31mrapat\x1b[0m koordinasi",
		   "tanggal_diterima", "02-03-2026",
		   "asal_surat", "Dinas Koperasi dan Usaha Kecil Menengah Kabupaten Sikka",
		   "nomor_surat", "500.3/88/DKUKM-SKA/2026",
		   "tanggal_surat", "27-02-2026",
		   "perihal", "placeholder",
		   "penting", "B",
		   (const char *)NULL);

	const char *to[2] = { "sekretaris", "kabid_kelembagaan" };
	char *cause = NULL;
	int rc = store_dispose(f->a.st, f->p_id, NULL, "kadis", to, 2,
			       "untuk ditindaklanjuti; koordinasikan", "Mohon segera diproses",
			       "2026-03-06", "arsiparis", "kadis", &cause);
	if (rc != 0)
		fprintf(stderr, "store_dispose: %s\n", cause);
	assert_int_equal(rc, 0);
	*state = f;
	return 0;
}

static int fix_teardown(void **state)
{
	struct fix *f = *state;
	app_close(&f->a);
	tu_rmdir(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Every line fits in 80 columns and is valid UTF-8. */
static void assert_lines_fit(const char *text)
{
	const char *p = text;
	while (*p) {
		size_t n = strcspn(p, "\n\f");
		char *line = strndup(p, n);
		if (str_width(line) > 80 || !str_utf8_valid(line))
			fail_msg("line too wide or broken: '%s' (%d)", line, str_width(line));
		free(line);
		p += n;
		if (*p)
			p++;
	}
}

static void print_disposisi_sheet(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	char *s = print_sheet(&f->a, f->p_id, SHEET_DISPOSISI, &cause);
	assert_non_null(s);
	assert_non_null(strstr(s, "LEMBAR DISPOSISI"));
	assert_non_null(strstr(s, f->a.cfg.office_name));
	assert_non_null(strstr(s, "Nomor agenda        : 1\n"));
	assert_non_null(strstr(s, "Tanggal diterima    : 02-03-2026"));
	assert_non_null(strstr(s, "Asal surat          : KSP Kopdit Swasti Sari"));
	assert_non_null(strstr(s, "Nomor/tanggal surat : 017/KSP-SS/II/2026, 25-02-2026"));
	assert_non_null(strstr(s, "Sifat               : Terbatas"));
	assert_non_null(strstr(s, "Urgensi             : Segera"));
	assert_non_null(strstr(s, "Kode klasifikasi    : 500.3.2.1 Organisasi dan Badan Hukum Koperasi"));
	assert_non_null(strstr(s, "Indeks              : Kantor Cabang KSP"));
	assert_non_null(strstr(s, "Penting/Biasa       : P (Penting)"));
	/* Urgency Segera: 2 working days after Monday 02-03-2026. */
	assert_non_null(strstr(s, "Batas waktu         : 04-03-2026"));
	/* The long subject wraps under itself. */
	assert_non_null(strstr(s, "Perihal             : Permohonan Rekomendasi"));
	assert_non_null(strstr(s, "\n                      "));
	/* Instructions used are ticked, the others not. */
	assert_non_null(strstr(s, "[x] untuk ditindaklanjuti"));
	assert_non_null(strstr(s, "[x] koordinasikan"));
	assert_non_null(strstr(s, "[ ] untuk diketahui"));
	assert_non_null(strstr(s, "[ ] arsipkan"));
	/* The dispositions so far, recorded by the clerk for the Kepala Dinas. */
	assert_non_null(strstr(s, "Kepala Dinas -> Sekretaris"));
	assert_non_null(strstr(s, "Kepala Dinas -> Kepala Bidang Kelembagaan dan Pengawasan"));
	assert_non_null(strstr(s, "Mohon segera diproses"));
	assert_non_null(strstr(s, "06-03-2026"));
	assert_non_null(strstr(s, "arsiparis atas nama kadis"));
	assert_non_null(strstr(s, "DITERUSKAN KEPADA"));
	assert_int_equal(count(s, "Kepada: ____"), 3);
	assert_null(strchr(s, '\f'));
	assert_lines_fit(s);
	free(s);
}

static void print_kartu_three_copies(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	char *s = print_sheet(&f->a, f->p_id, SHEET_KARTU_KENDALI, &cause);
	assert_non_null(s);
	assert_int_equal(count(s, "KARTU KENDALI SURAT MASUK"), 3);
	assert_int_equal(count(s, "\f"), 2);
	const char *w = strstr(s, "Lembar 1 (putih) - Pencatat");
	const char *g = strstr(s, "Lembar 2 (hijau) - Arsiparis");
	const char *r = strstr(s, "Lembar 3 (merah) - menyertai naskah ke Kepala Dinas");
	assert_non_null(w);
	assert_non_null(g);
	assert_non_null(r);
	assert_true(w < strchr(s, '\f') && strchr(s, '\f') < g && g < strrchr(s, '\f') &&
		    strrchr(s, '\f') < r);
	assert_int_equal(count(s, "Indeks              : Kantor Cabang KSP"), 3);
	assert_int_equal(count(s, "Kode                : 500.3.2.1"), 3);
	assert_int_equal(count(s, "Nomor urut          : 1\n"), 3);
	assert_int_equal(count(s, "Isi ringkas         : Mohon rekomendasi Dinas"), 3);
	assert_int_equal(count(s, "Dari                : KSP Kopdit Swasti Sari"), 3);
	assert_int_equal(count(s, "Tanggal             : 25-02-2026"), 3);
	assert_int_equal(count(s, "Nomor               : 017/KSP-SS/II/2026"), 3);
	assert_int_equal(count(s, "Pengolah            : Kepala Bidang Kelembagaan"), 3);
	assert_int_equal(count(s, "Paraf               : "), 3);
	assert_int_equal(count(s, "Catatan             : "), 3);
	assert_lines_fit(s);
	free(s);
}

static void print_letter_by_marking(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	/* P: disposisi + kartu kendali. */
	char *s = print_letter(&f->a, f->p_id, &cause);
	assert_non_null(s);
	assert_true(strstr(s, "LEMBAR DISPOSISI") < strstr(s, "KARTU KENDALI SURAT MASUK"));
	assert_null(strstr(s, "LEMBAR PENGANTAR"));
	assert_int_equal(count(s, "\f"), 3);
	free(s);

	/* B: disposisi + lembar pengantar; the ESC never reaches the paper. */
	s = print_letter(&f->a, f->b_id, &cause);
	assert_non_null(s);
	assert_non_null(strstr(s, "LEMBAR DISPOSISI"));
	assert_non_null(strstr(s, "LEMBAR PENGANTAR SURAT BIASA"));
	assert_null(strstr(s, "KARTU KENDALI"));
	assert_int_equal(count(s, "\f"), 1);
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "Undangan ?[31mrapat?[0m koordinasi"));
	assert_non_null(strstr(s, "(belum ada disposisi)"));
	assert_non_null(strstr(s, "B (Biasa)"));
	assert_non_null(strstr(s, "[ ] untuk ditindaklanjuti"));
	assert_null(strstr(s, "[x]"));
	assert_lines_fit(s);
	free(s);
}

static void print_pengantar_table(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	char *s = print_sheet(&f->a, f->b_id, SHEET_PENGANTAR, &cause);
	assert_non_null(s);
	assert_non_null(strstr(s, "LEMBAR PENGANTAR SURAT BIASA"));
	assert_non_null(strstr(s, "| No | Asal"));
	assert_non_null(strstr(s, "| Tanda   |"));
	assert_non_null(strstr(s, "| terima  |"));
	assert_non_null(strstr(s, "| 1  | Dinas"));
	/* The letter number is cut between characters when it does not fit. */
	assert_non_null(strstr(s, "500.3/88/DKU"));
	assert_non_null(strstr(s, "27-02-2026"));
	assert_non_null(strstr(s, "Yang menerima,"));
	assert_lines_fit(s);
	/* Every table line has the same width. */
	int width = -1;
	for (const char *p = s; (p = strchr(p, '\n')) != NULL; p++) {
		if (p[1] != '|' && p[1] != '+')
			continue;
		size_t n = strcspn(p + 1, "\n");
		char *line = strndup(p + 1, n);
		if (width < 0)
			width = str_width(line);
		assert_int_equal(str_width(line), width);
		free(line);
	}
	assert_true(width > 60 && width <= 80);
	free(s);
}

static void print_missing_case(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	char *s = print_sheet(&f->a, "00000000-0000-4000-8000-000000000000", SHEET_DISPOSISI,
			      &cause);
	assert_null(s);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "tidak ditemukan"));
	free(cause);
	cause = NULL;
	assert_null(print_letter(&f->a, "nope", &cause));
	assert_non_null(cause);
	free(cause);
}

/* Wide and multi-byte text wraps at display width without splitting characters. */
static void print_wrap_utf8(void **state)
{
	struct fix *f = *state;
	char big[2048] = "";
	for (int i = 0; i < 60; i++)
		strcat(big, "é");
	strcat(big, " ");
	for (int i = 0; i < 50; i++)
		strcat(big, "漢"); /* two columns each */
	const char *to[1] = { "sekretaris" };
	char *cause = NULL;
	assert_int_equal(store_dispose(f->a.st, f->b_id, NULL, "kadis", to, 1, "arsipkan", big,
				       NULL, "kadis", NULL, &cause), 0);
	char *s = print_sheet(&f->a, f->b_id, SHEET_DISPOSISI, &cause);
	assert_non_null(s);
	assert_lines_fit(s);
	assert_non_null(strstr(s, "[x] arsipkan"));
	assert_true(count(s, "漢") == 50);
	free(s);
}

static void print_output_file_and_command(void **state)
{
	struct fix *f = *state;
	char *cause = NULL;
	char *path = malloc(strlen(f->dir) + 16);
	sprintf(path, "%s/out.txt", f->dir);
	assert_int_equal(print_output(&f->a, "LEMBAR\n", path, &cause), 0);
	char *back = file_read(path, NULL, &cause);
	assert_string_equal(back, "LEMBAR\n");
	free(back);

	/* A good command gets the text on stdin. */
	free(f->a.cfg.print_command);
	f->a.cfg.print_command = xasprintf("cat > '%s'", path);
	assert_int_equal(print_output(&f->a, "dua\n", NULL, &cause), 0);
	back = file_read(path, NULL, &cause);
	assert_string_equal(back, "dua\n");
	free(back);

	/* A failing command is an error naming it, even when it reads nothing. */
	free(f->a.cfg.print_command);
	f->a.cfg.print_command = xstrdup("exit 3");
	char *big = malloc(1 << 20);
	memset(big, 'x', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	assert_int_equal(print_output(&f->a, big, NULL, &cause), -1);
	assert_non_null(strstr(cause, "'exit 3'"));
	free(cause);
	free(big);

	/* A folder that does not exist. */
	cause = NULL;
	assert_int_equal(print_output(&f->a, "x", "/nonexistent/dir/x.txt", &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/dir/x.txt"));
	free(cause);
	free(path);
}

/* ---- demo ----------------------------------------------------------------- */

struct tally {
	long cases, open, done;
	long st[4];
	long behalf, forwarded_children;
	unsigned long hash;
	struct store *st_;
};

static void hash_str(unsigned long *h, const char *s)
{
	for (; s && *s; s++)
		*h = *h * 31 + (unsigned char)*s;
	*h = *h * 31 + 1;
}

static int tally_case(const struct case_rec *c, void *ctx)
{
	struct tally *t = ctx;
	t->cases++;
	if (strcmp(c->status, "selesai") == 0)
		t->done++;
	else
		t->open++;
	hash_str(&t->hash, c->number_text);
	hash_str(&t->hash, c->received);
	hash_str(&t->hash, c->party);
	hash_str(&t->hash, c->subject);
	hash_str(&t->hash, c->letter_no);
	hash_str(&t->hash, c->urgency);
	struct dispo *d;
	size_t n;
	assert_int_equal(store_case_dispos(t->st_, c->id, &d, &n), 0);
	for (size_t i = 0; i < n; i++) {
		t->st[d[i].state]++;
		if (d[i].on_behalf != NULL)
			t->behalf++;
		if (d[i].depth > 0)
			t->forwarded_children++;
		hash_str(&t->hash, d[i].to_pos);
		hash_str(&t->hash, dispo_state_label(d[i].state));
	}
	dispos_free(d, n);
	return 0;
}

static void progress_cb(double done, void *ctx)
{
	double *last = ctx;
	assert_true(done >= *last && done <= 1.0);
	*last = done;
}

static void run_demo(long n, unsigned seed, struct tally *t, long *undisposed, long *overdue)
{
	char *dir = env_setup();
	struct app a;
	open_app(&a);
	double last = 0;
	char *cause = NULL;
	int rc = demo_letters(&a, n, seed, progress_cb, &last, &cause);
	if (rc != 0)
		fprintf(stderr, "demo_letters: %s\n", cause);
	assert_int_equal(rc, 0);
	assert_true(last == 1.0);
	assert_int_equal(store_case_count(a.st, "surat_masuk"), n);

	memset(t, 0, sizeof *t);
	t->st_ = a.st;
	assert_int_equal(store_case_each(a.st, "surat_masuk", NULL, NULL, tally_case, t, &cause), 0);

	struct list_query q = { .view = VIEW_UNDISPOSED, .today = "2026-03-02" };
	*undisposed = store_list_count(a.st, &q, &cause);
	q.view = VIEW_OVERDUE;
	*overdue = store_list_count(a.st, &q, &cause);
	app_close(&a);
	tu_rmdir(dir);
	free(dir);
}

static void demo_states(void **state)
{
	(void)state;
	struct tally t, t2, t3;
	long und, over, und2, over2, und3, over3;
	run_demo(200, 7, &t, &und, &over);
	assert_int_equal(t.cases, 200);
	/* Every disposition state occurs, some letters are done and some open. */
	assert_true(t.st[DS_NEW] > 0);
	assert_true(t.st[DS_READ] > 0);
	assert_true(t.st[DS_FORWARDED] > 0);
	assert_true(t.st[DS_DONE] > 0);
	assert_true(t.done > 100);
	assert_true(t.open > 5);
	assert_true(t.behalf > 0);
	assert_true(t.forwarded_children > 0);
	assert_true(und > 0 && und < 40);
	assert_true(over > 0);

	/* Same seed, same letters; another seed, other letters. */
	run_demo(200, 7, &t2, &und2, &over2);
	assert_true(t.hash == t2.hash);
	assert_int_equal(und, und2);
	assert_int_equal(over, over2);
	run_demo(200, 8, &t3, &und3, &over3);
	assert_true(t.hash != t3.hash);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(print_disposisi_sheet, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_kartu_three_copies, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_letter_by_marking, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_pengantar_table, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_missing_case, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_wrap_utf8, fix_setup, fix_teardown),
		cmocka_unit_test_setup_teardown(print_output_file_and_command, fix_setup,
						fix_teardown),
		cmocka_unit_test(demo_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
