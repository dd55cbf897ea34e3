/* test_kind.c: unit tests of kind files, values, normalisation and JSON. */
#include "testutil.h"

#include <dirent.h>

#include "date.h"
#include "kind.h"

/* 1 if errs holds exactly this message. */
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

/* Writes text as dir/name and loads it; returns the load result. */
static int load_text(const char *dir, const char *name, const char *text, struct kind **k,
		     struct errs *e, char **path)
{
	*path = tu_write(dir, name, text);
	return kind_load_file(*path, "data", k, e);
}

static struct kind *load_real(void)
{
	struct errs e;
	errs_init(&e);
	struct kind *k = NULL;
	int rc = kind_load_file("forms/surat_masuk.ini", "data", &k, &e);
	if (rc != 0)
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "%s\n", e.msg[i]);
	assert_int_equal(rc, 0);
	assert_int_equal(e.n, 0);
	errs_free(&e);
	return k;
}

/* kind-1.1: the shipped surat_masuk kind loads with its fields and steps. */
static void test_load_surat_masuk(void **state)
{
	(void)state;
	struct kind *k = load_real();
	assert_string_equal(k->key, "surat_masuk");
	assert_string_equal(k->title, "Surat Masuk");
	assert_string_equal(k->short_title, "SM");
	assert_string_equal(k->sop, "SOP 12 Penanganan Surat Masuk; SOP 21 Pengurusan dan "
				    "Pengendalian Naskah Dinas Masuk");
	assert_string_equal(k->number_format, "{n}");
	assert_int_equal(k->number_yearly, 1);
	assert_int_equal(k->service_days, 0);
	assert_int_equal(k->n_fields, 15);
	assert_int_equal(k->n_reqs, 0);

	const struct kfield *f = &k->fields[0];
	assert_string_equal(f->key, "nomor_agenda");
	assert_int_equal(f->type, FT_NUMBER);
	assert_int_equal(f->role, FR_NUMBER);
	assert_int_equal(f->auto_number, 1);
	assert_ptr_equal(kind_field_by_role(k, FR_NUMBER), f);

	f = kind_field(k, "tanggal_diterima");
	assert_non_null(f);
	assert_int_equal(f->type, FT_DATE);
	assert_int_equal(f->role, FR_RECEIVED);
	assert_int_equal(f->required, 1);
	assert_string_equal(f->defval, "today");

	f = kind_field(k, "perihal");
	assert_ptr_equal(kind_field_by_role(k, FR_SUBJECT), f);
	assert_string_equal(f->label, "Perihal");
	assert_int_equal(f->max_len, 500);
	assert_int_equal(f->required, 1);

	f = kind_field(k, "isi_ringkas");
	assert_int_equal(f->type, FT_LONGTEXT);
	assert_int_equal(f->max_len, 2000);
	assert_int_equal(f->required, 0);

	f = kind_field(k, "lampiran");
	assert_string_equal(f->help, "Jumlah dan jenis lampiran, mis. \"1 berkas\"");

	f = kind_field(k, "urgensi");
	assert_int_equal(f->type, FT_CHOICE);
	assert_int_equal(f->n_choices, 3);
	assert_string_equal(f->choices[2], "Sangat Segera");
	assert_null(f->choice_labels[2]);

	f = kind_field(k, "penting");
	assert_ptr_equal(kind_field_by_role(k, FR_PENTING), f);
	assert_int_equal(f->n_choices, 2);
	assert_string_equal(f->choices[0], "P");
	assert_string_equal(f->choice_labels[0], "Penting");
	assert_string_equal(f->choices[1], "B");
	assert_string_equal(f->choice_labels[1], "Biasa");

	f = kind_field(k, "kode_klasifikasi");
	assert_int_equal(f->type, FT_REF);
	assert_string_equal(f->list, "klasifikasi");
	assert_non_null(f->ref);
	assert_non_null(reflist_find(f->ref, "000.1.2"));
	assert_non_null(kind_field(k, "unit_pengolah")->ref);
	assert_null(kind_field(k, "tidak_ada"));
	assert_null(kind_field_by_role(k, FR_NONE));

	assert_int_equal(k->n_steps, 4);
	const struct kstep *s = kind_step(k, 1);
	assert_int_equal(s->no, 1);
	assert_string_equal(s->actor, "pengadministrasi_umum");
	assert_string_equal(s->actor_label, "Pengadministrasi umum / Pencatat");
	assert_int_equal(s->std_value, 5);
	assert_int_equal(s->unit, TU_MINUTE);
	assert_int_equal(s->std_minutes, 5);
	assert_int_equal(s->complete_on, CO_REGISTER);
	s = kind_step(k, 2);
	assert_string_equal(s->actor, "kadis");
	assert_int_equal(s->std_minutes, 10);
	assert_int_equal(s->complete_on, CO_DISPOSE);
	s = kind_step(k, 4);
	assert_string_equal(s->actor, "kasubag_umum");
	assert_int_equal(s->unit, TU_HOUR);
	assert_int_equal(s->std_minutes, 60);
	assert_int_equal(s->complete_on, CO_FOLLOWUP);
	assert_int_equal(s->return_to, 0);
	assert_int_equal(s->pauses_clock, 0);
	assert_null(s->when);
	assert_null(kind_step(k, 5));
	kind_free(k);
}

