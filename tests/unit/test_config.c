/* test_config.c: unit tests for config.c (defaults, valid file, every bad key reported, syntax errors). */
#include "testutil.h"
#include "config.h"

/* Loads text as dir/config.ini; the path is returned in *pathp (caller frees). */
static int load_text(const char *dir, const char *text, struct config *c, struct errs *e, char **pathp)
{
	*pathp = tu_write(dir, "config.ini", text);
	return config_load(*pathp, c, e);
}

/* errs joined with the temporary path replaced by "P" (caller frees). */
static char *joined(const struct errs *e, const char *path)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t pl = strlen(path);
	for (size_t i = 0; i < e->n; i++) {
		const char *m = e->msg[i];
		if (i > 0)
			buf_addc(&b, '\n');
		if (strncmp(m, path, pl) == 0) {
			buf_adds(&b, "P");
			m += pl;
		}
		buf_adds(&b, m);
	}
	return buf_steal(&b);
}

static void config_defaults_values(void **state)
{
	(void)state;
	struct config c;
	config_defaults(&c);
	assert_string_equal(c.office_name,
			    "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Nusa Tenggara Timur");
	assert_string_equal(c.unit_code, "DKUKM");
	assert_string_equal(c.tz_name, "WITA");
	assert_int_equal(c.utc_offset_min, 480);
	assert_int_equal(c.hours_start_min, 450);
	assert_int_equal(c.hours_end_min, 960);
	assert_string_equal(c.print_command, "lp");
	assert_int_equal(c.n_instructions, 7);
	assert_string_equal(c.instructions[0], "untuk diketahui");
	assert_string_equal(c.instructions[1], "untuk ditindaklanjuti");
	assert_string_equal(c.instructions[6], "arsipkan");
	assert_int_equal(c.deadline_days[URG_BIASA], 5);
	assert_int_equal(c.deadline_days[URG_SEGERA], 2);
	assert_int_equal(c.deadline_days[URG_SANGAT_SEGERA], 1);
	assert_int_equal(c.color, -1);
	assert_string_equal(c.color_overdue, "red");
	assert_string_equal(c.color_due, "yellow");
	assert_string_equal(c.color_header, "blue");
	assert_null(c.share_dir);
	assert_null(c.path);
	config_free(&c);
}

static void config_missing_file(void **state)
{
	(void)state;
	struct config c;
	memset(&c, 0, sizeof c);
	struct errs e;
	errs_init(&e);
	assert_int_equal(config_load("/nonexistent/berkas/config.ini", &c, &e), 0);
	assert_int_equal(e.n, 0);
	assert_null(c.path);
	assert_string_equal(c.unit_code, "DKUKM");
	assert_int_equal(c.deadline_days[URG_BIASA], 5);
	config_free(&c);
	errs_free(&e);
}

