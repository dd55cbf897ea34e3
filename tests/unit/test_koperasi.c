/* test_koperasi.c: unit tests of the cooperative registry: validation, grade rules, serving office, store, CSV import/export, demo. */
#include "testutil.h"

#include <sqlite3.h>

#include "date.h"
#include "koperasi.h"
#include "core/store_int.h"

#define NOW "2026-03-02"   /* BERKAS_NOW for every test */

static struct kop_ref *ref;

static int setup(void **state)
{
	(void)state;
	setenv("BERKAS_NOW", NOW, 1);
	struct errs e;
	errs_init(&e);
	ref = koperasi_ref_load("data", &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "%s\n", e.msg[i]);
	errs_free(&e);
	return ref == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	koperasi_ref_free(ref);
	return 0;
}

static int has_msg(const struct errs *e, const char *want)
{
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->msg[i], want) == 0)
			return 1;
	return 0;
}

/* Fails printing every message when want is missing. */
static void expect_msg(const struct errs *e, const char *want)
{
	if (!has_msg(e, want)) {
		fprintf(stderr, "missing: %s\ngot %zu:\n", want, e->n);
		for (size_t i = 0; i < e->n; i++)
			fprintf(stderr, "  %s\n", e->msg[i]);
		fail();
	}
}

/* A record from "key=value" strings (NULL-terminated). */
static void make(struct koperasi *k, const char *const *kv)
{
	koperasi_init(k);
	for (; *kv != NULL; kv++) {
		const char *eq = strchr(*kv, '=');
		assert_non_null(eq);
		char *key = strndup(*kv, (size_t)(eq - *kv));
		char *cause = NULL;
		assert_int_equal(koperasi_set(k, key, eq + 1, &cause), 0);
		free(key);
	}
}

/* Normalizes a one-field record (plus nama) and returns the messages. */
static void one_field(const char *kv, struct errs *e)
{
	const char *const rec[] = { "nama=Koperasi Uji", kv, NULL };
	struct koperasi k;
	make(&k, rec);
	errs_init(e);
	koperasi_normalize(ref, &k, e);
	koperasi_clear(&k);
}

/* ---- validation ------------------------------------------------------------ */

/* koperasi-1.1: a complete record is rewritten into stored form. */
static void test_normalize_ok(void **state)
{
	(void)state;
	const char *const rec[] = {
		"nik= 5311 0300 2000 0001 ", "nama=  KSP Kopdit   Sehati  Ende ",
		"no_badan_hukum=123/BH/XIV/1998", "tanggal_badan_hukum=05-06-1998",
		"no_perubahan_ad=AHU-0000123.AH.01.27.TAHUN 2019", "tanggal_perubahan_ad=2019-07-01",
		"alamat=Jl. El Tari No. 5", "kelurahan=Kelimutu", "kecamatan=Ende Tengah",
		"kabkota=Ende", "wilayah_keanggotaan=Provinsi", "bentuk=primer provinsi",
		"jenis=simpan pinjam", "kelompok=KSP", "sektor_usaha=Jasa Keuangan",
		"skala=mikro", "pengurus=Yohanes Lewar ;Maria Ola;; Petrus Ndun",
		"pengawas=Anselmus Wadu", "anggota_pria=1.250", "anggota_wanita=0980",
		"tahun_rat=2025, 2023", "rat_terakhir=15-03-2025", "status_nik=Sudah Bersetifikat",
		"no_sertifikat=5311/NIK/1/2024", "tanggal_sertifikat=01-02-2024",
		"sertifikat_berlaku=01-02-2027", "grade=b", "telepon=0381 21234 / 0812-3456-7890",
		"email=kopdit.sehati@gmail.com", NULL };
	struct koperasi k;
	make(&k, rec);
	struct errs e;
	errs_init(&e);
	int rc = koperasi_normalize(ref, &k, &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "%s\n", e.msg[i]);
	assert_int_equal(rc, 0);
	assert_string_equal(k.nik, "5311030020000001");
	assert_string_equal(k.nama, "KSP Kopdit Sehati Ende");
	assert_string_equal(k.tanggal_badan_hukum, "1998-06-05");
	assert_string_equal(k.tanggal_perubahan_ad, "2019-07-01");
	assert_string_equal(k.kabkota, "53.08");
	assert_string_equal(k.wilayah_keanggotaan, "provinsi");
	assert_string_equal(k.bentuk, "Primer Provinsi");
	assert_string_equal(k.jenis, "Simpan Pinjam");
	assert_string_equal(k.kelompok, "Koperasi Simpan Pinjam");
	assert_string_equal(k.skala, "Mikro");
	assert_string_equal(k.pengurus, "Yohanes Lewar; Maria Ola; Petrus Ndun");
	assert_string_equal(k.anggota_pria, "1250");
	assert_string_equal(k.anggota_wanita, "980");
	assert_string_equal(k.tahun_rat, "2023;2025");
	assert_string_equal(k.rat_terakhir, "2025-03-15");
	assert_string_equal(k.status_nik, "Sudah Bersertifikat");
	assert_string_equal(k.grade, "B");
	assert_string_equal(k.status, "aktif");
	assert_string_equal(k.telepon, "0381 21234 / 0812-3456-7890");
	/* normalizing the stored form changes nothing */
	struct koperasi again;
	koperasi_copy(&again, &k);
	assert_int_equal(koperasi_normalize(ref, &again, &e), 0);
	for (int i = 0; i < KF_COUNT; i++) {
		const char *a = koperasi_get(&k, (enum kop_fid)i);
		const char *b = koperasi_get(&again, (enum kop_fid)i);
		if (a == NULL || b == NULL)
			assert_ptr_equal(a, b);
		else
			assert_string_equal(a, b);
	}
	koperasi_clear(&again);
	koperasi_clear(&k);
	errs_free(&e);
}

/* koperasi-1.2: each rule gives "<key>: <reason>"; all problems come together
 * and the record is left as it was. */
static void test_normalize_errors(void **state)
{
	(void)state;
	const char *const rec[] = {
		"nik=5311", "tanggal_badan_hukum=31-02-2026", "kabkota=Kupang",
		"wilayah_keanggotaan=desa", "anggota_pria=-5", "anggota_wanita=12,5",
		"email=kop@", "telepon=12ab", "tahun_rat=20x5", "grade=E", "kelompok=Koperasi Bulan",
		NULL };
	struct koperasi k;
	make(&k, rec);
	struct errs e;
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), -1);
	expect_msg(&e, "nik: '5311' bukan NIK koperasi (harus 16 angka)");
	expect_msg(&e, "tanggal_badan_hukum: tanggal tidak valid '31-02-2026' (format DD-MM-YYYY)");
	expect_msg(&e, "kabkota: 'Kupang' cocok dengan lebih dari satu isi daftar wilayah;"
		       " tulis kodenya");
	expect_msg(&e, "wilayah_keanggotaan: 'desa' bukan pilihan (kabkota, provinsi, nasional)");
	expect_msg(&e, "anggota_pria: '-5' bukan bilangan bulat tidak negatif");
	expect_msg(&e, "anggota_wanita: '12,5' bukan bilangan bulat tidak negatif");
	expect_msg(&e, "email: 'kop@' bukan alamat email");
	expect_msg(&e, "telepon: '12ab' bukan nomor telepon (6-15 angka; beberapa nomor dipisah '/')");
	expect_msg(&e, "tahun_rat: '20x5' bukan tahun (YYYY; beberapa tahun dipisah ';')");
	expect_msg(&e, "grade: 'E' tidak ada dalam daftar grade_rat");
	expect_msg(&e, "kelompok: 'Koperasi Bulan' tidak ada dalam daftar kop_kelompok");
	assert_int_equal(e.n, 11);
	/* unchanged */
	assert_string_equal(k.nik, "5311");
	assert_null(k.nama);
	koperasi_clear(&k);
	errs_free(&e);

	/* required, once the fields are right */
	const char *const empty[] = { "nik=", "nama=   ", NULL };
	make(&k, empty);
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), -1);
	expect_msg(&e, "nama: wajib diisi");
	assert_int_equal(e.n, 1);
	koperasi_clear(&k);
	errs_free(&e);
}