/* kind-1.2: the forms folder loads into a set; an empty folder is an error. */
static void test_load_dir(void **state)
{
	(void)state;
	struct kindset ks;
	struct errs e;
	errs_init(&e);
	assert_int_equal(kind_load_dir("forms", "data", &ks, &e), 0);
	assert_int_equal(e.n, 0);
	assert_true(ks.n >= 1);
	assert_non_null(kindset_find(&ks, "surat_masuk"));
	assert_null(kindset_find(&ks, "tidak_ada"));
	for (size_t i = 1; i < ks.n; i++)
		assert_true(strcmp(ks.kinds[i - 1]->key, ks.kinds[i]->key) < 0);
	kindset_free(&ks);

	char *dir = tu_tmpdir();
	assert_int_equal(kind_load_dir(dir, "data", &ks, &e), -1);
	assert_int_equal(e.n, 1);
	char *want = malloc(strlen(dir) + 64);
	sprintf(want, "%s: tidak ada berkas jenis (*.ini)", dir);
	expect_msg(&e, want);
	free(want);
	errs_free(&e);

	/* two files, one bad: all problems, nothing loaded */
	errs_init(&e);
	free(tu_write(dir, "b_baik.ini", "[kind]\ntitle = B\n[field.x]\nlabel = X\ntype = text\n"));
	free(tu_write(dir, "a_rusak.ini", "[kind]\ntitle = A\n[field.x]\ntype = text\n"));
	free(tu_write(dir, "c_rusak.ini", "[kind]\n[field.x]\nlabel = X\ntype = text\n"));
	assert_int_equal(kind_load_dir(dir, "data", &ks, &e), -1);
	assert_int_equal(ks.n, 0);
	assert_null(ks.kinds);
	assert_int_equal(e.n, 2);
	assert_non_null(strstr(e.msg[0], "/a_rusak.ini: [field.x] label: wajib diisi"));
	assert_non_null(strstr(e.msg[1], "/c_rusak.ini: [kind] title: wajib diisi"));
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-2.1: every problem of a file is reported at once, naming file, section and key. */
static void test_load_many_problems(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path;
	struct kind *k = (struct kind *)1;
	struct errs e;
	errs_init(&e);
	assert_int_equal(load_text(dir, "uji.ini",
		"[kind]\n"                    /* 1 */
		"title = Uji\n"
		"[field.perihal]\n"
		"label = Perihal\n"
		"type = txt\n"                /* 5 */
		"[field.asal]\n"
		"lable = Asal\n"
		"type = text\n"
		"[step.1]\n"
		"actor = kadis\n"             /* 10 */
		"activity = Menerima\n"
		"return_to = 7\n"
		"[step.3]\n"
		"actor = kadis\n"
		"activity = Menelaah\n"       /* 15 */
		"baris ini rusak\n"
		"[stepp.4]\n"
		"time = 3 minggu\n",
		&k, &e, &path), -1);
	assert_null(k);
	char want[1024];
	const char *msgs[] = {
		"%s:16: baris tidak dikenali (bukan [bagian], kunci = nilai, atau komentar): "
		"baris ini rusak",
		"%s: [field.perihal] type: jenis 'txt' tidak dikenal (text, longtext, date, number, "
		"choice, multi, ref, koperasi)",
		"%s: [field.asal] lable: kunci tidak dikenal (maksudnya 'label'?)",
		"%s: [field.asal] label: wajib diisi",
		"%s: [step.3]: langkah tidak berurutan, [step.2] tidak ada",
		"%s: [step.1] return_to: langkah 7 tidak ada",
		"%s: [stepp.4]: bagian tidak dikenal (kind, numbering, service, list, rules, "
		"registry, field.KUNCI, requirement.KUNCI, step.N)",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		snprintf(want, sizeof want, msgs[i], path);
		expect_msg(&e, want);
	}
	assert_int_equal(e.n, sizeof msgs / sizeof *msgs);
	free(path);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-2.2: what iniparser hides: repeated keys and sections, keys outside a
 * section, values cut by an unquoted ';'. */
static void test_load_line_scan(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path;
	struct kind *k;
	struct errs e;
	errs_init(&e);
	assert_int_equal(load_text(dir, "dup.ini",
		"title = Di luar\n"           /* 1 */
		"[kind]\n"
		"title = Uji\n"
		"Title = Uji lagi\n"
		"[field.sifat]\n"             /* 5 */
		"label = Sifat\n"
		"type = choice\n"
		"choices = Biasa;Rahasia\n"
		"[Field.Sifat]\n"
		"help = \"a;b\" sisa\n",      /* 10 */
		&k, &e, &path), -1);
	char want[1024];
	const char *msgs[] = {
		"%s:1: title: kunci di luar bagian (tulis [bagian] di atasnya)",
		"%s:4: [kind] title: kunci ganda (sudah ada di baris 3)",
		"%s:8: [field.sifat] choices: ';' di dalam nilai memulai komentar dan memotong "
		"nilai; apit nilai dengan tanda kutip \"...\"",
		"%s:9: [field.sifat]: bagian ganda (sudah ada di baris 5)",
		"%s:10: [field.sifat] help: teks setelah tanda kutip penutup diabaikan",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		snprintf(want, sizeof want, msgs[i], path);
		expect_msg(&e, want);
	}
	assert_int_equal(e.n, sizeof msgs / sizeof *msgs);
	free(path);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-2.3: a line too long for iniparser, then a syntax error, then a
 * missing label: all three are reported. */
static void test_load_long_line(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "[kind]\ntitle = Uji\n[field.a]\nhelp = ");
	for (int i = 0; i < 1500; i++)
		buf_addc(&b, 'x');
	buf_adds(&b, "\ntype = text\nrusak\n[a:b]\nlabel = A\n");
	char *path;
	struct kind *k;
	struct errs e;
	errs_init(&e);
	assert_int_equal(load_text(dir, "panjang.ini", b.s, &k, &e, &path), -1);
	buf_free(&b);
	char want[1024];
	const char *msgs[] = {
		"%s:4: baris terlalu panjang (maksimal 1.000 byte)",
		"%s:6: baris tidak dikenali (bukan [bagian], kunci = nilai, atau komentar): rusak",
		"%s:7: [a:b]: nama bagian tidak boleh memuat ':'",
		"%s: [field.a] label: wajib diisi",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		snprintf(want, sizeof want, msgs[i], path);
		expect_msg(&e, want);
	}
	assert_int_equal(e.n, sizeof msgs / sizeof *msgs);
	free(path);
	errs_free(&e);

	/* a missing file */
	errs_init(&e);
	assert_int_equal(kind_load_file("forms/tidak_ada.ini", "data", &k, &e), -1);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.msg[0], "forms/tidak_ada.ini"));
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-2.4: field options checked one by one. */
static void test_load_field_rules(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path;
	struct kind *k;
	struct errs e;
	errs_init(&e);
	assert_int_equal(load_text(dir, "Salah-Nama.ini",
		"[kind]\n"
		"title = Uji\n"
		"[numbering]\n"
		"format = {nomor}/{yyyy}\n"
		"reset = monthly\n"
		"[service]\n"
		"days = lima\n"
		"[field.a]\n"
		"label = A\n"
		"type = text\n"
		"required = ya\n"
		"role = subject\n"
		"auto = yes\n"
		"min = 10\n"
		"max = 5\n"
		"pattern = [a-\n"
		"[field.b]\n"
		"label = B\n"
		"type = date\n"
		"role = subject\n"
		"max = 3\n"
		"default = 31-02-2026\n"
		"[field.c]\n"
		"label = C\n"
		"type = choice\n"
		"role = urgency\n"
		"choices = \"X;;Y;x\"\n"
		"default = Z\n"
		"[field.d]\n"
		"label = D\n"
		"type = ref\n"
		"list = tidak_ada\n"
		"[field.e]\n"
		"label = E\n"
		"type = multi\n"
		"[requirement.ktp]\n"
		"required = no\n"
		"[step.1]\n"
		"actor = Kepala Dinas\n"
		"activity = A\n"
		"time = 3 minggu\n"
		"complete = selesai\n"
		"pause = maybe\n"
		"when = zz=1\n"
		"return_to = 1\n",
		&k, &e, &path), -1);
	char want[1024];
	const char *msgs[] = {
		"%s: nama jenis 'Salah-Nama' tidak sah (huruf kecil, angka dan '_', diawali huruf)",
		"%s: [numbering] format: '{nomor}' tidak dikenal (pakai {n}, {n:04}, {yyyy}, {kode})",
		"%s: [numbering] format: harus memuat {n} atau {n:0W}",
		"%s: [numbering] reset: 'monthly' harus yearly atau never",
		"%s: [service] days: 'lima' bukan bilangan bulat",
		"%s: [field.a] required: 'ya' harus yes atau no",
		"%s: [field.a] auto: hanya untuk isian dengan role = number",
		"%s: [field.a] min: 10 lebih besar dari max 5",
		"%s: [field.b] role: peran 'subject' sudah dipakai oleh [field.a]",
		"%s: [field.b] max: hanya untuk jenis text, longtext atau number",
		"%s: [field.b] default: tanggal tidak valid '31-02-2026' (format DD-MM-YYYY)",
		"%s: [field.c] choices: pilihan kosong dalam 'X;;Y;x'",
		"%s: [field.c] choices: pilihan 'x' ganda",
		"%s: [field.c] default: 'Z' bukan pilihan (X, Y, x)",
		"%s: [field.e] choices: wajib diisi untuk jenis multi (mis. choices = \"A;B;C\")",
		"%s: [requirement.ktp] label: wajib diisi",
		"%s: [step.1] actor: 'Kepala Dinas' bukan kode jabatan (huruf kecil, angka, '_')",
		"%s: [step.1] time: '3 minggu' tidak dikenali (mis. \"5 menit\", \"1 jam\", "
		"\"3 hari kerja\")",
		"%s: [step.1] complete: 'selesai' tidak dikenal (register, dispose, followup, "
		"manual)",
		"%s: [step.1] pause: 'maybe' harus yes atau no",
		"%s: [step.1] when: isian 'zz' tidak ada",
		"%s: [step.1] return_to: tidak boleh kembali ke langkah itu sendiri",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		snprintf(want, sizeof want, msgs[i], path);
		expect_msg(&e, want);
	}
	/* the regex and the list messages come from libc and refdata */
	int re = 0, list = 0;
	for (size_t i = 0; i < e.n; i++) {
		re += strstr(e.msg[i], "[field.a] pattern: ekspresi '[a-' tidak sah: ") != NULL;
		list += strstr(e.msg[i], "[field.d] list: ") != NULL;
	}
	assert_int_equal(re, 1);
	assert_int_equal(list, 1);
	assert_int_equal(e.n, sizeof msgs / sizeof *msgs + 2);
	free(path);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-2.5: a small valid kind: numbering, times in working days, requirements. */
static void test_load_small_kind(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path;
	struct kind *k;
	struct errs e;
	errs_init(&e);
	int rc = load_text(dir, "izin_usp.ini",
		"[kind]\n"
		"title = Izin Usaha Simpan Pinjam\n"
		"[numbering]\n"
		"format = {n:04}/{kode}/{yyyy}\n"
		"reset = never\n"
		"[service]\n"
		"days = 14\n"
		"text = \"14 hari kerja; sejak berkas lengkap\"\n"
		"[field.jumlah]\n"
		"label = Jumlah anggota\n"
		"type = number\n"
		"min = 20\n"
		"max = 100000\n"
		"[field.npwp]\n"
		"label = NPWP\n"
		"type = text\n"
		"pattern = [0-9]{15,16}\n"
		"pattern_message = NPWP harus 15 atau 16 angka\n"
		"[field.bentuk]\n"
		"label = Bentuk\n"
		"type = multi\n"
		"choices = \"primer=Primer;sekunder=Sekunder\"\n"
		"width = 20\n"
		"[requirement.akta]\n"
		"label = Akta pendirian\n"
		"[requirement.foto]\n"
		"label = Foto kantor\n"
		"required = no\n"
		"[step.2]\n"
		"actor = kabid_kelembagaan\n"
		"activity = Verifikasi\n"
		"time = 3 hari kerja\n"
		"return_to = 1\n"
		"when = bentuk=Primer\n"
		"[step.1]\n"
		"actor = stafkel\n"
		"activity = Menerima berkas\n"
		"time = 2 hari\n"
		"pause = yes\n",
		&k, &e, &path);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "%s\n", e.msg[i]);
	assert_int_equal(rc, 0);
	assert_string_equal(k->key, "izin_usp");
	assert_string_equal(k->path, path);
	assert_null(k->short_title);
	assert_int_equal(k->number_yearly, 0);
	assert_int_equal(k->service_days, 14);
	assert_string_equal(k->service_text, "14 hari kerja; sejak berkas lengkap");
	assert_int_equal(k->n_reqs, 2);
	assert_string_equal(k->reqs[0].key, "akta");
	assert_int_equal(k->reqs[0].required, 1);
	assert_string_equal(k->reqs[1].label, "Foto kantor");
	assert_int_equal(k->reqs[1].required, 0);
	assert_int_equal(k->n_steps, 2);
	assert_int_equal(k->steps[0].no, 1);
	assert_int_equal(k->steps[0].unit, TU_WORKDAY);
	assert_int_equal(k->steps[0].std_value, 2);
	assert_int_equal(k->steps[0].std_minutes, 1020);
	assert_int_equal(k->steps[0].pauses_clock, 1);
	assert_int_equal(k->steps[1].std_minutes, 1530);
	assert_int_equal(k->steps[1].return_to, 1);
	assert_string_equal(k->steps[1].when, "bentuk=Primer");
	assert_int_equal(kind_field(k, "bentuk")->width, 20);

	/* kind-3.1: office numbers */
	char *n = kind_format_number(k, 7, 2026, "500.3");
	assert_string_equal(n, "0007/500.3/2026");
	free(n);
	n = kind_format_number(k, 12345, 2027, NULL);
	assert_string_equal(n, "12345//2027");
	free(n);

	/* numbers, patterns, multi */
	struct values v;
	values_init(&v);
	values_set(&v, "jumlah", "+0042");
	values_set(&v, "npwp", "012345678901234");
	values_set(&v, "bentuk", " sekunder ; Primer;SEKUNDER ");
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	assert_string_equal(values_get(&v, "jumlah"), "42");
	assert_string_equal(values_get(&v, "bentuk"), "sekunder;primer");
	values_set(&v, "jumlah", "19");
	values_set(&v, "npwp", "12-34");
	values_set(&v, "bentuk", "primer;tersier");
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	expect_msg(&e, "jumlah: terlalu kecil (19, minimal 20)");
	expect_msg(&e, "npwp: NPWP harus 15 atau 16 angka");
	expect_msg(&e, "bentuk: 'tersier' bukan pilihan (primer (Primer), sekunder (Sekunder))");
	assert_int_equal(e.n, 3);
	/* v is unchanged after a failure */
	assert_string_equal(values_get(&v, "jumlah"), "19");
	values_set(&v, "jumlah", "12abc");
	values_set(&v, "npwp", NULL);
	values_set(&v, "bentuk", NULL);
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	expect_msg(&e, "jumlah: '12abc' bukan bilangan bulat");
	assert_int_equal(e.n, 4);
	values_free(&v);

	kind_free(k);
	free(path);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* kind-4.1: normalising a good letter: dates, defaults, choices by label. */
static void test_normalize_ok(void **state)
{
	(void)state;
	struct kind *k = load_real();
	struct values v;
	struct errs e;
	errs_init(&e);
	values_init(&v);
	values_set(&v, "asal_surat", "  Dinas Koperasi Kab. Kupang  ");
	values_set(&v, "nomor_surat", "500/12/DK/2026");
	values_set(&v, "tanggal_surat", "27-02-2026");
	values_set(&v, "perihal", "Undangan rapat koordinasi");
	values_set(&v, "urgensi", "sangat segera");
	values_set(&v, "penting", "penting");
	values_set(&v, "kode_klasifikasi", "000.1.2");
	values_set(&v, "isi_ringkas", "Baris satu\nbaris dua\tdengan tab");
	values_set(&v, "lampiran", "   ");
	values_set(&v, "nomor_agenda", "12");
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	assert_int_equal(e.n, 0);
	assert_string_equal(values_get(&v, "asal_surat"), "Dinas Koperasi Kab. Kupang");
	assert_string_equal(values_get(&v, "tanggal_surat"), "2026-02-27");
	assert_string_equal(values_get(&v, "tanggal_diterima"), "2026-03-02");
	assert_string_equal(values_get(&v, "sifat"), "Biasa");
	assert_string_equal(values_get(&v, "urgensi"), "Sangat Segera");
	assert_string_equal(values_get(&v, "penting"), "P");
	assert_string_equal(values_get(&v, "isi_ringkas"), "Baris satu\nbaris dua\tdengan tab");
	assert_string_equal(values_get(&v, "nomor_agenda"), "12");
	assert_null(values_get(&v, "lampiran"));
	assert_null(values_get(&v, "keterangan"));
	assert_int_equal(v.n, 11);

	/* ISO input is accepted too; normalising stored values changes nothing */
	values_set(&v, "tanggal_surat", "2026-01-05");
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	assert_string_equal(values_get(&v, "tanggal_surat"), "2026-01-05");
	char *json1 = values_to_json(&v);
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	char *json2 = values_to_json(&v);
	assert_string_equal(json1, json2);
	free(json1);
	free(json2);

	/* display */
	char *d = kind_display(kind_field(k, "tanggal_surat"), "2026-01-05");
	assert_string_equal(d, "05-01-2026");
	free(d);
	d = kind_display(kind_field(k, "perihal"), "2026-01-05");
	assert_string_equal(d, "2026-01-05");
	free(d);
	d = kind_display(kind_field(k, "tanggal_surat"), "rusak");
	assert_string_equal(d, "rusak");
	free(d);
	d = kind_display(kind_field(k, "perihal"), NULL);
	assert_string_equal(d, "");
	free(d);
	d = kind_format_number(k, 12, 2026, "800");
	assert_string_equal(d, "12");
	free(d);

	values_free(&v);
	errs_free(&e);
	kind_free(k);
}

/* kind-4.2: every bad field gets one message starting with its key. */
static void test_normalize_errors(void **state)
{
	(void)state;
	struct kind *k = load_real();
	struct values v;
	struct errs e;
	errs_init(&e);
	values_init(&v);
	values_set(&v, "asal_surat", "Dinas \x1b[31mmerah");
	values_set(&v, "nomor_surat", "1/2");
	values_set(&v, "tanggal_surat", "31-02-2026");
	values_set(&v, "perihal", "");
	values_set(&v, "urgensi", "Kilat");
	values_set(&v, "kode_klasifikasi", "999.9");
	values_set(&v, "tanggal_diterima", "2026-3-2");
	values_set(&v, "lampiran", "satu\nberkas");
	values_set(&v, "indeks", "\xff\xfe");
	values_set(&v, "warna", "merah");
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	expect_msg(&e, "asal_surat: mengandung karakter kendali");
	expect_msg(&e, "tanggal_surat: tanggal tidak valid '31-02-2026' (format DD-MM-YYYY)");
	expect_msg(&e, "perihal: wajib diisi");
	expect_msg(&e, "urgensi: 'Kilat' bukan pilihan (Biasa, Segera, Sangat Segera)");
	expect_msg(&e, "kode_klasifikasi: kode '999.9' tidak ada dalam daftar klasifikasi");
	expect_msg(&e, "tanggal_diterima: tanggal tidak valid '2026-3-2' (format DD-MM-YYYY)");
	expect_msg(&e, "lampiran: mengandung karakter kendali");
	expect_msg(&e, "indeks: bukan teks UTF-8 yang sah");
	expect_msg(&e, "warna: isian tidak dikenal untuk jenis surat_masuk");
	assert_int_equal(e.n, 9);
	/* nothing was rewritten */
	assert_string_equal(values_get(&v, "perihal"), "");
	assert_int_equal(v.n, 10);
	values_free(&v);
	errs_free(&e);

	/* a 10,000-character subject (multi-byte characters count once) */
	errs_init(&e);
	values_init(&v);
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 5000; i++)
		buf_adds(&b, "a\xc3\xa9");
	values_set(&v, "asal_surat", "Bappeda");
	values_set(&v, "nomor_surat", "1");
	values_set(&v, "tanggal_surat", "01-03-2026");
	values_set(&v, "perihal", b.s);
	buf_free(&b);
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.msg[0], "perihal: terlalu panjang (10000 karakter, maksimal 500)");
	values_free(&v);
	errs_free(&e);

	/* the message never carries raw control characters */
	errs_init(&e);
	values_init(&v);
	values_set(&v, "tanggal_surat", "1\x1b]0;x\a");
	values_set(&v, "sifat", "Rahasia\x01");
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	for (size_t i = 0; i < e.n; i++)
		assert_int_equal(str_has_control(e.msg[i], 0), 0);
	values_free(&v);
	errs_free(&e);
	kind_free(k);
}