static void config_full_file(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p;
	struct config c;
	memset(&c, 0, sizeof c);
	struct errs e;
	errs_init(&e);
	int rc = load_text(dir,
			   "; konfigurasi kantor\n"
			   "[Kantor]\n"
			   "nama = Dinas Koperasi dan UKM Kabupaten Kupang\n"
			   "kode_unit = DKUKM.KPG\n"
			   "zona = WIB\n"
			   "jam_kerja = 08:00-15:30\n"
			   "[cetak]\n"
			   "perintah = lp -d kantor\n"
			   "[disposisi]\n"
			   "instruksi = \"untuk diketahui; hadiri ;;siapkan bahan\"\n"
			   "[batas_waktu]\n"
			   "biasa = 7\n"
			   "segera = 3\n"
			   "sangat_segera = 0\n"
			   "[tampilan]\n"
			   "warna = tidak\n"
			   "warna_terlambat = Magenta\n"
			   "warna_jatuh_tempo = cyan\n"
			   "warna_judul = green\n"
			   "[jalur]\n"
			   "data_dan_formulir = /srv/berkas\n",
			   &c, &e, &p);
	assert_int_equal(e.n, 0);
	assert_int_equal(rc, 0);
	assert_string_equal(c.path, p);
	assert_string_equal(c.office_name, "Dinas Koperasi dan UKM Kabupaten Kupang");
	assert_string_equal(c.unit_code, "DKUKM.KPG");
	assert_string_equal(c.tz_name, "WIB");
	assert_int_equal(c.utc_offset_min, 420);
	assert_int_equal(c.hours_start_min, 480);
	assert_int_equal(c.hours_end_min, 930);
	assert_string_equal(c.print_command, "lp -d kantor");
	assert_int_equal(c.n_instructions, 3);
	assert_string_equal(c.instructions[0], "untuk diketahui");
	assert_string_equal(c.instructions[1], "hadiri");
	assert_string_equal(c.instructions[2], "siapkan bahan");
	assert_int_equal(c.deadline_days[URG_BIASA], 7);
	assert_int_equal(c.deadline_days[URG_SEGERA], 3);
	assert_int_equal(c.deadline_days[URG_SANGAT_SEGERA], 0);
	assert_int_equal(c.color, 0);
	assert_string_equal(c.color_overdue, "magenta");
	assert_string_equal(c.color_due, "cyan");
	assert_string_equal(c.color_header, "green");
	assert_string_equal(c.share_dir, "/srv/berkas");

	/* Loading again into the same struct starts from the defaults (no leak). */
	free(p);
	rc = load_text(dir, "[kantor]\nzona = WIT\n", &c, &e, &p);
	assert_int_equal(rc, 0);
	assert_string_equal(c.tz_name, "WIT");
	assert_int_equal(c.utc_offset_min, 540);
	assert_string_equal(c.unit_code, "DKUKM");
	assert_int_equal(c.n_instructions, 7);
	assert_null(c.share_dir);
	config_free(&c);
	errs_free(&e);
	free(p);
	tu_rmdir(dir);
	free(dir);
}

static void config_every_bad_key(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p;
	struct config c;
	memset(&c, 0, sizeof c);
	struct errs e;
	errs_init(&e);
	int rc = load_text(dir,
			   "[kantor]\n"
			   "nama = Kantor Uji\n"
			   "zona = XYZ\n"
			   "jam_kerja = 16:00-07:30\n"
			   "kode_unt = X\n"
			   "[batas_waktu]\n"
			   "biasa = lima\n"
			   "segera = 400\n"
			   "sangat_segera = -1\n"
			   "[tampilan]\n"
			   "warna = mungkin\n"
			   "warna_judul = pink\n"
			   "[disposisi]\n"
			   "instruksi = \" ; \"\n"
			   "[kantr]\n"
			   "nama = salah ketik\n",
			   &c, &e, &p);
	assert_int_equal(rc, -1);
	char *all = joined(&e, p);
	assert_string_equal(all,
		"P: [kantor] kode_unt: kunci tidak dikenal\n"
		"P: [kantr]: bagian tidak dikenal\n"
		"P: [kantor] zona: nilai 'XYZ' tidak dikenal (WIB, WITA, WIT)\n"
		"P: [kantor] jam_kerja: nilai '16:00-07:30' tidak valid (JJ:MM-JJ:MM, mis. 07:30-16:00)\n"
		"P: [disposisi] instruksi: tidak boleh kosong (daftar dipisah ';' dalam tanda kutip)\n"
		"P: [batas_waktu] biasa: nilai 'lima' tidak valid (bilangan bulat hari kerja 0..365)\n"
		"P: [batas_waktu] segera: nilai '400' tidak valid (bilangan bulat hari kerja 0..365)\n"
		"P: [batas_waktu] sangat_segera: nilai '-1' tidak valid (bilangan bulat hari kerja 0..365)\n"
		"P: [tampilan] warna: nilai 'mungkin' tidak dikenal (auto, ya, tidak)\n"
		"P: [tampilan] warna_judul: nilai 'pink' tidak dikenal "
		"(black, red, green, yellow, blue, magenta, cyan, white)");
	free(all);
	/* Good keys are applied, bad ones keep their defaults. */
	assert_string_equal(c.office_name, "Kantor Uji");
	assert_string_equal(c.tz_name, "WITA");
	assert_int_equal(c.utc_offset_min, 480);
	assert_int_equal(c.hours_start_min, 450);
	assert_int_equal(c.deadline_days[URG_SEGERA], 2);
	assert_int_equal(c.color, -1);
	assert_string_equal(c.color_header, "blue");
	assert_int_equal(c.n_instructions, 7);
	config_free(&c);
	errs_free(&e);
	free(p);
	tu_rmdir(dir);
	free(dir);
}