/* koperasi-1.3: single-field rules and their boundaries. */
static void test_field_rules(void **state)
{
	(void)state;
	static const struct { const char *kv, *msg; } cases[] = {
		{ "kabkota=51", "kabkota: '51' bukan kabupaten/kota di Nusa Tenggara Timur" },
		{ "kabkota=53.99", "kabkota: '53.99' tidak ada dalam daftar wilayah" },
		{ "kabkota=Kota Kupang", NULL },
		{ "kabkota=kab. kupang", NULL },
		{ "kabkota=53.71", NULL },
		{ "nik=12345678901234567", "nik: '12345678901234567' bukan NIK koperasi (harus 16 angka)" },
		{ "nik=5371-0300-2000-0001", NULL },
		{ "anggota_pria=1.25", "anggota_pria: '1.25' bukan bilangan bulat tidak negatif" },
		{ "anggota_pria=12.345.678", NULL },
		{ "anggota_pria=1234567890", "anggota_pria: '1234567890' bukan bilangan bulat tidak negatif" },
		{ "email=a@b.c", "email: 'a@b.c' bukan alamat email" },
		{ "email=kop.sehati+rat@mail.ntt.go.id", NULL },
		{ "email=a b@x.com", "email: 'a b@x.com' bukan alamat email" },
		{ "email=a@-x.com", "email: 'a@-x.com' bukan alamat email" },
		{ "telepon=12345", "telepon: '12345' bukan nomor telepon (6-15 angka; beberapa nomor dipisah '/')" },
		{ "telepon=+62 812 3456 7890", NULL },
		{ "telepon=0812+3456", "telepon: '0812+3456' bukan nomor telepon (6-15 angka; beberapa nomor dipisah '/')" },
		{ "tahun_rat=2027", "tahun_rat: tahun 2027 belum tiba" },
		{ "tanggal_badan_hukum=03-03-2026", "tanggal_badan_hukum: tanggal 03-03-2026 belum tiba" },
		{ "tanggal_badan_hukum=02-03-2026", NULL },
		{ "rat_terakhir=10-05-2026", "rat_terakhir: tanggal 10-05-2026 belum tiba" },
		{ "sertifikat_berlaku=01-01-2030", NULL },
		{ "wilayah_keanggotaan=Kab/Kota", NULL },
		{ "status=Tidak aktif", NULL },
		{ "status=bubar", "status: 'bubar' bukan pilihan (aktif, tidak_aktif)" },
		{ "kelompok=Kop. Wanita", NULL },
		{ "kelompok=kpri", NULL },
		{ "nama=Koperasi \x01 Uji", "nama: mengandung karakter kendali" },
		{ "alamat=Jl. \xff", "alamat: bukan teks UTF-8 yang sah" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct errs e;
		one_field(cases[i].kv, &e);
		if (cases[i].msg == NULL) {
			if (e.n != 0) {
				fprintf(stderr, "%s: %s\n", cases[i].kv, e.msg[0]);
				fail();
			}
		} else {
			expect_msg(&e, cases[i].msg);
			assert_int_equal(e.n, 1);
		}
		errs_free(&e);
	}
}

/* koperasi-1.4: rules between fields. */
static void test_record_rules(void **state)
{
	(void)state;
	const char *const rec[] = {
		"nama=KUD Sinar Mollo", "tanggal_badan_hukum=01-01-2010",
		"tanggal_perubahan_ad=31-12-2009", "tanggal_sertifikat=01-02-2024",
		"sertifikat_berlaku=31-01-2024", "tahun_rat=2023;2025", "rat_terakhir=01-04-2024",
		NULL };
	struct koperasi k;
	make(&k, rec);
	struct errs e;
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), -1);
	expect_msg(&e, "tanggal_perubahan_ad: sebelum tanggal badan hukum (01-01-2010)");
	expect_msg(&e, "sertifikat_berlaku: sebelum tanggal sertifikat (01-02-2024)");
	expect_msg(&e, "rat_terakhir: 01-04-2024 lebih lama dari RAT tahun 2025 pada tahun_rat");
	assert_int_equal(e.n, 3);
	koperasi_clear(&k);
	errs_free(&e);

	/* the year of the last RAT joins the RAT years */
	const char *const rec2[] = { "nama=KUD Sinar Mollo", "tahun_rat=2022", "rat_terakhir=20-02-2026",
				     NULL };
	make(&k, rec2);
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	assert_string_equal(k.tahun_rat, "2022;2026");
	koperasi_clear(&k);
	errs_free(&e);

	/* unknown key from the CLI */
	char *cause = NULL;
	koperasi_init(&k);
	assert_int_equal(koperasi_set(&k, "nama_koperasi", "x", &cause), -1);
	assert_string_equal(cause, "nama_koperasi: isian tidak dikenal untuk koperasi");
	free(cause);
	assert_int_equal(koperasi_set(&k, "NAMA", "x", &cause), 0);
	assert_string_equal(k.nama, "x");
	koperasi_clear(&k);
}

/* koperasi_normalize_block gives what koperasi_normalize_fields then
 * koperasi_check give: the same result, messages and stored values. */
static void expect_block_same(const char *const *kv)
{
	struct koperasi raw, a, b;
	make(&raw, kv);
	struct errs ea, eb;
	errs_init(&ea);
	errs_init(&eb);
	int want = 0;
	if (koperasi_normalize_fields(ref, &raw, &a, &ea) != 0)
		want = 1;
	else if (koperasi_check(&a, &eb) != 0)
		want = 2;
	/* twice: with a new buffer, then reusing it (too small at first) */
	char *block = NULL;
	size_t cap = 0;
	for (int round = 0; round < 2; round++) {
		struct errs ef, ec;
		errs_init(&ef);
		errs_init(&ec);
		if (round == 1) {
			block = xreallocarray(block, 8, 1);
			cap = 8;
		}
		int got = koperasi_normalize_block(ref, &raw, clock_today(), &b, &block, &cap, &ef,
						   &ec);
		if (got != want) {
			fprintf(stderr, "block %d, fields/check %d for %s...\n", got, want, kv[0]);
			fail();
		}
		assert_int_equal(ef.n, ea.n);
		for (size_t i = 0; i < ef.n; i++)
			assert_string_equal(ef.msg[i], ea.msg[i]);
		assert_int_equal(ec.n, eb.n);
		for (size_t i = 0; i < ec.n; i++)
			assert_string_equal(ec.msg[i], eb.msg[i]);
		if (got != 1) {
			for (int i = 0; i < KF_COUNT; i++) {
				const char *x = koperasi_get(&a, (enum kop_fid)i);
				const char *y = koperasi_get(&b, (enum kop_fid)i);
				if (x == NULL || y == NULL) {
					assert_ptr_equal(x, y);
					continue;
				}
				assert_string_equal(x, y);
				/* every stored string lies in the buffer */
				assert_true(y >= block && y + strlen(y) < block + cap);
			}
			assert_null(b.created_at);
		}
		errs_free(&ef);
		errs_free(&ec);
	}
	free(block); /* the only thing to free: out is not cleared */
	koperasi_clear(&raw);
	koperasi_clear(&a);
	errs_free(&ea);
	errs_free(&eb);
}

/* koperasi-1.4b: the import's one-allocation check agrees with the two halves. */
static void test_normalize_block(void **state)
{
	(void)state;
	/* good: rewritten values, RAT year added, status defaulted */
	const char *const good[] = {
		"nik= 5311 0300 2000 0001 ", "nama=  KSP Kopdit   Sehati  Ende ",
		"no_badan_hukum=123/BH/XIV/1998", "tanggal_badan_hukum=05-06-1998",
		"tanggal_perubahan_ad=2019-07-01", "alamat=\tJl. El Tari No. 5", "kabkota=Ende",
		"wilayah_keanggotaan=Provinsi", "bentuk=primer provinsi", "jenis=simpan pinjam",
		"kelompok=Kop. Wanita", "skala=mikro", "pengurus=Yohanes Lewar ;Maria Ola;; Petrus Ndun",
		"pengawas=Ánselmus Wadu", "anggota_pria=1.250", "anggota_wanita=0980",
		"tahun_rat=2023, 2021", "rat_terakhir=15-03-2025", "grade=b",
		"telepon=0381 21234 / 0812-3456-7890", "email=kopdit.sehati@gmail.com", NULL };
	expect_block_same(good);
	/* names of separators only, status given, years already there */
	const char *const sep[] = { "nama=Koperasi Ena", "pengurus= ; ;", "status=Tidak aktif",
				    "tahun_rat=2024 2024", "rat_terakhir=01-01-2024", NULL };
	expect_block_same(sep);
	/* bad fields: the record's rules are not checked then */
	const char *const badf[] = { "nama=", "nik=5311", "tanggal_badan_hukum=31-02-2000",
				     "kabkota=Bali", "wilayah_keanggotaan=kecamatan",
				     "anggota_pria=1.25", "tahun_rat=2023;20x4", "telepon=0812+1234567",
				     "email=a..b@x.com", "alamat=baris\x01kendali", "kelompok=kop", NULL };
	expect_block_same(badf);
	/* good fields, bad record */
	const char *const badr[] = { "nama=KUD Sinar Mollo", "tanggal_badan_hukum=01-01-2010",
				     "tanggal_perubahan_ad=31-12-2009", "tahun_rat=2023;2025",
				     "rat_terakhir=01-04-2024", "tanggal_sertifikat=01-02-2030", NULL };
	expect_block_same(badr);
	/* long values (the squeezed copy goes to the heap) and many years (more
	 * than fit on the stack) */
	struct buf longname, years, manyyears;
	buf_init(&longname);
	buf_init(&years);
	buf_init(&manyyears);
	buf_adds(&longname, "nama=");
	for (int i = 0; i < 190; i++)
		buf_adds(&longname, i % 2 ? "  é" : "x");
	buf_adds(&years, "tahun_rat=");
	for (int y = 1950; y < 2026; y++)
		buf_printf(&years, "%d%s", y, y % 3 ? " " : ";");
	buf_adds(&manyyears, "pengurus=");
	for (int i = 0; i < 300; i++)
		buf_adds(&manyyears, "Nama Pengurus; ");
	const char *const longs[] = { longname.s, years.s, "rat_terakhir=02-02-2025", NULL };
	expect_block_same(longs);
	/* all 76 years are kept, sorted, and the RAT year is not added twice */
	const char *const kept[] = { "nama=K", years.s, "rat_terakhir=02-02-2025", NULL };
	struct koperasi k;
	make(&k, kept);
	struct errs e;
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	struct buf want;
	buf_init(&want);
	for (int y = 1950; y < 2026; y++)
		buf_printf(&want, "%s%d", y > 1950 ? ";" : "", y);
	assert_string_equal(k.tahun_rat, want.s);
	koperasi_clear(&k);
	/* and with the RAT year missing it joins them */
	const char *const later[] = { "nama=K", years.s, "rat_terakhir=02-02-2026", NULL };
	make(&k, later);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	buf_adds(&want, ";2026");
	assert_string_equal(k.tahun_rat, want.s);
	koperasi_clear(&k);
	expect_block_same(later);
	buf_free(&want);
	errs_free(&e);
	const char *const toolong[] = { "nama=K", manyyears.s, "tahun_rat=2019 2027", NULL };
	expect_block_same(toolong);
	buf_adds(&years, " 1899");
	const char *const badyear[] = { "nama=K", years.s, NULL };
	expect_block_same(badyear);
	buf_free(&longname);
	buf_free(&years);
	buf_free(&manyyears);
}