/* kind-6.1: a koperasi field (registry id or NIK) with role koperasi: the
 * value is trimmed text of at most 100 characters; the registry check is the
 * store's. */
static void test_koperasi_field(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *path;
	struct kind *k;
	struct errs e;
	errs_init(&e);
	assert_int_equal(load_text(dir, "uji.ini",
		"[kind]\n"
		"title = Uji\n"
		"[field.perihal]\n"
		"label = Perihal\n"
		"type = text\n"
		"[field.koperasi]\n"
		"label = Koperasi\n"
		"type = koperasi\n"
		"role = koperasi\n"
		"required = yes\n"
		"help = NIK koperasi atau id registri\n"
		"[field.koperasi_induk]\n"
		"label = Koperasi induk\n"
		"type = koperasi\n"
		"default = 5371010010000001\n",
		&k, &e, &path), 0);
	assert_int_equal(e.n, 0);
	const struct kfield *f = kind_field(k, "koperasi");
	assert_non_null(f);
	assert_int_equal(f->type, FT_KOPERASI);
	assert_int_equal(f->role, FR_KOPERASI);
	assert_int_equal(f->required, 1);
	assert_int_equal(f->max_len, 100);
	assert_ptr_equal(kind_field_by_role(k, FR_KOPERASI), f);
	/* a second koperasi field without the role is allowed */
	f = kind_field(k, "koperasi_induk");
	assert_int_equal(f->type, FT_KOPERASI);
	assert_int_equal(f->role, FR_NONE);

	/* trimmed, otherwise kept as typed; the default fills an empty field */
	struct values v;
	values_init(&v);
	values_set(&v, "koperasi", " \t5371010010001234  ");
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	assert_int_equal(e.n, 0);
	assert_string_equal(values_get(&v, "koperasi"), "5371010010001234");
	assert_string_equal(values_get(&v, "koperasi_induk"), "5371010010000001");
	char *shown = kind_display_long(kind_field(k, "koperasi"), "5371010010001234");
	assert_string_equal(shown, "5371010010001234");
	free(shown);
	values_free(&v);

	values_init(&v);
	values_set(&v, "koperasi", "0195f3a4-7b1c-7d2e-9f00-0123456789ab");
	values_set(&v, "koperasi_induk", "Koperasi Serba Usaha \"Sehati\"");
	assert_int_equal(kind_normalize(k, &v, &e), 0);
	assert_string_equal(values_get(&v, "koperasi"), "0195f3a4-7b1c-7d2e-9f00-0123456789ab");
	values_free(&v);

	/* required, at most 100 characters, no control characters */
	values_init(&v);
	values_set(&v, "koperasi", "   ");
	char longv[102];
	memset(longv, '7', 101);
	longv[101] = '\0';
	values_set(&v, "koperasi_induk", longv);
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	expect_msg(&e, "koperasi: wajib diisi");
	expect_msg(&e, "koperasi_induk: terlalu panjang (101 karakter, maksimal 100)");
	assert_int_equal(e.n, 2);
	values_free(&v);
	errs_free(&e);

	errs_init(&e);
	values_init(&v);
	values_set(&v, "koperasi", "5371\n0100");
	assert_int_equal(kind_normalize(k, &v, &e), -1);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.msg[0], "koperasi: mengandung karakter kendali");
	values_free(&v);
	errs_free(&e);
	kind_free(k);
	free(path);

	/* the role needs the type; at most one field per kind has it; the type
	 * takes no min, max or pattern */
	errs_init(&e);
	assert_int_equal(load_text(dir, "salah.ini",
		"[kind]\n"
		"title = Uji\n"
		"[field.a]\n"
		"label = A\n"
		"type = text\n"
		"role = koperasi\n"
		"[field.b]\n"
		"label = B\n"
		"type = koperasi\n"
		"role = koperasi\n"
		"min = 1\n"
		"max = 16\n"
		"pattern = [0-9]+\n"
		"[field.c]\n"
		"label = C\n"
		"type = kop\n"
		"[field.d]\n"
		"label = D\n"
		"type = koperasi\n"
		"role = registri\n",
		&k, &e, &path), -1);
	assert_null(k);
	char want[1024];
	const char *msgs[] = {
		"%s: [field.a] role: peran koperasi harus jenis koperasi",
		"%s: [field.b] role: peran 'koperasi' sudah dipakai oleh [field.a]",
		"%s: [field.b] min: hanya untuk jenis text, longtext atau number",
		"%s: [field.b] max: hanya untuk jenis text, longtext atau number",
		"%s: [field.b] pattern: hanya untuk jenis text, longtext atau number",
		"%s: [field.c] type: jenis 'kop' tidak dikenal (text, longtext, date, number, "
		"choice, multi, ref, koperasi)",
		"%s: [field.d] role: peran 'registri' tidak dikenal (number, received, party, "
		"subject, letter_no, security, urgency, penting, koperasi)",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		snprintf(want, sizeof want, msgs[i], path);
		expect_msg(&e, want);
	}
	assert_int_equal(e.n, sizeof msgs / sizeof *msgs);
	free(path);
	errs_free(&e);
	tu_rmdir(dir);
	free(dir);
}