static void config_syntax_errors(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	char *p;
	struct config c;
	memset(&c, 0, sizeof c);
	struct errs e;
	errs_init(&e);
	int rc = load_text(dir,
			   "[kantor]\n"
			   "zona = WIB\n"
			   "ini bukan kunci\n"
			   "[cetak]\n"
			   "perintah lp\n",
			   &c, &e, &p);
	assert_int_equal(rc, -1);
	char *all = joined(&e, p);
	assert_string_equal(all,
		"P:3: baris tidak dapat dibaca (bukan [bagian] atau kunci = nilai): ini bukan kunci\n"
		"P:5: baris tidak dapat dibaca (bukan [bagian] atau kunci = nilai): perintah lp");
	free(all);
	/* Nothing of the broken file is used. */
	assert_string_equal(c.tz_name, "WITA");
	assert_null(c.path);
	config_free(&c);
	errs_free(&e);
	free(p);

	errs_init(&e);
	rc = load_text(dir, "zona = WIB\n[kantor]\nnama = X\n", &c, &e, &p);
	assert_int_equal(rc, -1);
	all = joined(&e, p);
	assert_string_equal(all, "P: zona: kunci di luar bagian [...]");
	free(all);
	config_free(&c);
	errs_free(&e);
	free(p);
	tu_rmdir(dir);
	free(dir);
}

static void config_paths(void **state)
{
	(void)state;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	setenv("HOME", "/home/arsiparis", 1);
	setenv("XDG_CONFIG_HOME", "/tmp/xdg", 1);
	char *s = config_default_path();
	assert_string_equal(s, "/tmp/xdg/berkas/config.ini");
	free(s);
	unsetenv("XDG_CONFIG_HOME");
	s = config_default_path();
	assert_string_equal(s, "/home/arsiparis/.config/berkas/config.ini");
	free(s);
	setenv("XDG_CONFIG_HOME", "", 1);
	s = config_default_path();
	assert_string_equal(s, "/home/arsiparis/.config/berkas/config.ini");
	free(s);
	if (old_home)
		setenv("HOME", old_home, 1);
	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(old_home);
	free(old_xdg);
}

static void config_urgency(void **state)
{
	(void)state;
	assert_int_equal(urgency_from_label("Biasa"), URG_BIASA);
	assert_int_equal(urgency_from_label("Segera"), URG_SEGERA);
	assert_int_equal(urgency_from_label("Sangat Segera"), URG_SANGAT_SEGERA);
	assert_int_equal(urgency_from_label("sangat segera"), URG_SANGAT_SEGERA);
	assert_int_equal(urgency_from_label("Kilat"), -1);
	assert_int_equal(urgency_from_label(""), -1);
	assert_int_equal(urgency_from_label(NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(config_defaults_values),
		cmocka_unit_test(config_missing_file),
		cmocka_unit_test(config_full_file),
		cmocka_unit_test(config_every_bad_key),
		cmocka_unit_test(config_syntax_errors),
		cmocka_unit_test(config_paths),
		cmocka_unit_test(config_urgency),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