/* koperasi-1.5: display text and list limits typed by people. */
static void test_display(void **state)
{
	(void)state;
	char *s = koperasi_display(ref, KF_kabkota, "53.08");
	assert_string_equal(s, "Kabupaten Ende");
	free(s);
	s = koperasi_display(ref, KF_rat_terakhir, "2025-03-15");
	assert_string_equal(s, "15-03-2025");
	free(s);
	s = koperasi_display(ref, KF_wilayah_keanggotaan, "kabkota");
	assert_string_equal(s, "Kabupaten/Kota");
	free(s);
	s = koperasi_display(ref, KF_grade, "C1");
	assert_string_equal(s, "C1 (Berdiri dalam 3 tahun terakhir, 1 kali RAT)");
	free(s);
	s = koperasi_display(NULL, KF_kabkota, "53.08");
	assert_string_equal(s, "53.08");
	free(s);
	s = koperasi_limit_normalize(ref, "kabkota=Ende");
	assert_string_equal(s, "kabkota=53.08");
	free(s);
	s = koperasi_limit_normalize(ref, "wilayah=Provinsi");
	assert_string_equal(s, "wilayah_keanggotaan=provinsi");
	free(s);
	s = koperasi_limit_normalize(ref, "grade=c2");
	assert_string_equal(s, "grade=C2");
	free(s);
	s = koperasi_limit_normalize(ref, "sehati");
	assert_string_equal(s, "sehati");
	free(s);
	assert_non_null(koperasi_field("Email"));
	assert_null(koperasi_field("nama_koperasi"));
}

/* ---- grade ----------------------------------------------------------------------- */

static const char *grade(int founded, const int *years, size_t n)
{
	return koperasi_grade(ref, founded, years, n, 2026);
}

/* koperasi-2.1: each grade of the default rules, and their boundaries. */
static void test_grades(void **state)
{
	(void)state;
	const int a[] = { 2024, 2025, 2026 };
	assert_string_equal(grade(2000, a, 3), "A");
	const int a_dup[] = { 2026, 2024, 2025, 2025, 2019 };
	assert_string_equal(grade(2000, a_dup, 5), "A");
	const int b1[] = { 2024, 2026 };
	assert_string_equal(grade(2000, b1, 2), "B");
	const int b2[] = { 2023, 2024, 2025 }; /* 2023 is outside the window */
	assert_string_equal(grade(2000, b2, 3), "B");
	/* one RAT: founded inside the window (C1) or before it (C2) */
	const int one[] = { 2025 };
	assert_string_equal(grade(2024, one, 1), "C1");
	assert_string_equal(grade(2026, one, 1), "C1");
	assert_string_equal(grade(2023, one, 1), "C2");
	assert_string_equal(grade(1990, one, 1), "C2");
	const int one_old[] = { 2020, 2021, 2022, 2023, 2024 };
	assert_string_equal(grade(1990, one_old, 5), "C2");
	/* none in the last 3 years */
	const int old[] = { 2021, 2022, 2023 };
	assert_string_equal(grade(2000, old, 3), "D");
	assert_string_equal(grade(2000, NULL, 0), "D");
	assert_string_equal(grade(2026, NULL, 0), "D");
	/* a future year does not count */
	const int fut[] = { 2025, 2027 };
	assert_string_equal(grade(2000, fut, 2), "C2");
	/* one RAT and no founding date: no rule applies */
	assert_null(grade(0, one, 1));
	/* a new year moves the window */
	assert_string_equal(koperasi_grade(ref, 2000, a, 3, 2027), "B");
	assert_string_equal(koperasi_grade(ref, 2000, a, 3, 2028), "C2");
	assert_string_equal(koperasi_grade(ref, 2000, a, 3, 2029), "D");
}