/* A valid sample value for a required field without a default. */
static const char *sample_value(const struct kfield *f, char *buf, size_t n)
{
	switch (f->type) {
	case FT_DATE:
		return "02-03-2026";
	case FT_NUMBER:
		snprintf(buf, n, "%ld", f->has_min ? f->min : 1);
		return buf;
	case FT_CHOICE:
	case FT_MULTI:
		return f->choices[0];
	case FT_REF:
		return f->ref->items[0].code;
	case FT_KOPERASI:
		return "5371010010001234";
	default:
		return "Uji";
	}
}

/* 1 if the kind's clock can stop: a pause step that the case reaches, either
 * because it is not passed at registration or because a step returns to it. */
static int pause_reachable(const struct kind *k)
{
	for (size_t i = 0; i < k->n_steps; i++) {
		const struct kstep *p = &k->steps[i];
		if (!p->pauses_clock)
			continue;
		if (p->complete_on != CO_REGISTER)
			return 1;
		for (size_t j = 0; j < k->n_steps; j++)
			if (k->steps[j].return_to == p->no)
				return 1;
	}
	return 0;
}

/* kind-6.2: every shipped forms/<kind>.ini loads without a problem; every step's
 * actor is a position of data/jabatan.csv; a case with only the required
 * fields filled passes; the kinds linked to the registry carry the common
 * fields, a pause step the case can reach and numbers that cannot be confused
 * across kinds. */