/* koperasi-2.2: the grade of a stored record, and rules read from another file. */
static void test_grade_record_and_rules(void **state)
{
	(void)state;
	const char *const rec[] = { "nama=KPRI Bina Sejahtera", "tanggal_badan_hukum=10-10-2024",
				    "tahun_rat=2025", "rat_terakhir=01-03-2026", NULL };
	struct koperasi k;
	make(&k, rec);
	struct errs e;
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	assert_string_equal(koperasi_grade_of(ref, &k, 2026), "B");
	free(k.tahun_rat);
	k.tahun_rat = NULL;
	assert_string_equal(koperasi_grade_of(ref, &k, 2026), "C1");
	koperasi_clear(&k);

	/* penerimaan_rat: a RAT received moves the history and the grade */
	const char *const rec2[] = { "nama=KPRI Bina Sejahtera", "tanggal_badan_hukum=10-10-2010",
				     "tahun_rat=2024", "rat_terakhir=01-03-2024", "grade=C2", NULL };
	make(&k, rec2);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	assert_int_equal(koperasi_record_rat(ref, &k, "20-02-2026", &e), 0);
	assert_string_equal(k.tahun_rat, "2024;2026");
	assert_string_equal(k.rat_terakhir, "2026-02-20");
	assert_string_equal(k.grade, "B");
	assert_int_equal(koperasi_record_rat(ref, &k, "2025-05-02", &e), 0);
	assert_string_equal(k.tahun_rat, "2024;2025;2026");
	assert_string_equal(k.rat_terakhir, "2026-02-20"); /* an older RAT leaves the last one */
	assert_string_equal(k.grade, "A");
	assert_int_equal(koperasi_record_rat(ref, &k, "03-03-2026", &e), -1);
	assert_int_equal(koperasi_record_rat(ref, &k, "2026-02-30", &e), -1);
	expect_msg(&e, "rat_terakhir: tanggal 03-03-2026 belum tiba");
	expect_msg(&e, "rat_terakhir: tanggal tidak valid '2026-02-30' (format DD-MM-YYYY)");
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	koperasi_clear(&k);
	errs_free(&e);
	errs_init(&e);

	/* rules are data: a two-year window with its own grades */
	char *dir = tu_tmpdir();
	char cmd[600];
	snprintf(cmd, sizeof cmd, "cp data/wilayah.csv data/kop_*.csv '%s'/", dir);
	assert_int_equal(system(cmd), 0);
	char *p = tu_write(dir, "grade_rat.csv",
			   "kode,nama,induk,tahun,rat_min,rat_max,umur_min,umur_max\n"
			   "X,dua tahun,,2,2,2,,\n"
			   "Y,sisanya,,2,0,1,,\n");
	struct kop_ref *r2 = koperasi_ref_load(dir, &e);
	assert_non_null(r2);
	const int y[] = { 2025, 2026 };
	assert_string_equal(koperasi_grade(r2, 2000, y, 2, 2026), "X");
	assert_string_equal(koperasi_grade(r2, 2000, y, 1, 2026), "Y");
	assert_non_null(koperasi_list_find(koperasi_ref_list(r2, "grade_rat"), "Y"));
	koperasi_ref_free(r2);
	free(p);

	/* a broken rule file is reported with file and line */
	p = tu_write(dir, "grade_rat.csv",
		     "kode,nama,induk,tahun,rat_min,rat_max,umur_min,umur_max\n"
		     "A,x,,3,3,2,,\n"
		     "B,x,,3,dua,2,,\n");
	r2 = koperasi_ref_load(dir, &e);
	assert_null(r2);
	char *line2 = xasprintf("%s:2: aturan grade A tidak masuk akal (tahun >= 1, rat_min <= rat_max"
				" <= tahun, umur_min <= umur_max)", p);
	char *line3 = xasprintf("%s:3: rat_min: 'dua' bukan bilangan bulat", p);
	expect_msg(&e, line2);
	expect_msg(&e, line3);
	free(line2);
	free(line3);
	free(p);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* ---- serving office ----------------------------------------------------------------- */

/* koperasi-3.1: seed 000: kab/kota -> Dinas kab/kota, provinsi -> us, nasional -> Kementerian. */
static void test_office(void **state)
{
	(void)state;
	struct koperasi k;
	koperasi_init(&k);
	char *msg = NULL;
	koperasi_put(&k, KF_wilayah_keanggotaan, "kabkota");
	koperasi_put(&k, KF_kabkota, "53.08");
	assert_int_equal(koperasi_office(ref, &k, &msg), KOP_OFFICE_KABKOTA);
	assert_string_equal(msg, "Wilayah keanggotaan koperasi ini hanya satu kabupaten/kota:"
			    " permohonan sertifikat NIK dilayani Dinas yang membidangi koperasi di"
			    " Kabupaten Ende, bukan Dinas Provinsi. Teruskan permohonan ke sana"
			    " dengan surat pengantar.");
	free(msg);
	koperasi_put(&k, KF_wilayah_keanggotaan, "provinsi");
	assert_int_equal(koperasi_office(ref, &k, &msg), KOP_OFFICE_PROVINSI);
	assert_null(msg);
	koperasi_put(&k, KF_wilayah_keanggotaan, "nasional");
	assert_int_equal(koperasi_office(ref, &k, &msg), KOP_OFFICE_KEMENTERIAN);
	assert_non_null(strstr(msg, "Kementerian Koperasi dan UKM"));
	free(msg);
	/* not filled in: the bentuk tells, else nobody knows */
	koperasi_put(&k, KF_wilayah_keanggotaan, NULL);
	koperasi_put(&k, KF_bentuk, "Sekunder Provinsi");
	assert_int_equal(koperasi_office(ref, &k, &msg), KOP_OFFICE_PROVINSI);
	assert_null(msg);
	koperasi_put(&k, KF_bentuk, "Primer Kabupaten/Kota");
	assert_int_equal(koperasi_office(ref, &k, NULL), KOP_OFFICE_KABKOTA);
	koperasi_put(&k, KF_bentuk, NULL);
	assert_int_equal(koperasi_office(ref, &k, &msg), KOP_OFFICE_UNKNOWN);
	assert_non_null(strstr(msg, "belum diisi"));
	free(msg);
	assert_string_equal(koperasi_office_label(KOP_OFFICE_PROVINSI), "Dinas provinsi");
	koperasi_clear(&k);
}

/* ---- store ---------------------------------------------------------------------------- */

struct fx {
	char      *dir;
	char      *db;
	struct app a;
};

/* A fresh database with the registry schema (applied here until store.c lists it). */
static void fx_open(struct fx *f, const char *name)
{
	memset(f, 0, sizeof *f);
	f->dir = tu_tmpdir();
	f->db = xasprintf("%s/%s", f->dir, name);
	char *cause = NULL;
	if (store_open(f->db, 1, &f->a.st, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		fail();
	}
	if (store_schema_version(f->a.st) < KOPERASI_SCHEMA_VERSION) {
		char *err = NULL;
		if (sqlite3_exec(f->a.st->db, store_koperasi_schema_sql, NULL, NULL, &err) != SQLITE_OK) {
			fprintf(stderr, "%s\n", err);
			fail();
		}
	}
	assert_true(store_schema_version(f->a.st) >= KOPERASI_SCHEMA_VERSION);
	f->a.data_dir = "data";
	f->a.me.login = "umum";
}

static void fx_close(struct fx *f)
{
	store_close(f->a.st);
	tu_rmdir(f->dir);
	free(f->dir);
	free(f->db);
}

/* Inserts a normalized record; returns its id in out (37 bytes). */
static void put(struct fx *f, const char *const *kv, char *id)
{
	struct koperasi k;
	make(&k, kv);
	struct errs e;
	errs_init(&e);
	assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
	char *cause = NULL;
	if (store_koperasi_insert(f->a.st, &k, "umum", NULL, NULL, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		fail();
	}
	if (id != NULL)
		strcpy(id, k.id);
	koperasi_clear(&k);
	errs_free(&e);
}

/* koperasi-4.1: insert, find, update with history, conflicts and duplicates. */
static void test_store_crud(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "crud.db");
	char id[37];
	const char *const rec[] = { "nik=5311030020000001", "nama=KSP Kopdit Sehati",
				    "no_badan_hukum=123/BH/XIV/1998", "kabkota=53.08",
				    "anggota_pria=10", NULL };
	put(&f, rec, id);
	assert_int_equal(strlen(id), 36);
	assert_int_equal(id[14], '7'); /* time-ordered UUID v7 */

	struct koperasi k;
	assert_int_equal(store_koperasi_get(f.a.st, id, &k), 1);
	assert_string_equal(k.nama, "KSP Kopdit Sehati");
	assert_string_equal(k.anggota_pria, "10");
	assert_string_equal(k.status, "aktif");
	assert_int_equal(k.version, 1);
	assert_string_equal(k.created_by, "umum");
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000001", &k), 1);
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_bh(f.a.st, "123/bh/xiv/1998", &k), 1);
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find(f.a.st, "5311 0300 2000 0001", &k), 1);
	assert_string_equal(k.id, id);
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find(f.a.st, "999", &k), 0);
	koperasi_clear(&k);

	/* duplicates name the field and the other cooperative */
	const char *const dup[] = { "nik=5311030020000001", "nama=KSP Lain", "status=aktif", NULL };
	make(&k, dup);
	char *cause = NULL;
	assert_int_equal(store_koperasi_insert(f.a.st, &k, "umum", NULL, NULL, &cause), -1);
	assert_string_equal(cause, "nik: NIK 5311030020000001 sudah dipakai oleh KSP Kopdit Sehati");
	free(cause);
	koperasi_clear(&k);
	const char *const dup2[] = { "nama=KSP Lain", "no_badan_hukum=123/BH/XIV/1998", "status=aktif",
				     NULL };
	make(&k, dup2);
	assert_int_equal(store_koperasi_insert(f.a.st, &k, "umum", NULL, NULL, &cause), -1);
	assert_string_equal(cause, "no_badan_hukum: nomor badan hukum 123/BH/XIV/1998 sudah dipakai"
			    " oleh KSP Kopdit Sehati");
	free(cause);
	koperasi_clear(&k);

	/* update: one event per changed field */
	assert_int_equal(store_koperasi_get(f.a.st, id, &k), 1);
	koperasi_put(&k, KF_anggota_pria, "12");
	koperasi_put(&k, KF_grade, "A");
	int changed = -1;
	assert_int_equal(store_koperasi_update(f.a.st, &k, 1, "kabidkel", NULL, &changed, &cause), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(k.version, 2);
	assert_int_equal(store_koperasi_update(f.a.st, &k, 2, "kabidkel", NULL, &changed, &cause), 0);
	assert_int_equal(changed, 0);
	/* a stale version is refused and the stored record handed back */
	struct koperasi cur;
	koperasi_put(&k, KF_grade, "B");
	assert_int_equal(store_koperasi_update(f.a.st, &k, 1, "umum", &cur, &changed, &cause), -1);
	assert_non_null(strstr(cause, "diubah oleh kabidkel pada "));
	assert_non_null(strstr(cause, "(versi 2); perubahan Anda belum disimpan"));
	assert_string_equal(cur.grade, "A");
	free(cause);
	koperasi_clear(&cur);
	koperasi_clear(&k);

	struct event *ev;
	size_t n;
	assert_int_equal(store_koperasi_events(f.a.st, id, &ev, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].action, "dibuat");
	assert_string_equal(ev[1].action, "diubah");
	assert_string_equal(ev[1].field, "anggota_pria");
	assert_string_equal(ev[1].old_value, "10");
	assert_string_equal(ev[1].new_value, "12");
	assert_string_equal(ev[1].actor, "kabidkel");
	assert_string_equal(ev[2].field, "grade");
	assert_null(ev[2].old_value);
	events_free(ev, n);

	/* the database refuses a bad NIK even from outside */
	assert_int_not_equal(sqlite3_exec(f.a.st->db, "UPDATE koperasi SET nik = '12ab'", NULL, NULL,
					  NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(f.a.st->db, "DELETE FROM koperasi_event", NULL, NULL,
					  NULL), SQLITE_OK);
	fx_close(&f);
}

/* Collects a page's names "a|b|c". */
static char *names(const struct kop_row *r, size_t n)
{
	struct buf b;
	buf_init(&b);
	buf_add(&b, "", 0);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, i ? "|%s" : "%s", r[i].nama);
	return buf_steal(&b);
}