static void test_shipped_forms(void **state)
{
	(void)state;
	DIR *d = opendir("forms");
	assert_non_null(d);
	size_t files = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 4 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "forms/%s", de->d_name);
		struct errs e;
		errs_init(&e);
		struct kind *k = NULL;
		int rc = kind_load_file(path, "data", &k, &e);
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "%s\n", e.msg[i]);
		assert_int_equal(rc, 0);
		assert_int_equal(e.n, 0);
		errs_free(&e);
		kind_free(k);
		files++;
	}
	closedir(d);

	struct kindset ks;
	struct errs e;
	errs_init(&e);
	assert_int_equal(kind_load_dir("forms", "data", &ks, &e), 0);
	assert_int_equal(ks.n, files);
	char *cause = NULL;
	struct reflist *pos = reflist_load("data", "jabatan", &cause);
	assert_non_null(pos);

	const char *services[] = {
		"pendirian_koperasi", "legalitas_koperasi", "registrasi_ods", "izin_usp",
		"kantor_kas", "sertifikat_nik", "penerimaan_rat",
	};
	size_t nserv = sizeof services / sizeof *services;
	for (size_t i = 0; i < nserv; i++) {
		if (kindset_find(&ks, services[i]) == NULL) {
			fprintf(stderr, "forms/%s.ini missing\n", services[i]);
			fail();
		}
	}

	char *numbers[64];
	size_t nnum = 0;
	for (size_t i = 0; i < ks.n; i++) {
		const struct kind *k = ks.kinds[i];
		assert_true(k->n_steps >= 1);
		for (size_t j = 0; j < k->n_steps; j++) {
			const struct kstep *s = &k->steps[j];
			if (reflist_find(pos, s->actor) == NULL) {
				fprintf(stderr, "%s [step.%d] actor: '%s' not in data/jabatan.csv\n",
					k->path, s->no, s->actor);
				fail();
			}
		}

		/* only the required fields: defaults fill the rest */
		struct values v;
		values_init(&v);
		char buf[32];
		for (size_t j = 0; j < k->n_fields; j++) {
			const struct kfield *f = &k->fields[j];
			if (f->required && f->defval == NULL && !f->auto_number)
				values_set(&v, f->key, sample_value(f, buf, sizeof buf));
		}
		if (kind_normalize(k, &v, &e) != 0) {
			for (size_t j = 0; j < e.n; j++)
				fprintf(stderr, "%s: %s\n", k->path, e.msg[j]);
			fail();
		}
		values_free(&v);

		const struct kfield *kop = kind_field_by_role(k, FR_KOPERASI);
		if (kop == NULL)
			continue;
		/* a registration or certificate service */
		assert_int_equal(kop->type, FT_KOPERASI);
		const struct kfield *f = kind_field_by_role(k, FR_NUMBER);
		assert_non_null(f);
		assert_int_equal(f->auto_number, 1);
		f = kind_field_by_role(k, FR_RECEIVED);
		assert_non_null(f);
		assert_string_equal(f->defval, "today");
		assert_non_null(kind_field_by_role(k, FR_PARTY));
		assert_non_null(kind_field_by_role(k, FR_SUBJECT));
		f = kind_field(k, "surat_masuk");
		assert_non_null(f);
		assert_int_equal(f->type, FT_TEXT);
		assert_int_equal(f->required, 0);
		assert_true(k->n_reqs >= 2);
		if (!pause_reachable(k)) {
			fprintf(stderr, "%s: no pause step the case can reach\n", k->path);
			fail();
		}
		assert_int_equal(k->number_yearly, 1);
		assert_non_null(strstr(k->number_format, "{yyyy}"));
		char *no = kind_format_number(k, 7, 2026, "500.3");
		for (size_t j = 0; j < nnum; j++) {
			if (strcmp(numbers[j], no) == 0) {
				fprintf(stderr, "%s: number %s also used by another kind\n", k->path, no);
				fail();
			}
		}
		assert_true(nnum < sizeof numbers / sizeof *numbers);
		numbers[nnum++] = no;
	}
	assert_true(nnum >= nserv);
	for (size_t i = 0; i < nnum; i++)
		free(numbers[i]);

	/* what the sources fix */
	const struct kind *k = kindset_find(&ks, "kantor_kas");
	assert_int_equal(k->service_days, 30);
	assert_int_equal(k->n_reqs, 5);
	for (size_t i = 0; i < k->n_reqs; i++)
		assert_int_equal(k->reqs[i].required, 1);
	char *no = kind_format_number(k, 7, 2026, NULL);
	assert_string_equal(no, "0007/KAS/2026");
	free(no);

	k = kindset_find(&ks, "sertifikat_nik");
	assert_int_equal(k->service_days, 3);
	assert_int_equal(kind_field(k, "nomor_sertifikat")->type, FT_TEXT);
	assert_int_equal(kind_field(k, "tanggal_terbit")->type, FT_DATE);
	assert_int_equal(kind_field(k, "berlaku_sampai")->type, FT_DATE);
	assert_int_equal(kind_step(k, 4)->return_to, 3);
	assert_int_equal(kind_step(k, 3)->pauses_clock, 1);
	assert_string_equal(kind_step(k, 2)->actor, "kabid_pemberdayaan");

	k = kindset_find(&ks, "registrasi_ods");
	assert_int_equal(k->n_reqs, 7);
	assert_string_equal(k->reqs[0].key, "surat_kuasa");
	assert_int_equal(k->reqs[0].required, 0);
	for (size_t i = 1; i < k->n_reqs; i++)
		assert_int_equal(k->reqs[i].required, 1);
	assert_int_equal(kind_step(k, 3)->return_to, 2);
	assert_int_equal(kind_step(k, 2)->pauses_clock, 1);

	k = kindset_find(&ks, "penerimaan_rat");
	const struct kfield *f = kind_field(k, "predikat_kesehatan");
	assert_int_equal(f->type, FT_CHOICE);
	assert_int_equal(f->n_choices, 4);
	assert_string_equal(f->choices[0], "Sehat");
	assert_string_equal(f->choices[1], "Cukup Sehat");
	assert_string_equal(f->choices[2], "Dalam Pengawasan");
	assert_string_equal(f->choices[3], "Dalam Pengawasan Khusus");
	assert_int_equal(kind_field(k, "tahun_buku")->type, FT_NUMBER);
	assert_int_equal(kind_field(k, "tanggal_rat")->type, FT_DATE);
	assert_int_equal(k->n_steps, 9);

	const char *no_standard[] = {
		"pendirian_koperasi", "legalitas_koperasi", "registrasi_ods", "izin_usp",
		"penerimaan_rat",
	};
	for (size_t i = 0; i < sizeof no_standard / sizeof *no_standard; i++)
		assert_int_equal(kindset_find(&ks, no_standard[i])->service_days, 0);

	reflist_free(pos);
	kindset_free(&ks);
	errs_free(&e);
}