static void expect_page(struct fx *f, const struct kop_query *q, const struct kop_row *from,
			int back, int n, const char *want, struct kop_row **rows, size_t *nrows)
{
	char *cause = NULL;
	if (store_koperasi_page(f->a.st, q, from, back, n, rows, nrows, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		fail();
	}
	char *got = names(*rows, *nrows);
	assert_string_equal(got, want);
	free(got);
}

/* koperasi-4.2: list pages: sorts, keyset paging both ways, search, limits, counts. */
static void test_store_list(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "list.db");
	const char *const r1[] = { "nama=KSP Kopdit Sehati", "kabkota=53.08", "kecamatan=Ende Tengah",
				   "rat_terakhir=01-03-2025", "grade=B", "pengurus=Yohanes Lewar", NULL };
	const char *const r2[] = { "nama=KUD Sinar Mollo", "kabkota=53.02", "kecamatan=Mollo Utara",
				   "nik=5311070000000001",
				   "rat_terakhir=01-03-2026", "grade=A", NULL };
	const char *const r3[] = { "nama=koperasi wanita Sehati", "kabkota=53.08",
				   "no_badan_hukum=77/BH/2001", NULL };
	const char *const r4[] = { "nama=KPRI Guru Ende", "kabkota=53.08", "rat_terakhir=01-03-2024",
				   "status=tidak_aktif", "grade=D", NULL };
	const char *const r5[] = { "nama=Koppas Maumere", "kabkota=53.07", "pengurus=Maria Lewar",
				   NULL };
	put(&f, r1, NULL);
	put(&f, r2, NULL);
	put(&f, r3, NULL);
	put(&f, r4, NULL);
	put(&f, r5, NULL);
	struct kop_query q = { NULL, NULL, KSORT_NAMA, 0 };
	struct kop_row *rows, *more;
	size_t n, m;
	/* names sort without regard to case */
	expect_page(&f, &q, NULL, 0, 2, "koperasi wanita Sehati|Koppas Maumere", &rows, &n);
	expect_page(&f, &q, &rows[1], 0, 2, "KPRI Guru Ende|KSP Kopdit Sehati", &more, &m);
	kop_rows_free(rows, n);
	expect_page(&f, &q, &more[1], 0, 2, "KUD Sinar Mollo", &rows, &n);
	kop_rows_free(rows, n);
	expect_page(&f, &q, &more[0], 1, 2, "koperasi wanita Sehati|Koppas Maumere", &rows, &n);
	kop_rows_free(rows, n);
	kop_rows_free(more, m);
	expect_page(&f, &q, NULL, 1, 2, "KSP Kopdit Sehati|KUD Sinar Mollo", &rows, &n);
	kop_rows_free(rows, n);
	q.reverse = 1;
	expect_page(&f, &q, NULL, 0, 2, "KUD Sinar Mollo|KSP Kopdit Sehati", &rows, &n);
	kop_rows_free(rows, n);
	/* last RAT, newest first; never held last */
	q.reverse = 0;
	q.sort = KSORT_RAT;
	expect_page(&f, &q, NULL, 0, 5, "KUD Sinar Mollo|KSP Kopdit Sehati|KPRI Guru Ende|"
		    "Koppas Maumere|koperasi wanita Sehati", &rows, &n);
	assert_string_equal(rows[0].rat_terakhir, "2026-03-01");
	assert_string_equal(rows[0].grade, "A");
	expect_page(&f, &q, &rows[2], 0, 5, "Koppas Maumere|koperasi wanita Sehati", &more, &m);
	kop_rows_free(more, m);
	kop_rows_free(rows, n);
	q.sort = KSORT_DIUBAH;
	expect_page(&f, &q, NULL, 0, 1, "Koppas Maumere", &rows, &n);
	kop_rows_free(rows, n);
	/* search: words, the last a prefix, in name, kecamatan, pengurus */
	q.sort = KSORT_NAMA;
	q.search = "seha";
	expect_page(&f, &q, NULL, 0, 10, "koperasi wanita Sehati|KSP Kopdit Sehati", &rows, &n);
	kop_rows_free(rows, n);
	q.search = "lewar";
	expect_page(&f, &q, NULL, 0, 10, "Koppas Maumere|KSP Kopdit Sehati", &rows, &n);
	kop_rows_free(rows, n);
	q.search = "ende tengah";
	expect_page(&f, &q, NULL, 0, 10, "KSP Kopdit Sehati", &rows, &n);
	kop_rows_free(rows, n);
	q.search = "77/BH";
	expect_page(&f, &q, NULL, 0, 10, "koperasi wanita Sehati", &rows, &n);
	kop_rows_free(rows, n);
	q.search = " 531107 ";
	expect_page(&f, &q, NULL, 0, 10, "KUD Sinar Mollo", &rows, &n);
	kop_rows_free(rows, n);
	q.search = "\"\"\"";
	expect_page(&f, &q, NULL, 0, 10, "", &rows, &n);
	kop_rows_free(rows, n);
	/* limits */
	q.search = NULL;
	q.limit = "kabkota=53.08";
	expect_page(&f, &q, NULL, 0, 10, "koperasi wanita Sehati|KPRI Guru Ende|KSP Kopdit Sehati",
		    &rows, &n);
	kop_rows_free(rows, n);
	char *cause = NULL;
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 3);
	q.limit = "status=tidak_aktif";
	expect_page(&f, &q, NULL, 0, 10, "KPRI Guru Ende", &rows, &n);
	kop_rows_free(rows, n);
	q.limit = "grade=a";
	expect_page(&f, &q, NULL, 0, 10, "KUD Sinar Mollo", &rows, &n);
	kop_rows_free(rows, n);
	q.limit = "77/bh";
	expect_page(&f, &q, NULL, 0, 10, "koperasi wanita Sehati", &rows, &n);
	kop_rows_free(rows, n);
	q.limit = "mollo";
	q.search = "kud";
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 1);
	q.search = NULL;
	q.limit = "warna=merah";
	assert_int_equal(store_koperasi_page(f.a.st, &q, NULL, 0, 10, &rows, &n, &cause), -1);
	assert_string_equal(cause, "batasi: kunci 'warna' tidak dikenal (kabkota, wilayah, bentuk,"
			    " jenis, kelompok, skala, grade, status, status_nik)");
	free(cause);
	assert_int_equal(store_koperasi_count(f.a.st, NULL, &cause), 5);
	assert_string_equal(kop_sort_label(KSORT_RAT), "RAT terakhir");
	fx_close(&f);
}

static void expect_fts_ok(struct fx *f);

/* A one-row PRAGMA's text value (caller frees). */
static char *pragma_text(struct fx *f, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->a.st->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

static void expect_pragma(struct fx *f, const char *sql, const char *want)
{
	char *v = pragma_text(f, sql);
	assert_string_equal(v, want);
	free(v);
}

static long count_of(struct fx *f, const char *sql)
{
	char *v = pragma_text(f, sql);
	long n = atol(v);
	free(v);
	return n;
}

/* n normalized records "Koperasi Bulk <i>" with NIK 531103002000<i>. */
static struct koperasi **bulk_records(size_t n, size_t from)
{
	struct koperasi **k = xcalloc(n, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		char nik[40], nama[64];
		snprintf(nik, sizeof nik, "nik=531103002000%04zu", from + i);
		snprintf(nama, sizeof nama, "nama=Koperasi Bulk %zu", from + i);
		const char *const kv[] = { nik, nama, "kecamatan=Wolowaru", NULL };
		k[i] = xmalloc(sizeof *k[i]);
		make(k[i], kv);
		struct errs e;
		errs_init(&e);
		assert_int_equal(koperasi_normalize(ref, k[i], &e), 0);
		errs_free(&e);
	}
	return k;
}

static void bulk_records_free(struct koperasi **k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		koperasi_clear(k[i]);
		free(k[i]);
	}
	free(k);
}

/* koperasi-4.3: bulk writes: many records per statement, first events written
 * while the caller waits, and a big write into a database nobody else has
 * open goes through a rollback journal, WAL again afterwards. */
/* store_koperasi_bulk_fts_from's wait: the side is complete. */
static struct kop_fts_side *side_done(void *ctx)
{
	store_koperasi_fts_side_done(ctx);
	return ctx;
}

static void test_store_bulk(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "bulk.db");
	char *cause = NULL;
	expect_pragma(&f, "PRAGMA journal_mode", "wal");
	/* small writes, and writes while another connection is open, keep WAL */
	assert_int_equal(store_koperasi_bulk_prepare(f.a.st, 10), 0);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(f.db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM koperasi", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(store_koperasi_bulk_prepare(f.a.st, 100000), 0);
	expect_pragma(&f, "PRAGMA journal_mode", "wal");
	store_koperasi_bulk_finish(f.a.st); /* nothing to undo */
	sqlite3_close(other);

	/* alone: a rollback journal with full sync, no foreign-key checks */
	expect_pragma(&f, "PRAGMA synchronous", "1");
	assert_int_equal(store_koperasi_bulk_prepare(f.a.st, 100000), 1);
	expect_pragma(&f, "PRAGMA journal_mode", "delete");
	expect_pragma(&f, "PRAGMA synchronous", "2");
	expect_pragma(&f, "PRAGMA foreign_keys", "0");
	assert_int_equal(store_begin(f.a.st, &cause), 0);
	struct kop_bulk *b;
	assert_int_equal(store_koperasi_bulk_begin(f.a.st, 100000, KOP_BULK_NO_LOOKUPS, "diimpor",
						   "uji", &b, &cause), 0);
	/* the full-text index is built on the side (here in this thread) */
	struct kop_fts_side *side = store_koperasi_fts_side_new(f.a.st, b);
	assert_non_null(side);
	store_koperasi_bulk_fts_from(b, side_done, side);
	/* 100 records: a statement of 64, two of 16, then 4 one by one */
	struct koperasi **k = bulk_records(100, 0);
	for (size_t i = 0; i < 100; i++)
		assert_int_equal(store_koperasi_fts_side_add(side, k[i]), 0);
	assert_int_equal(store_koperasi_insert_many(f.a.st, k, 100, "umum", "diimpor", "uji",
						    &cause), 0);
	for (size_t i = 0; i < 100; i++) {
		assert_int_equal(k[i]->version, 1);
		assert_int_equal(strlen(k[i]->id), 36);
		if (i > 0)
			assert_true(strcmp(k[i - 1]->id, k[i]->id) < 0);
	}
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi"), 100);
	/* the first events while waiting, a few rows at a time */
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi_event"), 0);
	assert_int_equal(store_koperasi_bulk_step(f.a.st, b, 40, &cause), 1);
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi_event"), 40);
	assert_int_equal(store_koperasi_bulk_step(f.a.st, b, 40, &cause), 1);
	assert_int_equal(store_koperasi_bulk_step(f.a.st, b, 40, &cause), 1);
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi_event"), 100);
	assert_int_equal(store_koperasi_bulk_step(f.a.st, b, 40, &cause), 0);
	struct koperasi **more = bulk_records(1, 100);
	assert_int_equal(store_koperasi_insert_many(f.a.st, more, 1, "umum", "diimpor", "uji",
						    &cause), 0);
	assert_int_equal(store_koperasi_fts_side_add(side, more[0]), 0);
	assert_int_equal(store_koperasi_bulk_end(f.a.st, b, 1, &cause), 0);
	store_koperasi_fts_side_free(side);
	assert_int_equal(store_commit(f.a.st, &cause), 0);
	store_koperasi_bulk_finish(f.a.st);
	expect_pragma(&f, "PRAGMA journal_mode", "wal");
	expect_pragma(&f, "PRAGMA synchronous", "1");
	expect_pragma(&f, "PRAGMA foreign_keys", "1");
	/* each record once, with one event, searchable, indexes back */
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi_event WHERE action = 'diimpor'"
				  " AND new_value = 'uji'"), 101);
	assert_int_equal(count_of(&f, "SELECT count(DISTINCT koperasi_id) FROM koperasi_event"), 101);
	assert_int_equal(count_of(&f, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
				  " AND name IN ('koperasi_nik', 'koperasi_bh', 'koperasi_nama')"), 3);
	/* rebuilt as schema v4 has it; full-text merging back on */
	assert_int_equal(count_of(&f, "SELECT count(*) FROM sqlite_schema WHERE name = 'koperasi_nama'"
				  " AND sql LIKE '%(lower(nama))'"), 1);
	assert_int_equal(count_of(&f, "SELECT v FROM koperasi_fts_config WHERE k = 'automerge'"), 4);
	expect_fts_ok(&f);
	struct kop_query q = { "wolowaru", NULL, KSORT_NAMA, 0 };
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 101);
	struct koperasi got;
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000099", &got), 1);
	assert_string_equal(got.nama, "Koperasi Bulk 99");
	assert_string_equal(got.created_by, "umum");
	koperasi_clear(&got);

	/* a statement that fails leaves nothing; the record at fault is named and
	 * those before it are in */
	assert_int_equal(store_begin(f.a.st, &cause), 0);
	assert_int_equal(store_koperasi_bulk_begin(f.a.st, 10, 0, "diimpor", "uji", &b, &cause), 0);
	struct koperasi **dup = bulk_records(80, 200);
	koperasi_put(dup[40], KF_nik, "5311030020000005"); /* Koperasi Bulk 5's */
	assert_int_equal(store_koperasi_insert_many(f.a.st, dup, 80, "umum", "diimpor", "uji",
						    &cause), -1);
	assert_string_equal(cause, "nik: NIK 5311030020000005 sudah dipakai oleh Koperasi Bulk 5");
	free(cause);
	cause = NULL;
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi"), 101 + 40);
	store_rollback(f.a.st);
	store_koperasi_bulk_end(f.a.st, b, 0, NULL);
	assert_int_equal(count_of(&f, "SELECT count(*) FROM koperasi"), 101);

	/* a registry with rows gets no side index */
	assert_int_equal(store_begin(f.a.st, &cause), 0);
	assert_int_equal(store_koperasi_bulk_begin(f.a.st, 10, 0, "diimpor", "uji", &b, &cause), 0);
	assert_null(store_koperasi_fts_side_new(f.a.st, b));
	store_rollback(f.a.st);
	store_koperasi_bulk_end(f.a.st, b, 0, NULL);

	bulk_records_free(k, 100);
	bulk_records_free(more, 1);
	bulk_records_free(dup, 80);
	fx_close(&f);
}

/* A side index that lacks a row the bulk write inserted (or has one more) is
 * not used: bulk_end indexes the rows itself, and search finds them all. */
static void test_store_bulk_side_mismatch(void **state)
{
	(void)state;
	for (int extra = 0; extra < 2; extra++) {
		struct fx f;
		fx_open(&f, "side.db");
		char *cause = NULL;
		struct kop_query q = { "wolowaru", NULL, KSORT_NAMA, 0 };
		assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 0);
		assert_int_equal(store_begin(f.a.st, &cause), 0);
		struct kop_bulk *b;
		assert_int_equal(store_koperasi_bulk_begin(f.a.st, 100000, KOP_BULK_NO_LOOKUPS,
							   "diimpor", "uji", &b, &cause), 0);
		struct kop_fts_side *side = store_koperasi_fts_side_new(f.a.st, b);
		assert_non_null(side);
		store_koperasi_bulk_fts_from(b, side_done, side);
		struct koperasi **k = bulk_records(30, 0);
		assert_int_equal(store_koperasi_insert_many(f.a.st, k, 30, "umum", "diimpor", "uji",
							    &cause), 0);
		for (size_t i = 0; i < (extra ? 30 : 29); i++)
			assert_int_equal(store_koperasi_fts_side_add(side, k[i]), 0);
		if (extra)
			assert_int_equal(store_koperasi_fts_side_add(side, k[0]), 0);
		assert_int_equal(store_koperasi_bulk_end(f.a.st, b, 1, &cause), 0);
		assert_int_equal(store_commit(f.a.st, &cause), 0);
		store_koperasi_fts_side_free(side);
		expect_fts_ok(&f);
		assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 30);
		q.search = "\"bulk 29\"";
		assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 1);
		bulk_records_free(k, 30);
		fx_close(&f);
	}
}

/* ---- CSV ------------------------------------------------------------------------------- */

static const char HEADER[] =
	"nik,Nama Koperasi,no_badan_hukum,tanggal_badan_hukum,kabkota,wilayah_keanggotaan,"
	"kelompok,telepon,rat_terakhir\n";

static void import(struct fx *f, const char *path, const struct kop_import_opts *o, int want_rc,
		   struct kop_import_report *r, char **cause)
{
	*cause = NULL;
	int rc = koperasi_import(&f->a, path, o, r, cause);
	if (rc != want_rc) {
		fprintf(stderr, "import rc %d: %s\n", rc, *cause ? *cause : "");
		char *t = koperasi_import_report_text(r, 20);
		fputs(t, stderr);
		free(t);
		fail();
	}
}