/* kind-5.1: values keep one entry per key; NULL removes. */
static void test_values(void **state)
{
	(void)state;
	struct values v;
	values_init(&v);
	assert_null(values_get(&v, "a"));
	values_set(&v, "a", "1");
	values_set(&v, "b", "2");
	values_set(&v, "a", "3");
	assert_int_equal(v.n, 2);
	assert_string_equal(values_get(&v, "a"), "3");
	for (int i = 0; i < 40; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%d", i);
		values_set(&v, key, key);
	}
	assert_int_equal(v.n, 42);
	assert_string_equal(values_get(&v, "k39"), "k39");
	values_set(&v, "a", NULL);
	values_set(&v, "tidak_ada", NULL);
	assert_int_equal(v.n, 41);
	assert_null(values_get(&v, "a"));
	assert_string_equal(v.key[0], "b");
	values_free(&v);
	assert_int_equal(v.n, 0);
	values_free(&v);
}

/* kind-5.2: JSON round trip of quotes, backslashes, newlines, controls, emoji. */
static void test_json(void **state)
{
	(void)state;
	struct values v, w;
	values_init(&v);
	values_set(&v, "perihal", "Undangan \"rapat\" C:\\data\nbaris 2\ttab");
	values_set(&v, "asal", "Kantor \xf0\x9f\x98\x80 \xc3\xa9\x01\x1f\x7f\xc2\x85 \xe2\x80\xa8");
	values_set(&v, "kosong", "");
	values_set(&v, "kunci \"aneh\"", "/");
	char *js = values_to_json(&v);
	assert_string_equal(js,
		"{\"perihal\":\"Undangan \\\"rapat\\\" C:\\\\data\\u000abaris 2\\u0009tab\","
		"\"asal\":\"Kantor \xf0\x9f\x98\x80 \xc3\xa9\\u0001\\u001f\\u007f\xc2\x85 "
		"\xe2\x80\xa8\",\"kosong\":\"\",\"kunci \\\"aneh\\\"\":\"/\"}");
	assert_int_equal(values_from_json(js, &w), 0);
	assert_int_equal(w.n, v.n);
	for (size_t i = 0; i < v.n; i++) {
		assert_string_equal(w.key[i], v.key[i]);
		assert_string_equal(w.val[i], v.val[i]);
	}
	values_free(&w);
	free(js);
	values_free(&v);

	values_init(&v);
	js = values_to_json(&v);
	assert_string_equal(js, "{}");
	free(js);

	/* JSON written by others: escapes, surrogate pairs, spaces, numbers, null */
	assert_int_equal(values_from_json(" { \"a\" : \"\\ud83d\\ude00\\u00e9\\n\\/\\b\\f\\r\" ,"
					  "\"n\":-12.5e3,\"z\":null,\"a\":\"\\u20ac\\\\\"}\n", &w), 0);
	assert_int_equal(w.n, 2);
	assert_string_equal(values_get(&w, "a"), "\xe2\x82\xac\\");
	assert_string_equal(values_get(&w, "n"), "-12.5e3");
	values_free(&w);
	assert_int_equal(values_from_json("{\"a\":\"\\ud83d\\ude00\\u00e9\\n\"}", &w), 0);
	assert_string_equal(values_get(&w, "a"), "\xf0\x9f\x98\x80\xc3\xa9\n");
	values_free(&w);

	const char *bad[] = {
		"", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":\"b\",}", "{\"a\":\"b\"} x",
		"{\"a\":\"\\ud83d\"}", "{\"a\":\"\\ude00\"}", "{\"a\":\"\\u0000\"}",
		"{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"b\nc\"}", "{\"a\":\"\xff\"}",
		"{\"a\":{\"b\":\"c\"}}", "{\"a\":\"b\"", "{a:\"b\"}", "{\"a\":\"b",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (values_from_json(bad[i], &w) != -1) {
			fprintf(stderr, "accepted: %s\n", bad[i]);
			fail();
		}
		assert_int_equal(w.n, 0);
	}
	assert_int_equal(values_from_json(NULL, &w), -1);
}

int main(void)
{
	setenv("BERKAS_NOW", "2026-03-02", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_surat_masuk),
		cmocka_unit_test(test_load_dir),
		cmocka_unit_test(test_load_many_problems),
		cmocka_unit_test(test_load_line_scan),
		cmocka_unit_test(test_load_long_line),
		cmocka_unit_test(test_load_field_rules),
		cmocka_unit_test(test_load_small_kind),
		cmocka_unit_test(test_normalize_ok),
		cmocka_unit_test(test_normalize_errors),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_koperasi_field),
		cmocka_unit_test(test_shipped_forms),
	};
	return cmocka_run_group_tests_name("kind", tests, NULL, NULL);
}