/* koperasi-5.1: all-or-nothing reports every bad row; skip-bad writes them out. */
static void test_import_bad_rows(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "imp.db");
	char *csv = xasprintf("%s"
		"5311030020000001,KSP Kopdit Sehati,1/BH/1998,05-06-1998,Ende,kabkota,KSP,0381 21234,15-03-2025\n"
		"5311030020000002,KUD Sinar,2/BH/1999,31-02-1999,Ende,kabkota,KUD,,\n"
		"5311030020000003,,3/BH/2000,01-01-2000,53.08,provinsi,KPRI,,\n"
		"5311030020000004,KSU Maju,4/BH/2001,01-01-2001,Bali,kabkota,KSU,'+62 812 3456 789,\n"
		"5311030020000005,\"Koperasi \"\"Tunas\"\", Ende\",5/BH/2002,,53.08,,,,\n"
		"53110300,Koperasi Pendek\n", HEADER);
	char *path = tu_write(f.dir, "k.csv", csv);
	struct kop_import_report r;
	char *cause;
	import(&f, path, NULL, -1, &r, &cause);
	char *want = xasprintf("%s: 4 baris salah; tidak ada yang diimpor", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	assert_int_equal(r.rows, 6);
	assert_int_equal(r.bad_rows, 4);
	assert_int_equal(r.inserted, 0);
	assert_int_equal(r.committed, 0);
	char *text = koperasi_import_report_text(&r, 10);
	assert_string_equal(text,
		"baris 3, kolom tanggal_badan_hukum, '31-02-1999': tanggal tidak valid '31-02-1999'"
		" (format DD-MM-YYYY)\n"
		"baris 4, kolom Nama Koperasi: wajib diisi\n"
		"baris 5, kolom kabkota, 'Bali': 'Bali' bukan kabupaten/kota di Nusa Tenggara Timur\n"
		"baris 7: baris memuat 2 kolom, baris judul 9\n");
	free(text);
	assert_int_equal(r.problems[0].line, 3);
	assert_string_equal(r.problems[0].column, "tanggal_badan_hukum");
	assert_string_equal(r.problems[0].value, "31-02-1999");
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_count(f.a.st, NULL, &cause), 0);

	/* skip-bad: the good rows go in, the bad ones out with their reasons */
	char *bad = xasprintf("%s/salah.csv", f.dir);
	struct kop_import_opts o = { 0 };
	o.skip_bad = bad;
	o.actor = "umum";
	import(&f, path, &o, 0, &r, &cause);
	assert_int_equal(r.inserted, 2);
	assert_int_equal(r.bad_rows, 4);
	assert_int_equal(r.committed, 1);
	koperasi_import_report_free(&r);
	size_t len;
	char *out = file_read(bad, &len, &cause);
	assert_non_null(out);
	assert_string_equal(out,
		"\"nik\",\"Nama Koperasi\",\"no_badan_hukum\",\"tanggal_badan_hukum\",\"kabkota\","
		"\"wilayah_keanggotaan\",\"kelompok\",\"telepon\",\"rat_terakhir\",\"baris\",\"alasan\"\r\n"
		"\"5311030020000002\",\"KUD Sinar\",\"2/BH/1999\",\"31-02-1999\",\"Ende\",\"kabkota\","
		"\"KUD\",\"\",\"\",\"3\",\"tanggal_badan_hukum: tanggal tidak valid '31-02-1999'"
		" (format DD-MM-YYYY)\"\r\n"
		"\"5311030020000003\",\"\",\"3/BH/2000\",\"01-01-2000\",\"53.08\",\"provinsi\",\"KPRI\","
		"\"\",\"\",\"4\",\"Nama Koperasi: wajib diisi\"\r\n"
		"\"5311030020000004\",\"KSU Maju\",\"4/BH/2001\",\"01-01-2001\",\"Bali\",\"kabkota\","
		"\"KSU\",\"'+62 812 3456 789\",\"\",\"5\",\"kabkota: 'Bali' bukan kabupaten/kota di Nusa"
		" Tenggara Timur\"\r\n"
		"\"53110300\",\"Koperasi Pendek\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"7\",\"baris memuat"
		" 2 kolom, baris judul 9\"\r\n");
	free(out);
	struct koperasi k;
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000005", &k), 1);
	assert_string_equal(k.nama, "Koperasi \"Tunas\", Ende");
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000001", &k), 1);
	assert_string_equal(k.kelompok, "Koperasi Simpan Pinjam");
	assert_string_equal(k.tahun_rat, "2025");
	struct event *ev;
	size_t n;
	assert_int_equal(store_koperasi_events(f.a.st, k.id, &ev, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(ev[0].action, "diimpor");
	assert_string_equal(ev[0].new_value, "impor k.csv");
	assert_string_equal(ev[0].actor, "umum");
	events_free(ev, n);
	koperasi_clear(&k);

	/* the rejected file, corrected, goes in by itself (baris and alasan are ignored) */
	out = file_read(bad, &len, &cause);
	char *fixed = strdup(out);
	free(out);
	char *p = strstr(fixed, "31-02-1999");
	memcpy(p, "28-02-1999", 10);
	p = strstr(fixed, "\"\",\"3/BH/2000\"");
	assert_non_null(p);
	char *fixed2 = xasprintf("%.*s\"KPRI Ende\"%s", (int)(p - fixed), fixed, p + 2);
	p = strstr(fixed2, "\"Bali\"");
	memcpy(p, "\"Alor\"", 6);
	p = strstr(fixed2, "\"53110300\"");
	*p = '\0';
	char *path2 = tu_write(f.dir, "fixed.csv", fixed2);
	import(&f, path2, NULL, 0, &r, &cause);
	assert_int_equal(r.inserted, 3);
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000004", &k), 1);
	assert_string_equal(k.telepon, "+62 812 3456 789");
	assert_string_equal(k.kabkota, "53.05");
	koperasi_clear(&k);
	free(fixed);
	free(fixed2);
	free(path2);
	free(bad);
	free(path);
	free(csv);
	fx_close(&f);
}

/* koperasi-5.2: duplicates in the file and in the database; --update. */
static void test_import_duplicates(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "dup.db");
	const char *const r1[] = { "nik=5311030020000001", "nama=KSP Kopdit Sehati",
				   "no_badan_hukum=1/BH/1998", "telepon=0381 21234", NULL };
	const char *const r2[] = { "nama=KUD Sinar", "no_badan_hukum=2/BH/1999", NULL };
	char id1[37];
	put(&f, r1, id1);
	put(&f, r2, NULL);
	static const char rows[] =
		"5311030020000001;KSP Kopdit Sehati;1/BH/1998;01-03-2025\n"   /* in the db by NIK */
		";KUD Sinar Baru;2/bh/1999;\n"                                /* in the db by number */
		"5311030020000009;Koperasi Baru;9/BH/2020;\n"
		"5311030020000009;Koperasi Baru Lagi;;\n";                    /* repeats line 4 */
	char *csv = xasprintf("nik;nama;no_badan_hukum;rat_terakhir\n"
			      "5311030020000001;KSP Lain;2/BH/1999;\n%s", rows); /* two records */
	char *path = tu_write(f.dir, "d.csv", csv);
	free(csv);
	struct kop_import_report r;
	char *cause;
	import(&f, path, NULL, -1, &r, &cause);
	free(cause);
	assert_int_equal(r.bad_rows, 1);
	assert_int_equal(r.problems[0].line, 2);
	assert_string_equal(r.problems[0].column, "no_badan_hukum");
	assert_string_equal(r.problems[0].reason, "NIK milik KSP Kopdit Sehati, nomor badan hukum"
			    " milik KUD Sinar: dua koperasi berbeda");
	koperasi_import_report_free(&r);
	/* without the conflicting row: duplicates update nothing */
	csv = xasprintf("nik;nama;no_badan_hukum;rat_terakhir\n%s", rows);
	char *path2 = tu_write(f.dir, "d2.csv", csv);
	free(csv);
	import(&f, path2, NULL, 0, &r, &cause);
	assert_int_equal(r.rows, 4);
	assert_int_equal(r.inserted, 1);
	assert_int_equal(r.duplicates, 3);
	assert_int_equal(r.updated, 0);
	koperasi_import_report_free(&r);
	struct koperasi k;
	assert_int_equal(store_koperasi_find_bh(f.a.st, "2/BH/1999", &k), 1);
	assert_string_equal(k.nama, "KUD Sinar");
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000009", &k), 1);
	assert_string_equal(k.nama, "Koperasi Baru");
	koperasi_clear(&k);
	/* --update: the file's columns replace, the others stay */
	struct kop_import_opts o = { 0 };
	o.update = 1;
	import(&f, path2, &o, 0, &r, &cause);
	assert_int_equal(r.updated, 3);
	assert_int_equal(r.unchanged, 1); /* line 4 is as the first import left it */
	assert_int_equal(r.inserted, 0);
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_get(f.a.st, id1, &k), 1);
	assert_string_equal(k.rat_terakhir, "2025-03-01");
	assert_string_equal(k.tahun_rat, "2025");
	assert_string_equal(k.telepon, "0381 21234");
	assert_int_equal(k.version, 2);
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_bh(f.a.st, "2/BH/1999", &k), 1);
	assert_string_equal(k.nama, "KUD Sinar Baru");
	koperasi_clear(&k);
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000009", &k), 1);
	assert_string_equal(k.nama, "Koperasi Baru Lagi");
	assert_null(k.no_badan_hukum); /* an empty cell clears */
	koperasi_clear(&k);
	import(&f, path2, &o, 0, &r, &cause);
	assert_int_equal(r.unchanged, 2);
	assert_int_equal(r.updated, 2); /* the two rows of one NIK take turns */
	koperasi_import_report_free(&r);
	/* an update-only file needs no nama column */
	char *path3 = tu_write(f.dir, "rat.csv", "NIK Koperasi,RAT terakhir\n"
				"5311030020000001,02-03-2026\n5311030020000077,02-03-2026\n");
	import(&f, path3, &o, -1, &r, &cause);
	free(cause);
	assert_int_equal(r.bad_rows, 1);
	assert_int_equal(r.problems[0].line, 3);
	assert_string_equal(r.problems[0].reason, "wajib diisi");
	koperasi_import_report_free(&r);
	o.skip_bad = "/dev/null";
	import(&f, path3, &o, 0, &r, &cause);
	assert_int_equal(r.updated, 1);
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_get(f.a.st, id1, &k), 1);
	assert_string_equal(k.tahun_rat, "2025;2026");
	koperasi_clear(&k);
	free(path);
	free(path2);
	free(path3);
	fx_close(&f);
}

/* The full-text index agrees with the table. */
static void expect_fts_ok(struct fx *f)
{
	char *err = NULL;
	int rc = sqlite3_exec(f->a.st->db, "INSERT INTO koperasi_fts(koperasi_fts, rank)"
			      " VALUES ('integrity-check', 1)", NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "fts: %s\n", err);
		fail();
	}
}

/* koperasi-5.3: with --update, a row of the file changes one written earlier in
 * the same import; search and history follow. */
static void test_import_update_same_file(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "same.db");
	char *path = tu_write(f.dir, "s.csv", "nik,nama,kecamatan\n"
			      "5311030020000001,Koperasi Pertama,Wolowaru\n"
			      "5311030020000001,Koperasi Kedua,Detusoko\n");
	struct kop_import_opts o = { 0 };
	o.update = 1;
	struct kop_import_report r;
	char *cause;
	import(&f, path, &o, 0, &r, &cause);
	assert_int_equal(r.inserted, 1);
	assert_int_equal(r.updated, 1);
	koperasi_import_report_free(&r);
	expect_fts_ok(&f);
	struct kop_query q = { "detusoko", NULL, KSORT_NAMA, 0 };
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 1);
	q.search = "wolowaru";
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 0);
	q.search = "pertama";
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 0);
	struct koperasi k;
	assert_int_equal(store_koperasi_find_nik(f.a.st, "5311030020000001", &k), 1);
	struct event *ev;
	size_t n;
	assert_int_equal(store_koperasi_events(f.a.st, k.id, &ev, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].action, "diimpor");
	assert_string_equal(ev[1].action, "diubah");
	assert_string_equal(ev[1].field, "nama");
	assert_string_equal(ev[1].old_value, "Koperasi Pertama");
	assert_string_equal(ev[2].field, "kecamatan");
	events_free(ev, n);
	/* a later edit outside the import keeps the index right */
	koperasi_put(&k, KF_nama, "Koperasi Ketiga");
	assert_int_equal(store_koperasi_update(f.a.st, &k, k.version, "umum", NULL, NULL, &cause), 0);
	expect_fts_ok(&f);
	q.search = "ketiga";
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 1);
	assert_int_equal(store_koperasi_fts_rebuild(f.a.st, &cause), 0);
	assert_int_equal(store_koperasi_count(f.a.st, &q, &cause), 1);
	koperasi_clear(&k);
	free(path);
	fx_close(&f);
}

/* koperasi-5.4: header problems, mapping, delimiter, BOM, empty file. */
static void test_import_header(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "hdr.db");
	struct kop_import_report r;
	char *cause;
	char *path = tu_write(f.dir, "h.csv", "Nomor Induk,nama,kota,nama\nx,y,z,w\n");
	import(&f, path, NULL, -1, &r, &cause);
	char *want = xasprintf("%s: baris judul salah; tidak ada yang diimpor", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	char *text = koperasi_import_report_text(&r, 10);
	assert_string_equal(text,
		"baris 1, kolom Nomor Induk, 'Nomor Induk': kolom 'Nomor Induk' tidak dikenal;"
		" petakan dengan 'Nomor Induk=kunci' atau abaikan dengan 'Nomor Induk=-'\n"
		"baris 1, kolom kota, 'kota': kolom 'kota' tidak dikenal; petakan dengan 'kota=kunci'"
		" atau abaikan dengan 'kota=-'\n"
		"baris 1, kolom nama, 'nama': kolom untuk isian nama ganda (juga kolom 2)\n");
	free(text);
	koperasi_import_report_free(&r);
	free(path);

	/* mapping, ';' with a BOM, a comment column ignored */
	path = tu_write(f.dir, "m.csv", "\xef\xbb\xbfNomor Induk;Nama;Kota;Catatan\n"
			"5311030020000001;KSP Sehati;Kabupaten Ende;apa saja\n");
	struct kop_import_opts o = { 0 };
	o.map = "nomor induk=nik, kota = kabkota,catatan=-";
	import(&f, path, &o, 0, &r, &cause);
	assert_int_equal(r.inserted, 1);
	koperasi_import_report_free(&r);
	o.map = "nomor induk=nik,kota=kabupaten,catatan=-";
	import(&f, path, &o, -1, &r, &cause);
	free(cause);
	assert_string_equal(r.problems[0].reason, "pemetaan 'kota=kabupaten': isian 'kabupaten'"
			    " tidak dikenal");
	koperasi_import_report_free(&r);
	free(path);

	path = tu_write(f.dir, "e.csv", "");
	import(&f, path, NULL, -1, &r, &cause);
	want = xasprintf("%s: berkas kosong", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	koperasi_import_report_free(&r);
	free(path);
	path = tu_write(f.dir, "q.csv", "nama\n\"tanpa akhir\n");
	import(&f, path, NULL, -1, &r, &cause);
	assert_non_null(strstr(cause, "q.csv:2: "));
	free(cause);
	koperasi_import_report_free(&r);
	free(path);
	import(&f, "/tidak/ada.csv", NULL, -1, &r, &cause);
	assert_non_null(strstr(cause, "tidak dapat dibuka"));
	free(cause);
	koperasi_import_report_free(&r);
	fx_close(&f);
}

/* Exports the registry of f into a string (caller frees). */
static char *export_text(struct fx *f, const struct csv_opts *o)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	long rows;
	char *cause = NULL;
	assert_int_equal(koperasi_export(&f->a, fp, o, &rows, &cause), 0);
	fclose(fp);
	return mem;
}

/* A copy of csv whose lines 101, 401 and 601 get the NIK "12" (caller frees). */
static char *bad_nik_lines(const char *csv)
{
	struct buf b;
	buf_init(&b);
	long line = 1;
	for (const char *p = csv; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) + 1 : strlen(p);
		if (line == 101 || line == 401 || line == 601) {
			const char *rest = strstr(p, "\",");
			assert_non_null(rest);
			buf_adds(&b, "\"12");
			buf_add(&b, rest, len - (size_t)(rest - p));
		} else {
			buf_add(&b, p, len);
		}
		p += len;
		line++;
	}
	return buf_steal(&b);
}

static void progress(double done, void *ctx)
{
	double *last = ctx;
	assert_true(done >= *last && done <= 1.0);
	*last = done;
}

/* koperasi-5.5: demo, export, import into an empty database, export again: the
 * same bytes; the second thread reads big files; a second demo is the same. */
static void test_round_trip(void **state)
{
	(void)state;
	struct fx f, g, h;
	fx_open(&f, "a.db");
	char *cause = NULL;
	double last = 0;
	assert_int_equal(koperasi_demo(&f.a, 700, 7, progress, &last, &cause), 0);
	assert_true(last == 1.0);
	assert_int_equal(store_koperasi_count(f.a.st, NULL, &cause), 700);
	struct csv_opts co = { ',', 0, 0 };
	char *one = export_text(&f, &co);
	assert_true(strlen(one) > 256 * 1024); /* big enough for the reading thread */
	char *path = tu_write(f.dir, "ekspor.csv", one);

	fx_open(&g, "b.db");
	/* this connection reads the (empty) full-text index before the import
	 * copies one in from the side: it must then read the new one, also when
	 * another connection keeps the database in WAL mode meanwhile */
	static const char MATCH_KOPDIT[] =
		"SELECT count(*) FROM koperasi_fts WHERE koperasi_fts MATCH 'kopdit'";
	assert_int_equal(count_of(&g, MATCH_KOPDIT), 0);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(g.db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM koperasi", NULL, NULL, NULL),
			 SQLITE_OK);
	struct kop_import_report r;
	struct kop_import_opts o = { 0 };
	last = 0;
	o.progress = progress;
	o.progress_ctx = &last;
	import(&g, path, &o, 0, &r, &cause);
	assert_int_equal(r.inserted, 700);
	assert_true(last == 1.0);
	koperasi_import_report_free(&r);
	char *two = export_text(&g, &co);
	assert_string_equal(one, two);
	expect_fts_ok(&g);
	/* the history and the search of rows written in bulk */
	struct kop_query q = { "kopdit", NULL, KSORT_NAMA, 0 };
	long hits = store_koperasi_count(g.a.st, &q, &cause);
	assert_true(hits > 100 && hits < 700);
	assert_int_equal(hits, store_koperasi_count(f.a.st, &q, &cause));
	assert_int_equal(count_of(&g, MATCH_KOPDIT), hits);
	sqlite3_close(other);
	struct kop_row *rows;
	size_t n;
	assert_int_equal(store_koperasi_page(g.a.st, &q, NULL, 0, 1, &rows, &n, &cause), 0);
	struct event *ev;
	size_t ne;
	assert_int_equal(store_koperasi_events(g.a.st, rows[0].id, &ev, &ne), 0);
	assert_int_equal(ne, 1);
	assert_string_equal(ev[0].action, "diimpor");
	events_free(ev, ne);
	kop_rows_free(rows, n);
	/* again: everything is a duplicate */
	import(&g, path, NULL, 0, &r, &cause);
	assert_int_equal(r.duplicates, 700);
	koperasi_import_report_free(&r);
	/* ';' and a BOM, as Excel in Indonesia writes */
	struct csv_opts semi = { ';', 1, 0 };
	char *three = export_text(&g, &semi);
	char *path2 = tu_write(g.dir, "excel.csv", three);
	fx_open(&h, "c.db");
	import(&h, path2, NULL, 0, &r, &cause);
	assert_int_equal(r.inserted, 700);
	koperasi_import_report_free(&r);
	char *four = export_text(&h, &co);
	assert_string_equal(one, four);

	/* three bad rows in the big file: refused with exactly those three */
	char *bad = bad_nik_lines(one);
	char *path3 = tu_write(h.dir, "bad.csv", bad);
	struct fx e;
	fx_open(&e, "e.db");
	import(&e, path3, NULL, -1, &r, &cause);
	free(cause);
	assert_int_equal(r.bad_rows, 3);
	assert_int_equal(r.nproblems, 3);
	assert_int_equal(r.problems[0].line, 101);
	assert_int_equal(r.problems[1].line, 401);
	assert_int_equal(r.problems[2].line, 601);
	assert_string_equal(r.problems[0].reason, "'12' bukan NIK koperasi (harus 16 angka)");
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_count(e.a.st, NULL, &cause), 0);
	char *rej = xasprintf("%s/tolak.csv", e.dir);
	o.skip_bad = rej;
	o.progress = NULL;
	import(&e, path3, &o, 0, &r, &cause);
	assert_int_equal(r.inserted, 697);
	assert_int_equal(r.bad_rows, 3);
	koperasi_import_report_free(&r);
	assert_int_equal(store_koperasi_count(e.a.st, NULL, &cause), 697);
	free(rej);
	fx_close(&e);

	/* the demo is the same for the same seed */
	struct fx d;
	fx_open(&d, "d.db");
	assert_int_equal(koperasi_demo(&d.a, 700, 7, NULL, NULL, &cause), 0);
	char *five = export_text(&d, &co);
	assert_string_equal(one, five);
	fx_close(&d);

	free(one);
	free(two);
	free(three);
	free(four);
	free(five);
	free(bad);
	free(path);
	free(path2);
	free(path3);
	fx_close(&f);
	fx_close(&g);
	fx_close(&h);
}

/* koperasi-5.6: demo records are realistic: valid, in NTT, graded by the rules. */
static void test_demo(void **state)
{
	(void)state;
	struct fx f;
	fx_open(&f, "demo.db");
	char *cause = NULL;
	assert_int_equal(koperasi_demo(&f.a, 300, 1, NULL, NULL, &cause), 0);
	struct kop_query q = { NULL, NULL, KSORT_NAMA, 0 };
	struct kop_row *rows;
	size_t n;
	assert_int_equal(store_koperasi_page(f.a.st, &q, NULL, 0, 300, &rows, &n, &cause), 0);
	assert_int_equal(n, 300);
	int kopdit = 0, kpri = 0, kud = 0;
	for (size_t i = 0; i < n; i++) {
		struct koperasi k;
		assert_int_equal(store_koperasi_get(f.a.st, rows[i].id, &k), 1);
		struct errs e;
		errs_init(&e);
		assert_int_equal(koperasi_normalize(ref, &k, &e), 0);
		errs_free(&e);
		assert_non_null(koperasi_list_find(koperasi_ref_list(ref, "wilayah"), k.kabkota));
		assert_true(strncmp(k.kabkota, "53.", 3) == 0);
		const char *g = koperasi_grade_of(ref, &k, 2026);
		if (g == NULL)
			assert_null(k.grade);
		else
			assert_string_equal(k.grade, g);
		kopdit += strncmp(k.nama, "KSP Kopdit ", 11) == 0;
		kpri += strncmp(k.nama, "KPRI ", 5) == 0;
		kud += strncmp(k.nama, "KUD ", 4) == 0;
		koperasi_clear(&k);
	}
	assert_true(kopdit > 30 && kpri > 15 && kud > 5);
	kop_rows_free(rows, n);
	fx_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_ok),
		cmocka_unit_test(test_normalize_errors),
		cmocka_unit_test(test_field_rules),
		cmocka_unit_test(test_record_rules),
		cmocka_unit_test(test_normalize_block),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_grades),
		cmocka_unit_test(test_grade_record_and_rules),
		cmocka_unit_test(test_office),
		cmocka_unit_test(test_store_crud),
		cmocka_unit_test(test_store_list),
		cmocka_unit_test(test_store_bulk),
		cmocka_unit_test(test_store_bulk_side_mismatch),
		cmocka_unit_test(test_import_bad_rows),
		cmocka_unit_test(test_import_duplicates),
		cmocka_unit_test(test_import_update_same_file),
		cmocka_unit_test(test_import_header),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_demo),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
